"""`lkjip build`: summary, output names, safe writes, determinism, batches, PDF."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import ALOK, RAAS, ROOT, SUMENEP, needs_soffice
from factory import make_workbook

from generator.cli import main


def build(*args, cwd: Path):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, ["build", *map(str, args)])
    finally:
        os.chdir(old)


def test_build_writes_default_name_and_prints_a_summary(tmp_path, small):
    res = build(small, cwd=tmp_path)
    assert res.exit_code == 0, res.output
    out = tmp_path / "output" / "LKjIP-Kecamatan-Contoh-2024.docx"
    assert out.exists()
    assert res.output.splitlines()[:3] == [
        "Laporan ditulis: output/LKjIP-Kecamatan-Contoh-2024.docx",
        "  1 tujuan, 2 sasaran, 3 indikator; 1 unit anggaran: 2 program, 2 kegiatan, 3 sub kegiatan",
        "  Capaian kinerja 91,88% (Sangat Tinggi); anggaran Rp35.000.000,00, realisasi Rp32.500.000,00, penyerapan 92,86%",
    ]


def test_summary_lists_warnings_with_their_cells(tmp_path):
    wb = make_workbook(tmp_path / "w.xlsx", edit=lambda w: w["Anggaran"].__setitem__("F5", 6_000_000))
    res = build(wb, cwd=tmp_path)
    assert res.exit_code == 0
    assert "  1 peringatan perlu diperiksa:" in res.output
    assert "    Anggaran!F5: Realisasi 6.000.000 melebihi pagu 5.000.000." in res.output


def test_errors_write_nothing(tmp_path):
    wb = make_workbook(tmp_path / "b.xlsx", edit=lambda w: w["Anggaran"].__setitem__("E4", "sepuluh juta"))
    res = build(wb, cwd=tmp_path)
    assert res.exit_code == 1
    assert "Anggaran!E4: 'sepuluh juta' bukan angka." in res.output
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


def test_input_workbook_is_never_modified(tmp_path):
    src = tmp_path / "alok.xlsx"
    shutil.copy(ALOK, src)
    before = (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns)
    assert build(src, "--out", tmp_path / "a.docx", cwd=tmp_path).exit_code == 0
    assert (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns) == before


def test_same_workbook_twice_gives_identical_bytes(tmp_path):
    assert build(ALOK, "--out", tmp_path / "1.docx", cwd=tmp_path).exit_code == 0
    assert build(ALOK, "--out", tmp_path / "2.docx", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "1.docx").read_bytes() == (tmp_path / "2.docx").read_bytes()


def _parts(path: Path) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    return {n: z.read(n) for n in z.namelist()}


def test_one_changed_cell_changes_only_the_expected_parts(tmp_path):
    src = tmp_path / "alok.xlsx"
    shutil.copy(ALOK, src)
    assert build(src, "--out", tmp_path / "before.docx", cwd=tmp_path).exit_code == 0
    wb = openpyxl.load_workbook(src)
    wb["Kinerja"]["U3"] = "Analisis yang direvisi oleh Inspektorat."  # Analisis of sasaran 1: text only
    wb.save(src)
    assert build(src, "--out", tmp_path / "after.docx", cwd=tmp_path).exit_code == 0
    before, after = _parts(tmp_path / "before.docx"), _parts(tmp_path / "after.docx")
    assert before.keys() == after.keys()
    assert [n for n in before if before[n] != after[n]] == ["word/document.xml"]
    assert b"Analisis yang direvisi oleh Inspektorat." in after["word/document.xml"]
    # a budget leaf changes the document and the budget chart (and its data), nothing else
    wb = openpyxl.load_workbook(src)
    wb["Anggaran"]["F4"] = 13_000_000
    wb.save(src)
    # the Belanja total no longer matches: allowed here, so the report builds and names the difference
    assert build(src, "--out", tmp_path / "after2.docx", "--izinkan-selisih", cwd=tmp_path).exit_code == 0
    after2 = _parts(tmp_path / "after2.docx")
    assert sorted(n for n in after if after[n] != after2[n]) == [
        "word/charts/chart2.xml", "word/document.xml", "word/embeddings/Microsoft_Excel_Worksheet2.xlsx"]  # no tren chart: no capaian 2023


def test_failed_render_keeps_the_previous_report(tmp_path, small):
    out = tmp_path / "laporan.docx"
    assert build(small, "--out", out, cwd=tmp_path).exit_code == 0
    previous = out.read_bytes()
    from docx import Document

    bad = tmp_path / "rusak.docx"
    d = Document()
    d.add_paragraph("{{ tidak_ada.sama_sekali }}")
    d.save(bad)
    res = build(small, "--out", out, "--template", bad, cwd=tmp_path)
    assert res.exit_code == 1 and "tidak_ada" in res.output
    assert out.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_target_that_cannot_be_written_is_a_clear_message(tmp_path, small, monkeypatch):
    (tmp_path / "folder.docx").mkdir()  # a folder where the file should go: a usage error
    res = build(small, "--out", tmp_path / "folder.docx", cwd=tmp_path)
    assert res.exit_code == 2 and "folder.docx" in res.output and "Traceback" not in res.output
    (tmp_path / "berkas").write_text("bukan folder")  # a file where the folder should be
    res = build(small, "--out", tmp_path / "berkas" / "x.docx", cwd=tmp_path)
    assert res.exit_code == 1 and "tidak dapat dibuat" in res.output and "Traceback" not in res.output
    # a report open in Word on Windows cannot be replaced: os.replace raises PermissionError
    out = tmp_path / "terbuka.docx"
    out.write_bytes(b"laporan lama")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    res = build(small, "--out", out, cwd=tmp_path)
    assert res.exit_code == 1 and "sedang dibuka di Word" in res.output
    assert out.read_bytes() == b"laporan lama"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_batch_of_examples_and_one_broken_workbook(tmp_path):
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 ini bukan workbook")
    res = build(ALOK, SUMENEP, RAAS, broken, "--out-dir", tmp_path / "hasil", cwd=tmp_path)
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith(("OK", "GAGAL"))]
    assert len(lines) == 4
    assert [ln.split()[0] for ln in lines].count("OK") == 3
    assert any(ln.startswith("GAGAL") and "rusak.xlsx" in ln and "rusak atau terpotong" in ln for ln in lines)
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == [
        "LKjIP-Kecamatan-Alok-2024.docx", "LKjIP-Kecamatan-Kota-Sumenep-2023.docx", "LKjIP-Kecamatan-Raas-2020.docx"]
    assert "3 laporan dibuat, 1 gagal." in res.output


def test_pdf_without_libreoffice_says_so(tmp_path, small, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    res = build(small, "--out", tmp_path / "r.docx", "--pdf", cwd=tmp_path)
    # exit 3: the .docx is written, the PDF is not (1 keeps meaning "nothing written")
    assert res.exit_code == 3 and "LibreOffice tidak terpasang" in res.stderr
    assert "laporan .docx tetap ditulis" in res.stderr
    assert "Laporan ditulis: " in res.stdout
    assert (tmp_path / "r.docx").exists()


@needs_soffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext tidak terpasang")
def test_pdf_has_a_daftar_isi_with_page_numbers(tmp_path, small):
    res = build(small, "--out", tmp_path / "r.docx", "--pdf", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    toc = next(page for page in text.split("\f") if page.strip().startswith("DAFTAR ISI"))
    for bab in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"):
        assert re.search(re.escape(bab) + r"\s*\.+\s*\d+", toc), bab
    assert re.search(r"Tabel 3\.3 Capaian Indikator Kinerja Sasaran Tahun 2024\s*\.+\s*\d+", text)  # 3.2: the tujuan (issue 20.11)


def _program(*args, cwd: Path) -> subprocess.CompletedProcess:
    """The real `lkjip` program (`generator.cli:run`, which ends the process with os._exit)."""
    import sys

    return subprocess.run([sys.executable, "-c", "from generator.cli import run; run()", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def test_program_exit_codes_and_complete_output(tmp_path):
    ok = _program("validate", ALOK, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert len(lines) == 15 and lines[-1] == "Workbook sah (14 peringatan)."  # every line flushed before exit
    assert _program("validate", ALOK, "--strict", cwd=tmp_path).returncode == 1
    missing = _program("validate", tmp_path / "tidak-ada.xlsx", cwd=tmp_path)
    assert missing.returncode == 1 and "[berkas.tidak-ada]" in missing.stdout
    assert _program("perintah-asing", cwd=tmp_path).returncode == 2
    built = _program("build", ALOK, "--out", tmp_path / "r.docx", cwd=tmp_path)
    assert built.returncode == 0 and zipfile.ZipFile(tmp_path / "r.docx").testzip() is None


def test_in_process_main_leaves_garbage_collection_alone(tmp_path, small):
    import gc

    assert gc.isenabled()
    assert CliRunner().invoke(main, ["validate", str(small)]).exit_code == 0
    assert gc.isenabled()


# ---- issue 12: never lose or hide staff work; a clean command line


def _in(cwd: Path, *args):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_template_does_not_overwrite_a_filled_workbook_without_timpa(tmp_path, small):
    filled = tmp_path / "LKjIP-2024.xlsx"
    shutil.copy(small, filled)
    before = filled.read_bytes()
    res = _in(tmp_path, "template", "--tahun", "2024", "--out", filled.name)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "Galat: Berkas LKjIP-2024.xlsx sudah ada dan tidak ditimpa" in res.stderr and "--timpa" in res.stderr
    assert filled.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKjIP-2024.xlsx", "kecil.xlsx"]
    for flag in ("--timpa", "--force"):
        filled.write_bytes(before)
        res = _in(tmp_path, "template", "--tahun", "2024", "--out", filled.name, flag)
        assert res.exit_code == 0 and res.stdout == "Workbook kosong ditulis: LKjIP-2024.xlsx\n"
        profil = openpyxl.load_workbook(filled)["Profil"]
        assert {r[0].value: r[1].value for r in profil.iter_rows(min_row=2)}.get("instansi") in (None, "")


def test_batch_refuses_two_workbooks_that_would_write_the_same_report(tmp_path, small):
    folder = tmp_path / "wb"
    folder.mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        shutil.copy(small, folder / name)  # same instansi, same tahun
    other = make_workbook(folder / "c.xlsx", profil={"instansi": "Kecamatan Lain"})
    res = _in(tmp_path, "build", "wb", "--out-dir", "hasil")
    assert res.exit_code == 1
    target = Path("hasil") / "LKjIP-Kecamatan-Contoh-2024.docx"
    assert (f"GAGAL  wb/a.xlsx: laporannya akan bernama sama dengan laporan dari wb/b.xlsx ({target}); "
            "tidak dibuat agar tidak saling menimpa.") in res.stderr
    assert "GAGAL  wb/b.xlsx: laporannya akan bernama sama dengan laporan dari wb/a.xlsx" in res.stderr
    assert res.stdout.splitlines() == [f"OK     wb/{other.name} -> hasil/LKjIP-Kecamatan-Lain-2024.docx",
                                       "1 laporan dibuat, 2 gagal."]
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == ["LKjIP-Kecamatan-Lain-2024.docx"]
    # names that differ only in case reach the same file on Windows and macOS drives
    make_workbook(folder / "d.xlsx", profil={"instansi": "KECAMATAN LAIN"})
    res = _in(tmp_path, "build", "wb/c.xlsx", "wb/d.xlsx", "--out-dir", "hasil2")
    assert res.exit_code == 1 and "GAGAL  wb/c.xlsx: laporannya akan bernama sama dengan laporan dari wb/d.xlsx" in res.stderr
    assert not (tmp_path / "hasil2").exists()


def test_batch_folder_lists_every_skipped_file_and_why(tmp_path, small):
    folder = tmp_path / "wb"
    folder.mkdir()
    shutil.copy(small, folder / "RAAS.XLSX")  # upper-case .XLSX is a workbook like any other
    for name in ("makro.xlsm", "lama.xls", "calc.ods", "catatan.txt", "~$RAAS.XLSX", ".~lock.RAAS.XLSX#"):
        (folder / name).write_bytes(b"x")
    (folder / "arsip").mkdir()
    res = _in(tmp_path, "build", "wb", "--out-dir", "hasil")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["Laporan ditulis: hasil/LKjIP-Kecamatan-Contoh-2024.docx"] + res.stdout.splitlines()[1:]
    skipped = [ln for ln in res.stderr.splitlines() if ln.startswith("Dilewati: ")]
    assert skipped == [
        "Dilewati: wb/arsip: folder (isi subfolder tidak dibaca; sebutkan foldernya sendiri).",
        "Dilewati: wb/calc.ods: format OpenDocument (.ods) tidak dibaca; di LibreOffice simpan sebagai 'Excel 2007-365 (.xlsx)'.",
        "Dilewati: wb/catatan.txt: bukan workbook .xlsx.",
        "Dilewati: wb/lama.xls: format Excel 97-2003 (.xls) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'.",
        "Dilewati: wb/makro.xlsm: workbook ber-makro (.xlsm) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'.",
    ]  # lock files (~$, .~lock.) are skipped quietly
    only_skipped = tmp_path / "kosong"
    only_skipped.mkdir()
    (only_skipped / "a.ods").write_bytes(b"x")
    res = _in(tmp_path, "build", "kosong")
    assert res.exit_code == 2 and "Dilewati: kosong/a.ods" in res.stderr and "Tidak ada workbook .xlsx" in res.stderr


def test_errors_go_to_stderr_and_stdout_carries_only_the_result(tmp_path, small):
    broken = make_workbook(tmp_path / "b.xlsx", profil={"instansi": "Kecamatan Rusak"},
                           edit=lambda w: w["Anggaran"].__setitem__("E4", "sepuluh juta"))
    res = _in(tmp_path, "context", broken)
    assert res.exit_code == 1 and res.stdout == ""
    assert "GALAT Anggaran!E4 [angka.tidak-terbaca]" in res.stderr
    res = _in(tmp_path, "context", small)
    assert res.exit_code == 0 and res.stderr == ""
    import json

    assert json.loads(res.stdout)["profil"]["instansi"] == "Kecamatan Contoh"
    res = _in(tmp_path, "build", broken, "--out", "r.docx")
    assert res.exit_code == 1 and res.stdout == "" and "Anggaran!E4: 'sepuluh juta' bukan angka." in res.stderr
    res = _in(tmp_path, "diff", broken, small)  # read, with an error: compared, the error said on stderr (issue 26.13)
    assert res.exit_code == 1 and "'Kecamatan Rusak' -> 'Kecamatan Contoh'" in res.stdout, res.stdout
    assert "Workbook lama (b.xlsx)" in res.stderr and "Workbook lama" not in res.stdout
    (tmp_path / "teks.xlsx").write_text("bukan workbook")
    res = _in(tmp_path, "diff", tmp_path / "teks.xlsx", small)  # cannot be read at all: exit 2
    assert res.exit_code == 2 and res.stdout == "" and "Workbook lama (teks.xlsx)" in res.stderr
    res = _in(tmp_path, "build", small.name, broken.name, "--out-dir", "hasil")
    assert res.exit_code == 1
    assert res.stdout.splitlines() == ["OK     kecil.xlsx -> hasil/LKjIP-Kecamatan-Contoh-2024.docx", "1 laporan dibuat, 1 gagal."]
    assert "GAGAL  b.xlsx: 1 galat, mis. Anggaran!E4" in res.stderr


def test_exit_codes_are_documented_in_help(tmp_path):
    text = _in(tmp_path, "--help").stdout
    for line in ("0  berhasil", "1  gagal: workbook berisi galat", "2  salah pemakaian",
                 "3  build --pdf / --perbarui-daftar: laporan .docx ditulis, tetapi PDF atau nomor halaman daftar", "130/143  dihentikan"):
        assert line in text
    assert "Kode keluar:" in _in(tmp_path, "build", "--help").stdout
    for cmd in ("validate", "diff", "context"):
        assert "Kode keluar: 0" in _in(tmp_path, cmd, "--help").stdout


def test_out_must_name_a_docx_and_pdf_is_asked_with_pdf(tmp_path, small):
    res = _in(tmp_path, "build", small, "--out", "laporan.pdf")
    assert res.exit_code == 2
    assert ("Nilai tidak sah untuk '--out': 'laporan.pdf': laporan ditulis sebagai .docx, jadi nama berkas harus "
            "berakhiran .docx; untuk PDF pakai --out laporan.docx --pdf") in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kecil.xlsx"]
    res = _in(tmp_path, "template", "--out", "kosong.docx")
    assert res.exit_code == 2 and "tidak berakhiran .xlsx" in res.stderr


@pytest.mark.parametrize("args, message", [
    (["--tahun", "1800"], "Nilai tidak sah untuk '--tahun': 1800 di luar rentang 1990<=x<=2100."),
    (["--tahun", "2101"], "di luar rentang 1990<=x<=2100"),
    (["--tahun", "2024", "--renstra", "2024-2040"], "paling panjang 10 tahun"),
    (["--tahun", "2024", "--renstra", "1024-1026"], "periode harus di antara 1990 dan 2100"),
])
def test_template_tahun_and_renstra_are_bounded(tmp_path, args, message):
    res = _in(tmp_path, "template", *args)
    assert res.exit_code == 2 and message in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_option_has_help_and_click_speaks_indonesian(tmp_path):
    from generator.cli import main as group

    for name, cmd in [("lkjip", group), *group.commands.items()]:
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"{name} {param.opts} tanpa teks bantuan"
    text = _in(tmp_path, "--help").stdout + _in(tmp_path, "build", "--help").stdout
    assert "Pemakaian: lkjip [PILIHAN] PERINTAH [ARGUMEN]..." in text
    assert "Tampilkan bantuan ini lalu keluar." in text and "Tampilkan versi lalu keluar." in text
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "Show the version", "[default:"):
        assert english not in text
    res = _in(tmp_path, "validate")
    assert res.exit_code == 2
    assert res.stderr.splitlines()[-1] == "Galat: Argumen wajib tidak diberikan 'WORKBOOK'."
    assert "Coba 'lkjip validate --help' untuk bantuan." in res.stderr
    assert "Galat: Tidak ada perintah 'bangun'." in _in(tmp_path, "bangun").stderr
    assert "Galat: Tidak ada pilihan '--keluar'." in _in(tmp_path, "build", "x.xlsx", "--keluar", "y").stderr
    # click's own strings are Indonesian only while lkjip runs
    assert click.core._("Usage:") == "Usage:"


# ---------------------------------------------------------------- issue 26.12: report names

@pytest.mark.parametrize("nama, why", [("CON", "'CON' adalah nama perangkat di Windows"), ("aux", "'aux' adalah nama perangkat"),
                                       ("...", "Nama berkas harus memuat huruf atau angka"), ("😀 / 😀", "harus memuat huruf")])
def test_nama_berkas_reserved_on_windows_or_empty_after_cleaning_is_refused(nama, why, tmp_path):
    import json

    wb = make_workbook(tmp_path / "a.xlsx", pengaturan={"nama_berkas": nama})
    res = CliRunner().invoke(main, ["validate", str(wb), "--format", "json"])
    assert res.exit_code == 1
    [p] = json.loads(res.output)
    assert (p["sheet"], p["code"]) == ("Pengaturan", "pengaturan.tidak-sah")
    assert p["message"] == f"Nilai '{nama}' tidak sah untuk nama_berkas." and why in p["hint"]
    res = build(wb, cwd=tmp_path)
    assert res.exit_code == 1 and not (tmp_path / "output").exists()


def test_agencies_with_non_latin_names_get_their_own_report_names(tmp_path):
    """Before: both became LKjIP-Instansi-2024.docx, and the batch refused both as a collision."""
    folder = tmp_path / "wb"
    folder.mkdir()
    for i, name in enumerate(["كاتب العدل", "कार्यालय जिला", "Дирекция №1"]):
        make_workbook(folder / f"wb{i}.xlsx", profil={"instansi": name})
    res = build(folder, "--out-dir", tmp_path / "hasil", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == sorted(
        ["LKjIP-كاتب-العدل-2024.docx", "LKjIP-कार्यालय-जिला-2024.docx", "LKjIP-Дирекция-No1-2024.docx"])


# ---------------------------------------------------------------- issue 26.13: honest messages and exit codes

def test_perbarui_daftar_that_cannot_run_is_exit_3_on_stderr(tmp_path, small, monkeypatch):
    """Before: exit 0, with the reason among the summary lines on stdout."""
    import generator.write.pdf as pdf

    monkeypatch.setattr(pdf, "uno_python", lambda: None)
    out = tmp_path / "laporan.docx"
    res = CliRunner().invoke(main, ["build", str(small), "--out", str(out), "--perbarui-daftar"])
    assert res.exit_code == 3 and out.exists()
    assert "Nomor halaman daftar isi tidak disimpan (laporan .docx tetap ditulis): Nomor halaman daftar isi butuh " \
           "LibreOffice dengan modul Python UNO" in res.stderr
    assert "daftar isi" not in res.stdout


def test_batch_counts_what_was_built_names_a_workbook_once_and_points_to_validate(tmp_path, small):
    """Before: `build a.xlsx a.xlsx` built one report twice at once and said "2 laporan dibuat"; warnings were
    a bare count."""
    def warn(wb):
        wb["Kinerja"]["M3"] = None  # Realisasi 2024 of an indicator with a target: a warning

    wb = make_workbook(tmp_path / "a.xlsx", edit=warn)
    res = build(wb, tmp_path / "." / "a.xlsx", "--out-dir", tmp_path / "hasil", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert f"Dilewati: {tmp_path / '.' / 'a.xlsx'}: workbook yang sama dengan {wb}, sudah disebut." in res.stderr
    assert f"OK     {wb} -> {tmp_path / 'hasil' / 'LKjIP-Kecamatan-Contoh-2024.docx'} (1 peringatan; rinciannya: " \
           f"lkjip validate {wb})" in res.stdout
    assert res.stdout.splitlines()[-1] == "1 laporan dibuat, 0 gagal."


@pytest.mark.parametrize("command", [["validate"], ["build", "--out", "{tmp}/laporan.docx"]])
def test_stdout_closed_by_its_reader_keeps_the_exit_code(command, tmp_path):
    """`validate VALID | head -1` and `build … | head -1` (report written) exited 1: click's answer to a broken pipe."""
    args = [a.format(tmp=tmp_path) for a in command]
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", args[0], str(ALOK), *args[1:]], cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone before the first line (`| head -0`, or `| head -1` after it)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err and "tidak dapat ditulis" not in err, err
    if args[0] == "build":
        assert (tmp_path / "laporan.docx").exists()


