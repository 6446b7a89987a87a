"""Issue 19: every sentence true, round two. Each test reads the built .docx or the problem's
(sheet, cell, code) of a workbook typed as staff type it."""

from __future__ import annotations

import pytest
from docx_text import all_text, load
from factory import ANGGARAN, KINERJA, make_workbook

from generator.docx.render import render_docx
from generator.pipeline import check
from generator.report.context import build_context


def build(path):
    """(document, problems) of a workbook."""
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    return load(render_docx(build_context(hasil))), problems


def found(problems, code):
    return [(p.sheet, p.cell, p.severity) for p in problems if p.code == code]


# ---------------------------------------------------------------- 1. an amount misread by 1000
@pytest.mark.parametrize("typed, satu, dua", [
    ("11,099.000", "Rp11.099 ", "Rp11.099.000"),
    ("11.099,000", "Rp11.099 ", "Rp11.099.000"),
    ("1,265.000", "Rp1.265 ", "Rp1.265.000"),
    ("11,099", "Rp11,099 ", "Rp11.099"),
])
def test_text_amount_with_two_readings_is_an_error_naming_both(tmp_path, typed, satu, dua):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Realisasi"] = typed  # Anggaran!F4
    _lap, hasil, problems = check(make_workbook(tmp_path / "wb.xlsx", anggaran=anggaran))
    assert found(problems, "angka.rupiah-ambigu") == [("Anggaran", "F4", "error")]
    msg = next(p.message for p in problems if p.code == "angka.rupiah-ambigu")
    assert f"'{typed}'" in msg and satu in msg and dua + " " in msg


@pytest.mark.parametrize("typed", ["11.099.000", "11099000", "Rp 11.099.000,-", "11.099.000,00"])
def test_text_amount_with_one_reading_is_read(tmp_path, typed):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Pagu"] = typed
    anggaran[2]["Realisasi"] = 9_500_000
    lap, _hasil, problems = check(make_workbook(tmp_path / "wb.xlsx", anggaran=anggaran))
    assert not found(problems, "angka.rupiah-ambigu")
    assert list(lap.budget_lines())[2].pagu == 11_099_000


