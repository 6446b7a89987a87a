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

SS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


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


_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"((?: s="\d+")?) t="inlineStr"><is><t>(.*?)</t></is></c>', re.S)


def to_shared_strings(path: Path) -> Path:
    """Turn every inline string of every sheet into a shared string (as Excel saves them)."""
    strings: list[bytes] = []
    index: dict[bytes, int] = {}

    def sub(m: re.Match) -> bytes:
        text = m.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return b'<c r="' + m.group(1) + b'"' + m.group(2) + b' t="s"><v>' + str(index[text]).encode() + b"</v></c>"

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for name in SHEET_PART.values():
        if name in parts:
            parts[name] = _INLINE.sub(sub, parts[name])
    sst = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (len(strings), len(strings))
           + b"".join(b'<si><t xml:space="preserve">' + s + b"</t></si>" for s in strings) + b"</sst>")
    parts["xl/sharedStrings.xml"] = sst
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + SS_CT.encode() + b'"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="' + SS_REL.encode() + b'" Target="sharedStrings.xml"/></Relationships>')
    tmp = path.with_name(path.name + ".building")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    tmp.replace(path)
    return path


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
