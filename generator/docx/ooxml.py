"""WordprocessingML for generated content: tables, captions, narrative blocks, section breaks.

Pure string builders (every text escaped, XML-illegal characters removed), parsed once
per block with lxml. Building long tables this way is linear in the number of rows,
unlike `{%tr for %}` through docxtpl's post-processing.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from ..base.page import MARGIN_B, MARGIN_L, MARGIN_R, MARGIN_T, PAGE_H, PAGE_W, TEXT_W_LANDSCAPE, TEXT_W_PORTRAIT  # noqa: F401
from ..base.specs import Kolom, Tabel
from ..base.xml_aman import XML_ILLEGAL_CLASS, clean_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# A4 and its margins (left 3 cm, right 2 cm, top/bottom 2,5 cm) live in `page`, imported above.


STYLE_CAPTION_TABLE = "JudulTabel"
STYLE_CAPTION_FIGURE = "JudulGambar"
STYLE_TABLE_TEXT = "IsiTabel"
STYLE_LIST_BULLET = "ListBullet"
STYLE_BODY = "IsiLaporan"

HEADER_FILL = "D9E2F3"
UNIT_FILL = "EDEDED"


def clean(text: object) -> str:
    """Text safe for XML 1.0 (control characters and lone surrogates removed)."""
    return clean_xml(text)


def t(text: str) -> str:
    """Runs' text: escaped, line breaks and tabs as Word elements."""
    text = str(text)
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{escape(clean_xml(text))}</w:t>' if text else ""
    parts = []
    for i, line in enumerate(clean(text).split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return "".join(parts)


def run(text: str, *, bold: bool = False, italic: bool = False, size: int | None = None) -> str:
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
    return f"<w:r>{'<w:rPr>' + rpr + '</w:rPr>' if rpr else ''}{t(text)}</w:r>"


def paragraph(text: str = "", *, style: str | None = None, jc: str | None = None, bold: bool = False,
              ind: tuple[int, int] | None = None, keep_next: bool = False, runs: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if ind:
        ppr += f'<w:tabs><w:tab w:val="left" w:pos="{ind[0]}"/></w:tabs><w:ind w:left="{ind[0]}" w:hanging="{ind[1]}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    body = runs if runs is not None else (run(text, bold=bold) if text else "")
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def blocks(items: list[dict]) -> str:
    """Narrative blocks (paragraf / butir / nomor) as paragraphs; numbering restarts per list."""
    out = []
    n = 0
    for b in items:
        kind, text = b.get("jenis", "paragraf"), b.get("teks", "")
        if kind == "nomor":
            n += 1
            out.append(paragraph(f"{n}.\t{text}", style=STYLE_BODY, ind=(567, 425), jc="both"))
            continue
        n = 0
        if kind == "butir":
            out.append(paragraph(text, style=STYLE_LIST_BULLET, jc="both"))
        else:
            out.append(paragraph(text, style=STYLE_BODY, jc="both"))
    return "".join(out)


def caption(label: str, title: str, *, style: str = STYLE_CAPTION_TABLE) -> str:
    """`Tabel 3.1 Title`, bold and centred, in one line of text (no manual break: the Daftar Tabel reads it).

    A table's caption (above it) keeps with the table; a figure's caption (below it) keeps
    with nothing: the figure keeps with its caption, and what follows may start a new page.
    """
    runs = run(f"{label} {title}")
    return paragraph(style=style, keep_next=style == STYLE_CAPTION_TABLE, runs=runs)


_JC = {"kiri": "left", "kanan": "right", "tengah": "center"}
_BORDERS = ("<w:tblBorders>" + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")


def _cell(text: str, width: int, jc: str, *, bold: bool = False, italic: bool = False, fill: str | None = None,
          indent: int = 0, size: int | None = None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if fill:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    ppr = f'<w:pStyle w:val="{STYLE_TABLE_TEXT}"/>'
    if indent:
        ppr += f'<w:ind w:left="{indent * 227}"/>'
    ppr += f'<w:jc w:val="{jc}"/>'
    return (f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>"
            f"{run(text, bold=bold, italic=italic, size=size) if text else ''}</w:p></w:tc>")


_NEEDS_ESCAPE = re.compile(f"[&<>\n\t{XML_ILLEGAL_CLASS}]")


def table(spec: Tabel, *, landscape: bool = False) -> str:
    """A table from a context spec: header row, column-number row (both repeat on each page), rows."""
    return "".join(table_parts(spec, landscape=landscape))


def table_parts(spec: Tabel, *, landscape: bool = False, keep_last: bool = False, size: float = 9) -> list[str]:
    """`table` in pieces (one per row), so a very long table is never held twice as one string.

    `keep_last`: the last rows keep with what follows too (a table closing a signed page); `size`: the
    type size in points (the Isi Tabel style's 9, or `layout.SMALL_PT` for a compact table).
    The row loop is the hot path of long reports: cell and paragraph properties are
    built once per table, and text is escaped only when it needs it.
    """
    from ..report import layout

    cols = spec.kolom
    widths = layout.widths(spec, TEXT_W_LANDSCAPE if landscape else TEXT_W_PORTRAIT, size=size)
    keep = layout.kept_rows(spec, widths, landscape=landscape, size=size)
    sz = "" if size == 9 else f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    half = int(size * 2)
    if keep_last:
        keep |= set(range(max(len(spec.baris) - 3, 0), len(spec.baris)))
    jcs = [_JC[c.rata] for c in cols]
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>{_BORDERS}'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
           '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
           'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    head = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
    out.append(_keep("<w:tr>" + head + "".join(_cell(c.judul, w, "center", bold=True, fill=HEADER_FILL, size=half if sz else None)
                                               for c, w in zip(cols, widths)) + "</w:tr>"))
    if spec.nomor_kolom:
        out.append(_keep("<w:tr>" + head + "".join(_cell(n, w, "center", italic=True, fill=HEADER_FILL, size=half - 2)
                                                   for n, w in zip(spec.nomor_kolom, widths)) + "</w:tr>"))
    n = len(cols)
    text_col = _text_col(cols)
    tcw = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{UNIT_FILL}"/>'
    rprs = {"b": f"<w:rPr><w:b/>{sz}</w:rPr>", "i": f"<w:rPr><w:i/>{sz}</w:rPr>", "": f"<w:rPr>{sz}</w:rPr>" if sz else ""}
    close = "</w:t></w:r></w:p></w:tc>"
    # Per (gaya, indent): each cell's properties (head), its opening up to the text, and the cell when empty.
    shapes: dict[tuple[str, int], tuple[list[str], list[str], list[str], str]] = {}

    def shape(gaya: str, indent: int) -> tuple[list[str], list[str], list[str], str]:
        emph = "b" if gaya in ("tebal", "total", "unit", "program", "subjudul") else "i" if gaya == "kegiatan" else ""
        fill = shade if gaya in ("unit", "total", "subjudul") else ""
        heads = []
        for i in range(n):
            ind = f'<w:ind w:left="{indent * 227}"/>' if indent and i == text_col and jcs[i] == "left" else ""
            heads.append(f"<w:tc><w:tcPr>{tcw[i]}{fill}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{STYLE_TABLE_TEXT}\"/>{ind}"
                         f'<w:jc w:val="{jcs[i]}"/></w:pPr>')
        opens = [f'{h}<w:r>{rprs[emph]}<w:t xml:space="preserve">' for h in heads]
        empties = [f"{h}</w:p></w:tc>" for h in heads]
        shapes[(gaya, indent)] = (heads, opens, empties, emph)
        return shapes[(gaya, indent)]

    for r, row in enumerate(spec.baris):
        cells = row.sel
        try:
            joined = "".join(cells)
        except TypeError:  # a number among the cells
            cells = [str(c) if c is not None else "" for c in cells]
            joined = "".join(cells)
        if len(cells) != n:
            cells = list(cells[:n]) + [""] * (n - len(cells))
        gaya, indent = row.gaya, row.indent
        heads, opens, empties, emph = shapes.get((gaya, indent)) or shape(gaya, indent)
        if _NEEDS_ESCAPE.search(joined):  # rare: escape, and line breaks/tabs as Word elements
            body = [h + run(c, bold=emph == "b", italic=emph == "i", size=half if sz else None) + "</w:p></w:tc>" if c else e
                    for h, c, e in zip(heads, cells, empties)]
        else:
            body = [o + c + close if c else e for o, c, e in zip(opens, cells, empties)]
        tr = "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(body) + "</w:tr>"
        out.append(_keep(tr) if r in keep else tr)
    out.append("</w:tbl>")
    return out


_CELL_PPR = f'<w:pPr><w:pStyle w:val="{STYLE_TABLE_TEXT}"/>'


def _keep(tr: str) -> str:
    """A row whose paragraphs keep with the next row (see `layout.kept_rows`)."""
    return tr.replace(_CELL_PPR, _CELL_PPR + "<w:keepNext/>")


def _text_col(cols: list[Kolom]) -> int:
    """The widest left-aligned column (where hierarchy indentation shows)."""
    best, idx = -1.0, 0
    for i, c in enumerate(cols):
        if c.rata == "kiri" and float(c.lebar) > best:
            best, idx = float(c.lebar), i
    return idx


def wrap(xml: str) -> str:
    """Wrap fragments in a root that declares the namespaces, for lxml parsing."""
    return f"<w:body {NSDECL}>{xml}</w:body>"
