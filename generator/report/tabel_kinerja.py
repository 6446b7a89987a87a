"""The performance tables of the report (Bab I SDM, Bab II plan and Perjanjian Kinerja, Bab III capaian, the
Lampiran's cascading and Rencana Aksi), as functions of the results.

Each function takes the results (`Hasil`; its `laporan.pengaturan` are the settings) and returns its `Tabel`
(a `Bagian` when the report prints a sentence or chart with it, None when the part is not printed);
`context.build_context` assembles them under their context keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from ..base.contract import program_key
from ..base.formatting import angka, nilai, persen, rupiah, uang
from ..base.model import Blok, Laporan, NodeKinerja, Pengaturan, parse_blocks
from ..base.specs import Bagian, Baris, Grafik, Kolom, Tabel
from ..compute.anggaran_kinerja import pk_anggaran
from ..compute.hasil import SCALE_NAMES, Hasil, HasilIndikator, Indeks, scale_bands
from . import narrate


def pct(hasil: Hasil, value: Decimal | None) -> str:
    """A percentage as the report's tables print it (no sign, the workbook's decimals)."""
    return persen(value, hasil.laporan.pengaturan.desimal, tanda=False)


def sel_capaian(h: HasilIndikator, d: int) -> str:
    """The Capaian (%) cell of an indicator: the figure, "Tidak tercapai" for a qualitative target not met, else "-"."""
    if h.capaian.nilai is not None:
        return persen(h.capaian.nilai, d, tanda=False)
    return "Tidak tercapai" if h.capaian.status == "tidak_tercapai" else "-"


def _umum(hasil: Hasil) -> tuple[Laporan, Pengaturan, int, int]:
    """What most tables read: the laporan, its settings, the report year, the decimals."""
    lap = hasil.laporan
    return lap, lap.pengaturan, lap.profil.tahun, lap.pengaturan.desimal


def blocks(items: list[Blok]) -> list[dict]:
    """Staff text blocks as the template reads them."""
    return [{"jenis": b.jenis, "teks": b.teks} for b in items]


def _parse(text: str) -> list[Blok]:
    return parse_blocks(text) if text else []


def _tanpa_baris(tabel: Tabel) -> Tabel:
    """A table with nothing to show: kept under its key (a template may name it), printed as nothing."""
    tabel.baris = []
    return tabel


def _finite(value: Decimal) -> float:
    """A chart value: the float of a Decimal, bounded so that JSON and charts stay finite."""
    return max(min(float(value), 1e12), -1e12)


# ---------------------------------------------------------------- BAB I: SDM
def sdm_tables(hasil: Hasil) -> tuple[Tabel, Tabel] | None:
    """The staff by golongan and pendidikan, and by eselon and status, when the Pegawai sheet is filled."""
    sdm = hasil.sdm
    if not sdm:
        return None
    pend = sdm.pendidikan
    rows = [Baris([str(i), f"Golongan {r.golongan}" if r.golongan not in ("PPPK", "Non ASN") else r.golongan,
                   *[angka(x, 0) for x in r.jumlah], angka(r.total, 0)])
            for i, r in enumerate(sdm.golongan_pendidikan, 1)]
    rows.append(Baris(["", "Jumlah", *[angka(x, 0) for x in sdm.total_pendidikan], angka(sdm.jumlah, 0)], "total"))
    golongan = Tabel(
        "Jumlah Pegawai menurut Golongan dan Pendidikan",
        [Kolom("No", 0.5, "tengah"), Kolom("Golongan", 1.6)] + [Kolom(p, 0.7, "kanan") for p in pend] + [Kolom("Jumlah", 0.8, "kanan")],
        rows, lanskap=len(pend) > 8)
    eselon = Tabel(
        "Jumlah Pegawai menurut Eselon dan Status Kepegawaian",
        [Kolom("No", 0.5, "tengah"), Kolom("Uraian", 3), Kolom("Jumlah (orang)", 1.2, "kanan")],
        [Baris(["", "Menurut eselon"], "subjudul")]
        + [Baris([str(i), k, angka(v, 0)]) for i, (k, v) in enumerate(sdm.eselon, 1)]
        + [Baris(["", "Menurut status kepegawaian"], "subjudul")]
        + [Baris([str(i), k, angka(v, 0)]) for i, (k, v) in enumerate(sdm.status, 1)]
        + [Baris(["", "Jumlah pegawai", angka(sdm.jumlah, 0)], "total")])
    return golongan, eselon

# ---------------------------------------------------------------- BAB II
def renstra_table(hasil: Hasil) -> Tabel:
    """Tujuan, sasaran and their targets for each year of the Renstra period."""
    lap, cfg, tahun, d = _umum(hasil)
    shown = [i for n in lap.nodes() if n.level in ("Tujuan", "Sasaran") for i in n.indikator]
    lo, hi = lap.profil.periode
    # the table is the Renstra's: a target column outside its period (history carried by `template --dari`) is not
    years = [y for y in lap.tahun_target if any(i.target.get(y) is not None for i in shown)
             and (not lo or lo <= y <= hi)]
    rows = []
    n = 0
    for t in lap.nodes("Tujuan"):
        for node in [t] + [s for s in t.anak if s.level == "Sasaran"]:
            inds = node.indikator or [None]
            for k, ind in enumerate(inds):
                if k == 0:
                    n += 1
                label = f"{node.level}: {node.uraian}" if k == 0 else ""
                if ind is None:
                    rows.append(Baris([str(n), label, "-", "", *["" for _ in years], ""]))
                    continue
                h = hasil.of_indikator(ind)
                rows.append(Baris([str(n) if k == 0 else "", label, ind.nama, ind.satuan,
                                   *[nilai(ind.target.get(y), d) for y in years], nilai(h.target_akhir, d)],
                                  "tebal" if node.level == "Tujuan" and k == 0 else "biasa"))
    return Tabel(
        f"Tujuan, Sasaran dan Target Kinerja Renstra {lo}-{hi}",
        [Kolom("No", 0.45, "tengah"), Kolom("Tujuan / Sasaran", 2.6), Kolom("Indikator", 2.4), Kolom("Satuan", 0.9, "tengah")]
        + [Kolom(f"Target {y}", 0.85, "kanan") for y in years] + [Kolom("Target Akhir", 0.9, "kanan")],
        rows, lanskap=len(years) > 3)

def rpjmd_table(hasil: Hasil) -> Tabel | None:
    """Renstra-RPJMD alignment (issue 23): each tujuan/sasaran indicator with the kabupaten sasaran it supports,
    printed only when the Kinerja column Sasaran RPJMD is filled somewhere."""
    lap, cfg, tahun, d = _umum(hasil)
    items = [(n, i) for n in lap.nodes() if n.level in ("Tujuan", "Sasaran") for i in n.indikator]
    if not any(i.sasaran_rpjmd or n.sasaran_rpjmd for n, i in items):
        return None
    rows = []
    for k, (node, ind) in enumerate(items, 1):
        rows.append(Baris([str(k), ind.sasaran_rpjmd or node.sasaran_rpjmd or "-", f"{node.level}: {node.uraian}", ind.nama,
                           narrate.dengan_satuan(nilai(hasil.of_indikator(ind).target, d), ind.satuan)]))
    return Tabel(
        f"Keselarasan Tujuan dan Sasaran Renstra dengan Sasaran RPJMD Tahun {tahun}",
        [Kolom("No", 0.45, "tengah"), Kolom("Sasaran RPJMD", 1.3, "tengah"), Kolom("Tujuan / Sasaran Renstra", 2.8),
         Kolom("Indikator", 2.6), Kolom(f"Target {tahun}", 1.1, "tengah")], rows)

def iku_table(hasil: Hasil, judul: str) -> Tabel:
    """The Indikator Kinerja Utama with their definition, formula, source and who answers for them."""
    lap = hasil.laporan
    if not any(ind.definisi or ind.formula for _node, ind in lap.bertanda("iku")):
        judul = judul.replace(" (Definisi dan Formula)", "")  # the caption promises only what the table lists
    rows = []
    for k, (node, ind) in enumerate(lap.bertanda("iku"), 1):
        rows.append(Baris([str(k), node.uraian, ind.nama, "\n".join(x for x in (ind.definisi, ind.formula) if x) or "-",
                           ind.satuan or "-", ind.sumber_data or "-", ind.penanggung_jawab or "-"]))
    return Tabel(judul, [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 2), Kolom("Indikator Kinerja Utama", 2),
                         Kolom("Definisi Operasional / Formula", 3.2), Kolom("Satuan", 0.9, "tengah"),
                         Kolom("Sumber Data", 1.4), Kolom("Penanggung Jawab", 1.3)], rows, lanskap=True)

def pk_kinerja_table(hasil: Hasil) -> Tabel:
    """The sasaran, indicators and targets of the Perjanjian Kinerja."""
    lap, cfg, tahun, d = _umum(hasil)
    rows = []
    last = None
    n = 0
    for node, ind in lap.bertanda("pk"):
        first = node is not last
        n += first
        last = node
        h = hasil.of_indikator(ind)
        rows.append(Baris([str(n) if first else "", node.uraian if first else "", ind.nama,
                           narrate.dengan_satuan(nilai(h.target, d), ind.satuan)]))
    return Tabel(
        f"Sasaran, Indikator dan Target Perjanjian Kinerja Tahun {tahun}",
        [Kolom("No", 0.45, "tengah"), Kolom("Sasaran Strategis", 2.6), Kolom("Indikator Kinerja", 2.6), Kolom("Target", 1.1, "tengah")],
        rows)

# ---------------------------------------------------------------- BAB III
def skala_table(hasil: Hasil) -> Tabel:
    """The predikat scale in use, band by band."""
    cfg = hasil.laporan.pengaturan
    bands = scale_bands(cfg)
    rows = []
    prev = None
    for i, (bound, label) in enumerate(bands, 1):
        if cfg.skala_predikat == "tiga_tingkat":
            rng = {0: "> 100", 1: "= 100", 2: "< 100"}[i - 1]
        elif bound is None or bound < -1000:
            rng = f"< {angka(prev, 0)}" if prev is not None else "semua"
        elif prev is None:
            rng = f"≥ {angka(bound, 0)}"
        else:
            rng = f"{angka(bound, 0)} s.d. < {angka(prev, 0)}"
        prev = bound
        rows.append(Baris([str(i), rng, label]))
    return Tabel(f"Skala Predikat Capaian Kinerja ({SCALE_NAMES.get(cfg.skala_predikat, '')})",
                 [Kolom("No", 0.5, "tengah"), Kolom("Capaian (%)", 2, "tengah"), Kolom("Predikat", 3)], rows)

_NOMOR_CAPAIAN = ["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8"]


def _kolom_capaian(level: str) -> list[Kolom]:
    """The columns of a capaian table of tujuan or sasaran indicators."""
    return [Kolom("No", 0.45, "tengah"), Kolom(level, 2.4), Kolom("Indikator Kinerja", 2.4), Kolom("Satuan", 0.8, "tengah"),
            Kolom("Target", 0.85, "kanan"), Kolom("Realisasi", 0.85, "kanan"), Kolom("Capaian (%)", 0.9, "kanan"),
            Kolom("Predikat", 1.1, "tengah")]


def _baris_capaian(hasil: Hasil, nodes: Iterable[NodeKinerja],
                   capaian_predikat: Callable[[HasilIndikator], list[str]]) -> list[Baris]:
    """One row per indicator of `nodes` (numbered per node): target, realisasi, then its capaian and predikat cells."""
    d = hasil.laporan.pengaturan.desimal
    rows = []
    n = 0
    for node in nodes:
        for k, ind in enumerate(node.indikator):
            n += k == 0
            h = hasil.of_indikator(ind)
            rows.append(Baris([str(n) if k == 0 else "", node.uraian if k == 0 else "", ind.nama, ind.satuan or "-",
                               nilai(h.target, d), nilai(h.realisasi, d), *capaian_predikat(h)]))
    return rows


def capaian_table(hasil: Hasil) -> Tabel:
    """Target, realisasi, capaian and predikat of every sasaran indicator, with the instansi's average."""
    lap, cfg, tahun, d = _umum(hasil)
    rows = _baris_capaian(hasil, lap.nodes("Sasaran"), lambda h: [sel_capaian(h, d), h.predikat])
    rows.append(Baris(["", "Rata-rata capaian kinerja sasaran", "", "", "", "", pct(hasil, hasil.capaian_instansi),
                       hasil.predikat_instansi], "total"))
    return Tabel(f"Capaian Indikator Kinerja Sasaran Tahun {tahun}", _kolom_capaian("Sasaran"), rows,
                 nomor_kolom=list(_NOMOR_CAPAIAN))

