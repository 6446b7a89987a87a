"""generator/report/cek_teks.py (issue 19.13-14): staff text checked against the figures the report prints (validate warnings, at the cell)."""

from __future__ import annotations

from factory import KINERJA, make_workbook

from generator.pipeline import check


def teks_problems(path, code="teks.angka-berbeda"):
    _lap, _hasil, problems = check(path)
    return [(p.sheet, p.cell, p.message) for p in problems if p.code == code]


# ---------------------------------------------------------------- 13. figures in staff text
def test_a_second_total_or_capaian_in_staff_text_is_a_warning_with_both_figures(tmp_path):
    narasi = [
        {"Bagian": "kesimpulan", "Isi": "Realisasi anggaran sebesar Rp 2.671.018.687 dengan capaian kinerja 86,60 %."},
        {"Bagian": "ringkasan_eksekutif", "Isi": "Dengan realisasi sebesar Rp. 4.611.953.353,- dari pagu Rp35.000.000."},
        # what the report prints, as staff round it: no warning
        {"Bagian": "realisasi_anggaran", "Isi": "Realisasi Rp32.500.000,00 atau 92,86% (92,9 %), sisa 7,14%; capaian 91,88%."},
    ]
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Analisis"] = "Capaian 75,00 karena petugas kurang."  # the report prints 83,75
    found = teks_problems(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    assert [(s, c) for s, c, _ in found] == [("Kinerja", "U3"), ("Narasi", "C2"), ("Narasi", "C2"), ("Narasi", "C3")]
    msgs = [m for _, _, m in found]
    assert "menyebut capaian 75,00," in msgs[0] and "laporan mencetak 83,75%" in msgs[0]  # that indicator's capaian
    assert "menyebut jumlah Rp 2.671.018.687" in msgs[1] and "laporan mencetak Rp32.500.000,00" in msgs[1]
    assert "menyebut persentase 86,60 %" in msgs[2] and "laporan mencetak 91,88%" in msgs[2]
    assert "menyebut jumlah Rp. 4.611.953.353,-" in msgs[3] and "laporan mencetak Rp32.500.000,00" in msgs[3]


def test_staff_text_with_the_printed_figures_is_quiet(small):
    assert teks_problems(small) == []


# ---------------------------------------------------------------- 14. claims the figures refute
def test_claims_the_figures_refute_are_warnings_at_the_cell(tmp_path):
    narasi = [
        {"Bagian": "kesimpulan", "Isi": "Seluruh sasaran telah tercapai dengan hasil yang maksimal."},
        {"Bagian": "ringkasan_eksekutif", "Isi": "Kinerja didukung oleh tiga program, termasuk Program Pembangunan Jalan Desa."},
        {"Bagian": "permasalahan", "Isi": "Sasaran meningkatnya akuntabilitas kinerja belum tercapai karena SDM terbatas."},
    ]
    kinerja = [dict(r) for r in KINERJA]
    kinerja[2]["Realisasi 2024"] = "A"  # S2: target B, realisasi A -> capaian 100 %
    _lap, hasil, problems = check(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    got = [(p.cell, p.code, p.message) for p in problems if p.code.startswith("teks.") and p.code != "teks.angka-berbeda"]
    assert [(c, code) for c, code, _ in got] == [
        ("C2", "teks.klaim-bertentangan"), ("C2", "teks.klaim-bertentangan"),
        ("C3", "teks.jumlah-berbeda"), ("C3", "teks.nama-tidak-dikenal"), ("C4", "teks.klaim-bertentangan")]
    assert "\"Seluruh sasaran telah tercapai\"" in got[0][2] and "Persentase layanan tepat waktu: capaian 83,75%" in got[0][2]
    assert "\"hasil yang maksimal\"" in got[1][2]
    assert "\"tiga program\", padahal laporan mencatat 2 program" in got[2][2]
    assert "\"Program Pembangunan Jalan Desa\"" in got[3][2]
    assert "sasaran 'Meningkatnya akuntabilitas kinerja' mencapai 100,00%" in got[4][2]


def test_a_staff_text_naming_failures_when_every_indicator_met_its_target_is_a_warning(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Realisasi 2024"] = 85  # every measured indicator at or above target
    narasi = [{"Bagian": "kata_pengantar", "Isi": "Secara umum sesuai rencana, meskipun beberapa indikator belum menunjukkan "
                                                   "capaian sesuai target."}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    got = [(p.cell, p.message) for p in problems if p.code == "teks.klaim-bertentangan"]
    assert got == [("C2", "Teks Narasi 'kata_pengantar' menyatakan \"beberapa indikator belum menunjukkan capaian sesuai "
                          "target\", padahal menurut angka laporan semua 3 indikator yang terukur mencapai atau melampaui target.")]


def test_a_sasaran_listed_under_kegagalan_that_met_its_target_is_a_warning(tmp_path):
    narasi = [{"Bagian": "permasalahan", "Isi": "Kegagalan kinerja tujuan dipengaruhi oleh kegagalan kinerja sasaran, di antaranya:\n"
                                                 "- Sasaran Meningkatnya akuntabilitas kinerja: kegiatan tidak dapat dilaksanakan."}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", sheets={"Narasi": narasi}))  # S2: BB for B, 100 %
    got = [(p.cell, p.message) for p in problems if p.code == "teks.klaim-bertentangan"]
    assert len(got) == 1 and got[0][0] == "C2"
    assert "sasaran 'Meningkatnya akuntabilitas kinerja' mencapai 100,00% (Sangat Tinggi)" in got[0][1]


def test_true_claims_are_quiet(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Realisasi 2024"] = 85  # every sasaran at or above target
    narasi = [{"Bagian": "kesimpulan", "Isi": "Seluruh sasaran telah tercapai melalui 2 (dua) program: Program Penunjang "
                                               "Urusan Pemerintahan Daerah dan Program Penyelenggaraan Pemerintahan dan "
                                               "Pelayanan Publik. Dua kegiatan utama adalah perencanaan dan koordinasi."}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    assert [p for p in problems if p.code.startswith("teks.")] == []


def test_staff_kesimpulan_without_the_n_of_m_qualification_is_a_warning(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Realisasi 2024"] = None  # S1 cannot be measured: capaian from 1 of 2 indicators
    narasi = [{"Bagian": "kesimpulan", "Isi": "Capaian kinerja Kecamatan Contoh baik."}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    assert [(p.cell, p.code) for p in problems if p.code == "teks.kesimpulan-tanpa-cakupan"] == [("C2", "teks.kesimpulan-tanpa-cakupan")]
    assert "dari 1 dari 2 indikator" in next(p.message for p in problems if p.code == "teks.kesimpulan-tanpa-cakupan")
    narasi[0]["Isi"] += " Capaian dihitung dari 1 (satu) dari 2 (dua) indikator; satu indikator belum dapat diukur."
    _lap, _hasil, problems = check(make_workbook(tmp_path / "v.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    assert not [p for p in problems if p.code == "teks.kesimpulan-tanpa-cakupan"]


def test_an_average_in_staff_text_is_compared_with_the_printed_average(tmp_path):
    # 100 % is printed (S2's capaian), but not as the average: the instansi average is 91,88 %
    narasi = [{"Bagian": "kesimpulan", "Isi": "Rata-rata nilai capaian kinerja dari program wajib adalah 100% sehingga baik."}]
    found = teks_problems(make_workbook(tmp_path / "w.xlsx", sheets={"Narasi": narasi}))
    assert found == [("Narasi", "C2", "Teks Narasi 'kesimpulan' menyebut persentase 100%, yang tidak dicetak laporan sebagai "
                                      "rata-rata capaian; laporan mencetak 91,88%.")]


def test_a_scale_of_thresholds_in_staff_text_is_not_a_figure(tmp_path):
    """Kota Sumenep's efisiensi text lists the Kepmendagri scale ("60% - 80%: Efisien", "kurang dari 60%"):
    bounds of a scale, not figures the report must print."""
    from generator.report.cek_teks import _PCT, _threshold

    text = ("- lebih dari 100%: Tidak Efisien;\n- 90% - 100%: Kurang Efisien;\n- 60%-80%: Efisien;\n"
            "- kurang dari 60%: Sangat Efisien. Penyerapan tahun ini 95,12%.")
    judged = [(m.group(0), _threshold(text, m.start(1), m.end())) for m in _PCT.finditer(text)]
    assert judged == [("100%", True), ("90%", True), ("100%", True), ("60%", True), ("80%", True), ("60%", True),
                      ("95,12%", False)]
