"""Program, kegiatan and sub kegiatan indicators: their capaian beside their budget, grouped under the sasaran they support.

`program_kinerja_table(hasil)` returns the table `program_kinerja` and the sentences that introduce it, one per
sasaran. The budget of a Kinerja node is computed by `anggaran_kinerja.AnggaranNode` (a node without one prints
"-", never a guessed figure).
"""

from __future__ import annotations

from collections import defaultdict

from ..base.contract import LEVEL_ANGGARAN as LEVELS
from ..base.formatting import bilangan, nilai, persen, uang
from ..base.model import NodeKinerja
from ..base.specs import Baris, Kolom, Tabel
from ..compute.anggaran_kinerja import AnggaranNode, identitas_map
from ..compute.hasil import Hasil, HasilIndikator, bagi_status
from .narrate import daftar, nama_indikator, rincian_status
from .tabel_kinerja import pct, sel_capaian


def program_kinerja_table(hasil: Hasil) -> tuple[Tabel | None, list[str]]:
    """The table of program/kegiatan/sub kegiatan indicators and one sentence per sasaran."""
    lap, d = hasil.laporan, hasil.laporan.pengaturan.desimal
    anggaran = AnggaranNode(hasil)
    rows: list[Baris] = []
    kalimat: list[str] = []
    for i, s in enumerate(lap.nodes("Sasaran"), 1):
        counter = [0] * len(LEVELS)  # 1, 1.1, 1.1.1: program, kegiatan, sub kegiatan, from 1 under each sasaran
        nodes = [x for x in s.walk() if x.level in LEVELS]
        if not any(x.indikator for x in nodes):
            continue
        rows.append(Baris(["", f"Sasaran {i}: {s.uraian}"], "subjudul"))
        measured: list[HasilIndikator] = []
        # a program (or kegiatan) stated on several rows under one sasaran is one program: one row, its
        # indicators once, its budget lines once (issue 19.7)
        ident = identitas_map(s)
        linked = hasil.links.get(s) or []
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
            j = anggaran.jumlah(same[identitas(node)], scope)
            budget = [uang(j.pagu), uang(j.realisasi), pct(hasil, j.penyerapan)] if j is not None else ["-", "-", "-"]
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
                h = hasil.of_indikator(ind)
                measured.append(h)
                cap = sel_capaian(h, d)
                rows.append(Baris(label + [ind.nama, ind.satuan or "-", nilai(h.target, d), nilai(h.realisasi, d), cap]
                                  + money, gaya if k == 0 else "biasa", indent=indent))
        kalimat.append(_kalimat(i, s, nodes, measured, ident, d))
    if not rows:
        return None, []
    levels = jenjang({x.level for s in lap.nodes("Sasaran") for x in s.walk()})
    # the caption names what the table lists: no "Capaian" when no capaian could be measured
    diukur = any(r.sel[6] not in ("", "-") for r in rows if len(r.sel) > 6)
    tabel = Tabel(
        f"{'Capaian ' if diukur else ''}Indikator {levels} Tahun {lap.profil.tahun} beserta Anggarannya",
        [Kolom("No", 0.45, "tengah"), Kolom(levels.replace(", ", " / ").replace(" dan ", " / "), 2.6), Kolom("Indikator Kinerja", 2.6),
         Kolom("Satuan", 0.8, "tengah"), Kolom("Target", 0.8, "kanan"), Kolom("Realisasi", 0.8, "kanan"),
         Kolom("Capaian (%)", 0.85, "kanan"), Kolom("Pagu (Rp)", 1.3, "kanan"), Kolom("Realisasi (Rp)", 1.3, "kanan"),
         Kolom("Penyerapan (%)", 0.85, "kanan")],
        rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8", "9", "10 = 9/8 × 100"])
    return tabel, kalimat

def _kalimat(i: int, s: NodeKinerja, nodes: list[NodeKinerja], hasil: list[HasilIndikator],
             ident: dict[NodeKinerja, tuple], d: int) -> str:
    counts = [f"{bilangan(len({ident[x] for x in nodes if x.level == lvl}))} {lvl.lower()}" for lvl in LEVELS
              if any(x.level == lvl for x in nodes)]
    nama = nama_indikator(hasil)
    met, unmet, none = bagi_status(hasil)
    rincian = rincian_status(
        len(met), len(unmet), len(none),
        "; ".join(f"{nama[id(h)]}: {persen(h.capaian.nilai, d) if h.capaian.nilai is not None else h.capaian.alasan}"
                  for h in unmet),
        "; ".join(f"{nama[id(h)]}: {h.capaian.alasan or 'capaian tidak dinyatakan dalam persen'}" for h in none))
    return (f"Sasaran {i} ({s.uraian}) didukung oleh {daftar(counts)} dengan {bilangan(len(hasil))} indikator: "
            f"{rincian}.")


def jenjang(levels: set[str]) -> str:
    """The budget levels present, in order: "Program", "Program dan Kegiatan", "Program, Kegiatan dan Sub Kegiatan"."""
    found = [lvl for lvl in LEVELS if lvl in levels]
    return daftar(found) if found else LEVELS[0]