def capaian_tujuan_table(hasil: Hasil) -> Bagian:
    """Tujuan-level indicators (issue 20.11): their capaian before the sasaran's, when the Kinerja sheet has them;
    a sentence instead of a table when none of them is measured."""
    lap, cfg, tahun, d = _umum(hasil)
    rows = _baris_capaian(hasil, lap.nodes("Tujuan"), lambda h: [
        pct(hasil, h.capaian.nilai) if h.capaian.nilai is not None else "-", h.predikat or "-"])
    if not rows:
        return Bagian(None)
    inds = [i for t in lap.nodes("Tujuan") for i in t.indikator]
    if all(hasil.of_indikator(i).realisasi is None for i in inds):  # nothing measured: a sentence, no table of "-"
        return Bagian(None, f"Indikator kinerja tujuan ({', '.join(i.nama for i in inds)}) belum memiliki "
                            f"realisasi tahun {tahun}, sehingga capaiannya belum dapat disajikan.")
    tabel = Tabel(f"Capaian Indikator Kinerja Tujuan Tahun {tahun}", _kolom_capaian("Tujuan"), rows,
                  nomor_kolom=list(_NOMOR_CAPAIAN))
    kalimat = (f"Capaian indikator kinerja tujuan {lap.profil.instansi} tahun {tahun}, sebagai ukuran keberhasilan di "
               "atas sasaran strategis, disajikan pada tabel berikut.")
    belum = [i.nama for i in inds if hasil.of_indikator(i).realisasi is None]
    if belum:  # a row of "-" is said, not left for the reader to guess
        kalimat += (f" Indikator {narrate.daftar(belum)} belum memiliki realisasi tahun {tahun}, sehingga capaiannya "
                    "belum dapat dihitung.")
    return Bagian(tabel, kalimat)