def test_realisasi_under_one_percent_of_pagu_is_a_warning(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Pagu"], anggaran[2]["Realisasi"] = 11_099_000, 11_099
    _lap, _hasil, problems = check(make_workbook(tmp_path / "wb.xlsx", anggaran=anggaran))
    assert found(problems, "anggaran.realisasi-tak-wajar") == [("Anggaran", "F4", "warning")]
    msg = next(p.message for p in problems if p.code == "anggaran.realisasi-tak-wajar")
    assert "11.099 " in msg and "11.099.000" in msg and "0,10%" in msg


def test_text_amount_a_thousandfold_off_its_sibling_is_a_warning(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[3]["Pagu"], anggaran[3]["Realisasi"] = "5.000", "5.000"  # beside 10.000.000: read 5 thousand
    _lap, _hasil, problems = check(make_workbook(tmp_path / "wb.xlsx", anggaran=anggaran))
    assert ("Anggaran", "E5", "warning") in found(problems, "anggaran.angka-tak-wajar")


# ---------------------------------------------------------------- 2, 3. no words of the tool on signed pages
_TOOL_WORDS = r"\b(?:workbook|sheet|kolom|sel)\b|\blkjip\b"


def _tool_words(text: str) -> list[str]:
    import re

    # "LKjIP" is the report's own name; "lkjip" in lower case is the tool's
    return [line for line in text.splitlines()
            if re.search(r"\b(?:workbook|sheet|kolom|sel)\b", line, re.I) or re.search(r"\blkjip\b", line)]


def _bare_workbook(tmp_path):
    """Every optional part empty: no Pagu PK, no Sasaran links, no Target Akhir, a sasaran without indicator,
    no optional sheet filled."""
    kinerja = [dict(r) for r in KINERJA] + [
        {"Level": "Sasaran", "Kode": "S3", "Uraian": "Meningkatnya partisipasi masyarakat"}]
    for r in kinerja:
        r.pop("Target 2026", None)
    anggaran = [{k: v for k, v in r.items() if k not in ("Sasaran", "Pagu PK")} for r in ANGGARAN]
    return make_workbook(tmp_path / "kosong.xlsx", kinerja=kinerja, anggaran=anggaran)


@pytest.mark.parametrize("name", ["kecamatan-alok-2024.xlsx", "kecamatan-kota-sumenep-2023.xlsx",
                                  "kecamatan-raas-2020.xlsx", "kosong"])
def test_report_never_addresses_the_spreadsheet(tmp_path, name):
    from conftest import EXAMPLES

    path = _bare_workbook(tmp_path) if name == "kosong" else EXAMPLES / name
    document, _problems = build(path)
    assert _tool_words(all_text(document)) == []


def test_pk_without_pagu_pk_prints_current_pagu_without_comment_and_validate_warns(tmp_path):
    anggaran = [{k: v for k, v in r.items() if k != "Pagu PK"} for r in ANGGARAN]
    document, problems = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    text = all_text(document)
    assert "Pagu PK" not in text and "dapat berbeda dari angka yang ditandatangani" not in text
    # the PK table prints the current pagu, 35.000.000, as its total
    assert "| Jumlah | 35.000.000 |" in text
    assert found(problems, "anggaran.pagu-pk-kosong") == [("Anggaran", "N1", "warning")]
    msg = next(p.message for p in problems if p.code == "anggaran.pagu-pk-kosong")
    assert "Rp35.000.000,00" in msg


# ---------------------------------------------------------------- 4. a dash typed for "nothing"
@pytest.mark.parametrize("dash", ["-", "–", "—", "n/a", "N/A"])
def test_a_dash_is_an_empty_cell_everywhere(tmp_path, dash):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Analisis"] = dash
    document, problems = build(make_workbook(tmp_path / "w.xlsx", profil={"visi": dash, "telepon": dash}, kinerja=kinerja))
    kinerja[1].pop("Analisis")
    empty, _ = build(make_workbook(tmp_path / "kosong.xlsx", profil={"visi": None, "telepon": None}, kinerja=kinerja))
    assert f"“{dash}”" not in all_text(document)
    assert all_text(document) == all_text(empty)  # the report of the dashes is the report of the empty cells
    # a required field typed as a dash is the same error as the empty one, at its cell
    _lap, _hasil, problems = check(make_workbook(tmp_path / "a.xlsx", profil={"atasan_nama": dash}))
    assert [(p.sheet, p.code) for p in problems if p.severity == "error"] == [("Profil", "profil.wajib-kosong")]
    assert "atasan_nama" in next(p.message for p in problems if p.code == "profil.wajib-kosong")


# ---------------------------------------------------------------- 7, 8. counted by identity, named when names repeat
def _program_rows():
    """Sasaran S1 states one program on two rows (as Raas Sasaran 4 does), each with a kegiatan whose
    indicator has the same name."""
    prog = {"Level": "Program", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah", "Indikator": "Persentase dokumen tepat waktu",
            "Satuan": "%", "Target 2024": 100, "Realisasi 2024": 100}
    keg = {"Level": "Kegiatan", "Indikator": "Jumlah kegiatan peringatan hari besar", "Satuan": "kali", "Target 2024": 2,
           "Realisasi 2024": 0}
    return KINERJA[:2] + [
        {**prog, "Kode": "P.1"}, {**keg, "Kode": "P.1.1", "Uraian": "Peringatan Hari Proklamasi"},
        {**prog, "Kode": "P.2"}, {**keg, "Kode": "P.2.1", "Uraian": "Pameran Pembangunan"},
    ] + KINERJA[2:]


def test_a_program_on_two_rows_is_one_program_and_its_indicator_is_listed_once(tmp_path):
    document, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=_program_rows()))
    text = all_text(document)
    line = next(p for p in text.splitlines() if p.startswith("Sasaran 1 (Meningkatnya kualitas layanan administrasi) didukung"))
    assert "didukung oleh 1 (satu) program dan 2 (dua) kegiatan dengan 3 (tiga) indikator:" in line
    rows = [r for r in text.splitlines()  # the program-indicator table (10 columns; the cascading lampiran has others)
            if "| Persentase dokumen tepat waktu | % |" in r and r.count(" | ") == 9]
    assert len(rows) == 1 and rows[0].endswith("| 15.000.000 | 14.500.000 | 96,67")  # one row, its budget once


