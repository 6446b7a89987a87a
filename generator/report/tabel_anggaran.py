"""The budget tables of the report (BAB III B, the Perjanjian Kinerja's budget and the efficiency analysis).

Each function takes the results (`Hasil`; its `laporan.pengaturan` are the settings) and returns the `Tabel`
(with its sentence or chart where the report prints one beside it); `context.build_context` assembles them.
The figures come from `compute` and `anggaran_kinerja`; here they are only laid out and worded.
"""

from __future__ import annotations

from decimal import Decimal

from ..base.formatting import romawi, rupiah, terbilang, uang
from ..base.specs import Bagian, Baris, Grafik, Kolom, Tabel
from ..compute.anggaran_kinerja import pk_anggaran, pk_perubahan
from ..compute.hasil import Hasil, hitung_efisiensi
from .program_kinerja import jenjang
from .tabel_kinerja import pct


def pk_anggaran_table(hasil: Hasil, lampiran: bool) -> tuple[Tabel, dict[str, str]]:
    """The programs and budget of the Perjanjian Kinerja, and its sentences (`pagu_pk`; in the body also
    `pagu_saat_ini`, today's total beside a signed total that differs from it). The signed page (lampiran)
    carries no comment; what staff left empty is a validate warning (anggaran.pagu-pk-kosong)."""
    tahun = hasil.laporan.profil.tahun
    pk = pk_anggaran(hasil)
    note = ""
    if pk.ada_pagu_pk and pk.total != hasil.total.pagu:
        note = f"Pagu anggaran tahun {tahun} saat ini, yang dipakai pada Bab III, adalah {rupiah(hasil.total.pagu)}."
    prow = [Baris([str(i), p.nama, uang(p.pagu), ", ".join(p.sumber_dana) or "APBD"]) for i, p in enumerate(pk.program, 1)]
    prow.append(Baris(["", "Jumlah", uang(pk.total), ""], "total"))
    tabel = Tabel(
        f"Program dan Anggaran Perjanjian Kinerja Tahun {tahun}",
        [Kolom("No", 0.45, "tengah"), Kolom("Program", 4), Kolom("Anggaran (Rp)", 1.6, "kanan"), Kolom("Sumber Dana", 1.1, "tengah")],
        prow, catatan="" if lampiran else note)
    kalimat = {"pagu_pk": f"Jumlah anggaran yang direncanakan untuk mencapai sasaran strategis: {rupiah(pk.total)} "
                          f"({terbilang(pk.total)})."}
    if not lampiran:  # the body table may be left to the Lampiran (issue 20.8): the note stands on its own there
        kalimat["pagu_saat_ini"] = note
    return tabel, kalimat


def pk_perubahan_table(hasil: Hasil) -> Bagian:
    """Issue 20.4: the Perjanjian Kinerja Perubahan, program by program before and after, when column Pagu PK
    Perubahan gives one (a program without it keeps its PK figure)."""
    programs = pk_perubahan(hasil)
    if programs is None:
        return Bagian(None)
    tahun = hasil.laporan.profil.tahun
    rows, total = [], [Decimal(0), Decimal(0)]
    for i, (name, before, now) in enumerate(programs, 1):
        total[0] += before
        total[1] += now
        rows.append(Baris([str(i), name, uang(before), uang(now), uang(now - before)]))
    rows.append(Baris(["", "Jumlah", uang(total[0]), uang(total[1]), uang(total[1] - total[0])], "total"))
    return Bagian(Tabel(
        f"Program dan Anggaran Perjanjian Kinerja Perubahan Tahun {tahun}",
        [Kolom("No", 0.45, "tengah"), Kolom("Program", 3.6), Kolom("Sebelum Perubahan (Rp)", 1.5, "kanan"),
         Kolom("Setelah Perubahan (Rp)", 1.5, "kanan"), Kolom("Selisih (Rp)", 1.3, "kanan")],
        rows, nomor_kolom=["1", "2", "3", "4", "5 = 4 − 3"]),
        f"Perjanjian Kinerja Tahun {tahun} diubah dengan Perjanjian Kinerja Perubahan; sasaran, indikator dan "
        f"target kinerja tetap, anggaran program sebelum dan setelah perubahan sebagai berikut. Jumlah anggaran "
        f"setelah perubahan: {rupiah(total[1])} ({terbilang(total[1])}).")


