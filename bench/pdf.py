"""PDF speed (issue 25.10): `--perbarui-daftar --pdf` in one LibreOffice load vs the two loads it took before.

    python bench/pdf.py [--repeat 3] [WORKBOOK]

"before" replays the old path in this same run: the page numbers from one LibreOffice load
(`daftar_halaman`), the .docx re-rendered, then a second load for the PDF. "after" is
`lkjip build --perbarui-daftar --pdf` as it is now. Medians and min-max of wall time in seconds.
Needs LibreOffice with python3-uno; prints why and exits 0 without it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build, build_context, render_docx  # noqa: E402
from generator.output import atomic_write_bytes  # noqa: E402
from generator.pdf import daftar_halaman, to_pdf, uno_python  # noqa: E402


def before(workbook: Path, tmp: Path) -> float:
    t = time.perf_counter()
    res = build(workbook, tmp / "before.docx")
    assert res.output and res.hasil, res.error or res.problems
    ctx = build_context(res.hasil)
    atomic_write_bytes(res.output, render_docx(ctx, None, daftar_halaman(res.output)))
    to_pdf(res.output)
    return time.perf_counter() - t


def after(workbook: Path, tmp: Path) -> float:
    t = time.perf_counter()
    res = build(workbook, tmp / "after.docx", perbarui_daftar=True, pdf=True)
    assert res.output and res.pdf and not res.pdf_error, res.pdf_error or res.error
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workbook", nargs="?", type=Path, default=ROOT / "workbooks" / "kecamatan-alok-2024.xlsx")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not uno_python():
        print("LibreOffice dengan python3-uno tidak ada: bench PDF dilewati.")
        return
    runs: dict[str, list[float]] = {"before (2 loads)": [], "after (1 load)": []}
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-pdf-") as tmp:
        for _ in range(args.repeat):  # interleaved, so a busy moment hits both alike
            runs["before (2 loads)"].append(before(args.workbook, Path(tmp)))
            runs["after (1 load)"].append(after(args.workbook, Path(tmp)))
    print(f"{args.workbook.name}: --perbarui-daftar --pdf, {args.repeat} runs each")
    for name, xs in runs.items():
        print(f"  {name:18} median {statistics.median(xs):5.2f} s  (min {min(xs):.2f}, max {max(xs):.2f})")


if __name__ == "__main__":
    main()
