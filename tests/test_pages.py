"""Issue 20: how the examples' pages flow, read from the generated .docx (no LibreOffice needed).

What LibreOffice makes of it (page fill, orientation, where the signatures fall) is measured
in tests/test_layout.py.
"""

from __future__ import annotations

import pytest
from conftest import ALOK, RAAS, SUMENEP
from docx.oxml.ns import qn
from docx_text import load

from generator.context import build_context
from generator.pipeline import check
from generator.render import render_docx


@pytest.fixture(scope="module")
def built():
    """workbook stem -> (context, python-docx Document)."""
    out = {}
    for wb in (ALOK, SUMENEP, RAAS):
        _lap, hasil, problems = check(wb)
        assert hasil is not None, problems
        ctx = build_context(hasil)
        out[wb.stem] = (ctx, load(render_docx(ctx)))
    return out


def _style(p) -> str:
    st = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return st.get(qn("w:val")) if st is not None else ""


def _keeps(el) -> bool:
    return el.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _table_after(doc, caption_start: str):
    found = False
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p") and _style(el) == "JudulTabel" and _text(el).startswith(caption_start):
            found = True
        elif el.tag == qn("w:tbl") and found:
            return el
    raise AssertionError(caption_start)


def _body_rows_kept(tbl) -> list[bool]:
    rows = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    return [all(_keeps(p) for p in r.iter(qn("w:p"))) for r in rows]


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_figure_captions_keep_with_their_figure_only(built, stem):
    """Issue 20.1: a chart keeps with its caption below; the caption does not drag the next heading and table along."""
    _ctx, doc = built[stem]
    body = list(doc.element.body.iterchildren())
    figures = [i for i, el in enumerate(body) if el.tag == qn("w:p") and _style(el) == "JudulGambar"]
    assert figures
    for i in figures:
        assert not _keeps(body[i]), _text(body[i])
        assert _keeps(body[i - 1])  # the chart itself stays with its caption
    tables = [el for el in body if el.tag == qn("w:p") and _style(el) == "JudulTabel"]
    assert tables and all(_keeps(el) for el in tables)


def test_a_tall_table_breaks_with_its_header_repeated(built):
    """Issue 20.1: Alok's analysis table (4 rows, most of a page) is not kept whole: it starts under its intro."""
    _ctx, doc = built[ALOK.stem]
    tbl = _table_after(doc, "Tabel 3.13")
    kept = _body_rows_kept(tbl)
    assert len(kept) == 4
    assert kept == [True, False, True, False]  # header with the first two rows, the last two together
    small = _body_rows_kept(_table_after(doc, "Tabel 3.1"))  # the predicate scale: a few short rows, kept whole
    assert all(small[:-1])