def sasaran_sections(hasil: Hasil) -> tuple[list[dict], dict[str, Tabel]]:
    """Bab III per sasaran: its figures and sentences for the template, and its tables (the sasaran's capaian
    after the calculation table of each composite index it measures), under their context keys."""
    lap, cfg, tahun, d = _umum(hasil)
    out = []
    tables: dict[str, Tabel] = {}
    tahun, akhir = tahun, lap.profil.periode[1]
    for i, s in enumerate(lap.nodes("Sasaran"), 1):
        hn = hasil.of(s)
        inds = []
        rows = []
        index_tables = []
        for ind in s.indikator:
            h = hasil.of_indikator(ind)
            key = None
            if h.indeks and (h.indeks.jumlah_target is not None or h.indeks.jumlah_realisasi is not None):
                # an index without any score is not printed as a table of "-" (validate: indeks.skor-kosong)
                key = f"indeks_{i}_{len(index_tables) + 1}"
                tables[key] = index_table(h.indeks)
                index_tables.append(key)
            inds.append({
                "nama": ind.nama, "satuan": ind.satuan, "target": nilai(h.target, d), "realisasi": nilai(h.realisasi, d),
                "capaian": pct(hasil, h.capaian.nilai), "predikat": h.predikat, "status": h.capaian.status or "",
                "kalimat_capaian": narrate.kalimat_capaian(h, tahun),
                "kalimat_tren": narrate.kalimat_tren(h, tahun),
                "kalimat_renstra": narrate.kalimat_renstra(h, tahun, akhir),
                "kalimat_standar": narrate.kalimat_standar(h),
                "analisis": blocks(_parse(ind.analisis)), "solusi": blocks(_parse(ind.solusi)),
                "tabel_indeks": key or "",
            })
            rows.append(Baris([ind.nama, nilai(h.target, d), nilai(h.realisasi, d), pct(hasil, h.capaian.nilai), h.predikat]))
        key = f"sasaran_{i}"
        tables[key] = Tabel(f"Capaian Sasaran {i}: {s.uraian}",
                            [Kolom("Indikator Kinerja", 3), Kolom("Target", 1, "kanan"), Kolom("Realisasi", 1, "kanan"),
                             Kolom("Capaian (%)", 1, "kanan"), Kolom("Predikat", 1.2, "tengah")], rows)
        # a line with neither pagu nor realisasi was cancelled: named as such, not as support (issue 19.10)
        batal = [ln for ln in hn.program if not hasil.jumlah[ln].pagu and not hasil.jumlah[ln].realisasi]
        programs = [f"{ln.uraian} ({ln.unit}): pagu {rupiah(hasil.jumlah[ln].pagu)}, realisasi "
                    f"{rupiah(hasil.jumlah[ln].realisasi)} ({persen(hasil.jumlah[ln].penyerapan)})"
                    for ln in hn.program if ln not in batal]
        named = [ln.uraian if ln.uraian.lower().startswith(ln.level.lower()) else f"{ln.level.lower()} {ln.uraian}"
                 for ln in batal]
        kalimat_batal = ((named[0][:1].upper() + narrate.daftar(named)[1:]) + " dibatalkan (tanpa pagu dan realisasi). "
                         if batal else "")
        out.append({
            "nomor": i, "uraian": s.uraian, "kode": s.kode, "capaian": pct(hasil, hn.capaian), "predikat": hn.predikat,
            "indikator": inds, "tabel": key, "tabel_indeks": index_tables,
            "kalimat_rata": narrate.kalimat_rata_sasaran(hn, d),
            "kalimat_efisiensi": narrate.kalimat_efisiensi(hn, cfg.metode_efisiensi),
            "program": programs,
            "kalimat_program": kalimat_batal + ("Capaian sasaran ini didukung oleh program/kegiatan berikut:" if programs else
                                                "Belum ada program/kegiatan lain yang dialokasikan untuk mendukung sasaran ini."
                                                if batal else "Belum ada program/kegiatan yang dialokasikan untuk mendukung sasaran ini."),
        })
    return out, tables


