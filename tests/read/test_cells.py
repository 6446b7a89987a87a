"""generator/read/cells.py: from worksheet rows to typed values — headers matched by the contract wherever
staff put them, rows by column key, typed getters that record a problem at the cell for anything
unreadable (never a silent zero).

Every mistake staff type, read through whole workbooks, is tested in tests/test_typed_mistakes.py
and tests/read/test_sheets.py; numbers as text in tests/base/test_numbers.py; the two sheet readers (openpyxl,
calamine) giving the same cells in tests/read/test_xlsx.py; hostile cells in tests/hostile/test_hostile_quirks.py.
"""

from __future__ import annotations

from decimal import Decimal

from factory import make_workbook

from generator import contract
from generator.read.cells import Cell, Cells, Row
from generator.read.xlsx import Xlsx


def _row(**values: object) -> Row:
    letters = {k: chr(65 + i) for i, k in enumerate(values)}
    return Row(5, {k: Cell(v, letters[k], 5) for k, v in values.items()}, "Anggaran", letters)


def _found(c: Cells) -> list[tuple[str, str, str]]:
    return [(p.where, p.code, p.message) for p in c.problems]


def test_money_getters_read_what_staff_type_and_refuse_what_is_unsure():
    c = Cells()
    r = _row(pagu="Rp 1.234.567,-", realisasi="-", kosong="  n/a ", kode=7.0, ambigu="1.234,567", besar="9" * 20)
    assert c.number(r, "pagu", dash_is_zero=True) == Decimal(1234567)
    assert c.number(r, "realisasi", dash_is_zero=True) == 0  # a dash in a money column is zero
    assert c.text(r, "kosong") == "" and c.text(r, "kode") == "7"
    assert c.number(r, "tidak-ada") is None and c.problems == []
    assert c.number(r, "ambigu", dash_is_zero=True) is None
    assert c.number(r, "besar", dash_is_zero=True) is None
    assert [(w, code) for w, code, _m in _found(c)] == [("Anggaran!E5", "angka.rupiah-ambigu"), ("Anggaran!F5", "angka.di-luar-batas")]
    assert "Rp1.234,567 (tanda terakhir sebagai koma desimal) atau Rp1.234.567" in _found(c)[0][2]


def test_a_word_where_a_number_belongs_is_a_problem_at_its_cell():
    c = Cells()
    r = _row(uraian="Evaluasi", persentase="sepuluh")
    assert c.number(r, "persentase", as_percent=True) is None
    assert _found(c) == [("Anggaran!B5", "angka.tidak-terbaca", "'sepuluh' bukan angka.")]


def test_choices_match_whatever_case_and_name_the_options_otherwise():
    c = Cells()
    r = _row(iku="ya", pk="mungkin", level="sub  kegiatan")
    assert c.choice(r, "iku", contract.YA_TIDAK, "IKU") == "Ya"
    assert c.choice(r, "level", contract.LEVEL_KINERJA, "Level") == "Sub Kegiatan"
    assert c.choice(r, "pk", contract.YA_TIDAK, "PK") == ""
    [p] = c.problems
    assert (p.where, p.code, p.message, p.hint) == ("Anggaran!B5", "pilihan.tidak-dikenal",
                                                   "'mungkin' bukan pilihan yang dikenal untuk kolom PK.", "Pilih salah satu: Ya, Tidak.")


def test_headers_are_matched_by_the_contract_and_mistakes_named_at_row_1():
    c = Cells()
    header = ["Level", "Kode", "Indikator", "Target 2024", "TARGET_2024", "Realisasi 2023", "Realisasi 2024", "Catatan"]
    by_index, years = c.match_headers(contract.sheet("Kinerja"), list(enumerate(header)))
    assert {i: key for i, (key, _col) in by_index.items()} == {
        0: "level", 1: "kode", 2: "indikator", 3: "target:2024", 5: "realisasi:2023", 6: "realisasi:2024"}
    assert years["realisasi"] == [2023, 2024]
    assert _found(c) == [
        ("Kinerja!E1", "kolom.ganda", "Kolom 'TARGET_2024' muncul lebih dari sekali."),
        ("Kinerja!A1", "kolom.tidak-ada", "Kolom wajib 'Uraian' tidak ditemukan di baris judul."),
    ]  # an unknown header is judged with its rows (issue 26.10: kolom.tidak-dikenal or, holding text, an error)


def test_load_sheets_reads_rows_by_key_and_a_copied_sheet_is_named(tmp_path):
    def copy_anggaran(wb) -> None:
        wb.copy_worksheet(wb["Anggaran"]).title = "ANGGARAN_"

    path = make_workbook(tmp_path / "salinan.xlsx", edit=copy_anggaran)
    c = Cells()
    with Xlsx(path) as book:
        sheets = c.load_sheets(book)
    anggaran = sheets["Anggaran"]
    first = anggaran.rows[0]
    assert (first.number, first.cells["kode"].value, first.cells["uraian"].value) == (
        2, "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah")
    assert c.number(anggaran.rows[2], "pagu", dash_is_zero=True) == Decimal(10_000_000)
    assert anggaran.columns["pagu"] == "E"
    assert [(p.where, p.code) for p in c.problems] == [("ANGGARAN_!A1", "sheet.ganda")]


def test_a_percent_format_is_found_and_a_book_without_one_is_not_scanned_for_it(tmp_path):
    from openpyxl import Workbook

    def book(percent: bool):
        wb = Workbook()
        ws = wb.active
        ws.title = "Anggaran"
        ws.append(["Kode", "Uraian", "Pagu", "Realisasi", "Persentase"])
        ws.append(["7.01.01", "Program", 1000, 900, 0.9])
        if percent:
            ws["E2"].number_format = "0.00%"
        path = tmp_path / f"persen-{percent}.xlsx"
        wb.save(path)
        return path

    for percent in (False, True):
        with Xlsx(book(percent)) as xlsx:
            c = Cells()
            [row] = c.load_sheets(xlsx)["Anggaran"].rows
            cell = row.cells["persentase"]
            assert cell.percent is percent and row.cells["pagu"].percent is False
            # the cell styles of the sheet are read only when the book has a percent format to look for
            assert (cell._sheet.styles is not None) is percent
            assert c.number(row, "persentase", as_percent=True) == (Decimal(90) if percent else Decimal("0.9"))
