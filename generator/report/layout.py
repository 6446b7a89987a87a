"""How a generated table sits on the page: column widths, portrait or landscape, what stays together.

Measured, not guessed from the column count: text widths use Arial's advance widths (the
template's font; Liberation Sans, which LibreOffice substitutes, has the same metrics).

- Column widths: each column at least as wide as the longest word of its header (bold) and
  of its cells, so "Realisasi" never breaks into "Realisa|si"; the rest shared by how much
  text each column holds, weighted by the columns' relative widths (`Kolom.lebar`).
  The column-number row ("7 = 6/5 × 100") always fits on one line.
- Compact: a table too wide for a portrait page that fits one at 8 pt (`compact`) is printed
  upright at 8 pt rather than in a landscape section of its own.
- Orientation: a table marked `lanskap` gets a landscape section only when it needs one:
  its words do not fit across a portrait page, or it would take more pages upright.
- Empty columns: a column holding nothing ("" or "-" in every row) is not printed
  (`tanpa_kolom_kosong`); the column numbers and their formulas are renumbered.
- Keeping together: rows never split (cantSplit); a table of up to `KEEP_ROWS` rows that takes
  at most `KEEP_WHOLE` of a page is kept whole (keep-with-next on every row but the last); a
  longer one breaks where the page ends, with its header repeated, keeping its first rows
  with its header and its last two rows together, so no row is left alone, and each group row
  (unit, program, kegiatan, a sasaran's first indicator) with the row under it. Keeping a taller
  table whole would move it to the next page and leave the rest of this one blank.
"""

from __future__ import annotations

import functools
import math
import re

from ..base import page
from ..base.specs import Baris, Tabel

KEEP_ROWS = 15
KEEP_WHOLE = 0.4  # a table kept whole takes at most this share of a page: moving it leaves at most that blank
FONT_PT = 9  # the Isi Tabel style
LINE_TWIPS = 207  # one 9 pt line of Arial at single spacing (1.15 em)
CELL_MARGIN = 2 * 57 + 30  # left and right cell margins of `ooxml.table`, and a little slack for rounding
BODY_H_PORTRAIT = page.PAGE_H - page.MARGIN_T - page.MARGIN_B
BODY_H_LANDSCAPE = page.PAGE_W - page.MARGIN_T - page.MARGIN_B
MEASURE_ROWS = 200  # longer tables: heights estimated from an evenly spread sample of this many rows
SAMPLE = 150  # words measured from the first and last rows of a very long table

# Arial advance widths in 1/1000 em: regular and bold, for printable ASCII 32..126.
_REGULAR = (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
            556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
            556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
            556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
            500, 500, 500, 334, 260, 334, 584)
_BOLD = (278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
         556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
         722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
         556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
         280, 389, 584)


class _Widths(dict):
    """Advance width per character; any other letter: a wide average."""

    def __missing__(self, _ch: str) -> int:
        return 600


_WIDTHS = {False: _Widths((chr(32 + i), w) for i, w in enumerate(_REGULAR)),
           True: _Widths((chr(32 + i), w) for i, w in enumerate(_BOLD))}


@functools.lru_cache(maxsize=1 << 14)
def text_twips(text: str, *, bold: bool = False, size: float = FONT_PT) -> int:
    """Width of one line of text in twentieths of a point (summed in C). Kept for the last 16.384 texts: the
    layout of a 20.000-line report asks 72.000 times for 6.600 different words and cells."""
    em = sum(map(_WIDTHS[bold].__getitem__, text))
    return int(em * size * 20 / 1000) + 1


_NUMBER = re.compile(r"[\d.,%()+\-−–=×/ ]+|[A-Z]{1,3}\.?[\d.]*|[IVXLC]+")  # 1.234,5 / 7 = 6/5 × 100 / BB / 7.01.01 / IV


BOLD_STYLES = ("tebal", "total", "unit", "program", "subjudul")


