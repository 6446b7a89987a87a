"""`lkjip template`: the blank standard workbook matches the contract and opens in LibreOffice Calc."""

from __future__ import annotations

import subprocess

import openpyxl
from click.testing import CliRunner
from conftest import needs_soffice

from generator import contract
from generator.cli import main
from generator.read.sheets import read_workbook


def make(tmp_path):
    out = tmp_path / "kosong.xlsx"
    res = CliRunner().invoke(main, ["template", "--tahun", "2024", "--renstra", "2024-2026", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_sheets_and_headers_follow_the_contract(tmp_path):
    wb = openpyxl.load_workbook(make(tmp_path))
    assert wb.sheetnames == ["Petunjuk"] + [s.name for s in contract.SHEETS]
    headers = {ws.title: [c.value for c in ws[1]] for ws in wb.worksheets[1:]}
    assert headers["Profil"] == ["Isian", "Nilai", "Keterangan"]
    assert headers["Kinerja"] == [
        "Level", "Kode", "Uraian", "Indikator", "Satuan", "Polaritas", "IKU", "PK", "Target 2024", "Target 2025", "Target 2026",
        "Realisasi 2023", "Realisasi 2024", "Target Akhir Renstra", "Standar Nasional", "Capaian", "Definisi Operasional",
        "Formula", "Sumber Data", "Penanggung Jawab", "Analisis", "Solusi", "Sasaran RPJMD"]
    assert headers["Anggaran"][:6] == ["Unit", "Kode", "Level", "Uraian", "Pagu", "Realisasi"]
    for name in ("Sumber Dana", "Sasaran", "Indikator Keluaran", "Target Keluaran", "Realisasi Keluaran", "Satuan Keluaran"):
        assert name in headers["Anggaran"]
    assert headers["Belanja"] == ["Kelompok", "Jenis", "Anggaran", "Realisasi"]
    assert headers["Narasi"] == ["Bagian", "Judul", "Isi"]
    assert headers["Indeks"] == ["Indikator", "Aspek", "Skor Target", "Skor Realisasi", "Bobot", "Perhitungan Aspek"]
    assert [r[0].value for r in wb["Profil"].iter_rows(min_row=2)] == [f.key for f in contract.PROFIL_FIELDS]


def test_comments_dropdowns_formats_and_frozen_headers(tmp_path):
    wb = openpyxl.load_workbook(make(tmp_path))
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2", ws.title
        assert all(c.comment is not None and c.comment.text for c in ws[1] if c.value), ws.title
    lists = {}
    for ws in wb.worksheets[1:]:
        for dv in ws.data_validations.dataValidation:
            lists.setdefault(ws.title, []).append((str(dv.sqref), dv.formula1))
    assert ("A2:A1001", '"Tujuan,Sasaran,Program,Kegiatan,Sub Kegiatan"') in lists["Kinerja"]
    assert ("F2:F1001", '"Positif,Negatif"') in lists["Kinerja"]
    assert ("G2:G1001", '"Ya,Tidak"') in lists["Kinerja"] and ("H2:H1001", '"Ya,Tidak"') in lists["Kinerja"]
    assert ("C2:C1001", '"Program,Kegiatan,Sub Kegiatan"') in lists["Anggaran"]
    assert any(f.startswith('"kata_pengantar,') for _, f in lists["Narasi"])
    assert ("B2", '"permendagri86,tiga_tingkat,kalianget,esakip,kustom"') in lists["Pengaturan"]
    assert wb["Anggaran"]["E2"].number_format == "#,##0"
    assert "PETUNJUK" in wb["Petunjuk"]["A1"].value


def test_blank_workbook_reads_with_only_missing_content(tmp_path):
    _lap, problems = read_workbook(make(tmp_path))
    assert {p.code for p in problems} == {"profil.wajib-kosong"}


def test_bad_period_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["template", "--renstra", "2026-2024", "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and "2024-2026" in res.output


@needs_soffice
def test_opens_in_libreoffice_calc(tmp_path):
    src = make(tmp_path)
    out = tmp_path / "conv"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "ods",
                          "--outdir", str(out), str(src)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert (out / "kosong.ods").stat().st_size > 5000


def test_renstra_option_reads_as_the_profil_cell_does(tmp_path):
    """Issue 25.4: one period parser: `--renstra 2024 s.d. 2026` as Profil.periode_renstra accepts it."""
    from generator.base.numbers import parse_periode

    for text in ("2024 s.d. 2026", "2024–2026", "2024 sampai dengan 2026"):
        assert parse_periode(text) == (2024, 2026)
        out = tmp_path / f"t{len(text)}.xlsx"
        res = CliRunner().invoke(main, ["template", "--tahun", "2025", "--renstra", text, "--out", str(out)])
        assert res.exit_code == 0 and out.exists(), res.output
    for bad in ("2024-2040", "1980-1985", "periode"):
        res = CliRunner().invoke(main, ["template", "--renstra", bad, "--out", str(tmp_path / "x.xlsx")])
        assert res.exit_code == 2 and "2024-2026" in res.output, bad
