"""Stopping lkjip stops everything it started (issue 12, points 6 and 7): batch workers end with the
batch (Ctrl+C, SIGTERM, even SIGKILL of the batch process), the batch says which reports were
written, and a LibreOffice that does not finish is killed with its whole process group.

Real processes and real signals; the tests wait for events (lines on stderr, processes ending) with
generous deadlines, and never assert how long anything took.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from factory import make_workbook
from hostile_util import ROOT

# The real program, with a build that hangs for every workbook but the first (in the worker processes,
# which inherit the patch): each worker prints "MULAI <pid> <workbook>" when it takes a workbook,
# "DITULIS <workbook>" after a real build, "MENGGANTUNG <pid>" before hanging.
HANGING_BATCH = """
import os, sys, time
import generator.pipeline as pipeline
real_build = pipeline.build
def build(workbook, *args, **kwargs):
    sys.stderr.write(f"MULAI {os.getpid()} {workbook}\\n"); sys.stderr.flush()
    if not str(workbook).endswith("wb0.xlsx"):
        sys.stderr.write(f"MENGGANTUNG {os.getpid()}\\n"); sys.stderr.flush()
        time.sleep(120)
    res = real_build(workbook, *args, **kwargs)
    sys.stderr.write(f"DITULIS {workbook}\\n"); sys.stderr.flush()
    return res
pipeline.build = build
from generator.cli import run
sys.argv = ["lkjip"] + sys.argv[1:]
run()
"""


def _workbooks(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    return [make_workbook(folder / f"wb{i}.xlsx", profil={"instansi": f"Kecamatan Nomor {i}"}) for i in range(n)]


def _wait_for(proc: subprocess.Popen, seen: list[str], pattern: str, count: int = 1) -> None:
    """Read stderr lines into `seen` until `count` lines match `pattern`."""
    while sum(1 for line in seen if re.match(pattern, line)) < count:
        line = proc.stderr.readline()
        assert line, "program ended early:\n" + "".join(seen)
        seen.append(line)


def _gone(pids: list[int], deadline: float = 60) -> list[int]:
    """The pids still running (not zombies) after waiting up to `deadline` seconds for them to end."""
    procs = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    end = time.monotonic() + deadline
    alive = procs
    while alive and time.monotonic() < end:
        alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        time.sleep(0.2)
    return [p.pid for p in alive]


def _start_batch(tmp_path: Path, n: int = 4) -> tuple[subprocess.Popen, Path, list[str], list[int]]:
    wbs = _workbooks(tmp_path / "wb", n)
    out = tmp_path / "hasil"
    proc = subprocess.Popen([sys.executable, "-c", HANGING_BATCH, "build", *map(str, wbs), "--out-dir", str(out),
                             "--jobs", "2"], cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    _wait_for(proc, seen, r"DITULIS .*wb0\.xlsx")  # one report written ...
    _wait_for(proc, seen, r"MENGGANTUNG", count=2)  # ... and both workers busy with the next ones
    # the two running workers (each workbook has a process of its own: wb0's has ended)
    workers = sorted({int(m.group(1)) for line in seen if (m := re.match(r"MENGGANTUNG (\d+)", line))})
    assert len(workers) == 2 and proc.pid not in workers
    return proc, out, seen, workers


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupted_batch_stops_its_workers_and_says_what_was_written(sig, tmp_path):
    proc, out, seen, workers = _start_batch(tmp_path)
    os.kill(proc.pid, sig)
    # before: the batch waited for its workers (2 minutes here) and the workers went on building
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig
    assert _gone(workers) == []
    # a stopped worker does not take the next workbook (before: SIGTERM only failed its current task)
    assert sum(line.startswith("MULAI") for line in seen + stderr.splitlines()) == 3
    assert f"OK     {tmp_path / 'wb' / 'wb0.xlsx'} -> {out / 'LKjIP-Kecamatan-Nomor-0-2024.docx'}" in stdout
    said = re.search(r"Dihentikan: (\d+) laporan sudah ditulis \((.*?)\); (\d+) workbook belum dibuat laporannya", stderr)
    assert said, stderr
    assert said.group(1) == "1" and said.group(3) == "3"
    assert sorted(p.name for p in out.iterdir()) == ["LKjIP-Kecamatan-Nomor-0-2024.docx"]  # no .tmp left


def test_killed_batch_process_takes_its_workers_with_it(tmp_path):
    proc, out, _seen, workers = _start_batch(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    _stdout, stderr = proc.communicate(timeout=300)  # ends when the workers (holding stderr) end
    # before: orphaned workers slept on, then built and wrote the remaining reports
    assert _gone(workers) == []
    assert sum(line.startswith("MULAI") for line in _seen + stderr.splitlines()) == 3
    assert sorted(p.name for p in out.iterdir()) == ["LKjIP-Kecamatan-Nomor-0-2024.docx"]


def test_a_worker_that_dies_fails_its_workbooks_with_a_message(tmp_path):
    proc, out, seen, workers = _start_batch(tmp_path)
    for pid in workers:
        os.kill(pid, signal.SIGKILL)  # e.g. the kernel's out-of-memory killer
    # the batch goes on: the last workbook starts in a new worker (which hangs too, and is killed as well)
    _wait_for(proc, seen, r"MENGGANTUNG", count=3)
    third = [int(m.group(1)) for line in seen if (m := re.match(r"MENGGANTUNG (\d+)", line))][-1]
    assert third not in workers
    os.kill(third, signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1 and "Traceback" not in stderr
    assert stderr.count("dihentikan paksa oleh sistem (biasanya karena memori habis)") == 3
    assert f"lkjip build {tmp_path / 'wb' / 'wb3.xlsx'}" in stderr  # advice naming the workbook to retry alone
    assert stdout.splitlines()[-1] == "1 laporan dibuat, 3 gagal."


# The real program, with a build that aborts the process (as a C library's abort() would) for wb1 only.
ABORTING_BATCH = """
import os, sys
import generator.pipeline as pipeline
real_build = pipeline.build
def build(workbook, *args, **kwargs):
    if str(workbook).endswith("wb1.xlsx"):
        os.abort()
    return real_build(workbook, *args, **kwargs)