def test_diff_compares_a_new_revision_that_has_an_error(tmp_path):
    """Before: exit 2 ("cannot read") when the new workbook was readable but had an error — the diff is needed then."""
    from factory import ANGGARAN

    old = make_workbook(tmp_path / "lama.xlsx")
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Pagu"] = 12_000_000
    anggaran[3]["Pagu"] = "5.000.00O"  # a typo: letter O
    new = make_workbook(tmp_path / "baru.xlsx", anggaran=anggaran)
    res = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert res.exit_code == 1, res.output  # changes
    assert "12.000.000" in res.stdout
    assert "Catatan: " in res.stderr and "laporan belum dapat dibuat dari workbook itu" in res.stderr
    assert "Anggaran!E5" in res.stderr and "Workbook baru (baru.xlsx)" in res.stderr


def test_a_letter_o_in_a_pagu_is_one_error_that_says_so(tmp_path):
    """`9.147.68O` was called a separator problem, and the Belanja total then differed: a second error with
    the wrong hint (izinkan_selisih)."""
    import json

    from factory import ANGGARAN

    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2]["Pagu"] = "9.147.68O"
    belanja = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Barang dan Jasa", "Anggaran": 35_000_000, "Realisasi": 32_500_000}]
    wb = make_workbook(tmp_path / "a.xlsx", anggaran=anggaran, sheets={"Belanja": belanja})
    res = CliRunner().invoke(main, ["validate", str(wb), "--format", "json"])
    assert res.exit_code == 1
    [p] = [p for p in json.loads(res.stdout) if p["severity"] == "error"]
    assert (p["sheet"], p["cell"], p["code"]) == ("Anggaran", "E4", "angka.huruf-mirip-angka")
    assert p["message"] == ("'9.147.68O' bukan angka: ada huruf O, o, l atau I di antara angkanya (mungkin salah ketik "
                            "untuk 0 atau 1).")


def test_diff_says_nothing_about_a_sasaran_kode_the_report_does_not_print(tmp_path):
    """A Kinerja Kode changed to 10^30 gave a line "kode: S1 -> 1000000000000000019884624838656" under
    "Bagian laporan yang berubah", about something the report does not contain."""
    from factory import ANGGARAN, KINERJA

    old = make_workbook(tmp_path / "lama.xlsx")
    kinerja = [dict(r) for r in KINERJA]
    kinerja[2]["Kode"] = "S9"  # renamed, and the budget lines that named S2 now name S9: the report prints the same
    anggaran = [dict(r, Sasaran="S9") if r.get("Sasaran") == "S2" else dict(r) for r in ANGGARAN]
    new = make_workbook(tmp_path / "baru.xlsx", kinerja=kinerja, anggaran=anggaran)
    res = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert "Bagian laporan yang berubah" not in res.stdout and "kode: S2" not in res.stdout, res.stdout
