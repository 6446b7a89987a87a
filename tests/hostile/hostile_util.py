"""Helpers for the hostile-input tests: raw edits of saved workbooks, CLI runs, leftovers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from factory import make_workbook  # noqa: E402

from generator.cli import main  # noqa: E402

SHEET_PART = {  # sheet name -> part, as openpyxl writes the factory workbook
    "Petunjuk": "xl/worksheets/sheet1.xml",
    "Profil": "xl/worksheets/sheet2.xml",
    "Kinerja": "xl/worksheets/sheet3.xml",
    "Anggaran": "xl/worksheets/sheet4.xml",
    "Belanja": "xl/worksheets/sheet5.xml",
    "Narasi": "xl/worksheets/sheet6.xml",
    "Pegawai": "xl/worksheets/sheet7.xml",
    "Rencana_Aksi": "xl/worksheets/sheet8.xml",
    "Indeks": "xl/worksheets/sheet9.xml",
    "Gambar": "xl/worksheets/sheet10.xml",
    "Pengaturan": "xl/worksheets/sheet11.xml",
}


def rewrite_zip(path: Path, out: Path | None = None, *, replace: dict[str, bytes] | None = None,
                drop: tuple[str, ...] = (), add: dict[str, bytes] | None = None) -> Path:
    """Copy the zip at `path` to `out` (default: in place) with some parts replaced, dropped or added."""
    out = out or path
    replace = replace or {}
    with zipfile.ZipFile(path) as src:
        items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    tmp = out.with_name(out.name + ".building")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items:
            if name in drop:
                continue
            dst.writestr(name, replace.get(name, data))
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    tmp.replace(out)
    return out


def read_part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def edit_part(path: Path, name: str, fn) -> Path:
    """Replace part `name` by fn(old_bytes)."""
    return rewrite_zip(path, replace={name: fn(read_part(path, name))})


def set_inline(path: Path, sheet: str, ref: str, raw_text_xml: bytes) -> Path:
    """Set the text of cell `ref` of `sheet` to raw (already escaped) XML text, as an inline string."""
    part = SHEET_PART[sheet]

    def fn(xml: bytes) -> bytes:
        pat = re.compile(rb'<c r="' + ref.encode() + rb'"((?: s="\d+")?)(?: t="\w+")?(?:/>|>.*?</c>)', re.S)
        new = b'<c r="' + ref.encode() + rb'"\1 t="inlineStr"><is><t xml:space="preserve">' + raw_text_xml.replace(b"\\", b"\\\\") + b"</t></is></c>"
        out, n = pat.subn(new, xml, count=1)
        if n != 1:
            raise AssertionError(f"cell {sheet}!{ref} not found in {part}")
        return out

    return edit_part(path, part, fn)


def xml_text(text: str) -> bytes:
    return escape(text).encode("utf-8")


# ------------------------------------------------------------------ running the tool

def cli(*args: str):
    """Run the CLI in-process; never lets an exception escape unnoticed."""
    res = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    return res


def crashed(res) -> str | None:
    """A traceback head if the CLI run raised anything but SystemExit."""
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        import traceback

        return "".join(traceback.format_exception(res.exception))[-1500:]
    return None


def validate_json(path: Path, *extra: str) -> tuple[int, list[dict]]:
    res = cli("validate", path, "--format", "json", *extra)
    assert crashed(res) is None, crashed(res)
    return res.exit_code, json.loads(res.output)


def problem_codes(problems: list[dict]) -> set[str]:
    return {p["code"] for p in problems}


def leftovers(folder: Path) -> list[Path]:
    """Output documents or temporary files left in `folder` (recursively)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".docx", ".tmp") or p.name.endswith(".tmp"))


def run_module(*args: str, timeout: float = 120, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=str(cwd or ROOT))


def soffice() -> str | None:
    return shutil.which("soffice")


# ------------------------------------------------------------------ fixtures (imported by the test modules;
# a conftest.py here would shadow tests/conftest.py, which the other test modules import by name)

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")


@pytest.fixture(scope="session")
def base_workbook(tmp_path_factory) -> Path:
    """The factory workbook, saved once per session; copy it before changing it."""
    return make_workbook(tmp_path_factory.mktemp("dasar") / "dasar.xlsx")


@pytest.fixture
def workbook(tmp_path: Path, base_workbook: Path) -> Path:
    """A fresh copy of the factory workbook alone in its folder: tmp_path/wb/laporan.xlsx."""
    folder = tmp_path / "wb"
    folder.mkdir()
    target = folder / "laporan.xlsx"
    shutil.copyfile(base_workbook, target)
    return target


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "keluaran"
    folder.mkdir()
    return folder