def index_table(idx: Indeks) -> Tabel:
    """The calculation of a composite index, aspect by aspect."""
    rows = []
    for k, a in enumerate(idx.aspek, 1):
        rows.append(Baris([str(k), a.aspek, angka(a.bobot, 0), nilai(a.skor_target, 2), angka(a.nilai_target, 2),
                           nilai(a.skor_realisasi, 2), angka(a.nilai_realisasi, 2)]))
    rows.append(Baris(["", "Jumlah nilai", "", "", angka(idx.jumlah_target, 2), "", angka(idx.jumlah_realisasi, 2)], "total"))
    pa = angka(idx.perhitungan_aspek, 0) if idx.perhitungan_aspek is not None else "-"
    rows.append(Baris(["", f"Indeks = jumlah nilai × {pa} / 100", "", "", angka(idx.indeks_target, 2), "",
                       angka(idx.indeks_realisasi, 2)], "total"))
    return Tabel(f"Perhitungan {idx.nama}",
                 [Kolom("No", 0.45, "tengah"), Kolom("Aspek", 3.4), Kolom("Bobot (%)", 0.8, "kanan"),
                  Kolom("Skor Target", 0.8, "kanan"), Kolom("Nilai Target", 0.8, "kanan"),
                  Kolom("Skor Realisasi", 0.8, "kanan"), Kolom("Nilai Realisasi", 0.8, "kanan")],
                 rows, nomor_kolom=["1", "2", "3", "4", "5 = 3 × 4 / 100", "6", "7 = 3 × 6 / 100"])


