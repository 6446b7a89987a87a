"""The figures of a workbook's page, drawn as inline SVG bars by the template: capaian per sasaran
(coloured by predikat), penyerapan per unit and program, efisiensi per sasaran, the instansi figure.

Every figure comes from `Hasil` (computed once, as the report prints it) and is formatted with
the report's own `persen`/`rupiah`; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import generator as lk

# best band first; each ≥ 5:1 against white and ≥ 4,4:1 against the light track of a bar
_WARNA = ("#17692e", "#3d7a12", "#8a6100", "#b3410e", "#b0191e")
_ABU = "#5f6b76"
_NETRAL = "#0b5cad"
_EFISIENSI = {"Efisien": _WARNA[0], "Tidak Efisien": _WARNA[-1]}  # the labels `compute.efisiensi` gives
MAKS_BATANG = 40  # bars per chart on the page; a 20.000-line workbook keeps the page light (the report has them all)
MAKS_PROGRAM = 60  # program bars over all units


@dataclass
class Batang:
    label: str
    nilai: Decimal | None
    teks: str
    lebar: float  # 0..100, share of the chart width
    warna: str
    keterangan: str = ""  # predikat, efisiensi label
    catatan: str = ""  # under the label: realisasi and pagu


def _lebar(nilai: Decimal | None, skala: Decimal) -> float:
    if nilai is None or skala <= 0:
        return 0.0
    return float(max(Decimal(0), min(nilai, skala)) / skala * 100)


def warna_predikat(bands: list[tuple], label: str) -> str:
    """The colour of a predikat: the scale's best band green … its worst red."""
    labels = [b[1] for b in bands]
    if label not in labels:
        return _ABU
    i = labels.index(label)
    n = len(labels)
    return _WARNA[round(i * (len(_WARNA) - 1) / (n - 1))] if n > 1 else _WARNA[0]


def dashboard(hasil) -> dict:
    """Everything the dashboard draws, ready for the template."""
    lap = hasil.laporan
    bands = lk.scale_bands(lap.pengaturan)
    sasaran = []
    for node in lap.nodes("Sasaran"):
        hn = hasil.of(node)
        sasaran.append((node, hn))
    caps = [hn.capaian for _n, hn in sasaran if hn.capaian is not None]
    skala_cap = max([Decimal(120), *caps])
    capaian = [Batang(f"{n.kode} {n.uraian}".strip(), hn.capaian, lk.persen(hn.capaian),
                      _lebar(hn.capaian, skala_cap), warna_predikat(bands, hn.predikat), hn.predikat)
               for n, hn in sasaran]
    efisiensi = [Batang(f"{n.kode} {n.uraian}".strip(), hn.efisiensi, lk.persen(hn.efisiensi),
                        _lebar(abs(hn.efisiensi) if hn.efisiensi is not None else None, Decimal(100)),
                        _EFISIENSI.get(hn.efisiensi_label, _NETRAL), hn.efisiensi_label)
                 for n, hn in sasaran if hn.anggaran is not None]

    def serapan(label: str, j) -> Batang:
        p = j.penyerapan
        # one colour: penyerapan has no predikat scale of its own, and the page does not invent one
        return Batang(label, p, lk.persen(p), _lebar(p, Decimal(100)), _NETRAL,
                      catatan=f"{lk.rupiah(j.realisasi)} dari {lk.rupiah(j.pagu)}")

    unit = [serapan(nama, j) for nama, j in hasil.unit]
    program, sisa = [], MAKS_PROGRAM
    for u in lap.unit:
        shown = u.program[:max(sisa, 0)]
        sisa -= len(shown)
        program.append((u.nama, [serapan(f"{p.kode} {p.uraian}".strip(), hasil.jumlah[p]) for p in shown],
                        len(u.program) - len(shown)))
    return {
        "instansi": {
            "capaian": lk.persen(hasil.capaian_instansi),
            "predikat": hasil.predikat_instansi,
            "warna": warna_predikat(bands, hasil.predikat_instansi),
            "pagu": lk.rupiah(hasil.total.pagu),
            "realisasi": lk.rupiah(hasil.total.realisasi),
            "penyerapan": lk.persen(hasil.total.penyerapan),
            "efisiensi": lk.persen(hasil.efisiensi_instansi),
            "efisiensi_label": hasil.efisiensi_label,
            "metode": lap.pengaturan.metode_efisiensi,
        },
        "skala_capaian": lk.persen(skala_cap, 0),
        "garis_100": _lebar(Decimal(100), skala_cap),
        "legenda": [(label, warna_predikat(bands, label)) for _b, label in bands],
        "capaian": capaian[:MAKS_BATANG],
        "capaian_lainnya": len(capaian) - len(capaian[:MAKS_BATANG]),
        "efisiensi": efisiensi[:MAKS_BATANG],
        "efisiensi_lainnya": len(efisiensi) - len(efisiensi[:MAKS_BATANG]),
        "unit": unit[:MAKS_BATANG],
        "unit_lainnya": len(unit) - len(unit[:MAKS_BATANG]),
        "program": program,
    }
