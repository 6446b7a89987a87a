"""Staff text citing a table or figure by number ("lihat Tabel 2.3"): checked against the numbers the report prints.

The numbers exist only once the report is laid out (tables are numbered per chapter in
document order, and which tables print depends on the data), so this check runs on the
rendered document, in `build`: each citation whose number the report gives to another
caption, or to none, is a warning at the cell of the text (code `teks.rujukan-berbeda`).
"""

from __future__ import annotations

import html
import re
import zipfile
from io import BytesIO

from lxml import etree

from ..base.model import Laporan
from ..base.problems import Problem, problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REF = re.compile(r"\b(Tabel|Gambar)\s+((?:[IVX]+|\d+|L)\.\d+)\b")
_CAPTION_STYLES = ("JudulTabel", "JudulGambar")


_CAPTION_START = re.compile(rb'<w:pStyle w:val="(?:' + "|".join(_CAPTION_STYLES).encode() + rb')"/>')
_T = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def captions(docx: bytes) -> dict[str, str]:
    """"Tabel 3.1" -> its title, for every table and figure caption of the rendered report.

    The caption paragraphs are found by their style in the XML text (a few dozen in 40 MB at 20.000
    lines), not by parsing the whole document: the paragraph's text is its `w:t` runs up to `</w:p>`.
    """
    with zipfile.ZipFile(BytesIO(docx)) as z:
        xml = z.read("word/document.xml")
    out = {}
    for start in _CAPTION_START.finditer(xml):
        end = xml.find(b"</w:p>", start.end())
        text = html.unescape(b"".join(_T.findall(xml, start.end(), end)).decode("utf-8"))
        m = re.match(r"(Tabel|Gambar)\s+(\S+)\s+(.*)", text)
        if m:
            out[f"{m.group(1)} {m.group(2)}"] = m.group(3).strip()
    return out


def _captions_tree(docx: bytes) -> dict[str, str]:
    """The same read with a full XML parse (kept for the test that both agree)."""
    with zipfile.ZipFile(BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"), etree.XMLParser(huge_tree=True, resolve_entities=False))
    out = {}
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(W + "val") not in _CAPTION_STYLES:
            continue
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        m = re.match(r"(Tabel|Gambar)\s+(\S+)\s+(.*)", text)
        if m:
            out[f"{m.group(1)} {m.group(2)}"] = m.group(3).strip()
    return out


def _texts(lap: Laporan):
    """(sheet, cell, text) of every staff text the report prints."""
    for nar in lap.narasi.values():
        yield "Narasi", lap.cell("Narasi", "isi", nar.row), " ".join(b.teks for b in nar.blok)
    for node in lap.nodes():
        for ind in node.indikator:
            row = int(ind.cells.get("row") or 0) or None
            for key in ("analisis", "solusi"):
                text = getattr(ind, key, "")
                if text and row:
                    yield "Kinerja", lap.cell("Kinerja", key, row), text


def periksa(lap: Laporan, docx: bytes) -> list[Problem]:
    """A warning for each staff citation of a table or figure number the report gives to another caption or none."""
    cited = [(sheet, cell, f"{m.group(1)} {m.group(2)}") for sheet, cell, text in _texts(lap) for m in REF.finditer(text)]
    if not cited:  # the usual case: the rendered document (40 MB of XML at 20.000 lines) is not parsed at all
        return []
    printed = captions(docx)
    out = []
    for sheet, cell, label in cited:
        title = printed.get(label)
        now = f"'{label} {title}'" if title else f"tidak ada {label}"
        out.append(problem("teks.rujukan-berbeda", sheet, cell, found=label, now=now))
    return out
