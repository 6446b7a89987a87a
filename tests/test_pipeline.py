"""generator/pipeline.py: the one orchestrator — `check` (read, compute, validate), `build` (check,
context, render, write) and `diff` (check both revisions, compare) — nothing here prints.

Builds of the example workbooks are tested in tests/test_examples.py; `--izinkan-selisih` and the
one-total rule in tests/test_report_truth.py; `diff` at length in tests/compare/test_diff.py and
tests/compare/test_diff_laporan.py; `--perbarui-daftar` without LibreOffice in tests/test_package.py; output
names from `nama_berkas` in tests/hostile/test_hostile_paths.py; every face through the CLI in tests/cli/test_commands.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from factory import make_workbook

from generator.pipeline import build, check, default_output, diff, slug

BELANJA = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Barang dan Jasa", "Anggaran": 36_000_000, "Realisasi": 32_500_000}]


def _codes(problems) -> list[tuple[str, str, str]]:
    return [(p.sheet, p.cell, p.code) for p in problems]


def test_check_reads_computes_and_validates_and_times_each_step(small):
    timings: dict[str, float] = {}
    lap, hasil, problems = check(small, timings=timings)
    assert problems == [] and hasil.laporan is lap
    assert (str(hasil.total.pagu), str(hasil.total.realisasi)) == ("35000000", "32500000")
    assert set(timings) == {"read", "compute", "validate"} and all(t >= 0 for t in timings.values())


def test_check_of_a_missing_file_or_missing_sheets_gives_no_results(tmp_path):
    lap, hasil, problems = check(tmp_path / "tidak-ada.xlsx")
    assert (lap, hasil, _codes(problems)) == (None, None, [("Berkas", "tidak-ada.xlsx", "berkas.tidak-ada")])
    lap, hasil, problems = check(make_workbook(tmp_path / "separuh.xlsx", drop=("Kinerja", "Anggaran")))
    assert lap is not None and hasil is None  # nothing to compute from
    assert _codes(problems) == [("Kinerja", "", "sheet.tidak-ada"), ("Anggaran", "", "sheet.tidak-ada")]


def test_izinkan_selisih_turns_the_belanja_difference_into_a_warning(tmp_path):
    path = make_workbook(tmp_path / "selisih.xlsx", sheets={"Belanja": BELANJA})
    refused = [(p.where, p.code, p.severity) for p in check(path)[2] if p.code == "belanja.total-berbeda"]
    allowed = [(p.where, p.code, p.severity) for p in check(path, izinkan_selisih=True)[2] if p.code == "belanja.total-berbeda"]
    assert refused == [("Belanja!C1", "belanja.total-berbeda", "error")]
    assert allowed == [("Belanja!C1", "belanja.total-berbeda", "warning")]


def test_build_writes_the_report_under_its_default_name_or_nothing(small, tmp_path):
    res = build(small, out_dir=tmp_path / "hasil")
    assert res.ok and res.output == tmp_path / "hasil" / "LKjIP-Kecamatan-Contoh-2024.docx"
    assert "word/document.xml" in zipfile.ZipFile(res.output).namelist()
    assert {"read", "compute", "validate", "context", "render", "save", "total"} <= set(res.timings)


def test_build_refuses_its_own_workbook_as_output_and_writes_nothing_with_errors(small, tmp_path):
    same = build(small, out=small)
    assert not same.ok and same.error == "Berkas keluaran tidak boleh sama dengan workbook masukan."
    broken = make_workbook(tmp_path / "rusak.xlsx", edit=lambda w: w["Anggaran"].__setitem__("E4", "sepuluh juta"))
    res = build(broken, out_dir=tmp_path / "kosong")
    assert res.output is None and ("Anggaran", "E4", "angka.tidak-terbaca") in _codes(res.problems)
    assert not (tmp_path / "kosong").exists()


def test_output_names_and_diff_of_two_revisions(small, tmp_path):
    lap = check(small)[0]
    assert default_output(lap, Path("output")) == Path("output/LKjIP-Kecamatan-Contoh-2024.docx")
    assert slug("Kecamatan Kota Sumenep") == "Kecamatan-Kota-Sumenep" and slug("Dinas P&K / Pérez") == "Dinas-P-K-Perez"
    named = make_workbook(tmp_path / "nama.xlsx", pengaturan={"nama_berkas": "Laporan Kinerja 2024 (final)"})
    assert default_output(check(named)[0], Path("output")) == Path("output/Laporan-Kinerja-2024-final.docx")
    changes, problems = diff(small, named)
    assert problems == [] and changes["total"]["pagu"] == ["35.000.000", "35.000.000"]
    _none, problems = diff(tmp_path / "hilang.xlsx", small)
    assert [p.message for p in problems] == ["Workbook lama (hilang.xlsx): Berkas " + str(tmp_path / "hilang.xlsx")
                                             + " tidak ditemukan."]


def test_check_returns_a_report_that_still_unpacks():
    """Issue 25.3: `check` returns a typed `Report`; `lap, hasil, problems = check(...)` keeps working."""
    from conftest import ALOK

    import generator

    report = generator.check(ALOK)
    assert isinstance(report, generator.Report)
    lap, hasil, problems = report
    assert report.laporan is lap and report.hasil is hasil and report.problems == problems
    assert report.ok and report.errors == [] and len(report.warnings) == len(problems) > 0
    broken = generator.check(ALOK.with_name("tidak-ada.xlsx"))
    assert not broken.ok and broken.hasil is None and [p.code for p in broken.errors] == ["berkas.tidak-ada"]