def tren_table(hasil: Hasil) -> Bagian:
    """Realisasi and capaian against the years before: the table (empty with one year only), its sentence and
    the chart of capaian of the last two years when both can be computed."""
    lap, cfg, tahun, d = _umum(hasil)
    items = [x for x in hasil.indikator if x.node.level == "Sasaran"]
    # a year column is printed only when some indicator has a figure for it
    years = [y for y in lap.tahun_realisasi if y <= tahun
             and (y == tahun or any(h.riwayat.get(y) is not None for h in items))][-4:]
    prev = years[-2] if len(years) > 1 else tahun - 1
    ada_lalu = any(h.capaian_lalu and h.capaian_lalu.nilai is not None for h in items)
    rows = []
    for n, h in enumerate(items, 1):
        caps = h.capaian_lalu.nilai if h.capaian_lalu else None
        rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-",
                           *[nilai(h.riwayat.get(y), d) for y in years],
                           *([pct(hasil, caps)] if ada_lalu else []), pct(hasil, h.capaian.nilai),
                           (persen(h.pertumbuhan, d) if h.pertumbuhan is not None else "-")]))
    tabel = Tabel(
        "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun-Tahun Sebelumnya",
        [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.6), Kolom("Satuan", 0.8, "tengah")]
        + [Kolom(f"Realisasi {y}", 0.9, "kanan") for y in years]
        + ([Kolom(f"Capaian {prev} (%)", 0.9, "kanan")] if ada_lalu else [])
        + [Kolom(f"Capaian {tahun} (%)", 0.9, "kanan"), Kolom("Perubahan Realisasi", 0.9, "kanan")],
        rows, lanskap=len(years) > 3)
    pembuka = (f"Perbandingan realisasi dan capaian indikator kinerja tahun {tahun} dengan tahun-tahun sebelumnya "
               "disajikan pada tabel")
    if len(years) < 2 and not ada_lalu:
        # one year only: the table would repeat the capaian table under a title it does not show
        return Bagian(_tanpa_baris(tabel), f"Realisasi indikator kinerja tahun-tahun sebelum {tahun} belum tersedia, "
                      "sehingga perbandingan dengan tahun-tahun sebelumnya belum dapat disajikan.")
    if not ada_lalu:
        # a chart of one year would repeat the chart of capaian above under a title it does not show
        return Bagian(tabel, pembuka + f" berikut. Capaian tahun {prev} tidak dapat dihitung karena target atau "
                      f"realisasi tahun {prev} tidak tersedia, sehingga grafik perbandingan capaian tidak disajikan.")
    return Bagian(tabel, pembuka + " dan grafik berikut.", Grafik(
        f"Perbandingan Capaian Kinerja Tahun {prev} dan {tahun}", "tren",
        [{"nama": h.indikator.nama,
          "capaian": {str(y): _finite(c.nilai) for y, c in ((prev, h.capaian_lalu), (tahun, h.capaian))
                      if c is not None and c.nilai is not None}}
         for h in items],
    ))

