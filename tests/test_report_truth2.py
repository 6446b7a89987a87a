"""Issue 19: every sentence true, round two. Each test reads the built .docx or the problem's
(sheet, cell, code) of a workbook typed as staff type it."""

from __future__ import annotations

import pytest
from docx_text import all_text, load
from factory import ANGGARAN, KINERJA, make_workbook

from generator.context import build_context
from generator.pipeline import check
from generator.render import render_docx


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