def test_repeated_indicator_names_name_their_kegiatan(tmp_path):
    document, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=_program_rows()))
    line = next(p for p in all_text(document).splitlines() if p.startswith("Sasaran 1 (Meningkatnya kualitas layanan administrasi) didukung"))
    assert ("(Jumlah kegiatan peringatan hari besar (kegiatan Peringatan Hari Proklamasi): 0,00%; "
            "Jumlah kegiatan peringatan hari besar (kegiatan Pameran Pembangunan): 0,00%)") in line


# ---------------------------------------------------------------- 9. which of target and realisasi is missing; no "0 (nol)"
def test_missing_target_and_realisasi_are_both_named_and_nothing_counts_zero(tmp_path):
    kinerja = _program_rows()
    kinerja[2] = {**kinerja[2], "Target 2024": None, "Realisasi 2024": None}  # the program row: neither typed
    kinerja[3] = {**kinerja[3], "Realisasi 2024": None}  # a kegiatan: target 2, no realisasi
    document, problems = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    text = all_text(document)
    line = next(p for p in text.splitlines() if p.startswith("Sasaran 1 (Meningkatnya kualitas layanan administrasi) didukung"))
    assert "(nol)" not in text
    # staff are told at the cell that the report prints the program indicator as not measurable
    assert ("Kinerja", "I4", "warning") in found(problems, "kinerja.tanpa-target-realisasi")  # one code (issue 21.2)
    assert line.endswith("dengan 3 (tiga) indikator: 1 (satu) yang terukur belum mencapai target (Jumlah kegiatan "
                         "peringatan hari besar (kegiatan Pameran Pembangunan): 0,00%) dan 2 (dua) belum dapat diukur "
                         "(Persentase dokumen tepat waktu: target dan realisasi belum diisi; Jumlah kegiatan peringatan "
                         "hari besar (kegiatan Peringatan Hari Proklamasi): realisasi belum diisi).")


# ---------------------------------------------------------------- 10. the category follows the figure; cancelled lines
def test_zero_efficiency_is_sesuai_anggaran_and_cancelled_lines_are_named_cancelled(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Realisasi 2024"] = 75  # S1 capaian 93,75 %
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Pagu"], anggaran[2]["Realisasi"] = 10_000_000, 9_375_000
    anggaran[3]["Pagu"], anggaran[3]["Realisasi"] = 0, 0  # Evaluasi Kinerja: cancelled
    anggaran += [{"Kode": "7.01.03", "Uraian": "Program Pemberdayaan Masyarakat", "Sasaran": "S1"},
                 {"Kode": "7.01.03.2.01", "Uraian": "Pelatihan Kader"},
                 {"Kode": "7.01.03.2.01.0001", "Uraian": "Pelatihan Kader Posyandu", "Pagu": 0, "Realisasi": 0}]
    document, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, anggaran=anggaran))
    text = all_text(document)
    assert "selisih capaian terhadap penyerapan adalah 0,00%, sehingga penggunaan sumber daya dinilai sesuai anggaran" in text
    assert "nilai positif berarti efisien, nol berarti sesuai anggaran" in text
    efisiensi = [r for r in text.splitlines() if r.startswith("1 | Meningkatnya kualitas layanan administrasi |")]
    assert efisiensi and all(not r.endswith("| Efisien") for r in efisiensi)
    assert [r for r in text.splitlines() if "| 0,00 | Sesuai Anggaran" in r]
    assert ("Program Pemberdayaan Masyarakat dibatalkan (tanpa pagu dan realisasi). Capaian sasaran ini didukung oleh "
            "program/kegiatan berikut:") in text
    assert "Program Pemberdayaan Masyarakat (Kecamatan Contoh): pagu" not in text
    assert [r for r in text.splitlines() if "| Program Pemberdayaan Masyarakat | Kecamatan Contoh | 0 | 0 |" in r
            and r.endswith("| Dibatalkan")]


