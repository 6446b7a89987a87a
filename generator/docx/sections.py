"""Sections of the finished document: landscape sections for wide tables, page numbering, schema order.

A wide table sits in a landscape section opened by a section-break paragraph before it and
closed by one after it. Consecutive landscape tables with only a little text between share
one section; a landscape section at the very end of the report becomes the final section
itself (no empty portrait page holding only a page number). Every `w:sectPr` is written with
its children in the order the schema prescribes (Word ignores or rejects out-of-order
elements, e.g. the roman page numbering of the front matter).
"""

from __future__ import annotations

from lxml import etree

from . import ooxml

W = "{%s}" % ooxml.W_NS
_NS = {"w": ooxml.W_NS}

# CT_SectPr, ECMA-376 part 1 §17.6.17: header/footer references first (any order), then this sequence.
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
                "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
                "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
_RANK = {name: i for i, name in enumerate(SECTPR_ORDER)}
_RANK["footerReference"] = _RANK["headerReference"]


def section_break(landscape: bool) -> str:
    """A paragraph ending a section (portrait or landscape A4), one point high so it never spills onto a page.

    Headers and footers carry over from the section before.
    """
    if landscape:
        size = f'<w:pgSz w:w="{ooxml.PAGE_H}" w:h="{ooxml.PAGE_W}" w:orient="landscape"/>'
    else:
        size = f'<w:pgSz w:w="{ooxml.PAGE_W}" w:h="{ooxml.PAGE_H}"/>'
    mar = (f'<w:pgMar w:top="{ooxml.MARGIN_T}" w:right="{ooxml.MARGIN_R}" w:bottom="{ooxml.MARGIN_B}" '
           f'w:left="{ooxml.MARGIN_L}" w:header="709" w:footer="709" w:gutter="0"/>')
    return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
            f'<w:sectPr><w:type w:val="nextPage"/>{size}{mar}<w:pgNumType w:fmt="decimal"/></w:sectPr></w:pPr></w:p>')


def local(el) -> str:
    return etree.QName(el).localname


def schema_order(sect) -> None:
    """Children of a `w:sectPr` in schema order (stable: references keep their relative order)."""
    kids = list(sect)
    ordered = sorted(kids, key=lambda el: _RANK.get(local(el), len(SECTPR_ORDER)))
    if ordered != kids:
        for el in kids:
            sect.remove(el)
        sect.extend(ordered)


def all_sections(body) -> list:
    """Every `w:sectPr` of the body in document order, the final one last."""
    found = [p.find(f"{W}pPr/{W}sectPr") for p in section_paragraphs(body)]
    final = body.find(W + "sectPr")
    if final is not None:
        found.append(final)
    return found


def section_paragraphs(body) -> list:
    return etree.XPath("w:p[w:pPr/w:sectPr]", namespaces=_NS)(body)


def is_landscape(sect) -> bool:
    sz = sect.find(W + "pgSz")
    return sz is not None and sz.get(W + "orient") == "landscape"


def _is_empty(el) -> bool:
    """A paragraph with no text, no drawing, no field, no break (a table or section break is not empty)."""
    if el.tag != W + "p" or el.find(f"{W}pPr/{W}sectPr") is not None:
        return False
    return not any(local(x) in ("t", "drawing", "pict", "fldChar", "instrText", "br", "object") for x in el.iter())


def merge_landscape(body, is_table) -> None:
    """Join consecutive landscape tables into one landscape section when only a little text lies between."""
    seps = section_paragraphs(body)
    i = 0
    while i < len(seps) - 1:
        a, b = seps[i], seps[i + 1]
        a_sect, b_sect = a.find(f"{W}pPr/{W}sectPr"), b.find(f"{W}pPr/{W}sectPr")
        if is_landscape(a_sect) and not is_landscape(b_sect):
            between = []
            el = a.getnext()
            while el is not None and el is not b:
                between.append(el)
                el = el.getnext()
            nxt = b.getnext()
            next_is_landscape_table = False
            seen = 0
            while nxt is not None and seen < 5:
                if nxt.find(f"{W}pPr/{W}sectPr") is not None:
                    break
                if is_table(nxt):
                    next_is_landscape_table = True
                    break
                nxt = nxt.getnext()
                seen += 1
            if el is b and next_is_landscape_table and not any(is_table(x) for x in between) and \
                    not any(_heading1(x) for x in between) and len(between) <= 12:
                a.getparent().remove(a)
                b.getparent().remove(b)
                seps = section_paragraphs(body)
                continue
        i += 1


def _heading1(el) -> bool:
    return el.find(f"{W}pPr/{W}pStyle[@{W}val='Heading1']") is not None


def drop_trailing_section(body) -> None:
    """A report ending in a landscape table ends in that landscape section, not in an empty portrait one.

    The last section-break paragraph goes; the final `w:sectPr` (which holds the header and
    footer references and the page numbering) takes over its page size and orientation.
    """
    final = body.find(W + "sectPr")
    seps = section_paragraphs(body)
    if final is None or not seps:
        return
    last = seps[-1]
    tail = []
    el = last.getnext()
    while el is not None and el is not final:
        tail.append(el)
        el = el.getnext()
    if not all(_is_empty(x) for x in tail):
        return
    sect = last.find(f"{W}pPr/{W}sectPr")
    if not is_landscape(sect) or is_landscape(final):
        return
    for name in ("pgSz", "pgMar"):
        new, old = sect.find(W + name), final.find(W + name)
        if new is None:
            continue
        if old is not None:
            final.replace(old, etree.fromstring(etree.tostring(new)))
        else:
            final.append(etree.fromstring(etree.tostring(new)))
    for x in tail:
        body.remove(x)
    # the landscape section's own numbering (continue the count) when the final one only restarted it
    body.remove(last)
    schema_order(final)


def fix_sections(body) -> None:
    """Roman page numbers before BAB I, arabic from 1 after; inserted sections continue the count; schema order."""
    drop_trailing_section(body)
    sections = all_sections(body)
    front = None
    for i, s in enumerate(sections):
        pg = s.find(W + "pgNumType")
        if pg is not None and pg.get(W + "fmt") == "lowerRoman":
            front = i
    if front is not None:
        first = True
        for s in sections[front + 1:]:
            pg = s.find(W + "pgNumType")
            if pg is None:
                pg = etree.SubElement(s, W + "pgNumType")
            pg.set(W + "fmt", "decimal")
            if first:
                pg.set(W + "start", "1")
                first = False
            elif W + "start" in pg.attrib:
                del pg.attrib[W + "start"]
    for s in sections:
        schema_order(s)