def efisiensi_table(hasil: Hasil) -> Tabel:
    """Capaian beside penyerapan per sasaran and for the whole instansi."""
    lap, cfg = hasil.laporan, hasil.laporan.pengaturan
    rows = []
    for n, s in enumerate(lap.nodes("Sasaran"), 1):
        hn = hasil.of(s)
        j = hn.anggaran
        rows.append(Baris([str(n), s.uraian, uang(j.pagu) if j else "-", uang(j.realisasi) if j else "-",
                           pct(hasil, j.penyerapan) if j else "-", pct(hasil, hn.capaian), pct(hasil, hn.efisiensi), hn.efisiensi_label]))
    t = hasil.total
    rows.append(Baris(["", f"{lap.profil.instansi} (seluruh anggaran)", uang(t.pagu), uang(t.realisasi), pct(hasil, t.penyerapan),
                       pct(hasil, hasil.capaian_instansi), pct(hasil, hasil.efisiensi_instansi), hasil.efisiensi_label], "total"))
    formula = {"sisa": "7 = 100 − 5", "rasio": "7 = 5/6 × 100"}.get(cfg.metode_efisiensi, "7 = 6 − 5")
    return _tanpa_kategori(cfg.metode_efisiensi, Tabel(
        "Efisiensi Penggunaan Sumber Daya per Sasaran",
        [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 3), Kolom("Pagu (Rp)", 1.5, "kanan"), Kolom("Realisasi (Rp)", 1.5, "kanan"),
         Kolom("Penyerapan (%)", 1, "kanan"), Kolom("Capaian Kinerja (%)", 1, "kanan"), Kolom("Efisiensi (%)", 1, "kanan"),
         Kolom("Kategori", 1.2, "tengah")],
        rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5 = 4/3 × 100", "6", formula, "8"]))


def program_table(hasil: Hasil) -> Tabel | None:
    """Programs/kegiatan linked to each Kinerja node, with the efficiency of each line against that node's capaian."""
    lap, cfg = hasil.laporan, hasil.laporan.pengaturan
    rows = []
    n = 0
    for node in lap.nodes():
        hn = hasil.of(node)
        lines = hasil.links.get(node, [])
        for k, ln in enumerate(lines):
            n += k == 0
            j = hasil.jumlah[ln]
            eff, label = hitung_efisiensi(hn.capaian, j.penyerapan, cfg.metode_efisiensi, cfg.desimal)
            if not j.pagu and not j.realisasi:
                label = "Dibatalkan"  # no pagu, no realisasi: not a supporting line (issue 19.10)
            rows.append(Baris([str(n) if k == 0 else "", node.uraian if k == 0 else "", ln.uraian, ln.unit, uang(j.pagu),
                               uang(j.realisasi), pct(hasil, j.penyerapan), pct(hasil, hn.capaian), pct(hasil, eff), label]))
    if not rows:
        return None
    formula = {"sisa": "9 = 100 − 7", "rasio": "9 = 7/8 × 100"}.get(cfg.metode_efisiensi, "9 = 8 − 7")
    return _tanpa_kategori(cfg.metode_efisiensi, Tabel(
        "Program/Kegiatan yang Mendukung Pencapaian Kinerja dan Efisiensinya",
        [Kolom("No", 0.45, "tengah"), Kolom("Sasaran / Indikator Kinerja", 2.3), Kolom("Program / Kegiatan", 2.8), Kolom("Unit", 1.3),
         Kolom("Pagu (Rp)", 1.4, "kanan"), Kolom("Realisasi (Rp)", 1.4, "kanan"), Kolom("Penyerapan (%)", 0.9, "kanan"),
         Kolom("Capaian Kinerja (%)", 0.9, "kanan"), Kolom("Efisiensi (%)", 0.9, "kanan"), Kolom("Kategori", 1.1, "tengah")],
        rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8", formula, "10"]))


# ---------------------------------------------------------------- BAB III B: budget
def belanja_table(hasil: Hasil) -> Tabel | None:
    """Pagu and realisasi by kelompok and jenis belanja, when the Anggaran sheet gives them."""
    if not hasil.belanja:
        return None
    rows = []
    for i, g in enumerate(hasil.belanja, 1):
        j = g.jumlah
        rows.append(Baris([str(i), g.kelompok, uang(j.pagu), uang(j.realisasi), pct(hasil, j.penyerapan)], "tebal"))
        for name, jj in g.jenis:
            rows.append(Baris(["", name, uang(jj.pagu), uang(jj.realisasi), pct(hasil, jj.penyerapan)], indent=1))
    t = hasil.belanja_total
    assert t is not None  # with belanja groups there is their total
    rows.append(Baris(["", "Total", uang(t.pagu), uang(t.realisasi), pct(hasil, t.penyerapan)], "total"))
    return Tabel(f"Anggaran dan Realisasi menurut Jenis Belanja Tahun {hasil.laporan.profil.tahun}",
                 [Kolom("No", 0.45, "tengah"), Kolom("Uraian", 3.2), Kolom("Anggaran (Rp)", 1.6, "kanan"),
                  Kolom("Realisasi (Rp)", 1.6, "kanan"), Kolom("%", 0.8, "kanan")], rows,
                 nomor_kolom=["1", "2", "3", "4", "5 = 4/3 × 100"])


def unit_table(hasil: Hasil) -> Bagian:
    """Pagu, realisasi and sisa per unit, with the chart per unit (per program for one unit); one unit is also
    said in a sentence (`kalimat`), the template prints that instead of a table of one row and its total."""
    lap, tahun = hasil.laporan, hasil.laporan.profil.tahun
    kalimat = ""
    if len(hasil.unit) == 1:
        name, j = hasil.unit[0]
        kalimat = (f"Seluruh anggaran dikelola oleh {name}: pagu {rupiah(j.pagu)}, realisasi "
                   f"{rupiah(j.realisasi)} ({pct(hasil, j.penyerapan)}%), sisa {rupiah(j.sisa)}.")
    rows = [Baris([str(i), name, uang(j.pagu), uang(j.realisasi), uang(j.sisa), pct(hasil, j.penyerapan)])
            for i, (name, j) in enumerate(hasil.unit, 1)]
    t = hasil.total
    rows.append(Baris(["", "Total", uang(t.pagu), uang(t.realisasi), uang(t.sisa), pct(hasil, t.penyerapan)], "total"))
    tabel = Tabel(f"Anggaran dan Realisasi per Unit Tahun {tahun}",
                  [Kolom("No", 0.45, "tengah"), Kolom("Unit", 2.6), Kolom("Anggaran (Rp)", 1.5, "kanan"),
                   Kolom("Realisasi (Rp)", 1.5, "kanan"), Kolom("Sisa (Rp)", 1.3, "kanan"), Kolom("%", 0.75, "kanan")],
                  rows, nomor_kolom=["1", "2", "3", "4", "5 = 3 − 4", "6 = 4/3 × 100"])
    items = hasil.unit if len(hasil.unit) > 1 else [(p.uraian, hasil.jumlah[p]) for u in lap.unit for p in u.program]
    grafik = Grafik(
        "Pagu dan Realisasi Anggaran per " + ("Unit" if len(hasil.unit) > 1 else "Program"), "anggaran",
        [{"nama": n, "pagu": float(j.pagu), "realisasi": float(j.realisasi),
          "penyerapan": float(j.penyerapan) if j.penyerapan is not None else 0.0} for n, j in items[:30]],
    )
    return Bagian(tabel, kalimat, grafik)


_GAYA_RINCI = {"Program": "program", "Kegiatan": "kegiatan"}
_INDENT_RINCI = {"Program": 0, "Kegiatan": 1}


def rinci_table(hasil: Hasil) -> Tabel:
    """Every budget line by unit, program, kegiatan and sub kegiatan."""
    lap = hasil.laporan
    rows = []
    jumlah = hasil.jumlah
    found: set[str] = set()  # the levels the lines have
    for ui, unit in enumerate(lap.unit, 1):
        uj = next(j for n, j in hasil.unit if n == unit.nama)
        if len(lap.unit) > 1:  # one unit: its row would repeat the total
            rows.append(Baris([romawi(ui), "", unit.nama.upper(), uang(uj.pagu), uang(uj.realisasi), uang(uj.sisa),
                               pct(hasil, uj.penyerapan)], "unit"))
        for pi, prog in enumerate(unit.program, 1):
            for ln in prog.walk():
                j = jumlah[ln]
                level = ln.level
                found.add(level)
                rows.append(Baris([str(pi) if ln is prog else "", ln.kode, ln.uraian, uang(j.pagu), uang(j.realisasi), uang(j.sisa),
                                   pct(hasil, j.penyerapan)], _GAYA_RINCI.get(level, "biasa"), _INDENT_RINCI.get(level, 2)))
    t = hasil.total
    rows.append(Baris(["", "", "JUMLAH", uang(t.pagu), uang(t.realisasi), uang(t.sisa), pct(hasil, t.penyerapan)], "total"))
    levels = jenjang(found)
    return Tabel(
        f"Realisasi Anggaran per {levels} Tahun {lap.profil.tahun}",
        [Kolom("No", 0.45, "tengah"), Kolom("Kode", 1.45), Kolom(levels.replace(", ", " / ").replace(" dan ", " / "), 4.2), Kolom("Anggaran (Rp)", 1.45, "kanan"),
         Kolom("Realisasi (Rp)", 1.45, "kanan"), Kolom("Sisa (Rp)", 1.25, "kanan"), Kolom("%", 0.7, "kanan")],
        rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6 = 4 − 5", "7 = 5/4 × 100"])


def _tanpa_kategori(metode: str, tabel: Tabel) -> Tabel:
    """The table without its last (Kategori) column when the efficiency method has no criteria of its own."""
    if metode != "sisa":
        return tabel
    tabel.kolom = tabel.kolom[:-1]
    tabel.nomor_kolom = tabel.nomor_kolom[:-1] if tabel.nomor_kolom else tabel.nomor_kolom
    for b in tabel.baris:
        b.sel = b.sel[:-1]
    return tabel
