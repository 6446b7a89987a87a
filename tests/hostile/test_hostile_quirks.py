"""What real spreadsheets do: merged and hidden cells, formulas without values, error values, dates in every form,
apostrophes, stray spaces, odd cell types, LibreOffice re-saves. Each reads with the expected problems, or none."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hostile_util import (
    SHEET_PART,
    cli,
    crashed,
    edit_part,
    leftovers,
    make_workbook,
    needs_soffice,
    soffice,
    validate_json,
)

from generator.read.sheets import read_workbook


def _codes(problems) -> list[tuple[str, str, str]]:
    return [(p.sheet, p.cell, p.code) for p in problems]


def _errors(problems) -> list[tuple[str, str, str]]:
    return [(p.sheet, p.cell, p.code) for p in problems if p.severity == "error"]


def _set_cell_xml(path: Path, sheet: str, ref: str, cell_xml: bytes) -> None:
    pat = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)

    def fn(xml: bytes) -> bytes:
        out, n = pat.subn(cell_xml.replace(b"\\", b"\\\\"), xml, count=1)
        assert n == 1, f"{sheet}!{ref} not found"
        return out

    edit_part(path, SHEET_PART[sheet], fn)


# ---------------------------------------------------------------- merged, hidden


def test_merged_cells_in_data_areas_carry_down(tmp_path):
    def merge(wb):
        wb["Anggaran"].merge_cells("A2:A8")  # Unit over the whole table
        wb["Anggaran"].merge_cells("I2:I5")  # Sasaran over program 1
        wb["Kinerja"].merge_cells("A3:A4")   # Level 'Sasaran' over two rows

    lap, problems = read_workbook(make_workbook(tmp_path / "gabung.xlsx", edit=merge))
    assert problems == []
    assert {ln.unit for ln in lap.budget_lines()} == {"Kecamatan Contoh"}
    assert [ln.sasaran for ln in lap.budget_lines()] == ["S1"] * 4 + ["S2"] * 3
    assert [n.level for n in lap.nodes()] == ["Tujuan", "Sasaran", "Sasaran"]


def test_merged_money_cell_leaves_the_second_line_without_pagu(tmp_path):
    from generator.pipeline import check

    wb = make_workbook(tmp_path / "gabung.xlsx", edit=lambda wb: wb["Anggaran"].merge_cells("E4:E5"))
    _lap, _hasil, problems = check(wb)
    assert _errors(problems) == [("Anggaran", "E5", "anggaran.pagu-kosong")]


def test_hidden_rows_columns_and_sheets_are_read(tmp_path):
    def hide(wb):
        wb["Kinerja"].row_dimensions[3].hidden = True
        wb["Anggaran"].column_dimensions["E"].hidden = True
        wb["Narasi"].sheet_state = "hidden"
        wb["Anggaran"].sheet_state = "veryHidden"

    wb = make_workbook(tmp_path / "sembunyi.xlsx", edit=hide,
                       sheets={"Narasi": [{"Bagian": "latar_belakang", "Isi": "Teks di sheet tersembunyi"}]})
    lap, problems = read_workbook(wb)
    assert problems == []
    assert len(list(lap.nodes())) == 3 and "latar_belakang" in lap.narasi
    assert sum(ln.pagu or 0 for ln in lap.budget_lines() if ln.level == "Sub Kegiatan") == 35_000_000
    res = cli("build", wb, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 0, res.output


# ---------------------------------------------------------------- formulas and error values


def test_formulas_without_cached_values_are_reported_at_their_cells(tmp_path):
    def formulas(wb):
        wb["Anggaran"]["E4"] = "=1000*5000"
        wb["Anggaran"]["F4"] = "=E4*0.9"
        wb["Kinerja"]["M3"] = "=L3/J3*100"
        wb["Profil"]["B4"] = "=2020+4"

    wb = make_workbook(tmp_path / "rumus.xlsx", edit=formulas)
    rc, problems = validate_json(wb)
    assert rc == 1
    got = {(p["sheet"], p["cell"], p["code"]) for p in problems if p["severity"] == "error"}
    assert {("Anggaran", "E4", "rumus.tanpa-nilai"), ("Anggaran", "F4", "rumus.tanpa-nilai"),
            ("Kinerja", "M3", "rumus.tanpa-nilai")} <= got
    assert ("Profil", "B4", "rumus.tanpa-nilai") in got or ("Profil", "B4", "profil.wajib-kosong") in got
    assert any("=1000*5000" in p["message"] for p in problems)
    out = tmp_path / "keluaran" / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 1 and "Anggaran!E4" in res.output
    assert not out.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("value", ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"])
def test_error_values_are_reported(value, tmp_path):
    def err(wb):
        wb["Anggaran"]["E4"] = value
        wb["Kinerja"]["M3"] = value

    lap, problems = read_workbook(make_workbook(tmp_path / "galat.xlsx", edit=err))
    assert _errors(problems) == [("Kinerja", "M3", "rumus.galat"), ("Anggaran", "E4", "rumus.galat")]
    assert value in problems[0].message


def test_error_values_with_formulas_and_cell_types(tmp_path):
    """Cached error of a formula (t="e"), a boolean where money belongs, a string formula with a cached number."""
    wb = make_workbook(tmp_path / "tipe.xlsx")
    _set_cell_xml(wb, "Kinerja", "M3", b'<c r="M3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    _set_cell_xml(wb, "Anggaran", "E4", b'<c r="E4" t="b"><v>1</v></c>')
    _set_cell_xml(wb, "Anggaran", "F4", b'<c r="F4" t="str"><f>TEXT(5000000,"0")</f><v>5000000</v></c>')
    lap, problems = read_workbook(wb)
    assert _errors(problems) == [("Kinerja", "M3", "rumus.galat"), ("Anggaran", "E4", "angka.tidak-terbaca")]


@pytest.mark.parametrize("cell_xml", [
    b'<c r="E4" t="n"><v>bukan-angka</v></c>',
    b'<c r="E4" t="s"><v>999</v></c>',                 # shared string index out of range
    b'<c r="E4" s="9999"><v>1</v></c>',                # style index out of range
    b'<c r="E4" t="d"><v>bukan-tanggal</v></c>',
    b'<c r="E4"><v>NaN</v></c>',
], ids=["n-garbage", "s-out-of-range", "style-out-of-range", "d-garbage", "nan"])
def test_malformed_cells_are_a_problem_not_a_crash(cell_xml, tmp_path):
    """A damaged cell is reported at the cell (or the file as damaged), or tolerated; never a traceback."""
    wb = make_workbook(tmp_path / "sel.xlsx")
    _set_cell_xml(wb, "Anggaran", "E4", cell_xml)
    rc, problems = validate_json(wb)
    errors = [p for p in problems if p["severity"] == "error"]
    if rc == 1:
        assert {p["code"] for p in errors} <= {"berkas.rusak", "angka.tidak-terbaca", "rumus.galat", "nilai.tidak-hingga"}, problems
        assert all(p["cell"] in ("E4", "sel.xlsx") for p in errors), problems
    else:
        assert rc == 0 and errors == []
    res = cli("build", wb, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == rc, res.output


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("value, expected", [
    (dt.date(2025, 1, 30), dt.date(2025, 1, 30)),
    (dt.datetime(2025, 1, 30, 13, 45), dt.date(2025, 1, 30)),
    ("30/01/2025", dt.date(2025, 1, 30)),
    ("30-01-2025", dt.date(2025, 1, 30)),
    ("30 Januari 2025", dt.date(2025, 1, 30)),
    ("30 Jan 2025", dt.date(2025, 1, 30)),
    ("2025-01-30", dt.date(2025, 1, 30)),
    (" 30\u00a0Januari\u00a02025 ", dt.date(2025, 1, 30)),
    (45687, dt.date(2025, 1, 30)),       # a serial number without date format
    (45687.75, dt.date(2025, 1, 30)),
    ("31/02/2025", None),
    ("Januari 2025", None),
    ("45687", None),                     # a serial number typed as text: ambiguous
    (12, None),
    (-1, None),
    ("besok", None),
])
def test_tanggal_laporan_in_every_form(value, expected, tmp_path):
    lap, problems = read_workbook(make_workbook(tmp_path / "tanggal.xlsx", profil={"tanggal_laporan": value}))
    if expected is None:
        assert _codes(problems) == [("Profil", "B8", "tanggal.tidak-terbaca")]
    else:
        assert problems == [] and lap.profil.tanggal_laporan == expected


def test_iso_date_cell_type_is_read(tmp_path):
    wb = make_workbook(tmp_path / "tanggal.xlsx")
    _set_cell_xml(wb, "Profil", "B8", b'<c r="B8" t="d"><v>2025-01-30T00:00:00</v></c>')
    lap, problems = read_workbook(wb)
    assert problems == [] and lap.profil.tanggal_laporan == dt.date(2025, 1, 30)


# ---------------------------------------------------------------- apostrophes and spaces


def test_quote_prefixed_numbers_are_read_as_numbers(tmp_path):
    def quote(wb):
        for ref in ("E4", "F4"):
            c = wb["Anggaran"][ref]
            c.value = str(c.value)
            c.quotePrefix = True
        c = wb["Profil"]["B4"]
        c.value = "2024"
        c.quotePrefix = True

    lap, problems = read_workbook(make_workbook(tmp_path / "petik.xlsx", edit=quote))
    assert problems == []
    assert lap.profil.tahun == 2024
    assert [ln.pagu for ln in lap.budget_lines() if ln.level == "Sub Kegiatan"][0] == Decimal(10_000_000)


def test_a_literal_apostrophe_in_a_number_is_reported_not_zero(tmp_path):
    lap, problems = read_workbook(make_workbook(tmp_path / "petik.xlsx", edit=lambda wb: wb["Anggaran"].__setitem__("E4", "'10000000")))
    assert _codes(problems) == [("Anggaran", "E4", "angka.tidak-terbaca")]


def test_trailing_and_non_breaking_spaces_in_headers_and_values(tmp_path):
    def spaces(wb):
        a = wb["Anggaran"]
        a["D1"], a["E1"], a["F1"] = " URAIAN", "Pagu  ", "\u00a0Realisasi\u00a0"
        a["E4"], a["F4"] = "10.000.000\u00a0", " 9.500.000 "
        a["C4"] = "Sub\u00a0Kegiatan "
        k = wb["Kinerja"]
        k["A3"], k["G3"], k["I1"] = "Sasaran\u00a0", " Ya ", "Target\u00a02024 "
        k["L3"] = " 70\u00a0"
        p = wb["Profil"]
        p["A3"], p["B3"] = "instansi\u00a0", "Kecamatan Contoh\u00a0 "
        p["A4"], p["B4"] = " tahun", "2024 "
        wb["Anggaran"].title = "Anggaran "

    lap, problems = read_workbook(make_workbook(tmp_path / "spasi.xlsx", edit=spaces))
    assert problems == []
    assert lap.profil.instansi == "Kecamatan Contoh" and lap.profil.tahun == 2024
    sub = [ln for ln in lap.budget_lines() if ln.level == "Sub Kegiatan"]
    assert sub[0].pagu == 10_000_000 and sub[0].realisasi == 9_500_000
    ind = lap.kinerja[0].anak[0].indikator[0]
    assert ind.iku and ind.target[2024] == 80 and ind.realisasi[2023] == 70


# ---------------------------------------------------------------- writers other than Excel


def test_wrong_sheet_dimension_does_not_lose_data(tmp_path):
    """Some exporters write a wrong <dimension>; openpyxl's read-only sheets trusted it and dropped data
    ('Isian wajib instansi kosong' on a complete workbook, at HEAD 26482c3)."""
    wb = make_workbook(tmp_path / "dimensi.xlsx")
    for sheet in ("Profil", "Kinerja", "Anggaran"):
        edit_part(wb, SHEET_PART[sheet], lambda b: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', b))
    lap, problems = read_workbook(wb)
    assert problems == []
    assert len(list(lap.budget_lines())) == 7


def test_missing_sheet_dimension_reads(tmp_path):
    wb = make_workbook(tmp_path / "dimensi.xlsx")
    for sheet in ("Profil", "Kinerja", "Anggaran"):
        edit_part(wb, SHEET_PART[sheet], lambda b: re.sub(rb'<dimension ref="[^"]*"/>', b"", b))
    lap, problems = read_workbook(wb)
    assert problems == [] and len(list(lap.budget_lines())) == 7


def test_far_away_cell_does_not_blow_up(tmp_path):
    """One value in XFD1048576 (the last cell of a sheet) must not make the reader walk 17 billion cells."""
    import time

    wb = make_workbook(tmp_path / "jauh.xlsx")
    edit_part(wb, SHEET_PART["Anggaran"],
              lambda b: b.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    t = time.perf_counter()
    lap, problems = read_workbook(wb)
    assert time.perf_counter() - t < 10
    assert lap is not None and not any(p.code.startswith("berkas.") for p in problems)


@needs_soffice
def test_workbook_resaved_by_libreoffice_reads_and_builds(tmp_path):
    """LibreOffice re-save (shared strings, its own styles, formulas recalculated with cached values)."""
    def formulas(wb):
        wb["Anggaran"]["E4"] = "=1000*5000"
        wb["Anggaran"]["F4"] = "=E4*0.9"

    (tmp_path / "asli").mkdir()
    src = make_workbook(tmp_path / "asli" / "laporan.xlsx", edit=formulas)
    out_dir = tmp_path / "lo"
    res = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profil-lo",
                          "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), str(src)],
                         capture_output=True, text=True, timeout=180)
    resaved = out_dir / "laporan.xlsx"
    assert res.returncode == 0 and resaved.exists(), res.stdout + res.stderr
    lap, problems = read_workbook(resaved)
    assert problems == []
    sub = [ln for ln in lap.budget_lines() if ln.level == "Sub Kegiatan"]
    assert sub[0].pagu == 5_000_000 and sub[0].realisasi == 4_500_000
    assert lap.profil.tanggal_laporan == dt.date(2025, 1, 30) and lap.profil.instansi == "Kecamatan Contoh"
    res = cli("build", resaved, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 0, res.output
    shutil.rmtree(tmp_path / "profil-lo", ignore_errors=True)
