"""Read back what a rendered .docx prints (python-docx): paragraphs, tables, headings."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn


def load(path_or_bytes):
    import io

    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, (bytes, bytearray)) else str(Path(path_or_bytes))
    return docx.Document(src)


def paragraphs(document) -> list[str]:
    """Body paragraphs in order (outside tables)."""
    return [p.text for p in document.paragraphs]


def tables(document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def all_text(document) -> str:
    parts = paragraphs(document)
    for t in tables(document):
        for row in t:
            parts.append(" | ".join(row))
    return "\n".join(parts)


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def captions(document, style: str = "Judul Tabel") -> list[str]:
    return [p.text.replace("\n", " ") for p in document.paragraphs if p.style.name == style]


def table_after(document, caption_start: str) -> list[list[str]]:
    """The rows of the table that follows the caption beginning with `caption_start`."""
    body = document.element.body
    found = False
    for el in body.iterchildren():
        if el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "JudulTabel" and text.startswith(caption_start):
                found = True
        elif el.tag == qn("w:tbl") and found:
            from docx.table import Table

            t = Table(el, document._body)
            return [[c.text for c in row.cells] for row in t.rows]
    raise AssertionError(f"no table after caption {caption_start!r}")
