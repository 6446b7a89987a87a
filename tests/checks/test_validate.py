"""Validation: every error and warning kind, asserted as exact (sheet, cell, code) lists."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import codes
from factory import ANGGARAN, KINERJA, make_workbook

from generator.checks.validate import nip_problem, pangkat_problem
from generator.cli import main
from generator.pipeline import check


def run_check(path):
    _lap, _hasil, problems = check(path)
    return problems


def test_small_workbook_is_valid(small):
    assert run_check(small) == []


def test_typed_parent_totals_that_are_not_the_sum_of_their_rows(tmp_path):
    # Alok's Tabel 3.21 style: a kegiatan total typed in that differs from its sub kegiatan
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[1].update({"Pagu": 15_500_000, "Realisasi": 14_500_000})  # children: 15.000.000 / 14.500.000
    anggaran[0].update({"Pagu": 15_500_000})  # program: matches its kegiatan as typed, so only E3 is reported
    problems = run_check(make_workbook(tmp_path / "a.xlsx", anggaran=anggaran))
    assert codes(problems) == [("Anggaran", "E3", "anggaran.jumlah-tidak-cocok")]
    msg = problems[0].message
    assert "15.500.000" in msg and "15.000.000" in msg and "500.000" in msg


def test_budget_warnings_overspend_and_typed_percentage(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[3].update({"Realisasi": 6_000_000})  # above its pagu of 5.000.000
    anggaran[6].update({"Persentase": "100%"})  # 18.000.000 / 20.000.000 = 90 %
    problems = run_check(make_workbook(tmp_path / "a.xlsx", anggaran=anggaran))
    assert codes(problems) == [
        ("Anggaran", "F5", "anggaran.realisasi-melebihi-pagu"),
        ("Anggaran", "G8", "anggaran.persentase-berbeda"),
    ]
    assert "90,00%" in problems[1].message


def test_capaian_typed_as_100_for_026_of_030(tmp_path):
    # Alok: "capaian kinerja 100%" printed for realisasi 0,26 against target 0,30
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1].update({"Satuan": "indeks", "Target 2024": "0,30", "Realisasi 2024": "0,26", "Capaian": 100})
    problems = run_check(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))
    assert codes(problems) == [("Kinerja", "P3", "kinerja.capaian-berbeda")]
    assert "86,67%" in problems[0].message


def test_extreme_capaian_07_where_007_was_meant(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1].update({"Satuan": "jumlah", "Target 2024": "0,14", "Realisasi 2024": "0,7"})
    problems = run_check(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))
    assert codes(problems) == [("Kinerja", "M3", "kinerja.capaian-ekstrem")]
    assert "500,00%" in problems[0].message


def test_target_without_realisasi_and_zero_target(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1].pop("Realisasi 2024")
    kinerja[0].update({"Target 2024": 0})
    problems = run_check(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))
    assert codes(problems) == [("Kinerja", "I2", "kinerja.target-nol"), ("Kinerja", "M3", "kinerja.target-tanpa-realisasi")]


def test_report_year_columns(tmp_path):
    def edit(wb):
        ws = wb["Kinerja"]
        ws["I1"] = "Target Lama"  # no Target 2024 any more
        ws["W1"] = "Realisasi 2025"  # a year after the report year

    problems = run_check(make_workbook(tmp_path / "a.xlsx", edit=edit))
    assert codes(problems) == [
        ("Kinerja", "A1", "kinerja.tahun-target-tidak-ada"),
        ("Kinerja", "I1", "kolom.tidak-dikenal"),
        ("Kinerja", "W1", "profil.tahun-berbeda"),
    ]


def test_missing_realisasi_column_of_the_report_year_is_an_error(tmp_path):
    problems = run_check(make_workbook(tmp_path / "a.xlsx", edit=lambda wb: wb["Kinerja"].__setitem__("M1", "Catatan")))
    assert ("Kinerja", "A1", "kinerja.tahun-realisasi-tidak-ada") in codes(problems)


def test_nip_and_pangkat(tmp_path):
    problems = run_check(make_workbook(tmp_path / "a.xlsx", profil={"kepala_nip": "19851321 200412 1 001",
                                                                    "kepala_pangkat": "Pembina Tingkat I (IV/a)"}))
    assert codes(problems) == [("Profil", "B11", "profil.nip-tidak-sah"), ("Profil", "B12", "profil.pangkat-golongan")]
    assert nip_problem("198509212004121001") is None  # Alok's camat
    assert "18" in nip_problem("19850921200412100")
    assert "jenis kelamin" not in (nip_problem("198509212004121001") or "")
    assert "angka ke-15" in nip_problem("198509212004123001")
    assert pangkat_problem("Pembina (IV/a)") is None
    assert pangkat_problem("Penata Tk. I (III/c)") == ("Penata Tk. I", "III/c", "III/d")


def test_belanja_total_differs_from_anggaran_total(tmp_path):
    belanja = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 20_000_000, "Realisasi": 19_000_000},
               {"Jenis": "Belanja Barang dan Jasa", "Anggaran": 14_000_000, "Realisasi": 13_500_000}]
    problems = run_check(make_workbook(tmp_path / "a.xlsx", sheets={"Belanja": belanja}))
    assert codes(problems) == [("Belanja", "C1", "belanja.total-berbeda")]  # realisasi 32.500.000 agrees
    assert "34.000.000" in problems[0].message and "35.000.000" in problems[0].message


def test_required_profile_fields_and_unknown_choice(tmp_path):
    problems = run_check(make_workbook(tmp_path / "a.xlsx", profil={"instansi": None, "kota": ""},
                                       pengaturan={"skala_predikat": "bintang lima"}))
    assert codes(problems) == [
        ("Profil", "B3", "profil.wajib-kosong"),
        ("Profil", "B7", "profil.wajib-kosong"),
        ("Pengaturan", "B2", "pilihan.tidak-dikenal"),
    ]


def test_unknown_sasaran_link(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[0]["Sasaran"] = "S9"
    assert codes(run_check(make_workbook(tmp_path / "a.xlsx", anggaran=anggaran))) == [
        ("Anggaran", "I2", "anggaran.sasaran-tidak-dikenal")]


def test_validate_cli_exit_codes_and_json(tmp_path, small):
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", str(small)])
    assert ok.exit_code == 0 and "Workbook sah (0 peringatan)" in ok.output
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[3].update({"Realisasi": 6_000_000})
    warn = make_workbook(tmp_path / "w.xlsx", anggaran=anggaran)
    assert runner.invoke(main, ["validate", str(warn)]).exit_code == 0
    assert runner.invoke(main, ["validate", str(warn), "--strict"]).exit_code == 1
    bad = make_workbook(tmp_path / "b.xlsx", edit=lambda wb: wb["Anggaran"].__setitem__("E4", "sepuluh"))
    res = runner.invoke(main, ["validate", str(bad), "--format", "json"])
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert data == [{"sheet": "Anggaran", "cell": "E4", "code": "angka.tidak-terbaca", "severity": "error",
                     "message": "'sepuluh' bukan angka.",
                     "hint": "Tulis angka seperti 1.234.567 atau 96,77 (boleh dengan Rp, ,- atau %).",
                     "facts": {"found": "sepuluh"}}]
    assert runner.invoke(main, ["validate"]).exit_code == 2
    assert runner.invoke(main, ["validate", str(small), "--format", "xml"]).exit_code == 2


def test_problems_point_at_the_moved_column(tmp_path):
    """Columns are found by header, so problem cells follow the column wherever staff moved it."""
    kinerja = [dict(r) for r in KINERJA]
    kinerja[2].pop("Indikator")  # a sasaran without indicator

    def swap_uraian_and_indikator(wb):
        ws = wb["Kinerja"]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            row[2].value, row[3].value = row[3].value, row[2].value

    problems = run_check(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, edit=swap_uraian_and_indikator))
    assert codes(problems) == [("Kinerja", "D4", "kinerja.tanpa-indikator")]


def test_belanja_total_points_at_its_column_wherever_it_is(tmp_path):
    belanja = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 20_000_000, "Realisasi": 19_000_000}]

    def swap(wb):  # Realisasi before Anggaran
        ws = wb["Belanja"]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            row[2].value, row[3].value = row[3].value, row[2].value

    problems = run_check(make_workbook(tmp_path / "a.xlsx", sheets={"Belanja": belanja}, edit=swap))
    assert codes(problems) == [("Belanja", "C1", "belanja.total-berbeda"), ("Belanja", "D1", "belanja.total-berbeda")]
    assert "Total realisasi" in problems[0].message and "Total anggaran" in problems[1].message


# ------------------------------------------------------------------ a missing required column: said once


def _without_header(src, dest, sheet: str, header: str):
    import openpyxl

    wb = openpyxl.load_workbook(src)
    [cell] = [c for c in wb[sheet][1] if c.value == header]
    cell.value = None
    wb.save(dest)
    return dest


def _problems_of(sheet_and_header, tmp_path):
    from conftest import ALOK

    baseline = {(p.sheet, p.cell, p.code) for p in run_check(ALOK)}
    path = _without_header(ALOK, tmp_path / "alok.xlsx", *sheet_and_header)
    res = CliRunner().invoke(main, ["validate", str(path)])
    problems = run_check(path)
    return baseline, problems, res.output


import pytest  # noqa: E402


@pytest.mark.parametrize("sheet, header", [("Anggaran", "Pagu"), ("Anggaran", "Realisasi"), ("Anggaran", "Uraian"),
                                           ("Kinerja", "Level"), ("Kinerja", "Uraian"), ("Belanja", "Anggaran")])
def test_missing_required_column_is_one_problem_not_one_per_row(sheet, header, tmp_path):
    """Alok without its Pagu column used to print 178 problems (every line 'overspent', every typed
    percentage 'wrong'): now the one kolom.tidak-ada, plus only what the workbook had before that the
    missing column does not touch."""
    baseline, problems, output = _problems_of((sheet, header), tmp_path)
    new = [(p.sheet, p.cell, p.code) for p in problems if (p.sheet, p.cell, p.code) not in baseline]
    assert new == [(sheet, "A1", "kolom.tidak-ada")], new
    assert f"Kolom wajib '{header}' tidak ditemukan di baris judul." in output
    assert output.count("GALAT") == 1, output
    # the checks resting on the broken sheet say nothing; warnings about other sheets stay
    assert not [p for p in problems if p.sheet == sheet and p.code != "kolom.tidak-ada"]
    if sheet == "Anggaran" or sheet == "Kinerja":
        assert not [p for p in problems if p.code in ("anggaran.sasaran-tidak-dikenal", "indeks.indikator-tidak-dikenal")]
