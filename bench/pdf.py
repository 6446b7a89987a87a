"""PDF speed (issue 25.10): one LibreOffice for many documents, before and after, in one run.

    python bench/pdf.py [--repeat 3] [--before REF] [--reports 10] [--no-serial]

Two cases, each a fresh `lkjip` process (process start and imports included), wall time in seconds:

- `build <Alok> --perbarui-daftar --pdf` (one report: page numbers stored in the .docx, and the PDF);
- `build <folder> --pdf` on a folder of N Alok-sized reports (bench/kabupaten_contoh.make_many),
  with the batch's default number of workers (one per core), and with `--jobs 1` (one report after
  the other: what each report costs, without the cores' parallelism).

"before" is the code of REF (default: where this branch left main, `git merge-base HEAD main`),
exported with `git archive` to a temporary folder and run from there: one LibreOffice per report.
"after" is this checkout. Runs are interleaved (before, after, before, after, ...), so a busy
moment of the machine hits both alike; medians and min-max are printed. Needs LibreOffice with
python3-uno and git; prints why and exits 0 without them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator.write.pdf import soffice, uno_python  # noqa: E402

ALOK = ROOT / "workbooks" / "kecamatan-alok-2024.xlsx"


def export(ref: str, into: Path) -> Path:
    """The tree of `ref` (git archive) in `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref], capture_output=True, check=True).stdout
    import io

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def lkjip(code: Path, args: list[str]) -> float:
    """Seconds of one `python -m generator.cli ...` run with the package of `code`; fails loudly."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=code, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if res.returncode != 0:
        raise SystemExit(f"{code}: lkjip {' '.join(args)} -> {res.returncode}\n{res.stderr[-2000:]}")
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", default=None, help="git ref of the code before (default: git merge-base HEAD main)")
    ap.add_argument("--reports", type=int, default=10, help="reports in the batch case")
    ap.add_argument("--no-serial", action="store_true", help="leave out the --jobs 1 case")
    args = ap.parse_args()
    if not soffice() or not uno_python():
        print("LibreOffice dengan python3-uno tidak ada: bench PDF dilewati.")
        return
    ref = args.before or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True,
                                        text=True, check=True).stdout.strip()
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    from kabupaten_contoh import make_many

    with tempfile.TemporaryDirectory(prefix="lkjip-bench-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        codes = {"before": export(ref, tmp / "before"), "after": ROOT}
        folder = tmp / "laporan"
        make_many(folder, args.reports)
        runs: dict[tuple[str, str], list[float]] = {}
        single = "Alok --perbarui-daftar --pdf"
        batch = f"batch of {args.reports} --pdf"
        serial = f"batch of {args.reports} --pdf --jobs 1"
        for i in range(args.repeat):
            for name, code in codes.items():
                out = tmp / f"out-{name}-{i}"
                runs.setdefault((single, name), []).append(
                    lkjip(code, ["build", str(ALOK), "--out", str(out / "alok.docx"), "--perbarui-daftar", "--pdf"]))
                runs.setdefault((batch, name), []).append(lkjip(code, ["build", str(folder), "--out-dir", str(out), "--pdf"]))
                assert len(list(out.glob("*.pdf"))) == args.reports + 1, f"{name}: PDFs missing in {out}"
                if not args.no_serial:
                    runs.setdefault((serial, name), []).append(
                        lkjip(code, ["build", str(folder), "--out-dir", str(out / "serial"), "--pdf", "--jobs", "1"]))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"before = {ref[:10]}, after = {head[:10]} (this checkout); {args.repeat} runs each, interleaved; "
          f"{os.cpu_count()} cores, load average at the end {load:.1f}")
    print(f"{'case':40} {'code':7} {'median':>7}  min-max")
    for case in (single, batch) if args.no_serial else (single, batch, serial):
        medians = {}
        for name in codes:
            xs = runs[(case, name)]
            medians[name] = statistics.median(xs)
            print(f"{case:40} {name:7} {medians[name]:6.2f}s  {min(xs):.2f}-{max(xs):.2f}")
        print(f"{'':40} before/after {medians['before'] / medians['after']:.2f}x")


if __name__ == "__main__":
    main()
