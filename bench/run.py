"""Benchmark: lkjip build/validate at 100 … 20.000 budget lines against the stock-docxtpl floor.

Run:  python bench/run.py            (all sizes)
      python bench/run.py --quick    (100 lines only; used as a smoke test)
      python bench/run.py --calc --sizes 20000 --sebelum 5507c5d
                                     (issue 25.12: the workbook re-saved by LibreOffice Calc, as staff
                                     files are; the same builds and validates of an older revision,
                                     exported with `git archive`, interleaved in the same run)

Every measurement is a fresh process through the real CLI path (`python -m generator.cli`),
so process start and imports are included. Peak RSS comes from wait4() of that process.
The floor is stock docxtpl rendering the same long table (the full budget realisation,
7 columns) with `{%tr for %}` from a minimal template, also in a fresh process.

Each lkjip figure is the median of `--repeat` runs (5 by default; the floor's of 3, as
it takes 10 s and more at 20.000 rows): these machines vary by ±25 % from one run to the
next. The fastest and slowest run are printed beside each median, and the CPU seconds
(user + system) of every process below the wall times. The package's
bytecode is compiled first, as `pip install` does, so no run pays for compiling.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the tests' workbook helpers

SIZES = (100, 1_000, 10_000, 20_000)
ALOK = ROOT / "workbooks" / "kecamatan-alok-2024.xlsx"


def make_workbook(path: Path, lines: int) -> None:
    """A standard workbook with `lines` budget lines and proportionally many indicators,
    laid out as Excel saves it: text in a shared-strings table, sheets with a <dimension>.

    (openpyxl writes text inline; staff's workbooks come from Excel, so the text is moved
    to shared strings with the tests' `as_excel_saves`.)
    """
    from factory import as_excel_saves
    from openpyxl import Workbook

    from generator.workbook.blank import build_blank

    blank = build_blank(2024, (2024, 2026))
    wb = Workbook()
    wb.remove(wb.active)
    for name in ("Profil", "Kinerja", "Anggaran"):
        ws = wb.create_sheet(name)
        ws.append([c.value for c in blank[name][1]])
    profil = {"pemerintah": "Pemerintah Kabupaten Uji", "instansi": "Dinas Uji Kinerja", "tahun": 2024,
              "periode_renstra": "2024-2026", "kota": "Kotaraya", "tanggal_laporan": dt.date(2025, 1, 30),
              "kepala_nama": "Kepala Dinas", "kepala_jabatan": "Kepala Dinas Uji", "atasan_nama": "Bupati",
              "atasan_jabatan": "Bupati Uji", "kepala_nip": "198509212004121001"}
    ws_p, ws_k, ws_a = wb.worksheets
    for k, v in profil.items():
        ws_p.append([k, v])
    n_ind = max(4, lines // 50)
    n_sas = max(2, n_ind // 2)
    khead = [c.value for c in blank["Kinerja"][1]]
    ws_k.append(_row(khead, {"Level": "Tujuan", "Kode": "T1", "Uraian": "Meningkatnya kinerja pelayanan", "Indikator": "IKM",
                             "Satuan": "indeks", "Target 2024": 80, "Realisasi 2024": 82, "Realisasi 2023": 79}))
    for s in range(n_sas):
        for i in range(2):
            ws_k.append(_row(khead, {"Level": "Sasaran", "Kode": f"S{s + 1}" if i == 0 else None,
                                     "Uraian": f"Sasaran strategis nomor {s + 1}" if i == 0 else None,
                                     "Indikator": f"Indikator {s + 1}.{i + 1}", "Satuan": "%", "IKU": "Ya", "PK": "Ya",
                                     "Target 2024": 80 + i, "Target 2025": 85, "Target 2026": 90,
                                     "Realisasi 2023": 70 + (s % 9), "Realisasi 2024": 60 + (s * 7 + i * 3) % 40,
                                     "Analisis": "Analisis singkat capaian.", "Solusi": "Solusi yang dilakukan."}))
    ahead = [c.value for c in blank["Anggaran"][1]]
    written, p = 0, 0
    while written < lines:
        p += 1
        unit = f"Unit {(p - 1) // 20 + 1}"
        kode_p = f"7.01.{p:02d}" if p < 100 else f"7.{p // 100:02d}.{p % 100:02d}"
        ws_a.append(_row(ahead, {"Unit": unit, "Kode": kode_p, "Uraian": f"Program nomor {p}", "Sasaran": f"S{(p - 1) % n_sas + 1}"}))
        written += 1
        for k in range(1, 5):
            if written >= lines:
                break
            ws_a.append(_row(ahead, {"Kode": f"{kode_p}.2.{k:02d}", "Uraian": f"Kegiatan {p}.{k}"}))
            written += 1
            for s in range(1, 11):
                if written >= lines:
                    break
                pagu = 1_000_000 + (p * 7919 + k * 104_729 + s * 1_299_709) % 50_000_000
                ws_a.append(_row(ahead, {"Kode": f"{kode_p}.2.{k:02d}.{s:04d}", "Uraian": f"Sub kegiatan {p}.{k}.{s} penyediaan layanan",
                                         "Pagu": pagu, "Realisasi": pagu * (85 + (s * 3) % 15) // 100}))
                written += 1
    wb.save(path)
    as_excel_saves(path)


def _row(headers: list, values: dict) -> list:
    return [values.get(h) for h in headers]


REPEAT = 5
FLOOR_REPEAT = 3


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, int, str, float]:
    """(wall seconds, peak RSS MB, exit code, stderr, CPU seconds) of a fresh process.

    CPU is user + system time from wait4(): on a shared machine it varies less than wall time
    (a run that waits for a busy core is slower on the clock, not on the CPU), so both are reported.
    """
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), err, usage.ru_utime + usage.ru_stime


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def run(cmd: list[str], cwd: Path, repeat: int | None = None) -> tuple[float, float, int, str, list[float], list[float]]:
    """The median of `repeat` runs (REPEAT): (wall s, peak RSS MB, exit code, stderr, every wall time, every CPU time)."""
    runs = sorted((run_once(cmd, cwd) for _ in range(repeat or REPEAT)), key=lambda r: r[0])
    wall, rss, code, err, _cpu = runs[len(runs) // 2]
    if any(r[2] != code for r in runs):
        code = next(r[2] for r in runs if r[2])
    return wall, rss, code, err, [r[0] for r in runs], [r[4] for r in runs]


FLOOR_SCRIPT = r'''
import sys, json
from docx import Document
from docxtpl import DocxTemplate
rows = json.load(open(sys.argv[1]))
doc = Document()
t = doc.add_table(rows=3, cols=7)
heads = ["No", "Kode", "Uraian", "Anggaran", "Realisasi", "Sisa", "%"]
for c, h in zip(t.rows[0].cells, heads):
    c.text = h
t.rows[1].cells[0].text = "{%tr for r in rows %}"
for i, c in enumerate(t.rows[2].cells):
    c.text = "{{ r[%d] }}" % i
r3 = t.add_row()
r3.cells[0].text = "{%tr endfor %}"
doc.save(sys.argv[2])
tpl = DocxTemplate(sys.argv[2])
tpl.render({"rows": rows})
tpl.save(sys.argv[3])
'''


def floor(rows_json: Path, tmp: Path) -> tuple[float, float, list[float], list[float]]:
    script = tmp / "floor.py"
    script.write_text(FLOOR_SCRIPT)
    wall, rss, code, err, walls, cpus = run([sys.executable, str(script), str(rows_json), str(tmp / "floor-tpl.docx"), str(tmp / "floor.docx")], tmp,
                                      repeat=min(REPEAT, FLOOR_REPEAT))
    if code:
        raise SystemExit(f"floor failed: {err[-500:]}")
    return wall, rss, walls, cpus


def calc_resave(workbook: Path, tmp: Path) -> None:
    """The workbook as LibreOffice Calc saves it (staff open and save the template there); in place."""
    from generator import soffice

    office = soffice()
    if office is None:
        raise SystemExit("--calc: LibreOffice (soffice) is not installed")
    out = tmp / "calc"
    out.mkdir(exist_ok=True)
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp}/calc-profil", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(workbook)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    (out / workbook.name).replace(workbook)


def other_checkout(rev: str, tmp: Path) -> Path:
    """Revision `rev` of this repository as files (git archive), its bytecode compiled."""
    dest = tmp / f"rev-{rev}"
    dest.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    compileall.compile_dir(str(dest / "generator"), quiet=1)
    return dest


def table_rows(workbook: Path) -> list[list[str]]:
    """The rows lkjip prints in its long budget table, as the floor's input."""
    from generator.pipeline import check
    from generator.report.context import build_context

    _lap, hasil, _ = check(workbook)
    return [row.sel for row in build_context(hasil)["tabel"]["anggaran_rinci"].baris]


def main() -> None:
    global REPEAT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only 100 lines, one run each (smoke test)")
    ap.add_argument("--repeat", type=int, default=REPEAT, help="runs per figure; the median is reported (default 5)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--sizes", type=int, nargs="+", help="only these numbers of budget lines")
    ap.add_argument("--calc", action="store_true", help="re-save every workbook with LibreOffice Calc first")
    ap.add_argument("--sebelum", metavar="REV", help="also measure this git revision's build and validate, runs interleaved")
    args = ap.parse_args()
    REPEAT = 1 if args.quick else max(1, args.repeat)
    sizes = (100,) if args.quick else tuple(args.sizes or SIZES)
    py = sys.executable
    compileall.compile_dir(str(ROOT / "generator"), quiet=1)  # what pip does at install time
    results = []
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as d:
        tmp = Path(d)
        if ALOK.exists():
            wall, rss, code, err, walls, _cpus = run([py, "-m", "generator.cli", "build", str(ALOK), "--out", str(tmp / "alok.docx")], ROOT)
            results.append({"case": "Alok (example)", "lines": 118, "build_s": wall, "build_runs": walls, "rss_mb": rss,
                            "ok": code == 0})
        before = other_checkout(args.sebelum, tmp) if args.sebelum else None
        for n in sizes:
            wb = tmp / f"wb-{n}.xlsx"
            make_workbook(wb, n)
            if args.calc:
                calc_resave(wb, tmp)
            if before is not None:  # each run of the old and the new code one after the other, same load
                # its own template: an installed lkjip's package data would be this checkout's
                old_tpl = str(before / "templates" / "lkjip.docx")
                pairs = [(run_once([py, "-m", "generator.cli", "build", str(wb), "--out", str(tmp / f"old-{n}-{i}.docx"),
                                    "--template", old_tpl], before),
                          run_once([py, "-m", "generator.cli", "build", str(wb), "--out", str(tmp / f"new-{n}-{i}.docx")], ROOT),
                          run_once([py, "-m", "generator.cli", "validate", str(wb)], before),
                          run_once([py, "-m", "generator.cli", "validate", str(wb)], ROOT)) for i in range(REPEAT)]
                for label, k in (("build before", 0), ("build after", 1), ("validate before", 2), ("validate after", 3)):
                    walls = sorted(p[k][0] for p in pairs)
                    results.append({"case": f"{n} {label}", "lines": -n, "build_s": median(walls), "build_runs": walls,
                                    "cpu_s": median([p[k][4] for p in pairs]), "cpu_runs": sorted(p[k][4] for p in pairs),
                                    "rss_mb": max(p[k][1] for p in pairs),
                                    "ok": all(p[k][2] == 0 for p in pairs), "error": pairs[0][k][3][-300:]})
            wall, rss, code, err, walls, cpus = run([py, "-m", "generator.cli", "build", str(wb), "--out", str(tmp / f"out-{n}.docx"), "--waktu"], ROOT)
            split = json.loads(err.strip().splitlines()[-1]) if code == 0 else {}
            vwall, _vrss, vcode, _, vwalls, vcpus = run([py, "-m", "generator.cli", "validate", str(wb)], ROOT)
            rows_json = tmp / f"rows-{n}.json"
            rows_json.write_text(json.dumps(table_rows(wb)))
            fwall, frss, fwalls, fcpus = floor(rows_json, tmp)
            results.append({"case": f"{n} baris", "lines": n, "build_s": wall, "build_runs": walls, "rss_mb": rss, "ok": code == 0,
                            "validate_s": vwall, "validate_runs": vwalls, "validate_ok": vcode == 0, "floor_s": fwall,
                            "floor_runs": fwalls, "floor_rss_mb": frss, "split": split, "error": err[-300:] if code else "",
                            "cpu_s": median(cpus), "cpu_runs": sorted(cpus), "validate_cpu_s": median(vcpus),
                            "floor_cpu_s": median(fcpus)})
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"median of {REPEAT} run(s), [fastest-slowest]")
    print(f"{'case':<16}{'build s':>9}{'':>12}{'peak MB':>9}{'validate s':>12}{'':>12}{'floor s':>9}{'floor/ours':>11}"
          "   split (read/compute/validate/context/render/save)")

    def spread(runs: list[float] | None) -> str:
        return f"[{min(runs):.2f}-{max(runs):.2f}]" if runs and len(runs) > 1 else ""

    for r in results:
        split = r.get("split") or {}
        parts = "/".join(f"{split.get(k, 0):.2f}" for k in ("read", "compute", "validate", "context", "render", "save")) if split else ""
        ratio = f"{r['floor_s'] / r['build_s']:.2f}x" if r.get("floor_s") else ""
        validate = f"{r['validate_s']:.2f}" if "validate_s" in r else ""
        floor_s = f"{r['floor_s']:.2f}" if r.get("floor_s") else ""
        print(f"{r['case']:<16}{r['build_s']:>9.2f}{spread(r.get('build_runs')):>12}{r['rss_mb']:>9.0f}{validate:>12}"
              f"{spread(r.get('validate_runs')):>12}{floor_s:>9}{ratio:>11}   {parts}"
              + ("" if r["ok"] else "  GAGAL " + r.get("error", "")))
    print("CPU seconds (user + system of the process, median [fastest-slowest]); steadier than wall time on a shared machine:")
    for r in results:
        if "cpu_s" not in r:
            continue
        line = f"  {r['case']:<24}{r['cpu_s']:>6.2f} {spread(r['cpu_runs'])}"
        if r.get("floor_cpu_s"):
            line += (f"  (build); validate {r['validate_cpu_s']:.2f}, floor {r['floor_cpu_s']:.2f}: floor/build "
                     f"{r['floor_cpu_s'] / r['cpu_s']:.2f}x, floor/validate {r['floor_cpu_s'] / r['validate_cpu_s']:.1f}")
        print(line)
    big = {r["lines"]: r for r in results}
    if 10_000 in big and 20_000 in big:
        print(f"growth 10.000 -> 20.000 lines: {big[20_000]['build_s'] / big[10_000]['build_s']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    sys.exit(0 if all(r["ok"] for r in results) else 1)


if __name__ == "__main__":
    main()
