"""Image paths from the workbook (Gambar sheet, Profil logo) and output names: nothing outside the folders is read or written."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from docx_text import load
from hostile_util import ROOT, cli, crashed, leftovers, make_workbook, run_measured, run_unprivileged, validate_json
from PIL import Image

GAMBAR_CELL = ("Gambar", "B2")
LOGO_CELL = ("Profil", "B20")


def _png(path: Path, color=(20, 120, 200), size=(60, 40)) -> Path:
    Image.new("RGB", size, color).save(path, "PNG")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The workbook folder, with an 'outside' folder next to it holding a real image and a secret."""
    outside = tmp_path / "luar"
    outside.mkdir()
    _png(outside / "rahasia.png", (200, 0, 0))
    (outside / "rahasia.txt").write_text("root:x:0:0:rahasia")
    wb_dir = tmp_path / "wb"
    wb_dir.mkdir()
    return wb_dir


def _workbook(folder: Path, where: str, berkas: str) -> Path:
    if where == "gambar":
        return make_workbook(folder / "laporan.xlsx",
                             sheets={"Gambar": [{"Bagian": "struktur_organisasi", "Berkas": berkas, "Keterangan": "Struktur"}]})
    return make_workbook(folder / "laporan.xlsx", profil={"logo": berkas})


def _setup(folder: Path, name: str) -> str:
    """Create what case `name` needs inside the workbook folder; returns the path text written in the cell."""
    outside = folder.parent / "luar"
    if name == "dotdot":
        return "../../../../../../etc/passwd"
    if name == "dotdot-image":
        return "../luar/rahasia.png"
    if name == "absolute":
        return "/etc/passwd"
    if name == "absolute-image":
        return str(outside / "rahasia.png")
    if name == "windows-drive":
        return "C:\\Windows\\win.ini"
    if name == "unc":
        return "\\\\server\\share\\logo.png"
    if name == "symlink-out":
        os.symlink(outside / "rahasia.png", folder / "tautan.png")
        return "tautan.png"
    if name == "symlink-passwd":
        os.symlink("/etc/passwd", folder / "passwd.png")
        return "passwd.png"
    if name == "symlink-dir":
        os.symlink(outside, folder / "sub")
        return "sub/rahasia.png"
    if name == "missing":
        return "tidak-ada.png"
    if name == "text-as-png":
        (folder / "teks.png").write_text("ini bukan gambar")
        return "teks.png"
    if name == "empty-png":
        (folder / "kosong.png").write_bytes(b"")
        return "kosong.png"
    if name == "directory":
        (folder / "folder.png").mkdir()
        return "folder.png"
    if name == "fifo":
        os.mkfifo(folder / "pipa.png")  # opening it would block forever
        return "pipa.png"
    if name == "url":
        return "http://127.0.0.1:9/logo.png"
    if name == "file-url":
        return "file:///etc/passwd"
    if name == "home":
        return "~/logo.png"
    raise AssertionError(name)


CASES = {
    "dotdot": "gambar.di-luar-folder",
    "dotdot-image": "gambar.di-luar-folder",
    "absolute": "gambar.di-luar-folder",
    "absolute-image": "gambar.di-luar-folder",
    "windows-drive": "gambar.di-luar-folder",
    "unc": "gambar.di-luar-folder",
    "symlink-out": "gambar.di-luar-folder",
    "symlink-passwd": "gambar.di-luar-folder",
    "symlink-dir": "gambar.di-luar-folder",
    "missing": "gambar.tidak-ada",
    "text-as-png": "gambar.bukan-gambar",
    "empty-png": "gambar.bukan-gambar",
    "directory": "gambar.tidak-ada",
    "fifo": "gambar.tidak-ada",
    "url": "gambar.tidak-ada",
    "file-url": "gambar.tidak-ada",
    "home": "gambar.tidak-ada",
}


