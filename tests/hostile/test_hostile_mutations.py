"""Fuzzing with the mutation kinds of issue 12: image paths the OS refuses, Excel escapes (surrogates
included), sheet names that collide with the contract's, keys filled twice — and of issue 26: raw cell
references outside Excel's sheet, non-finite number texts — mixed with each other.

Every example runs `validate --format json`, `build` and `diff` against the unchanged workbook: each
ends in a result or in problems, never an exception; JSON stays JSON; a written report opens; a refused
build writes nothing; validate and build agree. The default run (CI) tries a few dozen examples; the
nightly run (`pytest -m nightly tests/hostile/test_hostile_mutations.py`) tries 1.000;
`LKJIP_FUZZ_EXAMPLES=N` sets both (the one knob, tests/conftest.py: fuzz_examples).
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import fuzz_examples
from hostile_util import cli, crashed, leftovers, make_workbook
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.base.problems import errors
from generator.compare.diff import ada_perubahan

CONTRACT_SHEETS = ["Profil", "Kinerja", "Anggaran", "Belanja", "Narasi", "Pegawai", "Rencana_Aksi", "Indeks", "Gambar",
                   "Pengaturan"]
TEXT_CELLS = [("Profil", "B3"), ("Profil", "B18"), ("Kinerja", "C3"), ("Kinerja", "D3"), ("Kinerja", "R3"), ("Kinerja", "A1"),
              ("Anggaran", "D4"), ("Anggaran", "A2"), ("Anggaran", "E1"), ("Narasi", "C2"), ("Narasi", "A2"),
              ("Belanja", "B2"), ("Pegawai", "A2"), ("Rencana_Aksi", "B2"), ("Indeks", "B2"), ("Gambar", "C2"),
              ("Pengaturan", "B2"), ("Profil", "A5")]
OPTIONAL_ROWS = {
    "Belanja": [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 35_000_000, "Realisasi": 32_500_000}],
    "Narasi": [{"Bagian": "latar_belakang", "Judul": "Latar", "Isi": "Paragraf.\n- butir"}],
    "Pegawai": [{"Nama": "Ani", "NIP": "19800101 200501 2 001", "Golongan": "III/a", "Pendidikan": "S1", "Status": "PNS"}],
    "Rencana_Aksi": [{"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan I", "Target Kinerja": 20}],
    "Indeks": [{"Indikator": "Persentase layanan tepat waktu", "Aspek": "Waktu", "Skor Target": 80, "Skor Realisasi": 70, "Bobot": 1}],
    "Gambar": [{"Bagian": "struktur_organisasi", "Berkas": "struktur.png", "Keterangan": "Struktur"}],
}

# ------------------------------------------------------------------ the mutation kinds

# image paths the operating system refuses (or that lead nowhere)
IMAGE_PATHS = ["a" * 300 + ".png", "b/" * 2100 + "c.png", "logo_x0000_.png", "putar.png", "terkunci/logo.png",
               "x_xD800_.png", "../" * 40 + "etc/passwd", "struktur.png", "pipa.png", "folder.png", " ", "😀" * 70 + ".png"]
image_paths = st.tuples(st.sampled_from([("Gambar", "B2"), ("Profil", "B20")]), st.sampled_from(IMAGE_PATHS))

# Excel's _xHHHH_ escapes: controls, NUL, lone surrogates and pairs, non-characters, ordinary letters
escape_code = st.one_of(st.sampled_from([0x0000, 0x0007, 0x0009, 0x000B, 0x001F, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xFFFE, 0xFFFF, 0x0041,
                                         0x005F]),
                        st.integers(0, 0xFFFF))
escape = st.builds(lambda codes, lower: "".join(("_x%04x_" if lower else "_x%04X_") % c for c in codes),
                   st.lists(escape_code, min_size=1, max_size=3), st.booleans())
escaped_text = st.builds(lambda a, e, b: a + e + b, st.sampled_from(["", "Kec ", "Program ", "7.01."]), escape,
                         st.sampled_from(["", " Akhir", "x", "_"]))
escapes = st.tuples(st.sampled_from(TEXT_CELLS), escaped_text, st.sampled_from(["tambah", "ganti"]))


def _collision_names(name: str) -> list[str]:
    return [name.upper() + "_", name.lower(), f" {name}", f"{name} ", name.replace("_", " "), f"_{name}", f"{name}__"]


collisions = st.tuples(st.sampled_from(CONTRACT_SHEETS), st.integers(0, 6), st.booleans(), st.booleans())
# (sheet copied, which colliding name, placed before the real one, the real one renamed away from its exact name)

PROFIL_KEYS = ["instansi", "tahun", "periode_renstra", "kota", "tanggal_laporan", "kepala_nama", "logo", "misi", "bukan_isian"]
PENGATURAN_KEYS = ["skala_predikat", "metode_efisiensi", "desimal", "batas_capaian", "nama_berkas", "skala_kustom"]
key_value = st.one_of(st.none(), st.integers(-5, 3000), st.sampled_from(["", "Kecamatan Lain", "2023", "kustom", "sisa", "2",
                                                                          "Kecamatan Contoh", "x_xD800_", "logo.png"]))
duplicates = st.one_of(st.tuples(st.just("Profil"), st.sampled_from(PROFIL_KEYS), key_value),
                       st.tuples(st.just("Pengaturan"), st.sampled_from(PENGATURAN_KEYS), key_value))

# issue 26: raw cell references outside Excel's sheet (once an abort of the fast reader), and texts that
# Python reads as non-finite numbers (once the agency's name "nan")
FAR_REFS = ["B99999999999", "AAAAAAAAAA2", "ZZZZZZ2", "XFE2", "XFD2", "B1048577", "B1048576", "A0", "$B$2", "7", "b2", "B999999"]
references = st.tuples(st.sampled_from(CONTRACT_SHEETS[:3] + ["Narasi"]), st.sampled_from(FAR_REFS))
NON_FINITE = ["NaN", "nan", "-NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "1e309", "Rp 1e999", "nan%"]
non_finite = st.tuples(st.sampled_from(TEXT_CELLS + [("Profil", "B2"), ("Anggaran", "E4"), ("Kinerja", "H3")]),
                       st.sampled_from(NON_FINITE))

mutation = st.one_of(st.tuples(st.just("gambar"), image_paths), st.tuples(st.just("escape"), escapes),
                     st.tuples(st.just("sheet"), collisions), st.tuples(st.just("kunci"), duplicates),
                     st.tuples(st.just("referensi"), references), st.tuples(st.just("tak-hingga"), non_finite))
mutations = st.lists(mutation, min_size=1, max_size=4)


def _sheet(wb, name: str):
    """The sheet a mutation means: by its exact name, else the first whose name matches as the reader's does."""
    from generator.base.contract import normalize_header

    if name in wb.sheetnames:
        return wb[name]
    return next((ws for ws in wb.worksheets if normalize_header(ws.title) == normalize_header(name)), None)


