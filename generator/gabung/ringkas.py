"""One workbook of the folder, summarised in a worker: the rows it gives every sheet of the recap.

`ringkas_berkas` runs `generator.check` — the same reading and computation `build` runs before it
prints the OPD's report — and keeps only the figures the recap shows, rounded and labelled as that
report prints them. The model itself never leaves the worker: the recap holds these small records,
not every workbook.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import generator as g

HUNDRED = Decimal(100)


@dataclass
class IndikatorRekap:
    level: str
    kode: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: str
    iku: bool
    pk: bool
    target: Decimal | str | None
    realisasi: Decimal | str | None
    capaian: Decimal | None  # as printed (rounded half-up to the OPD's decimals)
    predikat: str
    realisasi_lalu: Decimal | str | None
    target_akhir: Decimal | str | None
    sasaran_rpjmd: str  # its own code, else its sasaran's
    sel: str  # the Indikator cell (Kinerja!D5)
    sel_rpjmd: str  # where the code was typed
    sasaran_baris: int  # the row of its sasaran (groups indicators of one sasaran)
    alasan: str = ""  # why there is no capaian (as the report explains it), or "Tidak tercapai" for a qualitative miss
    pagu_sasaran: Decimal | None = None  # the budget linked to its sasaran (the report's efisiensi per sasaran)
    realisasi_sasaran: Decimal | None = None


@dataclass
class SasaranRekap:
    kode: str
    uraian: str
    sel: str
    kode_rpjmd: list[str]  # the codes it and its indicators name
    capaian: Decimal | None
    predikat: str


@dataclass
class AnggaranRekap:
    unit: str
    level: str  # Program | Kegiatan
    kode: str
    uraian: str
    pagu: Decimal
    realisasi: Decimal
    penyerapan: Decimal | None


@dataclass
class OpdRekap:
    """The Rekap_OPD row of one workbook."""

    jumlah_sasaran: int
    jumlah_indikator: int
    jumlah_iku: int
    tercapai: int  # indicators of the sasaran at or above 100 % (as printed)
    predikat: dict[str, int]  # predikat -> number of sasaran indicators, as in the report's capaian table
    skala: str
    label_skala: list[str]  # the scale's labels, highest first
    capaian: Decimal | None
    predikat_instansi: str
    basis: int  # number of indicators the capaian instansi rests on
    pagu: Decimal
    realisasi: Decimal
    penyerapan: Decimal | None
    efisiensi: Decimal | None
    efisiensi_label: str
    metode_efisiensi: str
    desimal: int


@dataclass
class Ringkasan:
    """Everything the recap keeps of one file of the folder."""

    berkas: str  # name shown (relative to the folder)
    path: Path
    sha256: str = ""
    diubah: str = ""  # modified time, UTC ISO
    ukuran: int = 0
    alasan: str = ""  # why it was not read at all (not a workbook)
    instansi: str = ""
    kode_opd: str = ""
    pemerintah: str = ""
    tahun: int = 0
    tanggal_laporan: dt.date | None = None
    penandatangan: str = ""
    galat: int = 0
    peringatan: int = 0
    dapat_dibuat: bool = False
    masalah: list = field(default_factory=list)  # the workbook's own Problems
    opd: OpdRekap | None = None
    indikator: list[IndikatorRekap] = field(default_factory=list)
    sasaran: list[SasaranRekap] = field(default_factory=list)
    anggaran: list[AnggaranRekap] = field(default_factory=list)
    pakai_kolom_rpjmd: bool = False  # the Kinerja sheet has a Sasaran RPJMD column

    @property
    def terbaca(self) -> bool:
        return self.opd is not None


def _rounded(value: Decimal | None, desimal: int) -> Decimal | None:
    return None if value is None else g.round_half_up(value, desimal)


def _file_facts(r: Ringkasan) -> None:
    try:
        st = os.stat(r.path)
        r.ukuran = st.st_size
        r.diubah = dt.datetime.fromtimestamp(int(st.st_mtime), dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        digest = hashlib.sha256()
        with open(r.path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        r.sha256 = digest.hexdigest()
    except OSError:
        pass  # the reader says why it cannot be read


def ringkas_berkas(task: tuple[Path, str]) -> Ringkasan:
    """Read one workbook (never raises): its status, problems and recap rows."""
    path, nama = task
    r = Ringkasan(nama, path)
    _file_facts(r)
    try:
        lap, hasil, problems = g.check(path)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the recap
        r.alasan = f"tidak dapat dibaca ({type(exc).__name__})"
        return r
    r.masalah = problems
    r.galat = len(g.errors(problems))
    r.peringatan = len(g.warnings(problems))
    if lap is not None:
        p = lap.profil
        r.instansi, r.kode_opd, r.pemerintah, r.tahun = p.instansi, p.kode_opd, p.pemerintah, p.tahun
        r.tanggal_laporan = p.tanggal_laporan
        r.penandatangan = ", ".join(x for x in (p.kepala_nama, p.kepala_jabatan) if x)
        r.pakai_kolom_rpjmd = "sasaran_rpjmd" in lap.kolom.get("Kinerja", {})
    if hasil is None or r.galat:
        return r
    r.dapat_dibuat = True
    _figures(r, hasil)
    return r


def _flagged_iku(lap) -> int:
    """The number of rows of the report's IKU table (all sasaran indicators when none is flagged)."""
    return len(lap.bertanda("iku"))