pipeline.build = build
from generator.cli import run
sys.argv = ["lkjip"] + sys.argv[1:]
run()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_aborting_workbook_fails_alone_and_the_batch_goes_on(jobs, tmp_path):
    """Issue 26.2: an abort in one worker once broke the process pool: every pending workbook failed
    ("0 laporan dibuat, 10 gagal"), also with --jobs 1, with the advice "Coba lagi dengan --jobs 1"."""
    wbs = _workbooks(tmp_path / "wb", 4)
    out = tmp_path / "hasil"
    res = subprocess.run([sys.executable, "-c", ABORTING_BATCH, "build", str(tmp_path / "wb"), "--out-dir", str(out),
                          "--jobs", jobs], cwd=str(ROOT), capture_output=True, text=True, timeout=300)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stdout.splitlines()[-1] == "3 laporan dibuat, 1 gagal."
    assert sorted(p.name for p in out.iterdir()) == [f"LKjIP-Kecamatan-Nomor-{i}-2024.docx" for i in (0, 2, 3)]
    failed = [line for line in res.stderr.splitlines() if line.startswith("GAGAL")]
    assert failed == [f"GAGAL  {wbs[1]}: proses pekerja berhenti mendadak saat membaca atau menulis workbook ini (sinyal "
                      f"SIGABRT); laporan tidak dibuat. Periksa workbook ini sendiri: lkjip validate {wbs[1]}; bila berhenti "
                      "lagi, buka di Excel lalu simpan ulang sebagai .xlsx, dan laporkan bersama workbook-nya bila tetap terjadi."]
    assert "--jobs 1" not in res.stderr