def _apply(wb, kind: str, what) -> None:
    if kind == "referensi":  # applied to the saved file (`_far_reference`)
        return
    sheet = what[0][0] if kind in ("gambar", "escape", "tak-hingga") else what[0]
    ws = _sheet(wb, sheet)
    if ws is None:
        return
    if kind == "gambar":
        (_sheet_name, ref), path = what
        ws[ref] = path
    elif kind == "escape":
        (_sheet_name, ref), text, how = what
        cell = ws[ref]
        cell.value = (str(cell.value) + text) if how == "tambah" and cell.value is not None else text
    elif kind == "sheet":
        name, which, before, rename_real = what
        real = ws
        if real.title != name:  # renamed by an earlier mutation
            return
        copy = wb.copy_worksheet(real)
        title = _collision_names(name)[which]
        if title in wb.sheetnames or title.strip().lower() in {t.strip().lower() for t in wb.sheetnames}:
            title = name.upper() + "_"
        copy.title = title
        for row in copy.iter_rows(min_row=2):  # the copy holds other figures, so reading it would show
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.value > 100:
                    cell.value = cell.value // 2
        if before:
            wb.move_sheet(copy, offset=wb.sheetnames.index(name) - wb.sheetnames.index(copy.title))
        if rename_real:
            real.title = "sementara"
            real.title = name.lower() + " "
    elif kind == "tak-hingga":
        ws[what[0][1]] = what[1]
    elif kind == "kunci":
        _sheet_name, key, value = what
        ws.append([key, value])


