"""Fuzzing: random values of random types in random cells of the factory workbook.

The pipeline must end in a written, valid .docx or in problems/an error message: never an exception, never a
half-written file. Numbers stay below 10^15 in magnitude here (what Excel holds exactly); the huge-number
domain has its own test below. The ordinary run tries 60 examples, the nightly run
(`pytest -m nightly`) 1.000; `LKJIP_FUZZ_EXAMPLES=N` sets both (tests/conftest.py: fuzz_examples).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math

import openpyxl
import pytest
from conftest import fuzz_examples
from factory import ANGGARAN, KINERJA
from hostile_util import SHEET_PART, cli, crashed, leftovers, make_workbook, validate_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import build

SHEETS = list(SHEET_PART)
WEIGHTED_SHEETS = ["Profil", "Kinerja", "Kinerja", "Anggaran", "Anggaran", "Narasi", "Gambar", "Pengaturan", "Belanja",
                   "Pegawai", "Rencana_Aksi", "Indeks", "Petunjuk"]

INTERESTING_TEXT = [
    "", " ", "\u00a0", "-", "Rp -", "0", "-0", "1.234.567,89", "1,234,567.89", "6.5025.000", "Rp 5.000.000,-", "85%",
    "(1.000)", "12 laporan", "1e309", "NaN", "inf", "-inf", "nan", "Infinity", "1e999", "-1e999", "Ya", "Tidak", "Tujuan", "Sasaran", "Program", "Kegiatan",
    "Sub Kegiatan", "Positif", "Negatif", "AA", "BB", "WTP", "Belum ada penilaian", "#REF!", "#DIV/0!", "=1/0",
    "=SUM(E2:E8)", "=HYPERLINK(\"http://127.0.0.1\")", "+1", "@SUM(1)", "{{ 7*7 }}", "{% if %}", "<w:p>", "../../etc/passwd",
    "/etc/passwd", "logo.png", "2024", "2024-2026", "2026-2024", "30/02/2025", "kustom", "91=Sangat Tinggi; 0=Rendah",
    "permendagri86", "struktur_organisasi", "latar_belakang", "7.01.01", "7.01.01.2.01.0001", "S1", "III/a", "Pembina (IV/a)",
    "19770321 199602 1 001", "😀", "\u202e", "a\nb\n\n- c\n1. d",
]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40) | st.sampled_from(INTERESTING_TEXT)
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**15, max_value=10**15),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.1 + 0.2, 1e-300, -0.0, 5e-324]),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 12, 31)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 12, 31)),
    text,
)
cells = st.tuples(st.sampled_from(WEIGHTED_SHEETS), st.integers(1, 12), st.integers(1, 16))
mutations = st.lists(st.tuples(cells, values), min_size=1, max_size=6)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """One loaded factory workbook for all examples: each example's changes are undone afterwards
    (reloading it per example would double the run time; a deepcopy corrupts openpyxl's style tables)."""
    data = make_workbook(tmp_path_factory.mktemp("fuzz") / "dasar.xlsx").read_bytes()
    return openpyxl.load_workbook(io.BytesIO(data))


def _write(wb, sheet: str, row: int, col: int, value, undo: list) -> None:
    ws = wb[sheet]
    existed = (row, col) in ws._cells
    cell = ws.cell(row=row, column=col)
    undo.append((ws, row, col, existed, cell.value, copy.copy(cell._style), cell.data_type))
    try:
        cell.value = value
    except (ValueError, TypeError):  # openpyxl refuses it (illegal characters, nan it cannot store...)
        cell.value = str(value)


def _undo(undo: list) -> None:
    for ws, row, col, existed, value, style, data_type in reversed(undo):
        if not existed:
            ws._cells.pop((row, col), None)
            continue
        cell = ws._cells[(row, col)]
        cell._value, cell.data_type, cell._style = value, data_type, style


_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@settings(max_examples=fuzz_examples(30), **_SETTINGS)
@given(changes=mutations)
def test_random_cells_never_crash_the_pipeline(changes, base, tmp_path):
    _random_cells(changes, base, tmp_path)


@pytest.mark.nightly
@settings(max_examples=fuzz_examples(60, nightly=True), **_SETTINGS)
@given(changes=mutations)
def test_random_cells_never_crash_the_pipeline_nightly(changes, base, tmp_path):
    _random_cells(changes, base, tmp_path)


def _random_cells(changes, base, tmp_path) -> None:
    wb, undo = base, []
    try:
        for (sheet, row, col), value in changes:
            _write(wb, sheet, row, col, value, undo)
        folder = tmp_path / "f"
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        path = folder / "acak.xlsx"
        wb.save(path)
    finally:
        _undo(undo)
    out = folder / "laporan.docx"
    res = build(path, out)  # must not raise
    if res.ok:
        assert out.exists() and res.output == out
        import docx

        docx.Document(str(out))
    else:
        assert res.problems or res.error
        assert not out.exists()
    assert [p for p in leftovers(folder) if p != out] == []



@pytest.mark.parametrize("where", ["pagu", "target"])
@pytest.mark.parametrize("value", [10**26, 10**30, 1e300], ids=["1e26", "1e30", "1e300-float"])
def test_huge_numbers_are_a_problem_or_print(value, where, tmp_path):
    ang = [dict(r) for r in ANGGARAN]
    kin = [dict(r) for r in KINERJA]
    if where == "pagu":
        ang[2]["Pagu"] = ang[2]["Realisasi"] = value
    else:
        kin[1]["Target 2024"] = kin[1]["Realisasi 2024"] = value
    wb = make_workbook(tmp_path / "besar.xlsx", anggaran=ang, kinerja=kin)
    rc, problems = validate_json(wb)
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None
    if rc == 0:
        assert res.exit_code == 0 and out.exists(), f"validate said valid, build failed: {res.output!r}"
    else:
        assert res.exit_code == 1 and "laporan tidak dibuat" in res.output


def test_numbers_at_the_edge_of_excel_precision_print(tmp_path):
    """10^15 (Excel's exact-integer range) builds and prints."""
    ang = [dict(r) for r in ANGGARAN]
    ang[2]["Pagu"] = ang[2]["Realisasi"] = 10**15
    wb = make_workbook(tmp_path / "tepi.xlsx", anggaran=ang)
    res = cli("build", wb, "--out", tmp_path / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 0, res.output
    assert "Rp1.000.000.025.000.000" in res.output


def test_undo_restores_the_base_workbook(base, tmp_path):
    """The fuzz test's undo is exact: after changes and undo the saved sheets are byte-identical."""
    import zipfile

    base.save(tmp_path / "sebelum.xlsx")
    undo: list = []
    for sheet, row, col, value in (("Anggaran", 4, 5, dt.datetime(2024, 1, 1)), ("Profil", 3, 2, None),
                                   ("Gambar", 12, 16, "baru"), ("Kinerja", 2, 1, 3.5), ("Petunjuk", 1, 1, True)):
        _write(base, sheet, row, col, value, undo)
    _undo(undo)
    base.save(tmp_path / "sesudah.xlsx")
    with zipfile.ZipFile(tmp_path / "sebelum.xlsx") as a, zipfile.ZipFile(tmp_path / "sesudah.xlsx") as b:
        for name in a.namelist():
            # the sheets: openpyxl's style table only grows (a date written once keeps its number format
            # registered), so styles.xml depends on what earlier examples wrote, never the cells
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert a.read(name) == b.read(name), name