def _cells(spec: Tabel, i: int, *, bold: bool = False) -> list[str]:
    """Column i's cells (of a very long table, its first and last rows); `bold`: only those of bold rows."""
    rows = spec.baris
    if len(rows) > 2 * SAMPLE:
        rows = rows[:SAMPLE] + rows[-SAMPLE:]
    if bold:
        rows = [r for r in rows if r.gaya in BOLD_STYLES]
    return [str(r.sel[i]) for r in rows if i < len(r.sel) and r.sel[i] not in (None, "")]


def _longest_word(texts, *, bold: bool, size: float = FONT_PT) -> int:
    best = 0
    for text in set(texts):
        for word in text.split():
            if len(word) > 3:
                best = max(best, text_twips(word, bold=bold, size=size))
    return best


_MINS: dict[tuple[int, float], tuple[Tabel, tuple[int, int], list[int]]] = {}  # kept while `measuring()` runs
_MEASURING: list[bool] = []


class measuring:
    """`with layout.measuring():` keeps each table's `min_widths` for one render, which asks for them two to
    four times a table (landscape or not, compact or not, the widths of the XML). Keyed by the table itself
    (held, so its id stays its own) and its numbers of rows and columns; a table is not changed while it is rendered."""

    def __enter__(self) -> None:
        _MEASURING.append(True)

    def __exit__(self, *exc: object) -> None:
        _MEASURING.pop()
        if not _MEASURING:
            _MINS.clear()


def min_widths(spec: Tabel, size: float = FONT_PT) -> list[int]:
    """Per column: its longest header word (bold) or cell word, whichever is wider, with the cell margins."""
    hit = _MINS.get((id(spec), size))
    if hit is not None and hit[0] is spec and hit[1] == (len(spec.baris), len(spec.kolom)):
        return hit[2].copy()
    out = []
    for i, col in enumerate(spec.kolom):
        head = _longest_word([col.judul], bold=True, size=size)
        body = max(_longest_word(_cells(spec, i), bold=False, size=size),
                   _longest_word(_cells(spec, i, bold=True), bold=True, size=size))  # bold rows: program, unit, total
        if col.rata != "kiri":  # numbers and short codes: the whole cell on one line (bold in total rows); words may wrap
            body = max([int(text_twips(c, size=size) * 1.06) for c in set(_cells(spec, i)) if len(c) <= 24 and _NUMBER.fullmatch(c)] + [body])
        # the column-number row ("7 = 6/5 × 100", 8 pt italic) on one line
        nomor = int(text_twips(spec.nomor_kolom[i], size=size - 1) * 1.05) if i < len(spec.nomor_kolom) else 0
        out.append(max(head, body, nomor, 300) + CELL_MARGIN)
    if _MEASURING:
        _MINS[(id(spec), size)] = (spec, (len(spec.baris), len(spec.kolom)), out.copy())
    return out


def max_widths(spec: Tabel, mins: list[int], size: float = FONT_PT) -> list[int]:
    """Per column: the width that holds its longest cell (or header line) unbroken, at least its minimum."""
    out = []
    for i, col in enumerate(spec.kolom):
        widest = max([text_twips(line, size=size) for c in set(_cells(spec, i)) for line in c.split("\n")] + [0])
        widest = max(widest, max(text_twips(line, bold=True, size=size) for line in col.judul.split("\n")))
        out.append(max(widest + CELL_MARGIN, mins[i]))
    return out


def widths(spec: Tabel, total: int, mins: list[int] | None = None, size: float = FONT_PT) -> list[int]:
    """Column widths summing to `total`, as browsers lay out tables, with `Kolom.lebar` as weights.

    Every column gets at least its longest word. When every cell fits on one line, each column
    gets its longest line and the rest is shared by weight; otherwise the room above the
    minima goes to the columns by how much more text they hold (times their weight), so a
    column of long definitions widens and a column of "-" does not.
    """
    weights = [max(float(c.lebar), 0.1) for c in spec.kolom]
    mins = mins if mins is not None else min_widths(spec, size)
    if sum(mins) >= total:  # cannot fit every word: shrink the minima alike
        ws = [int(total * m / sum(mins)) for m in mins]
    else:
        maxs = max_widths(spec, mins, size)
        if sum(maxs) <= total:
            ws = [int(m + (total - sum(maxs)) * w / sum(weights)) for m, w in zip(maxs, weights)]
        else:
            want = [(mx - mn) * w for mn, mx, w in zip(mins, maxs, weights)]
            room = total - sum(mins)
            ws = [int(mn + room * x / sum(want)) for mn, x in zip(mins, want)]
    ws[-1] += total - sum(ws)
    return ws


