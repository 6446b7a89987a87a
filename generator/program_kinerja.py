"""Program, kegiatan and sub kegiatan indicators: their capaian beside their budget, grouped under the sasaran they support.

A mixin of the context builder (see `context`): `program_kinerja()` adds the table `program_kinerja` and returns the
sentences that introduce it, one per sasaran. The budget of a Kinerja node is found, in this order: the Anggaran lines
whose Sasaran column names it; the sum of its children's budgets; the Anggaran lines with its kode; the Anggaran lines
of its level with its uraian. A node with none of these prints "-", never a guessed figure.
"""

from __future__ import annotations

from collections import defaultdict

from .compute import HasilIndikator, Jumlah
from .contract import LEVEL_ANGGARAN as LEVELS
from .contract import normalize_header, program_key
from .formatting import bilangan, nilai, persen, uang
from .model import BarisAnggaran, NodeKinerja
from .narrate import daftar, nama_indikator, rincian_status
from .specs import Baris, Kolom, Tabel


def _own(node: NodeKinerja) -> tuple[str, str]:
    return node.level, program_key(node.uraian) if node.level == "Program" else normalize_header(node.uraian)


def identitas_map(root: NodeKinerja) -> dict[NodeKinerja, tuple]:
    """What makes two Kinerja rows one program/kegiatan: level and name (a kode may be positional), within
    the program/kegiatan above it (the same kegiatan under two programs is two kegiatan)."""
    out: dict[NodeKinerja, tuple] = {}
    stack: list[tuple[NodeKinerja, tuple]] = [(root, ())]
    while stack:
        node, above = stack.pop()
        key = above + (_own(node),) if node.level in LEVELS else ()
        out[node] = key
        stack.extend((c, key) for c in node.anak)
    return out


