"""Issue 11: every sentence of the report is true: it says only what the workbook supports,
and prints every indicator. Each test reads the sentence or table from the built .docx."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx_text import all_text, load, paragraphs
from factory import ANGGARAN, KINERJA, make_workbook

from generator.context import build_context
from generator.pipeline import check
from generator.render import render_docx


def build(path):
    """(document, problems) of a workbook."""
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    return load(render_docx(build_context(hasil))), problems


def table_titled(document, title: str) -> list[list[str]]:
    """The rows of the table whose caption contains `title`."""
    from docx.table import Table

    found = False
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "JudulTabel":
                found = title in text
        elif el.tag == qn("w:tbl") and found:
            return [[c.text for c in row.cells] for row in Table(el, document._body).rows]
    raise AssertionError(f"no table titled {title!r}")


def has_table(document, title: str) -> bool:
    try:
        table_titled(document, title)
        return True
    except AssertionError:
        return False


def codes_of(problems, code):
    return [(p.sheet, p.cell, p.severity) for p in problems if p.code == code]


# ---------------------------------------------------------------- 1. Sasaran links stay in their program
def test_sasaran_is_not_carried_into_the_next_units_program(tmp_path):
    anggaran = ANGGARAN[:4] + [
        {"Unit": "Kelurahan Satu", "Kode": "7.01.03", "Uraian": "Program Pemberdayaan Masyarakat Kelurahan"},
        {"Kode": "7.01.03.2.01", "Uraian": "Kegiatan Pemberdayaan Kelurahan"},
        {"Kode": "7.01.03.2.01.0001", "Uraian": "Pemberdayaan Masyarakat di Kelurahan", "Pagu": 40_000_000, "Realisasi": 10_000_000},
    ]
    doc, problems = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    rows = table_titled(doc, "Efisiensi Penggunaan Sumber Daya per Sasaran")
    s1 = next(r for r in rows if r[1] == "Meningkatnya kualitas layanan administrasi")
    assert s1[2:4] == ["15.000.000", "14.500.000"]  # the kelurahan's 40.000.000 is not S1's
    assert codes_of(problems, "anggaran.program-tanpa-sasaran") == [("Anggaran", "I6", "warning")]
    assert "Program Pemberdayaan Masyarakat Kelurahan" in next(p.message for p in problems if p.code == "anggaran.program-tanpa-sasaran")