def _lines(text: str, width: int, *, bold: bool, size: float = FONT_PT) -> int:
    """Lines a cell's text takes at `width` twips (greedy word wrap)."""
    avail = max(width - CELL_MARGIN, 200)
    space = text_twips(" ", bold=bold, size=size)
    lines = 0
    for para in str(text).split("\n"):
        lines += 1
        x = 0
        for word in para.split():
            w = text_twips(word, bold=bold, size=size)
            if x and x + space + w > avail:
                lines += 1
                x = 0
            x += (space if x else 0) + w
            while x > avail:  # a word wider than the column breaks
                lines += 1
                x -= avail
    return lines


def height(spec: Tabel, ws: list[int], size: float = FONT_PT) -> int:
    """Estimated height of the table in twips, header rows included."""
    line = LINE_TWIPS * size / FONT_PT
    head = max(_lines(c.judul, w, bold=True, size=size) for c, w in zip(spec.kolom, ws)) * line + 40
    total = head + (line if spec.nomor_kolom else 0)
    for row in spec.baris:
        bold = row.gaya in BOLD_STYLES
        total += max([_lines(c, w, bold=bold, size=size) for c, w in zip(row.sel, ws) if c] + [1]) * line + 20
    return int(total)


def _sampled(spec: Tabel) -> tuple[Tabel, float]:
    """A very long table's evenly spread sample of rows, and the factor that scales its height to the whole."""
    n = len(spec.baris)
    if n <= MEASURE_ROWS:
        return spec, 1.0
    step = math.ceil(n / MEASURE_ROWS)
    rows = spec.baris[::step]
    return Tabel(spec.judul, spec.kolom, rows, nomor_kolom=spec.nomor_kolom), n / len(rows)


def landscape(spec: Tabel) -> bool:
    """Whether the table gets a landscape section (see the module text).

    Forced when its words do not fit across a portrait page. A table marked `lanskap` turns
    only when that saves a page and its last landscape page is at least half filled: a
    landscape page holding a few rows reads worse than a portrait table running on.
    """
    mins = min_widths(spec)
    if sum(mins) > page.TEXT_W_PORTRAIT:
        return True
    if not spec.lanskap:
        return False
    sample, scale = _sampled(spec)
    upright = height(sample, widths(spec, page.TEXT_W_PORTRAIT, mins)) * scale / BODY_H_PORTRAIT
    wide = height(sample, widths(spec, page.TEXT_W_LANDSCAPE, mins)) * scale / BODY_H_LANDSCAPE + 0.08  # its heading and caption
    last = wide - math.floor(wide)
    return math.ceil(upright) > math.ceil(wide) and (last == 0 or last >= 0.5)


SMALL_PT = 8  # a table too wide for a portrait page at 9 pt that fits at this size stays portrait
SLACK = 30  # of CELL_MARGIN: rounding room a compact table may give up


def compact(spec: Tabel) -> bool:
    """Whether a table that `landscape` turns fits a portrait page at `SMALL_PT` and takes at most a page and a
    half: a smaller type keeps it in the flow of the chapter instead of a landscape section of its own."""
    mins = min_widths(spec, SMALL_PT)
    if len(spec.baris) > MEASURE_ROWS or sum(mins) - (SLACK - 10) * len(spec.kolom) > page.TEXT_W_PORTRAIT:
        return False
    # only a table of about a page: a long one reads better turned than squeezed
    return height(spec, widths(spec, page.TEXT_W_PORTRAIT, mins, SMALL_PT), SMALL_PT) <= 1.5 * BODY_H_PORTRAIT