class ProgramKinerja:
    def _anggaran_index(self) -> tuple[dict, dict]:
        by_kode: dict[str, list[BarisAnggaran]] = defaultdict(list)
        by_nama: dict[tuple[str, str], list[BarisAnggaran]] = defaultdict(list)
        for ln in self.lap.budget_lines():
            if ln.kode:
                by_kode[normalize_header(ln.kode)].append(ln)
            by_nama[(ln.level, program_key(ln.uraian))].append(ln)
        return by_kode, by_nama

    def _lines_node(self, node: NodeKinerja, index: tuple[dict, dict], memo: dict,
                    scope: set[int] | None = None) -> list[BarisAnggaran] | None:
        """The budget lines of a Kinerja node (see the module docstring), or None. `scope`: the ids of the
        budget lines that belong to its sasaran (by the Sasaran column), when it has any: a program matched by
        kode or name counts only its lines there, so every table gives a sasaran the same budget (issue 19.11)."""
        if node in memo:
            return memo[node]
        by_kode, by_nama = index
        kids = [ls for ls in (self._lines_node(c, index, memo, scope) for c in node.anak) if ls is not None]
        # the children's budgets come before a match by kode or name: a program stated under several sasaran
        # then carries only the part under this sasaran, not its whole pagu each time
        lines = self.h.links.get(node) or (None if kids else (
            (by_kode.get(normalize_header(node.kode)) if node.kode else None) or by_nama.get((node.level, program_key(node.uraian)))))
        if lines and scope is not None and not self.h.links.get(node):
            lines = [ln for ln in lines if id(ln) in scope] or None
        out = list(lines) if lines else ([ln for ls in kids for ln in ls] if kids else None)
        memo[node] = out
        return out

    def _anggaran_nodes(self, nodes: list[NodeKinerja], index: tuple[dict, dict], memo: dict,
                        scope: set[int] | None = None) -> Jumlah | None:
        """The budget of one program/kegiatan stated on one or more rows: each budget line counted once."""
        found = [ls for ls in (self._lines_node(x, index, memo, scope) for x in nodes) if ls is not None]
        if not found:
            return None
        lines = list(dict.fromkeys(ln for ls in found for ln in ls))
        inside = {id(d) for ln in lines for d in ln.walk()[1:]}  # a line and its own detail: the line only
        return sum((self.h.jumlah[ln] for ln in lines if id(ln) not in inside), Jumlah())

    def _anggaran_node(self, node: NodeKinerja, index: tuple[dict, dict], memo: dict) -> Jumlah | None:
        return self._anggaran_nodes([node], index, memo)

    def program_kinerja(self) -> list[str]:
        """The table of program/kegiatan/sub kegiatan indicators and one sentence per sasaran."""
        index, memo = self._anggaran_index(), {}
        rows: list[Baris] = []
        kalimat: list[str] = []
        for i, s in enumerate(self.lap.nodes("Sasaran"), 1):
            counter = [0] * len(LEVELS)  # 1, 1.1, 1.1.1: program, kegiatan, sub kegiatan, from 1 under each sasaran
            nodes = [x for x in s.walk() if x.level in LEVELS]
            if not any(x.indikator for x in nodes):
                continue
            rows.append(Baris(["", f"Sasaran {i}: {s.uraian}"], "subjudul"))
            hasil: list[HasilIndikator] = []
            # a program (or kegiatan) stated on several rows under one sasaran is one program: one row, its
            # indicators once, its budget lines once (issue 19.7)
            ident = identitas_map(s)
            linked = self.h.links.get(s) or []
            scope = {id(d) for ln in linked for d in ln.walk()} if linked else None
            identitas = ident.__getitem__
            same: dict[tuple, list[NodeKinerja]] = defaultdict(list)
            for node in nodes:
                same[identitas(node)].append(node)
            seen: set[tuple] = set()
            for node in nodes:
                if not node.indikator and not any(d.indikator for d in node.walk()):
                    continue
                if identitas(node) in seen:
                    continue
                seen.add(identitas(node))
                depth = LEVELS.index(node.level)
                counter[depth] += 1
                counter[depth + 1:] = [0] * (len(LEVELS) - depth - 1)
                nomor = ".".join(str(c) for c in counter[:depth + 1] if c) or str(counter[depth])
                j = self._anggaran_nodes(same[identitas(node)], index, memo, scope)
                budget = [uang(j.pagu), uang(j.realisasi), self.pct(j.penyerapan)] if j is not None else ["-", "-", "-"]
                gaya = {"Program": "tebal"}.get(node.level, "biasa")
                indent = LEVELS.index(node.level)
                for k, ind in enumerate(node.indikator or [None]):
                    # "Program Penunjang …" already says its level: no "Program: Program …"
                    named = node.uraian if node.uraian.lower().startswith(node.level.lower()) else f"{node.level}: {node.uraian}"
                    label = [nomor, named] if k == 0 else ["", ""]
                    money = budget if k == 0 else ["", "", ""]
                    if ind is None:
                        rows.append(Baris(label + ["-", "", "", "", ""] + money, gaya, indent=indent))
                        continue
                    h = self.h.of_indikator(ind)
                    hasil.append(h)
                    cap = self.capaian_cell(h)
                    rows.append(Baris(label + [ind.nama, ind.satuan or "-", nilai(h.target, self.d), nilai(h.realisasi, self.d), cap]
                                      + money, gaya if k == 0 else "biasa", indent=indent))
            kalimat.append(self._kalimat(i, s, nodes, hasil, ident))
        if not rows:
            return []
        levels = jenjang({x.level for s in self.lap.nodes("Sasaran") for x in s.walk()})
        # the caption names what the table lists: no "Capaian" when no capaian could be measured
        diukur = any(r.sel[6] not in ("", "-") for r in rows if len(r.sel) > 6)
        self.tables["program_kinerja"] = Tabel(
            f"{'Capaian ' if diukur else ''}Indikator {levels} Tahun {self.tahun} beserta Anggarannya",
            [Kolom("No", 0.45, "tengah"), Kolom(levels.replace(", ", " / ").replace(" dan ", " / "), 2.6), Kolom("Indikator Kinerja", 2.6),
             Kolom("Satuan", 0.8, "tengah"), Kolom("Target", 0.8, "kanan"), Kolom("Realisasi", 0.8, "kanan"),
             Kolom("Capaian (%)", 0.85, "kanan"), Kolom("Pagu (Rp)", 1.3, "kanan"), Kolom("Realisasi (Rp)", 1.3, "kanan"),
             Kolom("Penyerapan (%)", 0.85, "kanan")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8", "9", "10 = 9/8 × 100"])
        return kalimat

    def _kalimat(self, i: int, s: NodeKinerja, nodes: list[NodeKinerja], hasil: list[HasilIndikator],
                 ident: dict[NodeKinerja, tuple]) -> str:
        counts = [f"{bilangan(len({ident[x] for x in nodes if x.level == lvl}))} {lvl.lower()}" for lvl in LEVELS
                  if any(x.level == lvl for x in nodes)]
        nama = nama_indikator(hasil)
        met = [h for h in hasil if h.capaian.status in ("melampaui", "tercapai")]
        unmet = [h for h in hasil if h.capaian.status == "tidak_tercapai"]
        none = [h for h in hasil if h.capaian.status is None]
        rincian = rincian_status(
            len(met), len(unmet), len(none),
            "; ".join(f"{nama[id(h)]}: {persen(h.capaian.nilai, self.d) if h.capaian.nilai is not None else h.capaian.alasan}"
                      for h in unmet),
            "; ".join(f"{nama[id(h)]}: {h.capaian.alasan or 'capaian tidak dinyatakan dalam persen'}" for h in none))
        return (f"Sasaran {i} ({s.uraian}) didukung oleh {daftar(counts)} dengan {bilangan(len(hasil))} indikator: "
                f"{rincian}.")


def jenjang(levels: set[str]) -> str:
    """The budget levels present, in order: "Program", "Program dan Kegiatan", "Program, Kegiatan dan Sub Kegiatan"."""
    found = [lvl for lvl in LEVELS if lvl in levels]
    return daftar(found) if found else LEVELS[0]
