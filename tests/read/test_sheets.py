"""generator/read/sheets.py (with cells): sheets and columns by header, every number form, hierarchy, problems at their cells."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import codes
from factory import ANGGARAN, KINERJA, make_workbook

from generator.read.sheets import read_workbook


def test_small_workbook_reads_into_the_model(small):
    lap, problems = read_workbook(small)
    assert problems == []
    assert lap.profil.instansi == "Kecamatan Contoh"
    assert lap.profil.tahun == 2024 and lap.profil.periode == (2024, 2026)
    assert lap.profil.tanggal_laporan == dt.date(2025, 1, 30)
    assert lap.profil.misi == ["Meningkatkan kualitas pelayanan", "Meningkatkan tata kelola pemerintahan"]
    assert lap.tahun_target == [2024, 2025, 2026] and lap.tahun_realisasi == [2023, 2024]
    [tujuan] = lap.kinerja
    assert [s.uraian for s in tujuan.anak] == ["Meningkatnya kualitas layanan administrasi", "Meningkatnya akuntabilitas kinerja"]
    ind = tujuan.anak[0].indikator[0]
    assert ind.target[2024] == 80 and ind.realisasi[2024] == 67 and ind.realisasi[2023] == 70
    assert ind.iku and ind.pk and ind.polaritas == "Positif"
    assert tujuan.anak[1].indikator[0].target[2024] == "B"
    [unit] = lap.unit
    assert unit.nama == "Kecamatan Contoh"
    # levels inferred from the depth of Kode
    assert [(ln.level, ln.kode) for ln in lap.budget_lines()][:3] == [
        ("Program", "7.01.01"), ("Kegiatan", "7.01.01.2.01"), ("Sub Kegiatan", "7.01.01.2.01.0001")]
    assert unit.program[0].anak[0].anak[1].pagu == Decimal(5_000_000)
    # "blank = same as above" for Sasaran
    assert unit.program[0].anak[0].anak[0].sasaran == "S1"


def test_columns_found_by_header_whatever_their_order_case_and_spacing(tmp_path):
    def shuffle(wb):
        ws = wb["Anggaran"]
        # swap the Pagu and Uraian columns and mangle the headers
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            row[3].value, row[4].value = row[4].value, row[3].value
        ws["D1"] = "  PAGU "
        ws["E1"] = "uraian"
        ws["F1"] = "Realisasi\u00a0"

    lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", edit=shuffle))
    assert problems == []
    assert [ln.pagu for ln in lap.budget_lines() if ln.level == "Sub Kegiatan"] == [10_000_000, 5_000_000, 20_000_000]


def test_unknown_column_is_a_warning_and_missing_required_column_an_error(tmp_path):
    def edit(wb):
        wb["Anggaran"]["Z1"] = "Catatan Saya"
        wb["Anggaran"]["E1"] = "Anggaran Murni"  # the required Pagu header is gone

    _lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", edit=edit))
    assert ("Anggaran", "A1", "kolom.tidak-ada") in codes(problems)
    assert ("Anggaran", "E1", "kolom.tidak-dikenal") in codes(problems)
    assert ("Anggaran", "Z1", "kolom.tidak-dikenal") in codes(problems)


def test_missing_required_sheet(tmp_path):
    _lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", drop=("Anggaran",)))
    assert ("Anggaran", "", "sheet.tidak-ada") in codes(problems)


def test_every_number_form_of_the_contract(tmp_path):
    kinerja = [dict(KINERJA[0]), dict(KINERJA[1])]
    kinerja[1]["Realisasi 2024"] = "85%"
    anggaran = [
        {"Unit": "Kecamatan Contoh", "Level": "Program", "Uraian": "Program A"},
        {"Level": "Kegiatan", "Uraian": "Kegiatan A"},
        {"Level": "Sub Kegiatan", "Uraian": "a", "Pagu": "1.234.567,89", "Realisasi": "Rp 1.000.000,-"},
        {"Level": "Sub Kegiatan", "Uraian": "b", "Pagu": "1,234,567.89", "Realisasi": "Rp5.000,00"},
        {"Level": "Sub Kegiatan", "Uraian": "c", "Pagu": 1000, "Realisasi": "-"},
        {"Level": "Sub Kegiatan", "Uraian": "d", "Pagu": "2.000", "Realisasi": 500, "Target Keluaran": "12 laporan"},
    ]

    def percent_cell(wb):
        ws = wb["Kinerja"]
        ws["M2"].value = 0.82
        ws["M2"].number_format = "0%"
        ws["E2"].value = "%"

    lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, anggaran=anggaran, edit=percent_cell))
    assert problems == []
    tujuan = lap.kinerja[0]
    assert tujuan.indikator[0].realisasi[2024] == 82  # a cell shown as 82% holds 0.82
    assert tujuan.anak[0].indikator[0].realisasi[2024] == 85
    subs = [ln for ln in lap.budget_lines() if ln.level == "Sub Kegiatan"]
    assert [ln.pagu for ln in subs] == [Decimal("1234567.89"), Decimal("1234567.89"), 1000, 2000]
    assert [ln.realisasi for ln in subs] == [1_000_000, 5000, 0, 500]
    assert subs[3].target_keluaran == 12


def test_unreadable_cells_are_problems_at_their_cells_all_in_one_run(tmp_path):
    def edit(wb):
        ws = wb["Anggaran"]
        ws["E4"] = "sepuluh juta"
        ws["F5"] = "6.5025.000"  # a typo from a reference report
        ws["E8"] = "=SUM(E6:E7)"  # formula never calculated: no cached value
        ws["F8"] = "#DIV/0!"
        wb["Kinerja"]["M3"] = "banyak"
        wb["Kinerja"]["F3"] = "Naik"
        wb["Profil"]["B8"] = "31 Juni 2025"

    anggaran = ANGGARAN + [{"Level": "Sub Kegiatan", "Uraian": "Tambahan", "Pagu": 1, "Realisasi": 1}]
    _lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", anggaran=anggaran, edit=edit))
    assert codes(problems) == [
        ("Profil", "B8", "tanggal.tidak-terbaca"),
        ("Kinerja", "F3", "pilihan.tidak-dikenal"),
        ("Kinerja", "M3", "nilai.tidak-terbaca"),
        ("Anggaran", "E4", "angka.tidak-terbaca"),
        ("Anggaran", "F5", "angka.pemisah-ribuan"),
        ("Anggaran", "E8", "rumus.tanpa-nilai"),
        ("Anggaran", "F8", "rumus.galat"),
    ]
    msg = {p.cell: p.message for p in problems}
    assert "6.5025.000" in msg["F5"] and "=SUM(E6:E7)" in msg["E8"]


def test_outline_blank_means_same_as_above(tmp_path):
    kinerja = [
        {"Level": "Tujuan", "Uraian": "Tujuan A", "Indikator": "IKM", "Target 2024": 80, "Realisasi 2024": 81},
        {"Level": "Sasaran", "Uraian": "Sasaran A", "Indikator": "Ind 1", "Target 2024": 10, "Realisasi 2024": 9},
        {"Indikator": "Ind 2", "Target 2024": 5, "Realisasi 2024": 5},  # blank Level and Uraian: one more indicator
        {"Uraian": "Sasaran B", "Indikator": "Ind 3", "Target 2024": 1, "Realisasi 2024": 1},  # blank Level: a sibling
        {"Level": "Program", "Uraian": "Program X", "Indikator": "Ind P", "Target 2024": 100, "Realisasi 2024": 90},
    ]
    lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))
    assert problems == []
    [t] = lap.kinerja
    assert [(s.uraian, [i.nama for i in s.indikator]) for s in t.anak] == [("Sasaran A", ["Ind 1", "Ind 2"]), ("Sasaran B", ["Ind 3"])]
    assert t.anak[1].anak[0].uraian == "Program X"


def test_hierarchy_breaks_and_duplicate_codes(tmp_path):
    kinerja = [{"Level": "Sasaran", "Uraian": "Sasaran tanpa tujuan", "Indikator": "x", "Target 2024": 1, "Realisasi 2024": 1}] + KINERJA
    anggaran = [
        {"Unit": "Kecamatan Contoh", "Level": "Sub Kegiatan", "Uraian": "Yatim", "Pagu": 1, "Realisasi": 1},
    ] + ANGGARAN + [{"Kode": "7.01.02.2.01.0001", "Uraian": "Koordinasi lagi", "Pagu": 1, "Realisasi": 1}]
    _lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, anggaran=anggaran))
    assert codes(problems) == [
        ("Kinerja", "A2", "hierarki.tanpa-induk"),
        ("Anggaran", "C2", "hierarki.tanpa-induk"),
        ("Anggaran", "B10", "kode.ganda"),
    ]


def test_dates_as_text_serial_and_cells(tmp_path):
    for raw, expected in (("30 Januari 2025", dt.date(2025, 1, 30)), ("30/01/2025", dt.date(2025, 1, 30)),
                          (45687, dt.date(2025, 1, 30)), ("8 Pebruari 2025", dt.date(2025, 2, 8))):
        path = make_workbook(tmp_path / f"d{abs(hash(raw))}.xlsx", profil={"tanggal_laporan": raw})
        lap, problems = read_workbook(path)
        assert problems == [] and lap.profil.tanggal_laporan == expected


def test_not_an_xlsx_at_all(tmp_path):
    csv = tmp_path / "data.xlsx"
    csv.write_text("Level;Uraian\nSasaran;A\n")
    lap, problems = read_workbook(csv)
    assert lap is None and codes(problems) == [("Berkas", "data.xlsx", "berkas.bukan-xlsx")]
    assert "CSV" in problems[0].message


@pytest.mark.parametrize("example", ["kecamatan-alok-2024.xlsx", "kecamatan-raas-2020.xlsx"])
def test_a_workbook_as_excel_saves_it_reads_like_the_original(tmp_path, example):
    """Excel keeps text in a shared-strings table; openpyxl writes it inline. Same model either way."""
    import shutil
    from pathlib import Path

    from factory import as_excel_saves

    src = Path(__file__).resolve().parents[2] / "workbooks" / example
    shared = as_excel_saves(Path(shutil.copy(src, tmp_path / example)))
    assert b"sharedStrings" in shared.read_bytes()
    (a, pa), (b, pb) = read_workbook(src), read_workbook(shared)
    assert pa == pb
    assert a.profil == b.profil and a.narasi == b.narasi
    assert [(ln.row, ln.kode, ln.uraian, ln.pagu, ln.realisasi) for ln in a.budget_lines()] == \
           [(ln.row, ln.kode, ln.uraian, ln.pagu, ln.realisasi) for ln in b.budget_lines()]
    assert [(n.uraian, [(i.nama, i.target, i.realisasi) for i in n.indikator]) for n in a.nodes()] == \
           [(n.uraian, [(i.nama, i.target, i.realisasi) for i in n.indikator]) for n in b.nodes()]


def test_an_over_long_shared_string_is_reported_at_its_cell(tmp_path):
    import zipfile

    from factory import as_excel_saves

    wb = as_excel_saves(make_workbook(tmp_path / "wb.xlsx", anggaran=[dict(ANGGARAN[0], Uraian="x" * 100), *ANGGARAN[1:]]))
    with zipfile.ZipFile(wb) as zf:  # Excel stops at 32.767 characters; a hand-made file need not
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(b"x" * 100, b"x" * 40_000)
    with zipfile.ZipFile(wb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    lap, problems = read_workbook(wb)
    assert ("Anggaran", "D2", "teks.terlalu-panjang") in codes(problems)


# ------------------------------------------------------------------ ambiguity: copied sheets, duplicate keys


def _with_copy(copy_title: str, real_title: str = "Anggaran"):
    """A copy of Anggaran with other figures, placed before the real sheet (as staff keep a backup)."""

    def edit(wb):
        real = wb["Anggaran"]
        copy = wb.copy_worksheet(real)
        copy.title = copy_title
        for row in copy.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int) and cell.value > 1000:
                    cell.value = 1
        wb.move_sheet(copy, offset=wb.sheetnames.index("Anggaran") - wb.sheetnames.index(copy_title))
        real.title = "sementara"  # openpyxl would make "anggaran1" of a case change in one step
        real.title = real_title

    return edit


def test_a_copied_sheet_is_not_read_instead_of_the_real_one(tmp_path):
    from click.testing import CliRunner
    from docx_text import all_text, load

    from generator.cli import main

    wb = make_workbook(tmp_path / "salin.xlsx", edit=_with_copy("ANGGARAN_"))
    lap, problems = read_workbook(wb)
    assert codes(problems) == [("ANGGARAN_", "A1", "sheet.ganda")]
    assert "yang dibaca hanya sheet bernama persis 'Anggaran'" in problems[0].message
    assert lap.unit[0].program[0].anak[0].anak[0].pagu == 10_000_000  # the real sheet's figure, not the copy's 1
    out = tmp_path / "laporan.docx"
    res = CliRunner().invoke(main, ["build", str(wb), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "ANGGARAN_!A1" in res.output
    assert "35.000.000" in all_text(load(out))


def test_copied_sheets_without_the_exact_name_are_an_error_at_each(tmp_path):
    wb = make_workbook(tmp_path / "salin.xlsx", edit=_with_copy("ANGGARAN_", real_title="anggaran"))
    lap, problems = read_workbook(wb)
    assert codes(problems) == [("ANGGARAN_", "A1", "sheet.ganda-tanpa-asli"), ("anggaran", "A1", "sheet.ganda-tanpa-asli")]
    assert "Sheet 'ANGGARAN_' dan 'anggaran' sama-sama cocok dengan nama sheet Anggaran" in problems[0].message
    assert lap.unit == []


@pytest.mark.parametrize("sheet, key, value", [("Profil", "instansi", "Kecamatan Lain"),
                                               ("Profil", "tahun", 2023),
                                               ("Pengaturan", "desimal", 0)])
def test_a_key_filled_twice_with_different_values_is_an_error_at_both(sheet, key, value, tmp_path):
    def edit(wb):
        wb[sheet].append([key, value])

    extra = {"desimal": 2} if sheet == "Pengaturan" else None
    wb = make_workbook(tmp_path / "ganda.xlsx", edit=edit, pengaturan=extra)
    lap, problems = read_workbook(wb)
    [p] = [p for p in problems if p.code == "profil.isian-ganda"]
    ws_rows = __import__("openpyxl").load_workbook(wb)[sheet]
    first = next(r[0].row for r in ws_rows.iter_rows(min_row=2) if r[0].value == key)
    last = ws_rows.max_row
    assert (p.sheet, p.cell, p.severity) == (sheet, f"A{last}", "error")
    assert f"juga di A{first}" in p.message and f"Isian '{key}' diisi lebih dari sekali" in p.message


def test_a_key_repeated_with_the_same_value_is_no_problem(tmp_path):
    wb = make_workbook(tmp_path / "sama.xlsx", edit=lambda wb: wb["Profil"].append(["instansi", "Kecamatan Contoh"]))
    _lap, problems = read_workbook(wb)
    assert problems == []


def _kinerja_with_texts(tmp_path, headers: dict[str, str], extra: str | None = None):
    """The factory workbook with Analisis/Solusi text on every indicator, some Kinerja headers retyped
    ({"Analisis": "Analisa"}), and optionally one more column `extra` full of text."""
    from generator.base.problems import column_letter

    kinerja = [dict(r, Analisis=f"Analisis indikator {i}.", Solusi=f"Upaya indikator {i}.") for i, r in enumerate(KINERJA)]

    def edit(wb):
        ws = wb["Kinerja"]
        for cell in ws[1]:
            if cell.value in headers:
                cell.value = headers[cell.value]
        if extra:
            col = column_letter(ws.max_column + 1)
            ws[f"{col}1"] = extra
            for row in range(2, 5):
                ws[f"{col}{row}"] = f"Sudah diverifikasi baris {row}"

    return read_workbook(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, edit=edit))


@pytest.mark.parametrize("analisis, solusi", [("Analisa", "Solusi/Upaya"), ("ANALISA CAPAIAN", "Upaya"),
                                              ("analisis", "Solusi / Upaya")])
def test_common_analisis_and_solusi_headers_are_read(analisis, solusi, tmp_path):
    """Issue 26.10: `Analisa` once dropped every analysis text with only a warning, exit 0."""
    lap, problems = _kinerja_with_texts(tmp_path, {"Analisis": analisis, "Solusi": solusi})
    assert problems == []
    sasaran = lap.kinerja[0].anak
    assert [s.indikator[0].analisis for s in sasaran] == ["Analisis indikator 1.", "Analisis indikator 2."]
    assert [s.indikator[0].solusi for s in sasaran] == ["Upaya indikator 1.", "Upaya indikator 2."]


def test_unknown_header_over_text_is_an_error_naming_the_closest_column(tmp_path):
    _lap, problems = _kinerja_with_texts(tmp_path, {"Analisis": "Analisis dan Penjelasan Capaian"})
    [p] = problems
    assert (p.sheet, p.cell, p.code, p.severity) == ("Kinerja", "U1", "kolom.tidak-dikenal-berisi", "error")
    assert p.message == ("Kolom 'Analisis dan Penjelasan Capaian' tidak dikenal, padahal berisi teks di 3 baris "
                         "(mis. 'Analisis indikator 0.'); isinya tidak akan masuk laporan.")
    assert p.hint.startswith("Bila maksudnya kolom 'Analisis', ganti judulnya menjadi 'Analisis'.")


def test_a_notes_column_of_text_stays_a_warning(tmp_path):
    _lap, problems = _kinerja_with_texts(tmp_path, {}, extra="Catatan Verifikator")
    assert codes(problems) == [("Kinerja", "X1", "kolom.tidak-dikenal")]  # after the last contract column
    _lap, problems = _kinerja_with_texts(tmp_path, {}, extra="Verifikasi")
    assert [(p.cell, p.code) for p in problems] == [("X1", "kolom.tidak-dikenal-berisi")]


def test_a_hidden_contract_sheet_beside_a_visible_copy_is_an_error_naming_both(tmp_path):
    """Issue 26.11: a hidden `Anggaran` was read while the visible, edited `Anggaran (2)` (Excel's name for a
    copied sheet) was ignored without a word; the same with a very hidden Kinerja and a visible `Kinerja revisi`."""
    def edit(wb):
        for name, copy_name, state in (("Anggaran", "Anggaran (2)", "hidden"), ("Kinerja", "Kinerja revisi", "veryHidden")):
            copy = wb.copy_worksheet(wb[name])
            copy.title = copy_name
            wb[name].sheet_state = state
        wb["Anggaran (2)"]["E4"] = 12_000_000  # the edit staff made in the copy

    lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", edit=edit))
    assert codes(problems) == [("Kinerja", "A1", "sheet.tersembunyi-ada-salinan"),
                               ("Anggaran", "A1", "sheet.tersembunyi-ada-salinan")]
    assert all(p.severity == "error" for p in problems)
    assert problems[1].message == (
        "Sheet 'Anggaran' tersembunyi, sedangkan sheet 'Anggaran (2)' yang terlihat tampak seperti salinannya; yang akan "
        "dibaca hanya 'Anggaran', sehingga isi 'Anggaran (2)' (mungkin yang terakhir diedit) diabaikan.")
    assert "Sheet 'Kinerja' sangat tersembunyi (veryHidden), sedangkan sheet 'Kinerja revisi'" in problems[0].message
    assert problems[1].hint.startswith("Bila 'Anggaran (2)' yang benar: hapus sheet 'Anggaran'")


def test_a_hidden_contract_sheet_alone_is_read(tmp_path):
    def edit(wb):
        wb["Belanja"].sheet_state = "hidden"
        wb.copy_worksheet(wb["Anggaran"]).title = "Anggaran (2)"  # a visible copy of a *visible* sheet: not this error

    _lap, problems = read_workbook(make_workbook(tmp_path / "a.xlsx", edit=edit))
    assert problems == []