def kept_rows(spec: Tabel, ws: list[int], *, landscape: bool, size: float = FONT_PT) -> set[int]:
    """Indexes of body rows whose paragraphs keep with the next row.

    A small table (at most `KEEP_WHOLE` of a page) is kept whole; a longer one keeps its first
    two rows with its header and its last two rows together, and breaks where the page ends.
    """
    n = len(spec.baris)
    if n <= KEEP_ROWS:
        page = BODY_H_LANDSCAPE if landscape else BODY_H_PORTRAIT
        # the estimate runs up to a tenth short of LibreOffice
        if height(spec, ws, size) * 1.15 <= KEEP_WHOLE * page:
            return set(range(n - 1))
    return {i for i in (0, n - 2) if 0 <= i < n - 1} | grouped_rows(spec)


GROUP_STYLES = ("unit", "subjudul")  # rows that head the rows below them
MAX_CHAIN = 8  # at most this many rows chained together: a longer group breaks inside


def grouped_rows(spec: Tabel) -> set[int]:
    """Rows that keep with the next one because they head it: a unit or sub-heading row, a row whose next
    row is indented under it (program → kegiatan → sub kegiatan) or a bold row over plain ones (Tujuan over its
    sasaran), and a labelled row whose next row continues it (its first two cells empty: a sasaran's second
    indicator)."""
    rows = spec.baris
    out: set[int] = set()
    chain = 0
    labelled = [_labelled(row.sel) for row in rows]  # once a row
    for r in range(len(rows) - 1):
        a, b = rows[r], rows[r + 1]
        continues = labelled[r] and not labelled[r + 1] and any(_cell(b, i).strip() for i in range(len(b.sel)))
        heads = a.gaya in GROUP_STYLES or b.indent > a.indent or (a.gaya == "tebal" and b.gaya == "biasa")
        if b.gaya != "total" and (heads or continues) and chain < MAX_CHAIN:
            out.add(r)
            chain += 1
        else:
            chain = 0
    return out


KOSONG = ("", "-")


def _labelled(sel: list) -> bool:
    """Whether one of a row's first two cells (its number or label) holds something."""
    for c in sel[:2]:
        if c is not None and (c.strip() if c.__class__ is str else str(c).strip()):
            return True
    return False


def _cell(row: Baris, i: int) -> str:
    return str(row.sel[i]) if i < len(row.sel) and row.sel[i] is not None else ""


def kolom_kosong(spec: Tabel) -> list[int]:
    """Indexes of the columns that hold nothing in any row (never the first: the row numbers or labels)."""
    return [i for i in range(1, len(spec.kolom)) if all(_cell(r, i).strip() in KOSONG for r in spec.baris)]


def tanpa_kolom_kosong(spec: Tabel) -> Tabel:
    """The table without its empty columns, its column numbers ("7 = 6/5 × 100") renumbered; the same spec when none is."""
    drop = set(kolom_kosong(spec)) if spec.baris else set()
    if not drop:
        return spec
    keep = [i for i in range(len(spec.kolom)) if i not in drop]
    new = {str(old + 1): str(k + 1) for k, old in enumerate(keep)}

    def number(k: int, label: str) -> str:
        refs = [x for x in re.findall(r"\d+", label) if int(x) <= len(spec.kolom)]
        if any(x not in new for x in refs):  # a formula over a column not printed: only its number
            return str(k + 1)
        return re.sub(r"\d+", lambda m: new.get(m.group(), m.group()) if int(m.group()) <= len(spec.kolom) else m.group(), label)

    return Tabel(spec.judul, [spec.kolom[i] for i in keep],
                 [Baris([_cell(r, i) for i in keep], r.gaya, r.indent) for r in spec.baris],
                 nomor_kolom=[number(k, spec.nomor_kolom[i]) for k, i in enumerate(keep)],
                 lanskap=spec.lanskap, catatan=spec.catatan)