def renstra_akhir_table(hasil: Hasil) -> Bagian:
    """Realisasi so far against the Renstra's final target (the table empty without any final target)."""
    lap, cfg, tahun, d = _umum(hasil)
    lo, hi = lap.profil.periode
    rows = []
    items = [x for x in hasil.indikator if x.node.level in ("Tujuan", "Sasaran")]
    kalimat = (f"Perbandingan realisasi sampai dengan tahun {tahun} dengan target akhir periode "
               f"Renstra {lo}-{hi} disajikan pada tabel berikut.")
    if not any(h.target_akhir is not None for h in items):
        kalimat = (f"Target akhir periode Renstra {lo}-{hi} untuk indikator kinerja belum tersedia, "
                   "sehingga perbandingan dengan target akhir Renstra belum dapat disajikan.")
    for n, h in enumerate(items, 1):
        rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-", nilai(h.target_akhir, d),
                           nilai(h.realisasi, d),
                           pct(hasil, h.capaian_renstra.nilai) if h.capaian_renstra else "-"]))
    tabel = Tabel(
        f"Realisasi sampai dengan Tahun {tahun} terhadap Target Akhir Renstra {lo}-{hi}",
        [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 3), Kolom("Satuan", 0.8, "tengah"),
         Kolom(f"Target Akhir ({hi})", 1, "kanan"), Kolom(f"Realisasi s.d. {tahun}", 1, "kanan"),
         Kolom("Capaian thd Target Akhir (%)", 1.1, "kanan")],
        rows, nomor_kolom=["1", "2", "3", "4", "5", "6 = 5/4 × 100"])
    if not any(h.target_akhir is not None for h in items):
        tabel = _tanpa_baris(tabel)
    return Bagian(tabel, kalimat)

def standar_table(hasil: Hasil) -> tuple[Tabel | None, bool]:
    """The comparison with national standards, and whether every Standar Nasional cell of the IKU/PK
    indicators is blank. Without any standard value, the report says "Belum terdapat standar nasional" only
    when staff stated it ("tidak ada") for every IKU/PK indicator; a blank Standar Nasional states nothing,
    so no claim either way and no table of "-" (issue 20.6)."""
    d = hasil.laporan.pengaturan.desimal
    tahun = hasil.laporan.profil.tahun
    items = [h for h in hasil.indikator if h.indikator.standar is not None]
    if not items:
        utama = [hasil.of_indikator(i) for _node, i in hasil.laporan.bertanda("iku", "pk")]
        items = [h for h in utama if not h.indikator.standar_tidak_ada]
        if items:
            return None, True
    if not items:
        return None, False
    rows = [Baris([str(n), h.indikator.nama, h.indikator.satuan or "-", nilai(h.indikator.standar, d), nilai(h.realisasi, d),
                   pct(hasil, h.capaian_standar.nilai) if h.capaian_standar else "-"]) for n, h in enumerate(items, 1)]
    return Tabel("Perbandingan Realisasi Kinerja dengan Standar Nasional",
                 [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 3), Kolom("Satuan", 0.8, "tengah"),
                  Kolom("Standar Nasional", 1, "kanan"), Kolom(f"Realisasi {tahun}", 1, "kanan"),
                  Kolom("Capaian thd Standar (%)", 1.1, "kanan")], rows), False

