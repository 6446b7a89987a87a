"""Struktur organisasi drawn from the Pegawai sheet: a tree of structural positions, printed as a table-chart.

Only rows with a Jabatan and an Eselon (or an Atasan) are positions; staff without one
(Pelaksana) are counted under the chart. The optional `Atasan` column names the jabatan each
position reports to. Without it the tree follows the usual perangkat daerah structure: the
highest eselon at the top, a "Kepala Sub Bagian" under the Sekretaris, every other position
under the top.

The chart is a Word table (`ooxml`), so it scales to the page and Word users can edit it:
one row per level, each box spanning the columns of the positions under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ..base.model import Pegawai

_ESELON = re.compile(r"\s*(I{1,3}|IV|V)\s*[.\-/]?\s*([ab])?\s*$", re.I)
_RANK = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
BOX_FILL = "DEEAF6"


@dataclass
class Jabatan:
    """A position in the chart, with the positions under it."""

    jabatan: str
    nama: str
    anak: list[Jabatan] = field(default_factory=list)

    def leaves(self) -> int:
        return sum(a.leaves() for a in self.anak) or 1

    def depth(self) -> int:
        return 1 + max((a.depth() for a in self.anak), default=0)


def _rank(eselon: str) -> tuple[int, int]:
    m = _ESELON.match(eselon or "")
    if not m:
        return (9, 9)
    return (_RANK[m.group(1).upper()], 0 if (m.group(2) or "a").lower() == "a" else 1)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def struktur(pegawai: list[Pegawai]) -> tuple[Jabatan | None, int]:
    """(the top of the tree, how many staff hold no structural position); None when fewer than two positions."""
    posts = [p for p in pegawai if p.jabatan and (p.eselon or getattr(p, "atasan", ""))]
    others = len(pegawai) - len(posts)
    if len(posts) < 2:
        return None, others
    posts.sort(key=lambda p: _rank(p.eselon))
    nodes = {id(p): Jabatan(p.jabatan, p.nama) for p in posts}
    by_name = {_key(p.jabatan): nodes[id(p)] for p in posts}
    top = nodes[id(posts[0])]
    sekretaris = next((nodes[id(p)] for p in posts[1:] if _key(p.jabatan).startswith("sekretaris")), None)
    for p in posts[1:]:
        node = nodes[id(p)]
        parent = by_name.get(_key(getattr(p, "atasan", "") or ""))
        if parent is None or parent is node:
            sub = re.match(r"(kepala )?(sub ?bagian|kasubbag)", _key(p.jabatan))
            parent = sekretaris if sub and sekretaris is not None else top
        parent.anak.append(node)
    return top, others


def _box(node: Jabatan, span: int, width: int) -> str:
    borders = "".join(f'<w:{s} w:val="single" w:sz="8" w:space="0" w:color="1F4E78"/>' for s in ("top", "left", "bottom", "right"))
    ppr = '<w:pPr><w:pStyle w:val="IsiTabel"/><w:keepNext/><w:jc w:val="center"/></w:pPr>'
    runs = f'<w:r><w:rPr><w:b/><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">{escape(node.jabatan)}</w:t></w:r>'
    name = f'<w:p>{ppr}<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">{escape(node.nama)}</w:t></w:r></w:p>'
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{f"<w:gridSpan w:val={chr(34)}{span}{chr(34)}/>" if span > 1 else ""}'
            f'<w:tcBorders>{borders}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/>'
            f'<w:vAlign w:val="center"/></w:tcPr><w:p>{ppr}{runs}</w:p>{name}</w:tc>')


def _blank(span: int, width: int) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{f"<w:gridSpan w:val={chr(34)}{span}{chr(34)}/>" if span > 1 else ""}'
            '</w:tcPr><w:p><w:pPr><w:pStyle w:val="IsiTabel"/><w:keepNext/></w:pPr></w:p></w:tc>')


def table_xml(top: Jabatan, total_width: int) -> str:
    """The chart as one borderless Word table: a row per level, boxes spanning the columns under them."""
    cols = top.leaves()
    col_w = total_width // cols
    rows = []
    level: list[Jabatan | int] = [top]  # a node, or the span of an empty place under a node without children
    for _ in range(top.depth()):
        cells, below = [], []
        for item in level:
            if isinstance(item, int):
                cells.append(_blank(item, col_w * item))
                below.append(item)
                continue
            cells.append(_box(item, item.leaves(), col_w * item.leaves()))
            below += item.anak or [item.leaves()]
        rows.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>' + "".join(cells) + "</w:tr>")
        spacer = "".join(_blank(x if isinstance(x, int) else x.leaves(), col_w * (x if isinstance(x, int) else x.leaves()))
                         for x in below)
        level = below
        if any(not isinstance(x, int) for x in below):  # a thin row between levels
            rows.append('<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="170" w:hRule="exact"/></w:trPr>' + spacer + "</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{col_w}"/>' for _ in range(cols))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{col_w * cols}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblCellSpacing w:w="40" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def as_dict(node: Jabatan) -> dict:
    """The tree as the template context holds it (JSON-able)."""
    return {"jabatan": node.jabatan, "nama": node.nama, "anak": [as_dict(a) for a in node.anak]}


def from_dict(d: dict) -> Jabatan:
    return Jabatan(d["jabatan"], d["nama"], [from_dict(a) for a in d.get("anak", [])])