# ---------------------------------------------------------------- 11. one rule for a sasaran's budget
def test_a_sasaran_has_one_budget_in_every_table_when_a_units_program_is_unlinked(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN] + [
        {"Unit": "Kelurahan Satu", "Kode": "7.01.01", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah",
         "Pagu PK": 40_000_000},  # Sasaran left empty in this unit
        {"Kode": "7.01.01.2.01", "Uraian": "Perencanaan, Penganggaran dan Evaluasi Kinerja"},
        {"Kode": "7.01.01.2.01.0001", "Uraian": "Penyusunan Dokumen Perencanaan", "Pagu": 40_000_000, "Realisasi": 30_000_000},
    ]
    document, problems = build(make_workbook(tmp_path / "w.xlsx", kinerja=_program_rows(), anggaran=anggaran))
    assert found(problems, "anggaran.program-tanpa-sasaran")  # staff are told at the cell
    text = all_text(document).splitlines()
    per_sasaran = [r for r in text if r.startswith("1 | Meningkatnya kualitas layanan administrasi | 15.000.000 | 14.500.000")]
    program = [r for r in text if "| Persentase dokumen tepat waktu | % |" in r and r.count(" | ") == 9]  # program-indicator table
    assert per_sasaran and program and program[0].endswith("| 15.000.000 | 14.500.000 | 96,67")


# ---------------------------------------------------------------- 12. a reviewer with a calculator
def _d(text: str):
    from decimal import Decimal

    return Decimal(text.replace(".", "").replace(",", "."))


def test_printed_average_and_efficiency_check_out_from_the_printed_parts():
    from decimal import ROUND_HALF_UP, Decimal

    from conftest import ALOK, RAAS

    alok = all_text(build(ALOK)[0]).splitlines()
    rata = next(r for r in alok if r.startswith(" | Rata-rata capaian kinerja sasaran |"))
    i = alok.index(rata)
    parts = [_d(r.split(" | ")[6]) for r in alok[i - 4:i]]
    assert rata.split(" | ")[6] == "78,34"  # (100,00 + 86,67 + 76,67 + 50,00) / 4 = 78,335 -> 78,34
    assert (sum(parts) / 4).quantize(Decimal("0.01"), ROUND_HALF_UP) == _d("78,34")
    raas = all_text(build(RAAS)[0]).splitlines()
    rows = [r.split(" | ") for r in raas if r.endswith(("| Efisien", "| Tidak Efisien", "| Sesuai Anggaran"))
            and len(r.split(" | ")) == 8]
    assert rows and any(r[1] == "Kecamatan Raas (seluruh anggaran)" and r[6] == "-0,03" for r in rows)
    for r in rows:  # 7 = capaian (6) − penyerapan (5), as printed
        assert _d(r[6]) == _d(r[5]) - _d(r[4]), r