@pytest.mark.parametrize("where", ["gambar", "logo"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_image_path_is_a_problem_at_its_cell(name, where, folder, tmp_path):
    berkas = _setup(folder, name)
    wb = _workbook(folder, where, berkas)
    if name == "fifo":  # in a child process with a time limit: opening a FIFO would block the whole suite
        code, output, seconds, _rss = run_measured("validate", wb, "--format", "json", timeout=30)
        assert code == 1 and CASES[name] in output, output
    rc, problems = validate_json(wb)
    assert rc == 1, problems
    sheet, cell = GAMBAR_CELL if where == "gambar" else LOGO_CELL
    assert [(p["sheet"], p["cell"], p["code"]) for p in problems] == [(sheet, cell, CASES[name])]
    message = problems[0]["message"]
    named = message.split("'")[1] if message.count("'") >= 2 else message
    # the name as typed, or (a long absolute path, e.g. under pytest-xdist's deeper tmp) its start and "…"
    assert berkas.strip() in message or (named.endswith("…") and berkas.strip().startswith(named[:-1])), message
    out_dir = tmp_path / "keluaran"
    res = cli("build", wb, "--out", out_dir / "laporan.docx")
    assert crashed(res) is None, crashed(res)
    assert res.exit_code == 1 and f"{sheet}!{cell}" in res.output
    assert not out_dir.exists() or leftovers(out_dir) == []
    assert leftovers(folder) == []


@pytest.mark.parametrize("berkas", [" logo.png ", '"logo.png"', "./logo.png", "sub/../logo.png", "sub/peta.png", "foto.jpg"])
def test_valid_image_paths_inside_the_folder_validate(berkas, folder):
    (folder / "sub").mkdir()
    _png(folder / "logo.png")
    _png(folder / "sub" / "peta.png")
    Image.new("RGB", (50, 50), (250, 200, 0)).save(folder / "foto.jpg", "JPEG")
    for where in ("gambar", "logo"):
        rc, problems = validate_json(_workbook(folder, where, berkas))
        assert rc == 0 and problems == [], problems


def test_valid_images_inside_the_folder_build(folder, tmp_path):
    """A JPEG logo and a PNG in a subfolder, reached through ../ that stays inside: both printed."""
    (folder / "sub").mkdir()
    png = _png(folder / "sub" / "struktur.png", (1, 2, 3))
    jpg = folder / "logo.jpg"
    Image.new("RGB", (50, 50), (250, 200, 0)).save(jpg, "JPEG")
    rows = [{"Bagian": "struktur_organisasi", "Berkas": " sub/../sub/struktur.png ", "Keterangan": "Struktur"}]
    wb = make_workbook(folder / "laporan.xlsx", sheets={"Gambar": rows}, profil={"logo": '"logo.jpg"'})
    out = tmp_path / "keluaran" / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    doc = load(out)
    blobs = [r.target_part.blob for r in doc.part.rels.values() if "image" in r.reltype]
    assert png.read_bytes() in blobs and jpg.read_bytes() in blobs


def test_two_images_in_one_section_build(folder, tmp_path):
    a, b = _png(folder / "a.png", (1, 2, 3)), _png(folder / "b.png", (4, 5, 6))
    rows = [{"Bagian": "struktur_organisasi", "Berkas": "a.png", "Keterangan": "Bagan A"},
            {"Bagian": "struktur_organisasi", "Berkas": "b.png", "Keterangan": "Bagan B"}]
    wb = make_workbook(folder / "laporan.xlsx", sheets={"Gambar": rows})
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    blobs = [r.target_part.blob for r in load(out).part.rels.values() if "image" in r.reltype]
    assert a.read_bytes() in blobs and b.read_bytes() in blobs


def test_symlink_inside_the_folder_to_an_image_inside_is_fine(folder, tmp_path):
    _png(folder / "asli.png")
    os.symlink(folder / "asli.png", folder / "tautan.png")
    wb = _workbook(folder, "gambar", "tautan.png")
    res = cli("build", wb, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 0, res.output


@pytest.mark.parametrize("kind, where", [("png-header-garbage", "gambar"), ("jpeg-header-garbage", "logo"),
                                         ("truncated-png", "gambar")])
def test_damaged_image_with_a_valid_signature_is_a_problem(kind, where, folder, tmp_path):
    good = io.BytesIO()
    Image.new("RGB", (60, 40), (1, 2, 3)).save(good, "PNG")
    data = {"png-header-garbage": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "jpeg-header-garbage": b"\xff\xd8\xff" + b"\x00" * 64,
            "truncated-png": good.getvalue()[:40]}[kind]
    (folder / "rusak.png").write_bytes(data)
    wb = _workbook(folder, where, "rusak.png")
    rc, problems = validate_json(wb)
    sheet, cell = GAMBAR_CELL if where == "gambar" else LOGO_CELL
    assert rc == 1 and [(p["sheet"], p["cell"], p["code"]) for p in problems] == [(sheet, cell, "gambar.bukan-gambar")]
    res = cli("build", wb, "--out", tmp_path / "keluaran" / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 1 and f"{sheet}!{cell}" in res.output


def test_assets_folder_confines_images_too(folder, tmp_path):
    """With --assets, paths are relative to that folder; the workbook folder itself is then 'outside'."""
    assets = tmp_path / "aset"
    assets.mkdir()
    _png(assets / "logo.png")
    _png(folder / "di-wb.png")
    wb = _workbook(folder, "logo", "../wb/di-wb.png")
    rc, problems = validate_json(wb, "--assets", str(assets))
    assert rc == 1 and [p["code"] for p in problems] == ["gambar.di-luar-folder"]
    wb = _workbook(folder, "logo", "logo.png")
    res = cli("build", wb, "--assets", assets, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 0, res.output


# ---------------------------------------------------------------- output names from workbook text


@pytest.mark.parametrize("field, value", [
    ("nama_berkas", "../../../../tmp/lkjip-lolos"),
    ("nama_berkas", "/etc/cron.d/lkjip"),
    ("nama_berkas", "..\\..\\Windows\\x"),
    ("nama_berkas", "a" * 500),
    ("nama_berkas", "😀\u202e.exe"),
    ("instansi", "../../../../tmp/lkjip-lolos"),
])
def test_output_name_from_the_workbook_stays_in_out_dir(field, value, tmp_path):
    kw = {"pengaturan": {field: value}} if field == "nama_berkas" else {"profil": {field: value}}
    wb = make_workbook(tmp_path / "laporan.xlsx", **kw)
    out_dir = tmp_path / "keluaran"
    default_out = ROOT / "output"
    before = sorted(default_out.iterdir()) if default_out.exists() else []
    res = cli("build", wb, "--out-dir", out_dir)
    assert crashed(res) is None and res.exit_code == 0, res.output
    [written] = [p for p in tmp_path.rglob("*") if p.is_file() and p != wb]
    assert written.parent == out_dir and written.suffix == ".docx"
    assert len(written.name) <= 100 and not written.name.startswith(".")
    assert not Path("/tmp/lkjip-lolos.docx").exists() and not Path("/etc/cron.d/lkjip.docx").exists()
    assert (sorted(default_out.iterdir()) if default_out.exists() else []) == before


# ---------------------------------------------------------------- paths the operating system refuses


def _os_setup(folder: Path, name: str) -> str:
    if name == "long-name":  # one name of 300 characters: ENAMETOOLONG (the limit is 255 bytes)
        return "a" * 296 + ".png"
    if name == "long-path":  # a path of 4.200 characters: ENAMETOOLONG (PATH_MAX is 4096)
        return "b/" * 2100 + "c.png"
    if name == "nul-escape":  # Excel's escape of a NUL character, decoded by the reader: "embedded null byte"
        return "logo_x0000_.png"
    if name == "symlink-loop":
        os.symlink("putar.png", folder / "putar.png")
        return "putar.png"
    raise AssertionError(name)


OS_CASES = {"long-name": "terlalu panjang", "long-path": "terlalu panjang", "nul-escape": "karakter kosong (NUL)",
            "symlink-loop": "tautan simbolik (symlink) yang berputar"}


@pytest.mark.parametrize("where", ["gambar", "logo"])
@pytest.mark.parametrize("name", sorted(OS_CASES))
def test_image_path_the_os_refuses_is_a_problem_at_its_cell(name, where, folder, tmp_path):
    wb = _workbook(folder, where, _os_setup(folder, name))
    rc, problems = validate_json(wb)
    sheet, cell = GAMBAR_CELL if where == "gambar" else LOGO_CELL
    assert rc == 1 and [(p["sheet"], p["cell"], p["code"]) for p in problems] == [(sheet, cell, "gambar.tidak-terbaca")], problems
    message = problems[0]["message"]
    assert message.startswith("Berkas gambar '") and OS_CASES[name] in message, message
    assert len(message) < 250 and "\x00" not in message  # the name quoted short, a NUL shown as \x00
    if name == "nul-escape":
        assert "'logo\\x00.png'" in message
    res = cli("build", wb, "--out", tmp_path / "keluaran" / "laporan.docx")
    assert crashed(res) is None, crashed(res)
    assert res.exit_code == 1 and f"{sheet}!{cell}" in res.output and OS_CASES[name] in res.output
    assert not (tmp_path / "keluaran").exists()


@pytest.mark.parametrize("what", ["folder", "file"])
def test_unreadable_image_or_folder_is_a_problem_at_its_cell(what, folder, tmp_path):
    """A folder (or image) the user may not read: the OS refuses to look inside; run under file permissions."""
    (folder / "rahasia").mkdir()
    _png(folder / "rahasia" / "logo.png")
    wb = _workbook(folder, "gambar", "rahasia/logo.png")
    locked = folder / "rahasia" if what == "folder" else folder / "rahasia" / "logo.png"
    locked.chmod(0)
    try:
        proc = run_unprivileged("validate", wb, "--format", "json")
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    problems = json.loads(proc.stdout)
    assert [(p["sheet"], p["cell"], p["code"]) for p in problems] == [(*GAMBAR_CELL, "gambar.tidak-terbaca")]
    assert "izin baca ditolak" in problems[0]["message"] and "Traceback" not in proc.stderr
