"""generator/docx/sections.py: the sections of the finished document — landscape sections for wide tables,
roman then arabic page numbering, the last landscape table ending the report, `w:sectPr` in schema order.

Built reports are checked for the same in tests/test_package.py (schema order, lowerRoman front
matter, a report ending in its landscape section); the pages LibreOffice lays out from them in
tests/report/test_layout.py (no page holding only its number) and tests/test_pages.py.
"""

from __future__ import annotations

from lxml import etree

from generator.docx import ooxml
from generator.docx.sections import (
    SECTPR_ORDER,
    all_sections,
    fix_sections,
    is_landscape,
    merge_landscape,
    schema_order,
    section_break,
)

W = "{%s}" % ooxml.W_NS
FINAL = ('<w:sectPr><w:pgNumType w:fmt="decimal"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1701"/>'
         '<w:pgSz w:w="11906" w:h="16838"/><w:footerReference w:type="default" r:id="rId9"/></w:sectPr>')


def _body(*parts: str):
    return etree.fromstring(ooxml.wrap("".join(parts)))


def _table(name: str) -> str:
    return f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{name}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"


def _names(sect) -> list[str]:
    return [etree.QName(x).localname for x in sect]


def test_section_break_is_a4_portrait_or_landscape():
    portrait, landscape = [_body(section_break(x))[0].find(f"{W}pPr/{W}sectPr") for x in (False, True)]
    assert (portrait.find(W + "pgSz").get(W + "w"), portrait.find(W + "pgSz").get(W + "h")) == ("11906", "16838")
    assert (landscape.find(W + "pgSz").get(W + "w"), landscape.find(W + "pgSz").get(W + "h")) == ("16838", "11906")
    assert not is_landscape(portrait) and is_landscape(landscape)
    assert landscape.find(W + "pgMar").get(W + "left") == "1701"  # 3 cm binding margin on every page


def test_schema_order_puts_references_first_and_the_rest_in_sequence():
    sect = _body(FINAL).find(W + "sectPr")
    schema_order(sect)
    assert _names(sect) == ["footerReference", "pgSz", "pgMar", "pgNumType"]
    assert [n for n in SECTPR_ORDER if n in _names(sect)] == _names(sect)


def test_landscape_tables_with_a_little_text_between_share_one_section():
    body = _body(ooxml.paragraph("Bab III"), section_break(False), _table("Tabel 3.1"), section_break(True),
                 ooxml.paragraph("Sebagaimana tabel berikut."), section_break(False), _table("Tabel 3.2"),
                 section_break(True), ooxml.paragraph("Penutup"), FINAL)
    merge_landscape(body, lambda el: el.tag == W + "tbl")
    assert [is_landscape(s) for s in all_sections(body)] == [False, True, False]  # one landscape section, not two


def test_fix_sections_numbers_front_matter_roman_and_bab_i_from_one():
    roman = section_break(False).replace('w:fmt="decimal"', 'w:fmt="lowerRoman"')
    body = _body(ooxml.paragraph("Kata Pengantar"), roman, ooxml.paragraph("BAB I"), section_break(False),
                 _table("Tabel 3.1"), section_break(True), ooxml.paragraph("BAB IV"), FINAL)
    fix_sections(body)
    numbering = [(s.find(W + "pgNumType").get(W + "fmt"), s.find(W + "pgNumType").get(W + "start")) for s in all_sections(body)]
    assert numbering == [("lowerRoman", None), ("decimal", "1"), ("decimal", None), ("decimal", None)]
    assert _names(all_sections(body)[-1]) == ["footerReference", "pgSz", "pgMar", "pgNumType"]


def test_a_report_ending_in_a_landscape_table_ends_in_that_section():
    body = _body(ooxml.paragraph("Lampiran"), section_break(False), _table("Rencana Aksi"), section_break(True),
                 ooxml.paragraph(""), FINAL)
    fix_sections(body)
    sections = all_sections(body)
    assert len(sections) == 2 and is_landscape(sections[-1])  # no empty portrait page after it
    final = sections[-1]
    assert final.find(W + "footerReference") is not None  # the final section keeps the footer (page number)
    assert body[-2].tag == W + "tbl"  # the empty paragraph and the break are gone
