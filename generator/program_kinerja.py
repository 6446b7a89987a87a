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
from .narrate import daftar
from .specs import Baris, Kolom, Tabel


class ProgramKinerja:
    def _anggaran_index(self) -> tuple[dict, dict]:
        by_kode: dict[str, list[BarisAnggaran]] = defaultdict(list)
        by_nama: dict[tuple[str, str], list[BarisAnggaran]] = defaultdict(list)
        for ln in self.lap.budget_lines():
            if ln.kode:
                by_kode[normalize_header(ln.kode)].append(ln)
            by_nama[(ln.level, program_key(ln.uraian))].append(ln)
        return by_kode, by_nama

    def _anggaran_node(self, node: NodeKinerja, index: tuple[dict, dict], memo: dict) -> Jumlah | None:
        if node in memo:
            return memo[node]
        by_kode, by_nama = index
        kids = [j for j in (self._anggaran_node(c, index, memo) for c in node.anak) if j is not None]
        # the children's budgets come before a match by kode or name: a program stated under several sasaran
        # then carries only the part under this sasaran, not its whole pagu each time
        lines = self.h.links.get(node) or (None if kids else (
            (by_kode.get(normalize_header(node.kode)) if node.kode else None) or by_nama.get((node.level, program_key(node.uraian)))))
        if lines:
            total = sum((self.h.jumlah[ln] for ln in lines), Jumlah())
        else:
            total = sum(kids, Jumlah()) if kids else None
        memo[node] = total
        return total

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
            for node in nodes:
                if not node.indikator and not any(d.indikator for d in node.walk()):
                    continue
                depth = LEVELS.index(node.level)
                counter[depth] += 1
                counter[depth + 1:] = [0] * (len(LEVELS) - depth - 1)
                nomor = ".".join(str(c) for c in counter[:depth + 1] if c) or str(counter[depth])
                j = self._anggaran_node(node, index, memo)
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
                    cap = (self.pct(h.capaian.nilai) if h.capaian.nilai is not None
                           else ("Tidak tercapai" if h.capaian.status == "tidak_tercapai" else "-"))
                    rows.append(Baris(label + [ind.nama, ind.satuan or "-", nilai(h.target, self.d), nilai(h.realisasi, self.d), cap]
                                      + money, gaya if k == 0 else "biasa", indent=indent))
            kalimat.append(self._kalimat(i, s, nodes, hasil))
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

    def _kalimat(self, i: int, s: NodeKinerja, nodes: list[NodeKinerja], hasil: list[HasilIndikator]) -> str:
        counts = [f"{bilangan(sum(1 for x in nodes if x.level == lvl))} {lvl.lower()}" for lvl in LEVELS
                  if any(x.level == lvl for x in nodes)]
        met = [h for h in hasil if h.capaian.status in ("melampaui", "tercapai")]
        unmet = [h for h in hasil if h.capaian.status == "tidak_tercapai"]
        none = [h for h in hasil if h.capaian.status is None]
        parts = [f"{bilangan(len(met))} mencapai atau melampaui target"]
        if unmet:
            parts.append(f"{bilangan(len(unmet))} belum mencapai target ("
                         + "; ".join(f"{h.indikator.nama}: {persen(h.capaian.nilai, self.d) if h.capaian.nilai is not None else h.capaian.alasan}"
                                     for h in unmet) + ")")
        if none:
            parts.append(f"{bilangan(len(none))} belum dapat diukur ("
                         + "; ".join(f"{h.indikator.nama}: {h.capaian.alasan or 'capaian tidak dinyatakan dalam persen'}"
                                     for h in none) + ")")
        return (f"Sasaran {i} ({s.uraian}) didukung oleh {daftar(counts)} dengan {bilangan(len(hasil))} indikator: "
                f"{daftar(parts)}.")


def jenjang(levels: set[str]) -> str:
    """The budget levels present, in order: "Program", "Program dan Kegiatan", "Program, Kegiatan dan Sub Kegiatan"."""
    found = [lvl for lvl in LEVELS if lvl in levels]
    return daftar(found) if found else LEVELS[0]