# A LibreOffice that never answers: the `soffice` wrapper starts a child (like oosplash -> soffice.bin)
# and both hang. Their pids are written to a file.
FAKE_SOFFICE = """#!/bin/sh
sleep 300 &
echo "$$ $!" >> "{pids}"
wait
"""


def test_pdf_timeout_kills_the_whole_libreoffice_process_group(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "pids.txt"
    fake = bin_dir / "soffice"
    fake.write_text(FAKE_SOFFICE.format(pids=pids))
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "LKJIP_PDF_BATAS_DETIK": "3"}
    wb = make_workbook(tmp_path / "wb.xlsx")
    out = tmp_path / "laporan.docx"
    res = subprocess.run([sys.executable, "-m", "generator.cli", "build", str(wb), "--out", str(out), "--pdf"],
                         cwd=str(ROOT), env=env, capture_output=True, text=True, timeout=180)
    # exit 3: the .docx is written and said so, the PDF is not
    assert res.returncode == 3, res.stderr
    assert f"Laporan ditulis: {out}" in res.stdout and out.exists() and not out.with_suffix(".pdf").exists()
    assert "LibreOffice tidak selesai dalam 3 detik dan dihentikan" in res.stderr
    assert "laporan .docx tetap ditulis" in res.stderr
    assert "PDF: LibreOffice dijalankan (batas 3 dtk)" in res.stderr  # progress, on stderr
    started = [int(x) for x in pids.read_text().split()]
    assert len(started) >= 2
    # before: only the wrapper was killed; its child (soffice.bin) stayed
    assert _gone(started) == []


