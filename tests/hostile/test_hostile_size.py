"""Size: many budget lines, many indicators, huge cells. Builds or refuses clearly, in sane time and memory.

The figures are printed (run with -s to see them); the bounds are sanity bounds, not benchmarks.
"""

from __future__ import annotations

import time
import zipfile

import pytest
from docx_text import load
from hostile_util import (
    big_workbook,
    cli,
    crashed,
    leftovers,
    make_workbook,
    run_measured,
    set_inline,
    validate_json,
)

MAX_SECONDS = 120
MAX_RSS_MB = 1536


@pytest.mark.nightly  # 10 s; the ordinary run has the linear-growth test below and bench/run.py's 20.000 lines
def test_50k_budget_lines_build_in_bounds(tmp_path):
    t = time.perf_counter()
    wb, n = big_workbook(tmp_path / "anggaran-50rb.xlsx", programs=100, kegiatan=10, sub=49)
    print(f"\n{n} baris anggaran: workbook ditulis dalam {time.perf_counter() - t:.1f} s, {wb.stat().st_size // 1024} KB")
    assert n == 50_100
    out = tmp_path / "keluaran" / "laporan.docx"
    rc, output, seconds, rss = run_measured("build", wb, "--out", out, timeout=MAX_SECONDS)
    print(f"{n} baris anggaran: build {seconds:.1f} s, RSS puncak {rss:.0f} MB, kode {rc}")
    assert rc is not None, f"build did not finish within {MAX_SECONDS} s (killed)"
    assert "Traceback" not in output
    if rc == 0:
        assert "49000 sub kegiatan" in output
        with zipfile.ZipFile(out) as zf:
            assert zf.testzip() is None
        load(out)
    else:
        assert rc == 1 and "laporan tidak dibuat" in output  # refused with a clear message
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB
    assert [p for p in leftovers(tmp_path) if p != out] == []


def test_build_time_grows_linearly_with_budget_lines(tmp_path):
    """A guard against quadratic rendering (it was: 3.208 lines took 27 s)."""
    from generator.pipeline import build

    small, n_small = big_workbook(tmp_path / "kecil.xlsx", programs=1, kegiatan=10, sub=39)
    large, n_large = big_workbook(tmp_path / "besar.xlsx", programs=4, kegiatan=10, sub=39)
    build(small, tmp_path / "pemanasan.docx")  # imports, fonts, template cache
    timings = {}
    for name, path in (("kecil", small), ("besar", large)):
        t = time.perf_counter()
        res = build(path, tmp_path / f"{name}.docx")
        timings[name] = time.perf_counter() - t
        assert res.ok, (res.error, res.problems[:3])
    ratio = timings["besar"] / timings["kecil"]
    print(f"\n{n_small} baris: {timings['kecil']:.2f} s; {n_large} baris: {timings['besar']:.2f} s; rasio {ratio:.1f} "
          f"(linear paling banyak ~{n_large / n_small:.0f})")
    assert ratio < 1.5 * n_large / n_small


def test_500_indicators_build_in_bounds(tmp_path):
    wb, _n = big_workbook(tmp_path / "indikator-500.xlsx", indicators=500)
    out = tmp_path / "laporan.docx"
    rc, output, seconds, rss = run_measured("build", wb, "--out", out, timeout=MAX_SECONDS)
    print(f"\n503 indikator: build {seconds:.1f} s, RSS puncak {rss:.0f} MB, kode {rc}")
    assert rc == 0, output[-3000:]
    assert "503 indikator" in output
    assert seconds < MAX_SECONDS and rss < MAX_RSS_MB
    doc = load(out)
    assert len(doc.tables) > 5


@pytest.mark.parametrize("sheet, ref, rows", [
    ("Narasi", "C2", {"Narasi": [{"Bagian": "latar_belakang", "Isi": "x"}]}),
    ("Kinerja", "C3", None),   # Uraian
    ("Kinerja", "D2", None),   # Indikator
    ("Profil", "B18", None),   # visi
    ("Anggaran", "D2", None),  # Uraian
])
def test_one_megabyte_cell_is_too_long(sheet, ref, rows, tmp_path):
    """1.000.000 characters in one cell (only possible by editing the XML: Excel stops at 32.767)."""
    wb = make_workbook(tmp_path / "panjang.xlsx", sheets=rows)
    set_inline(wb, sheet, ref, b"kata " * 200_000)
    t = time.perf_counter()
    rc, problems = validate_json(wb)
    seconds = time.perf_counter() - t
    assert rc == 1 and seconds < 10
    errors = [p for p in problems if p["severity"] == "error"]
    assert [(p["sheet"], p["cell"], p["code"]) for p in errors] == [(sheet, ref, "teks.terlalu-panjang")]
    assert "1.000.000" in errors[0]["message"] and "32.767" in errors[0]["hint"]
    out = tmp_path / "keluaran" / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 1 and f"{sheet}!{ref}" in res.output
    assert not out.exists() and leftovers(tmp_path) == []


def test_text_at_the_excel_limit_builds(tmp_path):
    text = ("Paragraf panjang tanpa jeda " * 1200)[:32_767]
    word = "x" * 32_767  # one unbreakable "word"
    wb = make_workbook(tmp_path / "batas.xlsx", sheets={"Narasi": [{"Bagian": "latar_belakang", "Isi": text},
                                                                   {"Bagian": "kesimpulan", "Isi": word}]})
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    from docx_text import all_text

    assert word in all_text(load(out))