def _figures(r: Ringkasan, h) -> None:
    lap = h.laporan
    cfg = lap.pengaturan
    d = cfg.desimal
    sasaran_ind = [h.of_indikator(i) for s in lap.nodes("Sasaran") for i in s.indikator]
    with_caps = [x for x in sasaran_ind if x.capaian.nilai is not None]
    basis = len(with_caps) if any(h.of(s).capaian is not None for s in lap.nodes("Sasaran")) else \
        sum(1 for x in h.indikator if x.capaian.nilai is not None)
    labels = [label for _bound, label in g.scale_bands(cfg)]
    r.opd = OpdRekap(
        jumlah_sasaran=sum(1 for _ in lap.nodes("Sasaran")),
        jumlah_indikator=len(sasaran_ind),
        jumlah_iku=_flagged_iku(lap),
        tercapai=sum(1 for x in sasaran_ind if x.capaian.tercapai),
        predikat=dict(Counter(x.predikat for x in sasaran_ind)),
        skala=g.SCALE_NAMES.get(cfg.skala_predikat, cfg.skala_predikat),
        label_skala=labels,
        capaian=_rounded(h.capaian_instansi, d),
        predikat_instansi=h.predikat_instansi,
        basis=basis,
        pagu=h.total.pagu,
        realisasi=h.total.realisasi,
        penyerapan=_rounded(h.total.penyerapan, d),
        efisiensi=_rounded(h.efisiensi_instansi, d),
        efisiensi_label=h.efisiensi_label,
        metode_efisiensi=cfg.metode_efisiensi,
        desimal=d,
    )
    for x in h.indikator:
        node = x.node
        if node.level not in ("Tujuan", "Sasaran"):
            continue
        ind = x.indikator
        code = ind.sasaran_rpjmd or node.sasaran_rpjmd
        budget = h.of(node).anggaran
        r.indikator.append(IndikatorRekap(
            node.level, node.kode, node.uraian, ind.nama, ind.satuan, ind.polaritas, ind.iku, ind.pk,
            x.target, x.realisasi, _rounded(x.capaian.nilai, d), x.predikat, x.realisasi_lalu, x.target_akhir, code,
            f"Kinerja!{ind.cells.get('indikator') or lap.cell('Kinerja', 'indikator', ind.row, 'D')}",
            ind.cells.get("sasaran_rpjmd") if ind.sasaran_rpjmd else lap.cell("Kinerja", "sasaran_rpjmd", node.row),
            node.row, "Tidak tercapai" if x.capaian.nilai is None and x.capaian.status == "tidak_tercapai" else x.capaian.alasan,
            budget.pagu if budget else None, budget.realisasi if budget else None,
        ))
    for s in lap.nodes("Sasaran"):
        codes = [c for c in dict.fromkeys([s.sasaran_rpjmd, *(i.sasaran_rpjmd for i in s.indikator)]) if c]
        hn = h.of(s)
        r.sasaran.append(SasaranRekap(s.kode, s.uraian, s.cell or lap.cell("Kinerja", "uraian", s.row, "C"), codes,
                                      _rounded(hn.capaian, d), hn.predikat))
    for unit in lap.unit:
        for prog in unit.program:
            for line in [prog, *prog.anak]:
                j = h.jumlah[line]
                r.anggaran.append(AnggaranRekap(unit.nama, line.level, line.kode, line.uraian, j.pagu, j.realisasi,
                                                _rounded(j.penyerapan, d)))