def test_stale_libreoffice_profiles_of_dead_runs_are_removed(tmp_path):
    from generator.write.pdf import clean_stale_profiles

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"lkjip-lo-{dead.stdout.strip()}-abc"
    (stale / "profile").mkdir(parents=True)
    mine = tmp_path / f"lkjip-lo-{os.getpid()}-def"
    mine.mkdir()
    other = tmp_path / "lain-lo-1"
    other.mkdir()
    assert clean_stale_profiles(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, other.name])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_pdf_progress_lines_go_to_stderr(tmp_path):
    wb = make_workbook(tmp_path / "wb.xlsx")
    out = tmp_path / "laporan.docx"
    res = subprocess.run([sys.executable, "-m", "generator.cli", "build", str(wb), "--out", str(out), "--pdf"],
                         cwd=str(ROOT), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert "PDF: LibreOffice dijalankan" in res.stderr and "PDF:" not in res.stdout
    assert f"PDF ditulis: {out.with_suffix('.pdf')}" in res.stdout


# The real program, with a build that swallows the stop (as a library's `except BaseException`, or a
# finalizer in which the exception is "ignored", would) and then goes on to build: "SLUK <pid>" when it
# waits, "LANJUT <pid>" when it goes on after swallowing the stop.
SWALLOWING = """
import os, sys, time
import generator.pipeline as pipeline
real_build = pipeline.build
def build(workbook, *args, **kwargs):
    if not str(workbook).endswith("wb0.xlsx"):
        try:
            sys.stderr.write(f"SLUK {os.getpid()}\\n"); sys.stderr.flush()
            time.sleep(60)
        except BaseException:
            sys.stderr.write(f"LANJUT {os.getpid()}\\n"); sys.stderr.flush()
    return real_build(workbook, *args, **kwargs)
pipeline.build = build
from generator.cli import run
sys.argv = ["lkjip"] + sys.argv[1:]
run()
"""


def test_killed_batch_leaves_no_worker_writing_even_when_the_stop_is_swallowed(tmp_path):
    """Issue 26.3: after `kill -9` of a batch a worker lived on and wrote its report (6 of 33 tries).
    Now the stop is a flag too: whatever swallows the exception, nothing is renamed into place after it."""
    wbs = _workbooks(tmp_path / "wb", 3)
    out = tmp_path / "hasil"
    proc = subprocess.Popen([sys.executable, "-c", SWALLOWING, "build", *map(str, wbs), "--out-dir", str(out), "--jobs", "2"],
                            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    _wait_for(proc, seen, r"SLUK", count=2)
    workers = [int(line.split()[1]) for line in seen if line.startswith("SLUK")]
    os.kill(proc.pid, signal.SIGKILL)
    _stdout, stderr = proc.communicate(timeout=120)
    assert _gone(workers) == []
    assert stderr.count("LANJUT") == 2, stderr  # both workers swallowed the stop and went on building ...
    # ... and wrote nothing, not even a .tmp: only wb0's report, written before the kill
    assert sorted(p.name for p in out.iterdir()) == ["LKjIP-Kecamatan-Nomor-0-2024.docx"]


def test_sigterm_of_a_single_build_is_honoured_and_said(tmp_path):
    """Issue 26.3/9: a SIGTERM lost inside a library once let the build finish with exit 0; SIGTERM printed nothing."""
    wb = _workbooks(tmp_path / "wb", 2)[1]
    out = tmp_path / "laporan.docx"
    proc = subprocess.Popen([sys.executable, "-c", SWALLOWING, "build", str(wb), "--out", str(out)], cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    _wait_for(proc, seen, r"SLUK")
    os.kill(proc.pid, signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143 and "LANJUT" in stderr
    assert "Dihentikan (SIGTERM): tidak ada berkas yang ditulis; berkas lama (bila ada) tetap utuh." in stderr
    assert "Laporan ditulis" not in stdout and sorted(p.name for p in tmp_path.iterdir()) == ["wb"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_sigterm_during_pdf_leaves_no_libreoffice_lock_or_temp_and_says_what_was_written(tmp_path):
    """Issue 26.9: a stop while LibreOffice worked left `.~lock.<report>.docx#` in the output folder and
    ~1 MB `lu*.tmp` in the temporary folder; the report (already written) was said "not written"."""
    system_tmp = tmp_path / "tmp"  # the temporary folder of this run alone (other programs use /tmp too)
    system_tmp.mkdir()
    wb = make_workbook(tmp_path / "wb.xlsx")
    out = tmp_path / "keluaran" / "laporan.docx"
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", str(wb), "--out", str(out), "--pdf"],
                            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(system_tmp)})
    end = time.monotonic() + 120
    while not list(system_tmp.glob(f"lkjip-lo-{proc.pid}-*/dok/.~lock.laporan.docx#")):  # LibreOffice has it open
        assert proc.poll() is None and time.monotonic() < end, "LibreOffice never opened the report"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGTERM)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert f"Dihentikan (SIGTERM). Sudah ditulis sebelum penghentian: {out}. Tidak ada berkas yang setengah ditulis." in stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["laporan.docx"]  # no lock file, no PDF, no .tmp
    assert sorted(p.name for p in system_tmp.iterdir()) == []  # no lu*.tmp, no LibreOffice profile


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_while_the_program_is_still_starting_is_quiet_and_honest(sig):
    """Issue 26.3: a Ctrl+C while lkjip was importing gave a Python traceback (or, in the handler's own lazy
    import, an English ImportError); the program's module now stops quietly from its first lines."""
    code = ("import os, signal, sys, time\nsys.argv = ['lkjip', 'validate', 'x.xlsx']\nimport generator.cli\n"
            f"os.kill(os.getpid(), {int(sig)})\ntime.sleep(30)\nprint('tidak berhenti')\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True, timeout=60)
    how = "Ctrl+C" if sig == signal.SIGINT else "SIGTERM"
    assert res.returncode == 128 + sig and res.stdout == ""
    assert res.stderr.strip() == f"Dihentikan ({how}): tidak ada berkas yang ditulis."