# ---------------------------------------------------------------- 15. Rencana_Aksi checked against the report
def test_rencana_aksi_is_checked_against_pk_budget_and_realisasi(tmp_path):
    ra = [
        {"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan IV", "Target Kinerja": 85, "Realisasi Kinerja": 70,
         "Program": "Program Penunjang Urusan Pemerintahan Daerah", "Target Anggaran": 16_000_000, "Realisasi Anggaran": 14_500_000},
        {"Indikator": "Nilai SAKIP", "Periode": "Triwulan IV", "Target Kinerja": "B", "Realisasi Kinerja": "BB",
         "Program": "Program Pembangunan Jalan Desa", "Target Anggaran": 1_000_000},
    ] + [  # one quarter at a time: the quarters add up to the pagu and realisasi of the program
        {"Indikator": "Nilai SAKIP", "Periode": f"Triwulan {q}", "Program": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
         "Target Anggaran": 5_000_000, "Realisasi Anggaran": 4_500_000} for q in ("I", "II", "III")
    ] + [{"Indikator": "Nilai SAKIP", "Periode": "Triwulan IV", "Target Kinerja": "B",
          "Program": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Target Anggaran": 5_000_000,
          "Realisasi Anggaran": 4_500_000}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", sheets={"Rencana_Aksi": ra}))
    got = [(p.cell, p.code) for p in problems if p.code.startswith("rencana-aksi.")]
    assert got == [("C2", "rencana-aksi.target-berbeda"), ("D2", "rencana-aksi.realisasi-melebihi"),
                   ("F2", "rencana-aksi.anggaran-berbeda"), ("E3", "rencana-aksi.program-tidak-dikenal")]
    msgs = {p.code: p.message for p in problems}
    assert "85 berbeda dari target 2024 yang dicetak pada Perjanjian Kinerja: 80" in msgs["rencana-aksi.target-berbeda"]
    assert "70 melebihi realisasi tahun 2024 yang dicetak laporan: 67" in msgs["rencana-aksi.realisasi-melebihi"]
    assert "16.000.000 berbeda dari anggaran program itu di laporan: 15.000.000" in msgs["rencana-aksi.anggaran-berbeda"]


# ---------------------------------------------------------------- 16. codes on the Kinerja sheet
def test_kinerja_codes_twice_skipped_or_blank_between_siblings_are_warnings(tmp_path):
    sasaran = {"Level": "Sasaran", "Indikator": "Indikator", "Satuan": "%", "Target 2024": 80, "Realisasi 2024": 80}
    kinerja = [dict(KINERJA[0]),  # T1, row 2
               {**sasaran, "Kode": "1.1", "Uraian": "Sasaran satu"},  # row 3
               {**sasaran, "Kode": "1.3", "Uraian": "Sasaran tiga"},  # row 4: 1.2 skipped
               {**sasaran, "Kode": "", "Uraian": "Sasaran tanpa kode"},  # row 5: blank between 1.3 and 1.4
               {**sasaran, "Kode": "1.4", "Uraian": "Sasaran empat"},  # row 6
               {**sasaran, "Kode": "1.1", "Uraian": "Sasaran lain"}]  # row 7: 1.1 again
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    got = [(p.cell, p.code, p.severity) for p in problems if p.code in ("kode.ganda-kinerja", "kode.loncat", "kode.kosong-di-antara")]
    assert got == [("B4", "kode.loncat", "warning"), ("B5", "kode.kosong-di-antara", "warning"),
                   ("B7", "kode.ganda-kinerja", "warning")]
    msgs = {p.code: p.message for p in problems}
    assert "Kode '1.3' menyusul '1.1': nomor 1.2 terlewat." in msgs["kode.loncat"]
    assert "Kode '1.1' sudah dipakai untuk 'Sasaran satu' (B3)." in msgs["kode.ganda-kinerja"]
    assert "'Sasaran tanpa kode' tanpa Kode di antara '1.3' dan '1.4'" in msgs["kode.kosong-di-antara"]


# ---------------------------------------------------------------- 6. regulations in force on the report's date
def test_default_dasar_hukum_cites_only_regulations_in_force_on_the_report_date(tmp_path):
    import datetime as dt

    old, _ = build(make_workbook(tmp_path / "a.xlsx", profil={"tanggal_laporan": dt.date(2021, 8, 17)}))
    text = all_text(old)
    assert "Nomor 12 Tahun 2015 tentang Pedoman Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja" in text
    assert "Nomor 88 Tahun 2021" not in text
    new, _ = build(make_workbook(tmp_path / "b.xlsx"))  # 30 Januari 2025
    text = all_text(new)
    assert "Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah." in text
    assert "Nomor 12 Tahun 2015" not in text


def test_staff_dasar_hukum_citing_a_later_regulation_is_a_warning(tmp_path):
    import datetime as dt

    narasi = [{"Bagian": "dasar_hukum", "Isi": "- Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;\n"
                                               "- Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi AKIP."}]
    _lap, _hasil, problems = check(make_workbook(tmp_path / "w.xlsx", profil={"tanggal_laporan": dt.date(2021, 8, 17)},
                                                 sheets={"Narasi": narasi}))
    got = [(p.cell, p.message) for p in problems if p.code == "narasi.regulasi-setelah-laporan"]
    assert got == [("C2", "Dasar Hukum menyebut Peraturan Menteri PANRB Nomor 88 Tahun 2021, yang terbit sesudah tanggal "
                          "laporan (17 Agustus 2021).")]


def test_an_indicator_not_yet_assessed_reads_as_a_sentence(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[2]["Realisasi 2024"] = "Belum ada penilaian"  # Nilai SAKIP, target B
    text = all_text(build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))[0])
    assert "realisasi Belum ada penilaian" not in text
    assert "Indikator Nilai SAKIP ditargetkan B pada tahun 2024, namun belum dinilai, sehingga capaiannya belum dapat diukur." in text
    assert "Sasaran Meningkatnya akuntabilitas kinerja, indikator Nilai SAKIP: target B, belum dinilai." in text
