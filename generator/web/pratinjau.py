"""A plain preview of a written report (.docx) in the browser, for offices without LibreOffice:
headings, paragraphs, lists, captions and tables in document order (python-docx reads the file;
charts and pictures are named, not drawn). The PDF, when there is one, is the true picture."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAKS_BAGIAN = 3000  # paragraphs + table rows shown; a 20.000-line report's tables are cut, with a note

_HEADINGS = {"Title": 2, "Heading 1": 2, "Heading 2": 3, "Heading 3": 4, "Judul Sasaran": 5}
_CAPTIONS = ("Judul Tabel", "Judul Gambar")


@dataclass
class Bagian:
    """One block of the preview: `jenis` is judul (with `tingkat`), paragraf, butir, keterangan, gambar or tabel."""

    jenis: str
    teks: str = ""
    tingkat: int = 0
    baris: list[list[str]] = field(default_factory=list)
    dipotong: int = 0  # table rows left out


def pratinjau(path: Path) -> tuple[list[Bagian], int]:
    """The blocks of the report in order, and how many paragraphs/rows were left out."""
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[Bagian] = []
    budget = MAKS_BAGIAN
    left_out = 0
    for child in document.element.body.iterchildren():
        if budget <= 0:
            left_out += 1
            continue
        if child.tag == qn("w:p"):
            p = Paragraph(child, document)
            style = p.style.name if p.style is not None else ""
            if style.lower().startswith("toc"):
                continue
            if child.xpath(".//w:drawing"):
                out.append(Bagian("gambar", p.text.strip() or "grafik/gambar"))
            text = p.text.strip()
            if not text:
                continue
            budget -= 1
            if style in _HEADINGS:
                out.append(Bagian("judul", text, _HEADINGS[style]))
            elif style in _CAPTIONS:
                out.append(Bagian("keterangan", text))
            elif "List" in style:
                out.append(Bagian("butir", text))
            else:
                out.append(Bagian("paragraf", text))
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            rows = []
            for row in table.rows:
                prev, cells = None, []
                for cell in row.cells:  # a horizontally merged cell comes back once per grid column
                    if cell._tc is not prev:
                        cells.append(cell.text.strip())
                    prev = cell._tc
                rows.append(cells)
            shown = rows[:max(budget, 1)]
            budget -= len(shown)
            out.append(Bagian("tabel", baris=shown, dipotong=len(rows) - len(shown)))
    return out, left_out
