"""From worksheet rows to typed values: header matching, rows by column key, typed getters.

Columns are found by their header text (contract), wherever staff put them. Every getter
returns a value or None and, for anything unreadable, records a Problem at the cell —
never a silent zero. `Cells` holds those problems for one workbook.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ..base import contract
from ..base.contract import Column, Sheet, normalize_header
from ..base.numbers import LONGEST_BLANK, ParseError, amount_readings, clean_text, is_blank, parse_number, parse_value
from ..base.problems import Problem, column_letter, problem
from .xlsx import SheetCells, Xlsx, from_excel
from .xlsx_safety import MAX_CELL_CHARS, MAX_MONEY, PARSER_ERRORS, ReadError

EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
_DASHES = {"-", "–", "—", "-,-", "Rp -", "Rp-"}
_EXACT = 2.0 ** 53  # integers a float holds exactly


def _same(value: object) -> object:
    """A value as both readers give it: a whole number as an int (`7`, not `7.0`), a date as a datetime."""
    kind = value.__class__
    if kind is float and value.is_integer() and -_EXACT < value < _EXACT:
        return int(value)
    if kind is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    if kind is dt.timedelta:  # a duration format ([h]:mm): the XML reader reads it as a time of day or a date
        return from_excel(value.total_seconds() / 86400)
    return value


UNKNOWN_TEXT_ROWS = 3  # rows of text under an unknown header that make it an error, not a warning


def closest_header(spec: Sheet, header: str) -> str:
    """The known header of `spec` most like `header` (its aliases count, the column's own header is named);
    text columns first, as an unknown column full of text most likely meant one of them."""
    import difflib

    norm = normalize_header(header)
    best, score = "", -1.0
    for col in spec.columns:
        if col.pattern:
            continue
        for known in col.known_headers:
            ratio = difflib.SequenceMatcher(None, norm, normalize_header(known)).ratio() + (0.2 if col.kind == "text" else 0)
            if ratio > score:
                best, score = col.header, ratio
    return best


class Cell:
    """A read cell; its reference and number format are worked out only when asked for."""

    __slots__ = ("value", "letter", "row", "_sheet", "_col")

    def __init__(self, value: object, letter: str, row: int, sheet: SheetCells | None = None, col: int = 0):
        self.value, self.letter, self.row, self._sheet, self._col = value, letter, row, sheet, col

    @property
    def ref(self) -> str:
        return f"{self.letter}{self.row}"

    @property
    def number_format(self) -> str:
        return self._sheet.number_format(self.row, self._col) if self._sheet is not None else "General"

    @property
    def percent(self) -> bool:
        """Formatted as a percentage (Excel stores 85% as 0.85)."""
        return isinstance(self.value, (int, float)) and self._sheet is not None and self._sheet.percent_format(self.row, self._col)


@dataclass
class Row:
    number: int
    cells: dict[str, Cell]  # column key (or "target:2024") -> cell
    sheet: str
    letters: dict[str, str] = field(default_factory=dict)  # column key -> column letter

    def ref(self, key: str) -> str:
        """The cell of `key` in this row, also when it is blank ("" if the column is absent)."""
        c = self.cells.get(key)
        if c:
            return c.ref
        letter = self.letters.get(key)
        return f"{letter}{self.number}" if letter else ""


_NO_TEXT: frozenset[str] = frozenset()


class RowRefs(Mapping[str, str]):
    """The cell references of one budget line (`.get(key, default)` -> "D12"), worked out when a problem needs
    one from the row number and the sheet's column letters; it keeps neither the sheet nor its cells, only
    which of `TEXT_KEYS` held text when read."""

    __slots__ = ("number", "_letters", "_text")
    TEXT_KEYS = ("pagu", "realisasi")  # amounts whose reading validate judges by how they were typed

    def __init__(self, row: Row):
        self.number = row.number
        self._letters = row.letters  # one dict per sheet, shared by its rows
        cells = row.cells
        pagu, realisasi = cells.get("pagu"), cells.get("realisasi")  # TEXT_KEYS, spelled out: 20.000 rows
        if (pagu is not None and pagu.value.__class__ is str) or (realisasi is not None and realisasi.value.__class__ is str):
            self._text = frozenset(k for k in self.TEXT_KEYS if (c := cells.get(k)) is not None and isinstance(c.value, str))
        else:
            self._text = _NO_TEXT

    def get(self, key: str, default: str = "") -> str:
        letter = self._letters.get(key)
        return f"{letter}{self.number}" if letter else default

    def __getitem__(self, key: str) -> str:
        return self.get(key)

    def typed_as_text(self, key: str) -> bool:
        """The cell of `key` held text (a number typed as text is read, so it can be misread)."""
        return key in self._text

    def __contains__(self, key: object) -> bool:
        return key in self._letters

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


@dataclass
class SheetData:
    name: str
    rows: list[Row]
    columns: dict[str, str] = field(default_factory=dict)  # key -> header letter
    years: dict[str, list[int]] = field(default_factory=dict)  # "target"/"realisasi" -> years


@functools.lru_cache(maxsize=None)
def _choice_map(choices: tuple[str, ...]) -> dict[str, str]:
    """Each option under its own spelling and its normalized form."""
    out = {normalize_header(o): o for o in choices}
    out.update({o: o for o in choices})
    return out


def _kv_value(row: Row) -> object:
    cell = row.cells.get("nilai")
    value = cell.value if cell is not None else None
    return value.strip() if isinstance(value, str) else value


class Cells:
    """Reads the sheets of one workbook into rows and typed values, collecting problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, sheet: str, cell: str = "", **kw: object) -> None:
        self.problems.append(problem(code, sheet, cell, **kw))

    # -- sheets and rows -----------------------------------------------------
    def load_sheets(self, book: Xlsx, only: tuple[str, ...] | None = None) -> dict[str, SheetData]:
        """The contract's sheets found in the workbook (by normalized name), as rows; `only`: just these."""
        sheets: dict[str, SheetData] = {}
        try:
            for title, part, spec in self.pick_sheets(book.sheets, book.hidden):
                if only is None or spec.name in only:
                    sheets[spec.name] = self.read_sheet(book, title, part, spec)
        except ReadError:
            raise
        except PARSER_ERRORS as exc:  # a damaged sheet part (a bug of lkjip's own is not called "berkas rusak")
            raise ReadError.damaged(book.path, exc) from exc
        return sheets

    def pick_sheets(self, found: list[tuple[str, str]], hidden: dict[str, str] | None = None) -> list[tuple[str, str, Sheet]]:
        """The worksheet read for each sheet of the contract, as (title, part, spec).

        Names match as headers do (`ANGGARAN_` is `Anggaran`), so a copied sheet can match too:
        the sheet named exactly as the contract is read and every other match is `sheet.ganda`
        at that sheet (a warning); with no exact name, none is guessed (an error at each).
        A hidden contract sheet beside a visible sheet named after it (`Anggaran (2)`, Excel's name
        for a copy; `Kinerja revisi`) is an error naming both: the edited copy would be ignored.
        """
        if hidden:
            self._hidden_beside_copy(found, hidden)
        by_spec: dict[str, list[tuple[str, str]]] = {}
        specs: dict[str, Sheet] = {}
        for title, part in found:
            spec = contract.SHEET_BY_NAME.get(normalize_header(title))
            if spec is not None:
                by_spec.setdefault(spec.name, []).append((title, part))
                specs[spec.name] = spec
        out = []
        for name, candidates in by_spec.items():
            if len(candidates) == 1:
                out.append((*candidates[0], specs[name]))
                continue
            exact = [c for c in candidates if c[0] == name]
            for title, _part in candidates:
                if exact and title == name:
                    continue
                others = ", ".join(f"'{t}'" for t, _ in candidates if t != title)
                code = "sheet.ganda" if exact else "sheet.ganda-tanpa-asli"
                self.add(code, title, "A1", found=title, expected=name, names=others)
            if exact:
                out.append((*exact[0], specs[name]))
        return out

    def _hidden_beside_copy(self, found: list[tuple[str, str]], hidden: dict[str, str]) -> None:
        import re

        for title, _part in found:
            spec = contract.SHEET_BY_NAME.get(normalize_header(title))
            if spec is None or title not in hidden:
                continue
            word = re.compile(r"(?<![a-z0-9])" + re.escape(normalize_header(spec.name)) + r"(?![a-z0-9])")
            copies = [t for t, _p in found if t != title and t not in hidden
                      and contract.SHEET_BY_NAME.get(normalize_header(t)) is None and word.search(normalize_header(t))]
            if copies:
                state = "sangat tersembunyi (veryHidden)" if hidden[title] == "veryHidden" else "tersembunyi"
                self.add("sheet.tersembunyi-ada-salinan", title, "A1", hidden=title, state=state, copy=copies[0],
                         expected=spec.name)

    def match_headers(self, spec: Sheet, header_cells) -> tuple[dict[int, tuple[str, Column]], dict[str, list[int]]]:
        by_index: dict[int, tuple[str, Column]] = {}
        years: dict[str, list[int]] = {}
        seen: dict[str, str] = {}
        self._unknown: list[tuple[int, str]] = []  # (column index, header) of headers no column matches
        for idx, value in header_cells:
            if value is None or clean_text(value) == "":
                continue
            norm = normalize_header(value)
            ref = f"{column_letter(idx + 1)}1"
            for col in spec.columns:
                m = col.matches(norm)
                if not m:
                    continue
                key = col.key
                if col.pattern:
                    year = int(m.group(1))  # type: ignore[union-attr]
                    key = f"{col.key}:{year}"
                    years.setdefault(col.key, []).append(year)
                if key in seen:
                    self.add("kolom.ganda", spec.name, ref, header=clean_text(value))
                else:
                    seen[key] = ref
                    by_index[idx] = (key, col)
                break
            else:
                self._unknown.append((idx, clean_text(value)))
        present = {k.split(":")[0] for k in seen}
        for col in spec.columns:
            if col.required and col.key not in present:
                self.add("kolom.tidak-ada", spec.name, "A1", header=col.header)
        return by_index, years

    def read_sheet(self, book: Xlsx, title: str, part: str, spec: Sheet) -> SheetData:
        """The rows of a sheet by column key; cells that hold no usable value become problems here."""
        grid = book.sheet(title, part)
        rows = grid.rows
        header: list = []
        start = 0
        if rows and rows[0][0] == 1:  # without a header row in row 1, every column is missing
            header = [(i, _same(v)) for i, v in enumerate(rows[0][1])]
            start = 1
        by_index, years = self.match_headers(spec, header)
        self._unknown_columns(spec, rows[start:], self._unknown)
        data = SheetData(spec.name, [], {k: column_letter(i + 1) for i, (k, _) in by_index.items()}, years)
        columns = [(idx, key, column_letter(idx + 1)) for idx, (key, _col) in sorted(by_index.items())]
        special = grid.special
        name = spec.name
        for i in range(start, len(rows)):
            rownum, values = rows[i]
            width = len(values)
            row_cells: dict[str, Cell] = {}
            for idx, key, letter in columns:
                if idx >= width:
                    break
                value = values[idx]
                kind = value.__class__
                if kind is str:
                    if not value:
                        if special and (rownum, idx) in special:
                            self._special(name, letter, rownum, special[(rownum, idx)])
                        continue
                    if len(value) > MAX_CELL_CHARS:
                        self.add("teks.terlalu-panjang", name, f"{letter}{rownum}", found=f"{len(value):,}".replace(",", "."),
                                 limit="32.767")
                        continue
                    stripped = value.strip()
                    if not stripped:
                        continue
                    if stripped in EXCEL_ERRORS:
                        self.add("rumus.galat", name, f"{letter}{rownum}", found=stripped)
                        continue
                elif value is None:
                    continue
                elif kind is float or kind is dt.date or kind is dt.timedelta:  # calamine: 7.0, date(…), timedelta(…)
                    if kind is float and not math.isfinite(value):  # `<v>NaN</v>`, `<v>1e999</v>`: not Excel's
                        self.add("nilai.tidak-hingga", name, f"{letter}{rownum}", found=str(value))
                        continue
                    value = _same(value)
                row_cells[key] = Cell(value, letter, rownum, grid, idx)
            if row_cells:
                data.rows.append(Row(rownum, row_cells, name, data.columns))
        return data

    def _unknown_columns(self, spec: Sheet, rows: list, unknown: list[tuple[int, str]]) -> None:
        """`kolom.tidak-dikenal` (a warning) for a header no column matches; an error when that column holds
        text in UNKNOWN_TEXT_ROWS rows or more (staff's analysis under `Analisa Capaian` would otherwise be
        dropped in silence), naming the closest known header. A header starting with `Catatan` is a note."""
        for idx, header in unknown:
            ref = f"{column_letter(idx + 1)}1"
            norm = normalize_header(header)
            texts = [] if spec.key_value or norm.startswith(contract.NOTE_HEADERS) else [
                values[idx] for _n, values in rows
                if idx < len(values) and isinstance(values[idx], str) and any(ch.isalpha() for ch in values[idx])]
            if len(texts) < UNKNOWN_TEXT_ROWS:
                self.add("kolom.tidak-dikenal", spec.name, ref, header=header)
                continue
            example = clean_text(texts[0])
            example = f"'{example[:40]}…'" if len(example) > 40 else f"'{example}'"
            self.add("kolom.tidak-dikenal-berisi", spec.name, ref, header=header, n=len(texts), contoh=example,
                     closest=closest_header(spec, header))

    def _special(self, sheet: str, letter: str, rownum: int, what: tuple[str, str]) -> None:
        kind, text = what
        if kind == "f":
            self.add("rumus.tanpa-nilai", sheet, f"{letter}{rownum}", found=text[:60])
        else:
            self.add("rumus.galat", sheet, f"{letter}{rownum}", found=text)

    # -- typed getters -------------------------------------------------------
    def text(self, row: Row, key: str, *, dash_is_blank: bool = True) -> str:
        """A text cell, stripped; a dash or `n/a` typed for "nothing" is empty, as the empty cell is."""
        c = row.cells.get(key)
        if c is None:
            return ""
        value = c.value
        if isinstance(value, str):
            text = value.strip()
            if len(text) > LONGEST_BLANK:  # most text: no blank is this long (is_blank's own first test)
                return text
        elif isinstance(value, float) and value.is_integer():
            return str(int(value))
        else:
            text = clean_text(value)
        return "" if dash_is_blank and is_blank(text) else text

    def number(self, row: Row, key: str, *, as_percent: bool = False, dash_is_zero: bool = False) -> Decimal | None:
        """A number cell; `dash_is_zero` marks money columns, where `-` is 0 and amounts are bounded."""
        c = row.cells.get(key)
        if c is None:
            return None
        if c.value.__class__ is int and not as_percent:  # most cells of a long sheet: parse_number's first case
            value: Decimal | None = Decimal(c.value).normalize()
        else:
            if dash_is_zero and isinstance(c.value, str) and clean_text(c.value) in _DASHES:
                return Decimal(0)
            if dash_is_zero and (readings := amount_readings(c.value)) is not None:
                self._ambiguous_amount(row.sheet, c.ref, clean_text(c.value), *readings)
                return None
            try:
                value = parse_number(c.value, percent_format=as_percent and c.percent, as_percent=as_percent)
            except ParseError as exc:
                self.add(exc.code, row.sheet, c.ref, found=exc.found)
                return None
        if dash_is_zero and value is not None and abs(value) >= MAX_MONEY:
            self.add("angka.di-luar-batas", row.sheet, c.ref, found=clean_text(c.value)[:40], limit="Rp 1.000.000.000.000.000")
            return None
        return value

    def _ambiguous_amount(self, sheet: str, ref: str, text: str, as_decimal: Decimal, as_grouped: Decimal) -> None:
        """`angka.rupiah-ambigu`: a text amount with two readings is not read at all (never printed)."""
        exp = as_decimal.as_tuple().exponent
        places = -exp if isinstance(exp, int) and exp < 0 and as_decimal != as_decimal.to_integral() else 0
        satu = format(as_decimal, f",.{places}f").translate(str.maketrans(",.", ".,"))
        dua = f"{int(as_grouped):,}".replace(",", ".")
        self.add("angka.rupiah-ambigu", sheet, ref, found=text[:40], satu=satu, dua=dua, polos=int(as_grouped))

    def value(self, row: Row, key: str, *, as_percent: bool) -> object:
        c = row.cells.get(key)
        if c is None:
            return None
        try:
            return parse_value(c.value, percent_format=as_percent and c.percent, as_percent=as_percent)
        except ParseError as exc:
            self.add(exc.code, row.sheet, c.ref, found=exc.found)
            return None

    def choice(self, row: Row, key: str, choices: tuple[str, ...], header: str) -> str:
        raw = self.text(row, key)
        if not raw:
            return ""
        found = _choice_map(choices).get(raw) or _choice_map(choices).get(normalize_header(raw))
        if found:
            return found
        self.add("pilihan.tidak-dikenal", row.sheet, row.ref(key), found=raw, header=header, choices=", ".join(choices))
        return ""

    def key_values(self, data: SheetData, spec: Sheet) -> dict[str, Row]:
        """The rows of a key/value sheet (Profil, Pengaturan) by their Isian."""
        known = {f.key for f in spec.fields}
        out: dict[str, Row] = {}
        for row in data.rows:
            key = normalize_header(self.text(row, "isian")).replace(" ", "_")
            if not key:
                continue
            if key not in known:
                self.add("profil.tidak-dikenal", data.name, row.ref("isian"), field=self.text(row, "isian"))
                continue
            first = out.get(key)
            if first is None:
                out[key] = row
            elif _kv_value(first) != _kv_value(row):  # the same value twice is no ambiguity
                self.add("profil.isian-ganda", data.name, row.ref("isian"), field=self.text(row, "isian"),
                         other=first.ref("isian"), value=str(_kv_value(first))[:60])
        return out
