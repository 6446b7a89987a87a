"""generator/docx/rujukan.py: "lihat Tabel 2.3" in staff text against the captions the report prints (issue 20.9).
The warning itself is tested in tests/test_pages.py; here its cost and the caption reading."""

from __future__ import annotations

import pytest
from conftest import ALOK, RAAS, SUMENEP

from generator.docx import rujukan
from generator.docx.render import render_docx
from generator.pipeline import check
from generator.report.context import build_context


@pytest.mark.parametrize("workbook", [ALOK, SUMENEP, RAAS], ids=lambda p: p.stem)
def test_captions_found_by_style_match_a_full_parse(workbook):
    _lap, hasil, _p = check(workbook)
    data = render_docx(build_context(hasil))
    found = rujukan.captions(data)
    assert found == rujukan._captions_tree(data) and len(found) > 15
    assert all(k.split()[0] in ("Tabel", "Gambar") for k in found)


def test_without_a_citation_the_rendered_report_is_not_read(monkeypatch):
    """The check costs nothing when no staff text cites a number (it took 1,5 s of a 20.000-line build)."""
    lap, _hasil, _p = check(ALOK)
    assert not [m for _s, _c, t in rujukan._texts(lap) for m in rujukan.REF.finditer(t)]

    def boom(_docx):
        raise AssertionError("the document was parsed")

    monkeypatch.setattr(rujukan, "captions", boom)
    assert rujukan.periksa(lap, b"not even a zip") == []