def analisis_table(hasil: Hasil) -> Bagian:
    """The staff's analysis and solusi per sasaran indicator; the caption and the sentence name only what the
    table lists (its empty columns are not printed), no rows when neither is given."""
    rows = []
    items = [x for x in hasil.indikator if x.node.level == "Sasaran"]
    for n, h in enumerate(items, 1):
        rows.append(Baris([str(n), h.indikator.nama, pct(hasil, h.capaian.nilai), h.indikator.analisis or "-", h.indikator.solusi or "-"]))
    sebab = any(h.indikator.analisis for h in items)
    solusi = any(h.indikator.solusi for h in items)
    judul = {(True, True): "Analisis Penyebab Keberhasilan/Kegagalan dan Solusi",
             (True, False): "Analisis Penyebab Keberhasilan/Kegagalan",
             (False, True): "Solusi atas Capaian Indikator Kinerja"}.get((sebab, solusi), "Analisis Penyebab Keberhasilan/Kegagalan dan Solusi")
    kalimat = {
        (True, True): "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya dirangkum pada tabel berikut.",
        (True, False): "Penyebab keberhasilan atau kegagalan setiap indikator dirangkum pada tabel berikut.",
        (False, True): "Solusi yang telah dilakukan untuk setiap indikator dirangkum pada tabel berikut.",
    }.get((sebab, solusi), "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya belum diuraikan.")
    return Bagian(Tabel(judul,
                        [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.2), Kolom("Capaian (%)", 0.9, "kanan"),
                         Kolom("Penyebab Keberhasilan / Kegagalan", 4.2), Kolom("Solusi yang Telah Dilakukan", 4.2)],
                        rows if sebab or solusi else [], lanskap=True), kalimat)

def capaian_chart(hasil: Hasil) -> Grafik | None:
    """The bar chart of capaian of the sasaran indicators that have one."""
    data = [{"nama": h.indikator.nama, "capaian": _finite(h.capaian.nilai)}
            for h in hasil.indikator if h.node.level == "Sasaran" and h.capaian.nilai is not None]
    if not data:
        return None
    return Grafik(f"Capaian Indikator Kinerja Sasaran terhadap Target Tahun {hasil.laporan.profil.tahun}", "capaian", data)

# ---------------------------------------------------------------- Lampiran
def cascading_levels(setting: str) -> tuple[str, ...]:
    """The levels the cascading lampiran prints, down to the Pengaturan `matriks_cascading` (bawaan Kegiatan:
    a big OPD's sub kegiatan would add pages the PK and the budget tables already list); "Tidak": none."""
    levels = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
    if setting == "Tidak":
        return ()
    return levels[:levels.index(setting) + 1] if setting in levels else levels[:4]


def rkt_table(hasil: Hasil) -> Tabel | None:
    """The Rencana Kinerja Tahunan (issue 20.12): each sasaran with its indicators and this year's target beside the
    programs that support it (programs under the sasaran in the Kinerja sheet) and their pagu (the PK figure, as
    Lampiran A prints it). None when no sasaran has a program under it: the table would then be the sasaran,
    indikator and target of Lampiran A again, which Bab II names instead (each table printed once)."""
    pagu = {program_key(p.nama): p.pagu for p in pk_anggaran(hasil).program}
    lap = hasil.laporan
    d = lap.pengaturan.desimal
    rows: list[Baris] = []
    per_sasaran = [(s, _programs_of(s, pagu)) for s in lap.nodes("Sasaran")]
    if not any(programs for _s, programs in per_sasaran):
        return None
    for n, (s, programs) in enumerate(per_sasaran, 1):
        for k in range(max(len(s.indikator), len(programs), 1)):
            ind = s.indikator[k] if k < len(s.indikator) else None
            target = narrate.dengan_satuan(nilai(hasil.of_indikator(ind).target, d), ind.satuan) if ind else ""
            prog = programs[k] if k < len(programs) else ""
            amount = pagu.get(program_key(prog)) if prog else None
            rows.append(Baris([str(n) if k == 0 else "", s.uraian if k == 0 else "", ind.nama if ind else "", target,
                               prog, uang(amount) if amount is not None else ""]))
    names = [name for _s, programs in per_sasaran for name in programs]
    shared = len(names) != len(set(names))  # a program under several sasaran
    return Tabel(f"Rencana Kinerja Tahunan {lap.profil.instansi} Tahun {lap.profil.tahun}",
                 [Kolom("No", 0.45, "tengah"), Kolom("Sasaran Strategis", 2.2), Kolom("Indikator Kinerja", 2.2),
                  Kolom("Target", 0.9, "tengah"), Kolom("Program", 2.4), Kolom("Pagu (Rp)", 1.2, "kanan")],
                 rows, catatan="Program yang mendukung lebih dari satu sasaran tercantum pada setiap sasaran itu "
                               "dengan pagunya seluruhnya." if shared else "")