def _far_reference(path: Path, sheet: str, ref: str) -> None:
    """The first cell of row 2 of `sheet` gets the raw reference `ref` in the sheet's XML."""
    import re

    from hostile_util import edit_part

    from generator.read.xlsx import Xlsx

    with Xlsx(path) as book:
        part = next((p for name, p in book.sheets if name == sheet), None)
    if part is not None:
        edit_part(path, part, lambda xml: re.sub(rb'<c r="[A-Z]+2"', b'<c r="' + ref.encode() + b'"', xml, count=1))


def _folder(folder: Path) -> None:
    """What the image paths point at: a picture, a symlink loop, a folder nobody may read, a FIFO, a folder."""
    from PIL import Image

    Image.new("RGB", (40, 30), (0, 90, 160)).save(folder / "struktur.png", "PNG")
    os.symlink("putar.png", folder / "putar.png")
    (folder / "terkunci").mkdir()
    Image.new("RGB", (40, 30), (9, 9, 9)).save(folder / "terkunci" / "logo.png", "PNG")
    (folder / "terkunci").chmod(0)
    os.mkfifo(folder / "pipa.png")
    (folder / "folder.png").mkdir()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutasi")
    wb = make_workbook(folder / "dasar.xlsx", sheets=OPTIONAL_ROWS)
    return _Bytes(wb.read_bytes())


class _Bytes(bytes):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<workbook, {len(self)} bytes>"


def _check(changes, base: bytes, folder: Path) -> None:
    if folder.exists():
        for sub in folder.rglob("*"):
            if sub.is_dir() and not sub.is_symlink():
                sub.chmod(0o755)
        shutil.rmtree(folder)
    folder.mkdir()
    _folder(folder)
    original = folder / "dasar.xlsx"
    original.write_bytes(base)
    wb = openpyxl.load_workbook(io.BytesIO(base))
    for kind, what in changes:
        _apply(wb, kind, what)
    path = folder / "mutasi.xlsx"
    wb.save(path)
    for kind, what in changes:
        if kind == "referensi":
            _far_reference(path, *what)
    before = {p: p.read_bytes() for p in (original, path)}

    res = cli("validate", path, "--format", "json")
    assert crashed(res) is None, crashed(res)
    problems = json.loads(res.output)
    assert res.exit_code in (0, 1) and isinstance(problems, list)
    for p in problems:
        assert p["message"] and p["hint"] and "Traceback" not in p["message"]
    out = folder / "keluaran" / "laporan.docx"
    built = pipeline.build(path, out)  # must not raise
    event("laporan dibuat" if built.ok else "laporan ditolak")
    for kind, _what in changes:
        event(f"mutasi {kind}")
    if built.ok:
        import docx

        docx.Document(str(out))
        assert res.exit_code == 0, problems  # validate said invalid, build wrote a report
    else:
        assert built.problems or built.error
        assert not out.exists()
        assert not (folder / "keluaran").exists() or leftovers(folder / "keluaran") == []
        assert res.exit_code == 1 or built.error, (problems, built.error)
    d, diff_problems = pipeline.diff(original, path)  # must not raise
    if d is not None:
        json.dumps(d)
        assert isinstance(ada_perubahan(d), bool)
    else:
        assert errors(diff_problems)
    assert {p: p.read_bytes() for p in (original, path)} == before  # the input is only read
    (folder / "terkunci").chmod(0o755)


_SETTINGS = dict(deadline=None, derandomize=False, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])


@settings(max_examples=fuzz_examples(25), **_SETTINGS)
@given(changes=mutations)
def test_issue12_mutations_never_crash(changes, base, tmp_path):
    _check(changes, base, tmp_path / "f")


@pytest.mark.nightly
@settings(max_examples=fuzz_examples(40, nightly=True), **_SETTINGS)
@given(changes=mutations)
def test_issue12_mutations_never_crash_nightly(changes, base, tmp_path):
    _check(changes, base, tmp_path / "f")
