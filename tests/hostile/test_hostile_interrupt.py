"""Interrupted builds never leave a corrupt report, and a build never touches its input workbook."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hostile_util import ROOT, base_workbook, cli, crashed, workbook  # noqa: F401 (fixtures)

OLD = b"laporan lama yang harus tetap utuh\n" * 100

# Runs the CLI, but pauses inside atomic_write_bytes right after the temporary file is fsynced and before
# os.replace: the one moment where an interruption could matter. Prints IN-WINDOW to stderr when there.
PAUSING_CHILD = """
import os, runpy, sys, time
real_fsync = os.fsync
def paused_fsync(fd):
    real_fsync(fd)
    sys.stderr.write("IN-WINDOW\\n"); sys.stderr.flush()
    time.sleep(60)
os.fsync = paused_fsync
sys.argv = ["lkjip"] + sys.argv[1:]
runpy.run_module("generator.cli", run_name="__main__")
"""


def _start(*args: str, pausing: bool = False) -> subprocess.Popen:
    cmd = [sys.executable, "-c", PAUSING_CHILD] if pausing else [sys.executable, "-m", "generator.cli"]
    return subprocess.Popen([*cmd, *map(str, args)], cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


def _assert_old_or_complete(out: Path) -> str:
    data = out.read_bytes()
    if data == OLD:
        return "lama"
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
    docx.Document(str(out))
    return "baru"


def test_sigkill_at_various_moments_leaves_old_or_complete_report(workbook, tmp_path):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    out = folder / "laporan.docx"
    # how long an uninterrupted build takes here
    out.write_bytes(OLD)
    t = time.perf_counter()
    proc = _start("build", workbook, "--out", out)
    proc.communicate(timeout=120)
    full = time.perf_counter() - t
    assert proc.returncode == 0 and _assert_old_or_complete(out) == "baru"
    outcomes = []
    leftover_seen = []
    for delay in (0.2, 0.5, 0.35 * full, 0.6 * full, 0.85 * full, 0.95 * full, 0.99 * full):  # reading … writing
        out.write_bytes(OLD)
        for stale in _temp_files(folder):
            stale.unlink()
        proc = _start("build", workbook, "--out", out)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        outcomes.append((round(delay, 2), _assert_old_or_complete(out)))
        leftover_seen += _temp_files(folder)
    print(f"\nbuild penuh {full:.2f} s; hasil SIGKILL per jeda: {outcomes}; sisa .tmp: {[p.name for p in leftover_seen]}")
    assert [p for p in folder.iterdir() if p.suffix == ".docx"] == [out]


def test_sigkill_between_temp_write_and_rename_keeps_old_report(workbook, tmp_path):
    """Killed in the write window: the old report is intact. A killed process cannot remove its temporary file:
    it remains as a hidden '.laporan.docx.<pid>@<host>.*.tmp' beside the target until the next successful build
    of the same report removes it."""
    folder = tmp_path / "keluaran"
    folder.mkdir()
    out = folder / "laporan.docx"
    out.write_bytes(OLD)
    proc = _start("build", workbook, "--out", out, pausing=True)
    line = proc.stderr.readline()
    assert b"IN-WINDOW" in line, line + proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert out.read_bytes() == OLD
    temps = _temp_files(folder)
    print(f"\nsisa setelah SIGKILL di jendela tulis: {[p.name for p in temps]}")
    assert all(p.name.startswith(".laporan.docx.") for p in temps)
    assert temps, "SIGKILL in the write window leaves the temporary file"
    # the next build still works, replaces the report and removes what the killed build left (issue 12, point 8)
    res = cli("build", workbook, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    assert _assert_old_or_complete(out) == "baru"
    assert _temp_files(folder) == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_or_term_in_the_write_window_keeps_old_report(sig, workbook, tmp_path):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    out = folder / "laporan.docx"
    out.write_bytes(OLD)
    proc = _start("build", workbook, "--out", out, pausing=True)
    assert b"IN-WINDOW" in proc.stderr.readline()
    os.kill(proc.pid, sig)
    _stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig  # the documented 130 / 143 (Ctrl+C was click's "Aborted!", exit 1)
    # truthful: nothing was written (issue 26.9: SIGTERM printed nothing)
    how = b"Ctrl+C" if sig == signal.SIGINT else b"SIGTERM"
    assert b"Dihentikan (" + how + b"): tidak ada berkas yang ditulis; berkas lama (bila ada) tetap utuh." in stderr
    assert out.read_bytes() == OLD
    assert _temp_files(folder) == [], "a stop removes the temporary file (atomic_write_bytes cleans up on BaseException)"


def test_build_validate_and_context_never_modify_the_workbook(workbook, tmp_path):
    os.utime(workbook, (1_600_000_000, 1_600_000_000))
    before = (workbook.read_bytes(), workbook.stat().st_mtime_ns, sorted(p.name for p in workbook.parent.iterdir()))
    for args in (("validate", workbook), ("context", workbook), ("build", workbook, "--out", tmp_path / "laporan.docx")):
        res = cli(*args)
        assert crashed(res) is None and res.exit_code == 0, res.output
    after = (workbook.read_bytes(), workbook.stat().st_mtime_ns, sorted(p.name for p in workbook.parent.iterdir()))
    assert after == before


def test_output_onto_the_workbook_itself_is_refused(workbook):
    data = workbook.read_bytes()
    res = cli("build", workbook, "--out", workbook)  # .xlsx is no report name: a usage error
    assert crashed(res) is None and res.exit_code == 2
    assert "harus berakhiran .docx" in res.output
    assert workbook.read_bytes() == data
    odd = workbook.rename(workbook.with_suffix(".docx"))  # a workbook whose name ends in .docx
    res = cli("build", odd, "--out", odd)
    assert crashed(res) is None and res.exit_code == 1
    assert "tidak boleh sama" in res.output
    assert odd.read_bytes() == data
    assert [p.name for p in odd.parent.iterdir()] == [odd.name]
