"""Read a report as a reader sees it: the LibreOffice PDF's text page by page (pdftotext), and where table rows fall.

Used by tests/report/test_layout.py; runnable on its own to inspect a build:
    python tests/pdf_pages.py report.docx report.pdf
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

PAGE_NUMBER = re.compile(r"^(\d+|[ivxlcdm]+)$", re.I)


def pages(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page (pdftotext, one form feed per page)."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout
    found = out.split("\f")
    return found[:-1] if found and not found[-1].strip() else found


def word_heights(pdf: Path, page: int = 1) -> tuple[float, dict[str, float]]:
    """Page height and the top (y from the top) of each word's first occurrence on the page (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    words: dict[str, float] = {}
    for y, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        words.setdefault(word, float(y))
    return height, words


MARGIN_PT = 70.9  # the report's top and bottom margins (2,5 cm); the page number sits below the bottom one


def page_fills(pdf: Path, dpi: int = 50) -> list[tuple[bool, float]]:
    """Per page: (landscape, fill), fill = how far down the body the lowest ink reaches (0..1).

    Read from a greyscale raster of each page (pdftoppm, PGM), so charts and pictures count
    as much as text; the running page number below the bottom margin does not.
    """
    import tempfile

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), f"{tmp}/p"], check=True, timeout=300)
        for f in sorted(Path(tmp).glob("p-*.pgm"), key=lambda x: int(x.stem.split("-")[1])):
            data = f.read_bytes()
            magic, w, h, _maxval, pixels = data.split(maxsplit=4)
            w, h = int(w), int(h)
            margin = round(MARGIN_PT * dpi / 72)
            body_rows = range(margin, h - margin)
            lowest = 0
            for k, y in enumerate(body_rows):
                row = pixels[y * w + w // 20: y * w + w - w // 20]
                if min(row) < 200:
                    lowest = k + 1
            out.append((w > h, lowest / len(body_rows)))
    return out


_CHAPTER = re.compile(r"(BAB [IVX]+|LAMPIRAN|KATA PENGANTAR|RINGKASAN EKSEKUTIF|DAFTAR (ISI|TABEL|GAMBAR))\b")


def underfilled(pdf: Path, texts: list[str], limit: float = 0.5) -> list[str]:
    """Pages under `limit` filled that are not the cover, a chapter's last page or a signature page."""
    flats = [flat(t) for t in texts]
    found = []
    for i, (land, fill) in enumerate(page_fills(pdf)):
        last_of_chapter = i + 1 == len(flats) or _CHAPTER.match(flats[i + 1])
        signed = "Pihak Kedua," in flats[i] and "Pihak Pertama," in flats[i]
        if fill < limit and i and not last_of_chapter and not signed:
            found.append(f"halaman {i + 1}{' (lanskap)' if land else ''}: {fill:.0%}")
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


def only_page_number(text: str) -> bool:
    """A page that prints nothing but its number (or nothing at all)."""
    words = text.split()
    return len(words) <= 1 and all(PAGE_NUMBER.match(w) for w in words)


def _key(text: str) -> str:
    return " ".join(text.split()[:8])


def _near(key: str, tokens: list[str]) -> bool:
    """The key's words in order, close together on the page (table cells interleave when read out)."""
    words = key.split()
    span = 6 * len(words) + 20
    if not words:
        return False
    for start, tok in enumerate(tokens):
        if tok != words[0]:
            continue
        i, j = 1, start + 1
        while i < len(words) and j < min(start + span, len(tokens)):
            if tokens[j] == words[i]:
                i += 1
            j += 1
        if i == len(words):
            return True
    return False


def _text(el) -> str:
    return flat("".join((t.text or "") if t.tag == qn("w:t") else " " for t in el.iter(qn("w:t"), qn("w:br"))))


def table_rows(docx_path: Path) -> list[tuple[str, list[str]]]:
    """Per generated table (those with a repeating header row): its caption and one key per body row.

    A row's key is the start of its longest cell ("" when the row is empty).
    """
    document = docx.Document(str(docx_path))
    out = []
    caption = ""
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "JudulTabel":
                caption = _text(el)
            continue
        if el.tag != qn("w:tbl"):
            continue
        rows = el.findall(qn("w:tr"))
        body = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
        if len(body) == len(rows):  # not a generated table (the PK signature block)
            continue
        rows_cells = [[_text(tc) for tc in r.findall(qn("w:tc"))] for r in body]
        seen: dict[str, int] = {}
        for cells in rows_cells:
            for c in set(cells):
                seen[_key(c)] = seen.get(_key(c), 0) + 1
        keys = []
        for cells in rows_cells:  # the longest cell whose start no other row shares, else the longest
            ranked = sorted((c for c in cells if c), key=len, reverse=True)
            unique = [c for c in ranked if seen[_key(c)] == 1 and len(c.split()) >= 2]
            keys.append(_key((unique or ranked or [""])[0]))
        # a key several rows share (the same sub kegiatan in every unit) cannot place its row: not looked for
        keys = [k if keys.count(k) == 1 else "" for k in keys]
        out.append((caption, keys))
    return out


def row_pages(caption: str, keys: list[str], flats: list[str]) -> list[int | None]:
    """The page (0-based) of each row: rows follow each other from the caption's page on (None: not found)."""
    head = " ".join(caption.split()[:5])
    at = [i for i, t in enumerate(flats) if head in t]
    if not at:
        return [None] * len(keys)
    page = at[-1]  # the Daftar Tabel lists the caption too, earlier
    tokens = [t.split() for t in flats]
    found: list[int | None] = []
    for key in keys:
        hit = next((i for i in range(page, min(page + 3, len(flats))) if key and _near(key, tokens[i])), None)
        found.append(hit)
        if hit is not None:
            page = hit
    return found


def header_words(docx_path: Path) -> set[str]:
    """The words of the generated tables' header rows (first header row), four letters or longer."""
    document = docx.Document(str(docx_path))
    words = set()
    for tbl in document.element.body.iter(qn("w:tbl")):
        first = tbl.find(qn("w:tr"))
        if first is None or first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            continue
        for tc in first.findall(qn("w:tc")):
            words.update(w for w in _text(tc).split() if len(w) >= 4)
    return words


def broken_words(docx_path: Path, texts: list[str]) -> set[str]:
    """Header words the PDF prints broken: a piece of the word ("Realisa" of "Realisasi") stands alone.

    A piece counts when the document never has it as a word of its own.
    """
    document = docx.Document(str(docx_path))
    known = {w for t in document.element.body.iter(qn("w:t")) for w in (t.text or "").split()}
    pieces = {tok for t in texts for tok in t.split()} - known
    return {w for w in header_words(docx_path) if any(3 <= len(p) < len(w) and w.startswith(p) for p in pieces)}


def lone_rows(docx_path: Path, texts: list[str]) -> list[str]:
    """Tables running over several pages that leave a single row alone on one of them.

    A row counts as alone only when the rows next to it are found on other pages (a row that
    could not be placed may share its page).
    """
    flats = [flat(t) for t in texts]
    found = []
    for caption, keys in table_rows(docx_path):
        where = row_pages(caption, keys, flats)
        located = [p for p in where if p is not None]
        if len(keys) < 2 or len(located) < len([k for k in keys if k]) or len(set(located)) < 2:
            continue
        for page in sorted(set(located)):
            if located.count(page) != 1 or (page == located[0] and keys.count("") != 0):
                continue
            i = where.index(page)
            before = where[i - 1] if i else page - 1
            after = where[i + 1] if i + 1 < len(where) else page + 1
            if before is not None and after is not None:
                found.append(f"{caption}: satu baris sendirian di halaman {page + 1}")
    return found


def _row_shape(tr) -> tuple[int, bool, bool, bool]:
    """(indent of its most indented cell, bold, shaded, first two cells empty) of a table row."""
    indent = max([int(ind.get(qn("w:left"), "0")) for ind in tr.iter(qn("w:ind"))] + [0])
    bold = tr.find(f".//{qn('w:b')}") is not None
    shaded = tr.find(f".//{qn('w:shd')}") is not None
    cells = tr.findall(qn("w:tc"))
    return indent, bold, shaded, not any(_text(tc) for tc in cells[:2])


def group_rows_last(docx_path: Path, texts: list[str]) -> list[str]:
    """Group rows (a unit or sub-heading, a row with rows indented under it, a bold row over plain ones, a row
    continued by the next: a sasaran's second indicator) printed last on a page, their rows on the next."""
    document = docx.Document(str(docx_path))
    flats = [flat(t) for t in texts]
    tables = [t for t in document.element.body.iter(qn("w:tbl"))
              if (first := t.find(qn("w:tr"))) is not None and first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    found = []
    for (caption, keys), tbl in zip(table_rows(docx_path), tables):
        body = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
        where = row_pages(caption, keys, flats)
        shapes = [_row_shape(r) for r in body]
        for i in range(len(body) - 1):
            (ind_a, bold_a, shade_a, unlabelled_a), (ind_b, bold_b, shade_b, cont_b) = shapes[i], shapes[i + 1]
            last_row = i + 1 == len(body) - 1 and shade_b  # the total row
            heads = (shade_a and not last_row) or ind_b > ind_a or (bold_a and not bold_b) or (cont_b and not unlabelled_a and not shade_b)
            if heads and not last_row and where[i] is not None and where[i + 1] is not None and where[i] != where[i + 1]:
                found.append(f"{caption}: baris '{keys[i]}' di akhir halaman {where[i] + 1}")
    return found


if __name__ == "__main__":
    doc, pdf = Path(sys.argv[1]), Path(sys.argv[2])
    texts = pages(pdf)
    for i, t in enumerate(texts, 1):
        if only_page_number(t):
            print(f"halaman {i}: hanya nomor halaman")
    for msg in lone_rows(doc, texts):
        print(msg)
    print("kata judul kolom terpotong:", sorted(broken_words(doc, texts)))
    for msg in group_rows_last(doc, texts):
        print(msg)
    for caption, keys in table_rows(doc):
        print(caption[:60], row_pages(caption, keys, [flat(t) for t in texts]))


_AMOUNT = re.compile(r"\(?Rp\s?\d{1,3}(\.\d{3}){2,}")


def stretched_lines(pdf: Path, limit: float = 8.0) -> list[str]:
    """Lines whose spaces are stretched to `limit` pt or more on average because a long Rupiah figure could not
    follow on the line and starts the next one (a normal justified space is 3-5 pt at 11 pt)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                         timeout=120).stdout
    word = re.compile(r'<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>')
    found = []
    for pno, page in enumerate(out.split("<page ")[1:], 1):
        for block in re.findall(r"<block[^>]*>(.*?)</block>", page, re.S):
            lines = [word.findall(body) for body in re.findall(r"<line[^>]*>(.*?)</line>", block, re.S)]
            for words, nxt in zip(lines, lines[1:]):
                if len(words) < 3 or not nxt or not _AMOUNT.match(nxt[0][2]):
                    continue
                gaps = [float(b[0]) - float(a[1]) for a, b in zip(words, words[1:])]
                if sum(gaps) / len(gaps) >= limit:
                    found.append(f"halaman {pno}: …{' '.join(w[2] for w in words)[-50:]} / {nxt[0][2]}")
    return found


def daftar_entries(layout_texts: list[str], heading: str, prefix: str) -> list[str]:
    """The entries of an index (heading "DAFTAR TABEL", entries starting with "Tabel ") from `pages(pdf, layout=True)`,
    each a list of its printed lines joined by " | "."""
    entries: list[list[str]] = []
    inside = False
    for text in layout_texts:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if lines and lines[0] == heading:
            inside = True
            lines = lines[1:]
        elif inside and lines and (_CHAPTER.match(lines[0]) or lines[0].isupper()):
            break
        if not inside:
            continue
        for ln in lines:
            if PAGE_NUMBER.match(ln):
                continue
            if ln.startswith(prefix) or not entries:
                entries.append([ln])
            else:
                entries[-1].append(ln)
    return [" | ".join(e) for e in entries]


# the last printed line of an entry: some of its title, a dotted leader, the page number
ENTRY_END = re.compile(r"(^|\| )[^|]*[^.\s|][^|]*?\.{3,}\s?(\d+|[ivxlc]+)$")
