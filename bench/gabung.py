"""Benchmark of `lkjip gabung`: N Alok-sized OPD workbooks of one kabupaten into one recap.

Run:  python bench/gabung.py                 (100 and 500 workbooks)
      python bench/gabung.py --jumlah 20     (a quick look)

The workbooks come from bench/kabupaten_contoh.py (`make_many`: the Alok example with its own
instansi and kode per copy; 119 budget lines, 10 indicators each). Every run is a fresh process
through the real command (`python -m generator.cli gabung`), so start-up, imports and the worker
processes are included. Peak memory: the largest resident set of the command and of each of its
worker processes (wait4 of the command, RUSAGE_CHILDREN inside it is not visible from here, so
the command's own figure is reported and the workers' through /proc while it runs).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _tree_rss(pid: int) -> int:
    """Resident set (kB) of `pid` and its children now (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        for line in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            pids.append(int(line))
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def run(folder: Path, out: Path) -> tuple[float, float, float, int, str]:
    """(seconds, peak MB of the command itself, peak MB of command + workers, exit code, last stderr line)."""
    cmd = [sys.executable, "-m", "generator.cli", "gabung", str(folder), "--out", str(out)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    done.set()
    watcher.join()
    last = [ln for ln in err.splitlines() if ln.strip()][-1:] or [""]
    return wall, usage.ru_maxrss / 1024, peak[0] / 1024, os.waitstatus_to_exitcode(status), last[0]


def main() -> None:
    from kabupaten_contoh import make_many

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jumlah", type=int, nargs="*", default=[100, 500])
    args = ap.parse_args()
    print(f"# lkjip gabung — {platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    print("| workbook | waktu (dtk) | puncak proses gabung (MB) | puncak gabung + pekerja (MB) | kode keluar | baris terakhir stderr |")
    print("|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-gabung-") as tmp:
        for n in args.jumlah:
            folder = Path(tmp, f"opd-{n}")
            t = time.perf_counter()
            make_many(folder, n)
            made = time.perf_counter() - t
            wall, own, tree, code, last = run(folder, Path(tmp, f"rekap-{n}.xlsx"))
            print(f"| {n} | {wall:.2f} | {own:.0f} | {tree:.0f} | {code} | {last} |  (workbook dibuat dalam {made:.0f} dtk)",
                  flush=True)


if __name__ == "__main__":
    main()