def assert_refused(workbook: Path, out_dir: Path, *codes_: str) -> list[dict]:
    """validate and build both refuse `workbook` with one of `codes_`; nothing is written anywhere."""
    rc, problems = validate_json(workbook)
    assert rc == 1, problems
    found = problem_codes(problems)
    assert found & set(codes_), f"expected one of {codes_}, got {sorted(found)}: {problems}"
    out = out_dir / "laporan.docx"
    res = cli("build", workbook, "--out", out)
    assert crashed(res) is None, crashed(res)
    assert res.exit_code == 1, res.output
    assert "laporan tidak dibuat" in res.output, res.output  # the user is told why, not left with silence
    assert not out.exists()
    assert leftovers(out_dir) == []
    assert leftovers(workbook.parent) == []
    return problems


def _peak_rss_mb(pid: int) -> float:
    """The high-water RSS of a running process in MB (VmHWM: counts only what it used after exec, unlike
    ru_maxrss, which also counts the forked copy of this big test process)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / (1024 * 1024)
    except Exception:
        return 0.0


def run_measured(*args: str, timeout: float = 120) -> tuple[int | None, str, float, float]:
    """Run `python -m generator.cli ARGS` in a child process.

    Returns (exit code or None on timeout, output, seconds, peak RSS of the child in MB, sampled every 10 ms).
    On timeout the child is killed (only that child, by its pid).
    """
    import os
    import signal
    import tempfile
    import time

    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "generator.cli", *map(str, args)], stdout=log,
                                stderr=subprocess.STDOUT, cwd=str(ROOT))
        code = None
        peak = 0.0
        while True:
            pid, status, _usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            peak = max(peak, _peak_rss_mb(proc.pid))
            if time.perf_counter() - t0 > timeout:
                os.kill(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = code if code is not None else -9  # reaped here, not by Popen
        seconds = time.perf_counter() - t0
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    return code, output, seconds, peak


def big_workbook(path: Path, *, programs: int = 1, kegiatan: int = 1, sub: int = 1, indicators: int = 0) -> tuple[Path, int]:
    """A large standard workbook written with openpyxl's write_only mode (fast, low memory).

    Anggaran gets `programs` x (1 + `kegiatan` x (1 + `sub`)) lines; Kinerja the factory rows plus
    `indicators` extra Sasaran, one indicator each. Returns (path, number of budget lines).
    """
    from factory import KINERJA, PROFIL
    from openpyxl import Workbook

    from generator import contract
    from generator.workbook.blank import _expand_columns

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Profil")
    ws.append(["Isian", "Nilai", "Keterangan"])
    for key, value in PROFIL.items():
        ws.append([key, value])
    ws = wb.create_sheet("Kinerja")
    heads = [h for _c, h in _expand_columns(contract.sheet("Kinerja"), 2024, (2024, 2026))]
    ws.append(heads)
    rows = [dict(r) for r in KINERJA]
    for i in range(indicators):
        rows.append({"Level": "Sasaran", "Kode": f"SX{i}", "Uraian": f"Sasaran tambahan nomor {i + 1}",
                     "Indikator": f"Persentase capaian tambahan {i + 1}", "Satuan": "%", "IKU": "Ya", "PK": "Ya",
                     "Target 2024": 80, "Target 2025": 82, "Target 2026": 85, "Realisasi 2023": 60,
                     "Realisasi 2024": 60 + i % 40, "Analisis": "Analisis singkat.", "Solusi": "Solusi singkat."})
    for r in rows:
        ws.append([r.get(h) for h in heads])
    ws = wb.create_sheet("Anggaran")
    ws.append([c.header for c in contract.sheet("Anggaran").columns])
    n = 0
    for p in range(1, programs + 1):
        ws.append(["Kecamatan Contoh" if p == 1 else None, f"7.01.{p:03d}", "Program", f"Program nomor {p}", None, None,
                   None, "DAU", "S1"])
        n += 1
        for k in range(1, kegiatan + 1):
            ws.append([None, f"7.01.{p:03d}.2.{k:02d}", "Kegiatan", f"Kegiatan {p}.{k}"])
            n += 1
            for s in range(1, sub + 1):
                ws.append([None, f"7.01.{p:03d}.2.{k:02d}.{s:04d}", "Sub Kegiatan", f"Sub kegiatan {p}.{k}.{s}",
                           1_000_000 + s, 900_000 + s])
                n += 1
    wb.save(path)
    return path, n


def unprivileged() -> list[str]:
    """The command prefix that runs a child under ordinary file permissions: nothing for a normal user;
    for root, `setpriv` without the two capabilities that let root read any file (root then obeys
    mode bits like anyone else). Skips the test when neither is possible."""
    import os

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root tanpa setpriv: izin berkas tidak dapat diuji")
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"setpriv tidak dapat membuang hak root: {probe.stderr.decode(errors='replace')[:200]}")
    return prefix


def run_unprivileged(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m generator.cli ARGS` in a child that file permissions apply to (see `unprivileged`)."""
    return subprocess.run([*unprivileged(), sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=str(ROOT))