def _programs_of(sasaran, pagu: dict[str, Decimal]) -> list[str]:
    """The programs under a sasaran, once each; a program typed once per unit ("Program Pemberdayaan Masyarakat Desa
    dan Kelurahan (Kelurahan Kepanjin)") is the budget's one program of that name."""
    out: dict[str, str] = {}
    for node in sasaran.walk():
        if node.level != "Program":
            continue
        name = node.uraian
        base = re.sub(r"\s*\([^()]*\)\s*$", "", name)
        if program_key(name) not in pagu and program_key(base) in pagu:
            name = base
        out.setdefault(program_key(name), name)
    return list(out.values())


def cascading_table(hasil: Hasil) -> Tabel | None:
    """The performance tree as a lampiran (issue 20.13): tujuan → sasaran → program → kegiatan → sub kegiatan,
    each with its indicators and this year's target; only when the Kinerja sheet goes below the sasaran."""
    lap, cfg, tahun, d = _umum(hasil)
    levels = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
    shown = cascading_levels(lap.pengaturan.matriks_cascading)
    if not any(n.level in levels[2:] and n.level in shown for n in lap.nodes()):
        return None
    rows = []
    counter = [0] * len(levels)
    gaya = {"Tujuan": "subjudul", "Sasaran": "tebal", "Program": "program", "Kegiatan": "kegiatan"}
    for node in lap.nodes():
        if node.level not in shown:
            continue
        depth = levels.index(node.level) if node.level in levels else len(levels) - 1
        counter[depth] += 1
        counter[depth + 1:] = [0] * (len(levels) - depth - 1)
        nomor = ".".join(str(c) for c in counter[:depth + 1] if c)
        for k, ind in enumerate(node.indikator or [None]):
            first = k == 0
            cells = [nomor if first else "", node.level if first else "", node.uraian if first else ""]
            if ind is None:
                rows.append(Baris(cells + ["", "", ""], gaya.get(node.level, "biasa"), indent=depth))
                continue
            h = hasil.of_indikator(ind)
            rows.append(Baris(cells + [ind.nama, ind.satuan or "-", nilai(h.target, d)],
                              gaya.get(node.level, "biasa") if first else "biasa", indent=depth if first else 0))
    return Tabel(
        f"Matriks Cascading Kinerja {lap.profil.instansi} Tahun {tahun}",
        [Kolom("No", 0.6, "kiri"), Kolom("Level", 0.9), Kolom("Tujuan / Sasaran / Program / Kegiatan", 3.2),
         Kolom("Indikator Kinerja", 2.8), Kolom("Satuan", 0.8, "tengah"), Kolom(f"Target {tahun}", 0.9, "kanan")],
        rows)

def rencana_aksi_table(hasil: Hasil) -> Tabel | None:
    """The Rencana Aksi of the Perjanjian Kinerja, every quarter the sheet holds."""
    lap, cfg, tahun, d = _umum(hasil)
    if not lap.rencana_aksi:
        return None
    rows = []
    last = None
    for r in lap.rencana_aksi:
        rows.append(Baris([r.indikator if r.indikator != last else "", r.periode, nilai(r.target_kinerja, d),
                           nilai(r.realisasi_kinerja, d), r.program, uang(r.target_anggaran), uang(r.realisasi_anggaran),
                           r.keterangan]))
        last = r.indikator
    return Tabel(f"Rencana Aksi atas Perjanjian Kinerja Tahun {tahun}",
                 [Kolom("Indikator", 2.4), Kolom("Periode", 1, "tengah"), Kolom("Target Kinerja", 0.9, "kanan"),
                  Kolom("Realisasi Kinerja", 0.9, "kanan"), Kolom("Program / Kegiatan", 2.4),
                  Kolom("Target Anggaran (Rp)", 1.3, "kanan"), Kolom("Realisasi Anggaran (Rp)", 1.3, "kanan"),
                  Kolom("Keterangan", 1.2)], rows, lanskap=True)


