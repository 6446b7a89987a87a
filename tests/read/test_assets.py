"""generator/read/assets.py: images named in the workbook (logo, struktur organisasi, foto) — only PNG or
JPEG files inside the assets folder are taken, everything else is a problem code with its reason.

The same rules seen from the workbook (the problem at the Gambar/Profil cell, through `lkjip
validate` and `build`) are tested in tests/hostile/test_hostile_paths.py; images in the printed
report and `lkjip diff` in tests/compare/test_diff_laporan.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from generator.read.assets import MAX_IMAGE_BYTES, image_readable, safe_asset


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    assets = tmp_path / "aset"
    (assets / "foto").mkdir(parents=True)
    Image.new("RGB", (60, 40), "navy").save(assets / "logo.png", "PNG")
    Image.new("RGB", (30, 20), "olive").save(assets / "foto" / "kantor.jpg", "JPEG")
    (assets / "catatan.png").write_text("bukan gambar", encoding="utf-8")
    (assets / "terpotong.png").write_bytes((assets / "logo.png").read_bytes()[:20])  # a PNG signature, no image
    Image.new("RGB", (10, 10), "red").save(tmp_path / "rahasia.png", "PNG")  # outside the folder
    return assets.resolve()


def test_png_and_jpeg_inside_the_folder_are_taken(folder):
    assert safe_asset("logo.png", folder) == (folder / "logo.png", "", "")
    assert safe_asset(' "foto/kantor.jpg" ', folder) == (folder / "foto" / "kantor.jpg", "", "")  # quotes and blanks as typed


@pytest.mark.parametrize("typed, code", [
    ("../rahasia.png", "gambar.di-luar-folder"),
    ("/etc/passwd", "gambar.di-luar-folder"),
    ("C:\\Users\\staf\\logo.png", "gambar.di-luar-folder"),
    ("\\\\server\\bagi\\logo.png", "gambar.di-luar-folder"),
    ("tidak-ada.png", "gambar.tidak-ada"),
    ("foto", "gambar.tidak-ada"),  # a folder is not an image
    ("catatan.png", "gambar.bukan-gambar"),
    ("terpotong.png", "gambar.bukan-gambar"),
])
def test_paths_outside_missing_or_not_an_image_are_refused(folder, typed, code):
    assert safe_asset(typed, folder) == (None, code, "")


def test_a_symlink_leading_out_is_refused_and_an_os_refusal_says_why(folder):
    os.symlink(folder.parent / "rahasia.png", folder / "pintas.png")
    assert safe_asset("pintas.png", folder) == (None, "gambar.di-luar-folder", "")
    path, code, why = safe_asset("logo\x00.png", folder)
    assert (path, code) == (None, "gambar.tidak-terbaca")
    assert why == "namanya berisi karakter kosong (NUL) yang tidak diizinkan sistem operasi"


def test_image_readable_checks_headers_and_size(folder, tmp_path):
    assert image_readable(folder / "logo.png") and image_readable(folder / "foto" / "kantor.jpg")
    assert not image_readable(folder / "terpotong.png")
    big = tmp_path / "besar.png"
    big.write_bytes((folder / "logo.png").read_bytes() + b"\0" * MAX_IMAGE_BYTES)  # a valid image, too large
    assert not image_readable(big)
