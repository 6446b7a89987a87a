"""Read the standard workbook into the model; everything unreadable becomes a Problem at its cell.

The only module that opens workbooks (openpyxl, read-only mode). Before openpyxl sees the
file, `inspect_file` checks what it really is and refuses archives and XML that are unsafe.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import contract
from .contract import LEVEL_BY_KODE_DEPTH, Column, Sheet, normalize_header
from .model import (
    BarisAnggaran,
    Belanja,
    Blok,
    Gambar,
    IndeksAspek,
    Indikator,
    Laporan,
    LEVELS_ANGGARAN,
    LEVELS_KINERJA,
    Narasi,
    NodeKinerja,
    Pegawai,
    Pengaturan,
    Profil,
    RencanaAksi,
    Unit,
)
from .numbers import ParseError, clean_text, parse_date, parse_number, parse_periode, parse_value, parse_year
from .problems import Problem, problem, sort_problems

# Limits for untrusted files (documented in SECURITY.md).
MAX_FILE_BYTES = 100 * 1024 * 1024  # the .xlsx itself
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, per part larger than 1 MiB
MAX_CELL_CHARS = 32_767  # Excel's own limit per cell
MAX_MONEY = Decimal(10) ** 18  # a million trillion rupiah: anything above is a typo
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class ReadError(Exception):
    """The file cannot be read at all; carries the problem to report."""

    def __init__(self, prob: Problem):
        super().__init__(prob.message)
        self.problem = prob


# ---------------------------------------------------------------- the file itself


def inspect_file(path: Path) -> None:
    """Refuse what is not a safe .xlsx, saying what it is. Raises ReadError."""
    def fail(code: str, **kw: object) -> None:
        raise ReadError(problem(code, "Berkas", path.name, **kw))

    if not path.exists():
        fail("berkas.tidak-ada", path=path)
    if path.is_dir():
        fail("berkas.bukan-xlsx", what="ini sebuah folder")
    size = path.stat().st_size
    if size == 0:
        fail("berkas.bukan-xlsx", what="berkas kosong (0 bait)")
    if size > MAX_FILE_BYTES:
        fail("berkas.terlalu-besar", what=f"{size // (1024 * 1024)} MB", limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: either an old .xls or an encrypted (password-protected) .xlsx
        with open(path, "rb") as fh:
            blob = fh.read(min(size, 4 * 1024 * 1024))
        if "EncryptedPackage".encode("utf-16-le") in blob or b"EncryptionInfo" in blob or "EncryptionInfo".encode("utf-16-le") in blob:
            fail("berkas.terkunci")
        fail("berkas.bukan-xlsx", what="format Excel lama (.xls, Excel 97-2003)")
    if not head.startswith(b"PK"):
        text = head.lower()
        if head[:5] == b"%PDF-":
            what = "berkas PDF"
        elif text.startswith((b"<html", b"<!doc", b"<?xml")):
            what = "berkas HTML/XML, bukan .xlsx"
        elif all(32 <= b < 127 or b in (9, 10, 13) for b in head):
            what = "berkas teks (mungkin CSV)"
        else:
            what = "jenis berkas tidak dikenal"
        fail("berkas.bukan-xlsx", what=what)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        fail("berkas.rusak", what="arsip ZIP rusak atau terpotong")
    with zf:
        try:
            _inspect_members(zf, size, fail)
        except ReadError:
            raise
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required for extraction"
            if "encrypted" in str(exc):
                fail("berkas.terkunci")
            fail("berkas.rusak", what="arsip ZIP rusak")
        except Exception as exc:  # zlib.error, BadZipFile (CRC), NotImplementedError (compression), EOFError ...
            fail("berkas.rusak", what=f"arsip ZIP rusak ({_plain(exc)})")


def _inspect_members(zf: zipfile.ZipFile, size: int, fail) -> None:
    names = set(zf.namelist())
    if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype")[:100]:
        fail("berkas.bukan-xlsx", what="spreadsheet OpenDocument (.ods)")
    if "word/document.xml" in names:
        fail("berkas.bukan-xlsx", what="dokumen Word (.docx) yang diberi nama .xlsx")
    if "xl/workbook.bin" in names:
        fail("berkas.bukan-xlsx", what="workbook biner Excel (.xlsb)")
    if "xl/workbook.xml" not in names:
        fail("berkas.bukan-xlsx", what="arsip ZIP yang bukan workbook Excel")
    total = compressed = 0
    for info in zf.infolist():
        if info.flag_bits & 0x1:
            fail("berkas.terkunci")
        total += info.file_size
        compressed += info.compress_size
        if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            fail("berkas.terlalu-besar", what=f"bagian {info.filename} memampat {info.file_size // info.compress_size}:1 (bom zip)",
                 limit=f"rasio {MAX_RATIO}:1")
    if total > MAX_UNPACKED_BYTES:
        fail("berkas.terlalu-besar", what=f"{total // (1024 * 1024)} MB setelah diekstrak", limit=f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
    if total > 64 * 1024 * 1024 and compressed and total / compressed > MAX_RATIO:
        fail("berkas.terlalu-besar", what=f"seluruh arsip memampat {total // compressed}:1 (bom zip)", limit=f"rasio {MAX_RATIO}:1")
    for info in zf.infolist():
        if info.is_dir():
            continue
        with zf.open(info) as part:  # by content, whatever its name: openpyxl follows relationships, not extensions
            why = unsafe_prologue(part)
        if why:
            fail("berkas.xml-berbahaya", what=f"{why} di {info.filename}")
    if size < 5 * 1024 * 1024:
        bad = zf.testzip()
        if bad:
            fail("berkas.rusak", what=f"bagian {bad} rusak (CRC tidak cocok)")


def _plain(exc: BaseException) -> str:
    """A short, path-free description of a low-level error."""
    text = f"{type(exc).__name__}: {exc}"
    text = re.sub(r"(/[^\s'\"]+)+", "…", text)
    return text[:120]


_PROLOGUE_LIMIT = 1024 * 1024


def unsafe_prologue(stream) -> str | None:
    """Why an XML part's prologue is refused (a DTD, or a prologue that never ends), else None.

    Entities (billion laughs, external entities) can only be declared in a DTD, and a DTD
    can only stand before the root element. The part is decoded by its byte-order mark
    or, without one, by its first bytes (UTF-16/32 starting with `<`); then the XML
    declaration, processing instructions, comments and white space are skipped: the first
    markup must be the root element. A part whose first significant character is not `<`
    is not XML: a parser stops there, before any DTD.
    """
    head = stream.read(64 * 1024)
    verdict = _scan_prologue(head)
    if verdict == "more" and len(head) == 64 * 1024:  # a long prologue: look further, up to the limit
        head += stream.read(_PROLOGUE_LIMIT - len(head))
        verdict = _scan_prologue(head)
    if verdict == "more":
        return "prolog XML tanpa akhir dalam 1 MiB pertama" if len(head) >= _PROLOGUE_LIMIT else None
    return verdict


def _scan_prologue(head: bytes) -> str | None:
    """The verdict on a prologue: a reason, None (safe), or "more" (needs more bytes)."""
    boms = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    starts = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"))
    codec = next((c for bom, c in boms if head.startswith(bom)), None) or next((c for st, c in starts if head.startswith(st)), "utf-8")
    text = head.decode(codec, "replace").lstrip("\ufeff")
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
        elif text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return "more"
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return "more"
            i = end + 3
        elif text.startswith("<!", i):
            return "deklarasi DOCTYPE/ENTITY"
        else:
            return None  # the root element, or not XML at all
    return "more"  # only white space, declarations and comments so far


# ---------------------------------------------------------------- sheets and cells

_COLUMN_INDEX: dict[str, int] = {}
_X_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Decode Excel's `_xHHHH_` escapes (how it stores control characters such as a pasted vertical tab)."""
    return _X_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text
_MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_TAG_C = {f"{{{ns}}}c" for ns in _MAIN_NS} | {"c"}
_TAG_V = {f"{{{ns}}}v" for ns in _MAIN_NS} | {"v"}
_TAG_F = {f"{{{ns}}}f" for ns in _MAIN_NS} | {"f"}
_TAG_IS = {f"{{{ns}}}is" for ns in _MAIN_NS} | {"is"}
_TAG_SI = {f"{{{ns}}}si" for ns in _MAIN_NS} | {"si"}
_TAG_R = {f"{{{ns}}}r" for ns in _MAIN_NS} | {"r"}
_TAG_T = {f"{{{ns}}}t" for ns in _MAIN_NS} | {"t"}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    idx = _COLUMN_INDEX.get(letters)
    if idx is None:
        idx = 0
        for ch in letters:
            idx = idx * 26 + ord(ch) - 64
        _COLUMN_INDEX[letters] = idx
    return idx


def iter_sheet(book, ws, wanted: set[int] | None = None):
    """Stream a read-only sheet as (row number, [(column index 0-based, value, data type, style, formula)]).

    `wanted` (0-based column indexes; may be filled by the caller after the header row)
    skips decoding the cells of columns nobody reads.

    Values are decoded as openpyxl decodes them (shared and inline strings, numbers,
    booleans, dates by their number format, error values); a formula cell without a
    cached value comes with its formula text. lxml's C parser keeps this linear and fast;
    every XML part has already passed `inspect_file` (no DTD).
    """
    from lxml import etree
    from openpyxl.utils.datetime import from_ISO8601, from_excel

    shared = ws._shared_strings
    date_styles = book._date_formats
    epoch = book.epoch
    with book._archive.open(ws._worksheet_path) as src:
        row_number = 0
        for _event, row in etree.iterparse(src, events=("end",), tag="{*}row", resolve_entities=False, no_network=True):
            r = row.get("r")
            row_number = int(r) if r else row_number + 1
            col = 0
            cells = []
            for c in row:
                if c.tag not in _TAG_C:
                    continue
                ref = c.get("r")
                col = _column(ref) if ref else col + 1
                if wanted and col - 1 not in wanted:
                    continue
                dtype = c.get("t", "n")
                style = int(c.get("s") or 0)
                raw = formula = None
                inline = None
                for part in c:
                    tag = part.tag
                    if tag in _TAG_V:
                        raw = part.text
                    elif tag in _TAG_F:
                        formula = "=" + (part.text or "")
                    elif tag in _TAG_IS:
                        inline = part
                value: object = None
                if dtype == "inlineStr":
                    if inline is not None:
                        value = _unescape(_rich_text(inline))
                elif raw not in (None, ""):
                    if dtype == "n":
                        try:
                            value = int(raw) if raw.lstrip("-").isdigit() else float(raw)
                        except ValueError:
                            value, dtype = raw, "e"
                        if style in date_styles and dtype == "n":
                            try:
                                value = from_excel(value, epoch)
                            except (OverflowError, ValueError, TypeError):
                                value, dtype = "#VALUE!", "e"
                    elif dtype == "s":
                        try:
                            value = _unescape(shared[int(raw)])
                        except (IndexError, ValueError):
                            value, dtype = "#REF!", "e"
                    elif dtype == "b":
                        value = raw.strip() in ("1", "true")
                    elif dtype == "d":
                        try:
                            value = from_ISO8601(raw)
                        except ValueError:
                            value = raw
                    else:  # "str" (formula text result) and "e" (error value)
                        value = raw
                cells.append((col - 1, value, dtype, style, formula if value is None else None))
            yield row_number, cells
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]


def _rich_text(el) -> str:
    """The text of a string element (an inline <is> or a shared <si>): its own <t>, or its
    runs' <t>; phonetic guides (<rPh>) and their properties are not text."""
    if len(el) == 1 and el[0].tag in _TAG_T:
        return el[0].text or ""  # the usual <is><t>…</t></is>, <si><t>…</t></si>
    parts = []
    for child in el:
        if child.tag in _TAG_T:
            parts.append(child.text or "")
        elif child.tag in _TAG_R:
            parts += [t.text or "" for t in child if t.tag in _TAG_T]
    return "".join(parts)


@contextlib.contextmanager
def _openpyxl_tuned():
    """openpyxl's workbook loading with two costs removed, for the duration of one load.

    - Shared strings: openpyxl builds a `Text` object per string (0,8 s for the 36.000
      strings of a 20.000-line workbook as Excel saves it); `read_shared_strings` reads
      the same texts straight from the tree (0,07 s).
    - Read-only sheets are sized on opening; without a <dimension> element (files
      written by other programs) that is a full extra parse. lkjip streams the cells
      itself, so sheets are opened unsized.
    """
    from openpyxl.reader import excel
    from openpyxl.worksheet import _read_only

    saved = excel.read_string_table, _read_only.ReadOnlyWorksheet._get_size
    excel.read_string_table = read_shared_strings
    _read_only.ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        excel.read_string_table, _read_only.ReadOnlyWorksheet._get_size = saved


_SHARED_TREE_LIMIT = 32 * 1024 * 1024  # larger string tables are streamed, not parsed whole


def read_shared_strings(src) -> list[str]:
    """The shared strings part as plain texts, as openpyxl's `read_string_table` returns them
    (a string's own <t>, or its runs' <t>; phonetic guides left out), but with Excel's
    `_xHHHH_` escapes left for `_unescape` to decode once.

    Parsed whole with lxml (C) and walked once; a table over 32 MiB is streamed instead.
    The part has passed `inspect_file` (no DTD).
    """
    from lxml import etree

    data = src.read(_SHARED_TREE_LIMIT + 1)
    if len(data) <= _SHARED_TREE_LIMIT:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        return [_rich_text(si) for si in root if si.tag in _TAG_SI]
    strings = []
    for _event, si in etree.iterparse(_Chain(data, src), events=("end",), tag="{*}si",
                                      resolve_entities=False, no_network=True):
        strings.append(_rich_text(si))
        si.clear()
        while si.getprevious() is not None:
            del si.getparent()[0]
    return strings


class _Chain:
    """A file-like object reading `head` first, then the rest of `stream`."""

    def __init__(self, head: bytes, stream):
        self.head, self.stream = head, stream

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = (self.head, b"") if n < 0 or n >= len(self.head) else (self.head[:n], self.head[n:])
            return out
        return self.stream.read(n)


class Cell:
    """A read cell; its reference and number format are worked out only when asked for."""

    __slots__ = ("value", "letter", "row", "_book", "_style")

    def __init__(self, value: object, letter: str, row: int, book: object = None, style: int = 0):
        self.value, self.letter, self.row, self._book, self._style = value, letter, row, book, style

    @property
    def ref(self) -> str:
        return f"{self.letter}{self.row}"

    @property
    def number_format(self) -> str:
        if self._book is None:
            return "General"
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        try:
            fmt_id = self._book._cell_styles[self._style].numFmtId
        except IndexError:
            return "General"
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(fmt_id, "General")
        return self._book._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE]

    @property
    def percent(self) -> bool:
        """Formatted as a percentage (Excel stores 85% as 0.85)."""
        return isinstance(self.value, (int, float)) and "%" in self.number_format

    @property
    def date_format(self) -> bool:
        return self._book is not None and self._style in self._book._date_formats


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


class _RowRefs:
    """The cell references of one row, worked out when a problem needs one (`.get(key, default)`)."""

    __slots__ = ("_row",)

    def __init__(self, row: "Row"):
        self._row = row

    def get(self, key: str, default: str = "") -> str:
        return self._row.ref(key) or default

    def __getitem__(self, key: str) -> str:
        return self._row.ref(key)


@dataclass
class SheetData:
    name: str
    rows: list[Row]
    columns: dict[str, str] = field(default_factory=dict)  # key -> header letter
    years: dict[str, list[int]] = field(default_factory=dict)  # "target"/"realisasi" -> years


def _letter(col: int) -> str:
    s = ""
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


class _Reader:
    def __init__(self, path: Path, assets_dir: Path | None):
        self.path = path
        self.assets_dir = (assets_dir or path.parent).resolve()
        self.problems: list[Problem] = []

    def add(self, code: str, sheet: str, cell: str = "", **kw: object) -> None:
        self.problems.append(problem(code, sheet, cell, **kw))

    def damaged(self, exc: BaseException) -> ReadError:
        return ReadError(problem("berkas.rusak", "Berkas", self.path.name, what=_plain(exc)))

    # -- low level ---------------------------------------------------------
    def load_sheets(self) -> dict[str, SheetData]:
        # Every XML part was checked by `inspect_file` (no DTD, hence no entities), so openpyxl
        # may use the C parser instead of defusedxml's pure-Python one (3x faster on big sheets).
        os.environ.setdefault("OPENPYXL_DEFUSEDXML", "False")
        import openpyxl

        try:
            with _openpyxl_tuned():
                wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds on damaged files
            raise self.damaged(exc) from exc
        sheets: dict[str, SheetData] = {}
        try:
            for ws in wb.worksheets:
                spec = contract.SHEET_BY_NAME.get(normalize_header(ws.title))
                if spec is None or spec.name in sheets:
                    continue
                sheets[spec.name] = self.read_sheet(wb, ws, spec)
        except ReadError:
            raise
        except Exception as exc:
            raise self.damaged(exc) from exc
        finally:
            wb.close()
        return sheets

    def match_headers(self, spec: Sheet, header_cells) -> tuple[dict[int, tuple[str, Column]], dict[str, list[int]]]:
        by_index: dict[int, tuple[str, Column]] = {}
        years: dict[str, list[int]] = {}
        seen: dict[str, str] = {}
        for idx, value in header_cells:
            if value is None or clean_text(value) == "":
                continue
            norm = normalize_header(value)
            ref = f"{_letter(idx + 1)}1"
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
                self.add("kolom.tidak-dikenal", spec.name, ref, header=clean_text(value))
        present = {k.split(":")[0] for k in seen}
        for col in spec.columns:
            if col.required and col.key not in present:
                self.add("kolom.tidak-ada", spec.name, "A1", header=col.header)
        return by_index, years

    def read_sheet(self, book, ws, spec: Sheet) -> SheetData:
        wanted: set[int] = set()
        rows = iter_sheet(book, ws, wanted)
        header: list = []
        first = next(rows, None)
        pending = None
        if first is not None:
            if first[0] == 1:
                header = [(c[0], c[1]) for c in first[1]]
            else:
                pending = first  # no header row at all: every column is missing
        by_index, years = self.match_headers(spec, header)
        wanted.update(by_index)
        data = SheetData(spec.name, [], {k: _letter(i + 1) for i, (k, _) in by_index.items()}, years)
        letters = {idx: (key, _letter(idx + 1)) for idx, (key, _col) in by_index.items()}

        def all_rows():
            if pending is not None:
                yield pending
            yield from rows

        for rownum, cells in all_rows():
            row_cells: dict[str, Cell] = {}
            for idx, value, dtype, style, formula in cells:
                hit = letters.get(idx)
                if hit is None:
                    continue
                key, letter = hit
                if value is None:
                    if formula:
                        self.add("rumus.tanpa-nilai", spec.name, f"{letter}{rownum}", found=formula[:60])
                    continue
                if dtype == "e":
                    self.add("rumus.galat", spec.name, f"{letter}{rownum}", found=str(value))
                    continue
                if isinstance(value, str):
                    if len(value) > MAX_CELL_CHARS:
                        self.add("teks.terlalu-panjang", spec.name, f"{letter}{rownum}", found=f"{len(value):,}".replace(",", "."),
                                 limit="32.767")
                        continue
                    stripped = value.strip()
                    if not stripped:
                        continue
                    if stripped in EXCEL_ERRORS:
                        self.add("rumus.galat", spec.name, f"{letter}{rownum}", found=stripped)
                        continue
                row_cells[key] = Cell(value, letter, rownum, book, style)
            if row_cells:
                data.rows.append(Row(rownum, row_cells, spec.name, data.columns))
        return data

    # -- typed getters -------------------------------------------------------
    def text(self, row: Row, key: str) -> str:
        c = row.cells.get(key)
        if c is None:
            return ""
        if isinstance(c.value, float) and c.value.is_integer():
            return str(int(c.value))
        return clean_text(c.value) if not isinstance(c.value, str) else c.value.strip()

    def number(self, row: Row, key: str, *, as_percent: bool = False, dash_is_zero: bool = False) -> Decimal | None:
        """A number cell; `dash_is_zero` marks money columns, where `-` is 0 and amounts are bounded."""
        c = row.cells.get(key)
        if c is None:
            return None
        if dash_is_zero and isinstance(c.value, str) and clean_text(c.value) in {"-", "–", "—", "-,-", "Rp -", "Rp-"}:
            return Decimal(0)
        try:
            value = parse_number(c.value, percent_format=as_percent and c.percent, as_percent=as_percent)
        except ParseError as exc:
            self.add(exc.code, row.sheet, c.ref, found=exc.found)
            return None
        if dash_is_zero and value is not None and abs(value) >= MAX_MONEY:
            self.add("angka.di-luar-batas", row.sheet, c.ref, found=clean_text(c.value)[:40], limit="Rp 1.000.000.000.000.000")
            return None
        return value

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

    # -- key/value sheets ----------------------------------------------------
    def key_values(self, data: SheetData, spec: Sheet) -> dict[str, Row]:
        known = {f.key for f in spec.fields}
        out: dict[str, Row] = {}
        for row in data.rows:
            key = normalize_header(self.text(row, "isian")).replace(" ", "_")
            if not key:
                continue
            if key not in known:
                self.add("profil.tidak-dikenal", data.name, row.ref("isian"), field=self.text(row, "isian"))
                continue
            out[key] = row
        return out

    def read_profil(self, data: SheetData | None) -> Profil:
        profil = Profil()
        if data is None:
            return profil
        spec = contract.sheet("Profil")
        values = self.key_values(data, spec)
        for f in spec.fields:
            row = values.get(f.key)
            cell = row.cells.get("nilai") if row else None
            if cell is None or (isinstance(cell.value, str) and not cell.value.strip()):
                if f.required:
                    where = (row.ref("nilai") or row.ref("isian")) if row else "A1"
                    self.add("profil.wajib-kosong", "Profil", where, field=f.key)
                continue
            profil.cells[f.key] = cell.ref
            try:
                if f.key == "tahun":
                    profil.tahun = parse_year(cell.value)
                elif f.key == "periode_renstra":
                    profil.periode = parse_periode(cell.value)
                elif f.kind == "date":
                    setattr(profil, f.key, parse_date(cell.value, date_format=cell.date_format))
                elif f.key == "misi":
                    lines = [re.sub(r"^\s*(?:\d+[.)]|[-•])\s*", "", ln).strip() for ln in str(cell.value).splitlines()]
                    profil.misi = [ln for ln in lines if ln]
                else:
                    setattr(profil, f.key, self.text(row, "nilai"))
                    if f.key.endswith("_nip") and isinstance(cell.value, (int, float)):
                        # Excel keeps 15 significant digits: an 18-digit NIP typed as a number loses its tail
                        self.add("profil.nip-tidak-sah", "Profil", cell.ref, found=self.text(row, "nilai"),
                                 why="tersimpan sebagai angka sehingga digit terakhirnya dapat hilang; ketik sebagai teks")
            except ParseError as exc:
                self.add(exc.code, "Profil", cell.ref, found=exc.found)
        return profil

    def read_pengaturan(self, data: SheetData | None) -> Pengaturan:
        cfg = Pengaturan()
        if data is None:
            return cfg
        spec = contract.sheet("Pengaturan")
        values = self.key_values(data, spec)
        cfg_cells = {key: row.ref("nilai") for key, row in values.items()}
        for f in spec.fields:
            row = values.get(f.key)
            if row is None or "nilai" not in row.cells:
                continue
            ref = row.ref("nilai")
            if f.choices:
                val = self.choice(row, "nilai", f.choices, f.key)
                if val:
                    setattr(cfg, f.key, val)
            elif f.key == "skala_kustom":
                raw = self.text(row, "nilai")
                bands = []
                for part in re.split(r"[;\n]+", raw):
                    if not part.strip():
                        continue
                    m = re.fullmatch(r"\s*([\d.,]+)\s*[=:]\s*(.+?)\s*", part)
                    try:
                        if not m:
                            raise ParseError("pengaturan.tidak-sah", part)
                        bands.append((parse_number(m.group(1)), m.group(2)))
                    except ParseError:
                        self.add("pengaturan.tidak-sah", "Pengaturan", ref, found=part.strip(), field=f.key,
                                 expected='Tulis seperti "91=Sangat Tinggi; 76=Tinggi; 0=Rendah".')
                        bands = []
                        break
                cfg.skala_kustom = sorted(bands, key=lambda b: b[0], reverse=True)
            elif f.key in ("batas_capaian", "desimal"):
                n = self.number(row, "nilai")
                if n is None:
                    continue
                if f.key == "desimal":
                    if n != n.to_integral() or not 0 <= n <= 4:
                        self.add("pengaturan.tidak-sah", "Pengaturan", ref, found=str(n), field=f.key, expected="Isi 0 sampai 4.")
                    else:
                        cfg.desimal = int(n)
                else:
                    if n <= 0:
                        self.add("pengaturan.tidak-sah", "Pengaturan", ref, found=str(n), field=f.key, expected="Isi angka di atas 0, mis. 120.")
                    else:
                        cfg.batas_capaian = n
            else:
                setattr(cfg, f.key, self.text(row, "nilai"))
        if cfg.skala_predikat == "kustom" and not cfg.skala_kustom:
            self.add("pengaturan.tidak-sah", "Pengaturan", cfg_cells.get("skala_predikat", "B2"), found="kustom", field="skala_predikat",
                     expected="Isi juga skala_kustom, mis. \"91=Sangat Tinggi; 76=Tinggi; 0=Rendah\".")
        return cfg

    # -- Kinerja -----------------------------------------------------------
    def read_kinerja(self, data: SheetData | None, tahun: int) -> tuple[list[NodeKinerja], list[int], list[int]]:
        if data is None:
            return [], [], []
        t_years = sorted(set(data.years.get("target", [])))
        r_years = sorted(set(data.years.get("realisasi", [])))
        roots: list[NodeKinerja] = []
        stack: list[NodeKinerja | None] = [None] * len(LEVELS_KINERJA)
        current: NodeKinerja | None = None
        last_level = ""
        for row in data.rows:
            level = self.choice(row, "level", LEVELS_KINERJA, "Level")
            bad_level = "level" in row.cells and not level
            uraian = self.text(row, "uraian")
            indikator = self.text(row, "indikator")
            if bad_level:
                continue
            if not level:
                level = last_level
            if not level:
                self.add("hierarki.level-kosong", "Kinerja", f"{data.columns.get('level', 'A')}{row.number}", found="",
                         choices=", ".join(LEVELS_KINERJA))
                continue
            last_level = level
            depth = LEVELS_KINERJA.index(level)
            if uraian or current is None or current.level != level:
                if not uraian:
                    uraian = current.uraian if current and current.level == level else ""
                node = NodeKinerja(level, uraian, row.number, self.text(row, "kode"), cell=row.ref("uraian") or row.ref("level"))
                if depth == 0:
                    roots.append(node)
                else:
                    parent = stack[depth - 1]
                    if parent is None:
                        self.add("hierarki.tanpa-induk", "Kinerja", row.ref("level") or f"A{row.number}", level=level,
                                 parent=LEVELS_KINERJA[depth - 1])
                        continue
                    parent.anak.append(node)
                stack[depth] = node
                for i in range(depth + 1, len(stack)):
                    stack[i] = None
                current = node
            if indikator:
                current.indikator.append(self.read_indikator(row, indikator, t_years, r_years))
        return roots, t_years, r_years

    def read_indikator(self, row: Row, nama: str, t_years: list[int], r_years: list[int]) -> Indikator:
        satuan = self.text(row, "satuan")
        pct = satuan.strip() in ("%", "persen", "Persen", "persentase", "Persentase")
        ind = Indikator(row.number, nama, satuan)
        ind.polaritas = self.choice(row, "polaritas", contract.POLARITAS, "Polaritas") or "Positif"
        ind.iku = self.choice(row, "iku", contract.YA_TIDAK, "IKU") == "Ya"
        ind.pk = self.choice(row, "pk", contract.YA_TIDAK, "PK") == "Ya"
        for y in t_years:
            ind.target[y] = self.value(row, f"target:{y}", as_percent=pct)
            ind.cells[f"target:{y}"] = row.ref(f"target:{y}")
        for y in r_years:
            ind.realisasi[y] = self.value(row, f"realisasi:{y}", as_percent=pct)
            ind.cells[f"realisasi:{y}"] = row.ref(f"realisasi:{y}")
        ind.target_akhir = self.value(row, "target_akhir", as_percent=pct)
        ind.standar = self.value(row, "standar", as_percent=pct)
        ind.capaian_tertulis = self.number(row, "capaian", as_percent=True)
        for key in ("definisi", "formula", "sumber_data", "penanggung_jawab", "analisis", "solusi"):
            setattr(ind, key, self.text(row, key))
        for key in ("capaian", "target_akhir", "standar", "indikator", "level"):
            ind.cells[key] = row.ref(key) or ""
        ind.cells.setdefault("row", str(row.number))
        return ind

    # -- Anggaran ----------------------------------------------------------
    def read_anggaran(self, data: SheetData | None, instansi: str) -> list[Unit]:
        if data is None:
            return []
        units: dict[str, Unit] = {}
        unit_name = ""
        stack: list[BarisAnggaran | None] = [None, None, None]
        carried = {"sumber_dana": "", "sasaran": ""}
        codes: dict[tuple[str, str], Row] = {}  # (unit, kode) -> the row that has it first
        for row in data.rows:
            cells = row.cells
            unit = (self.text(row, "unit") if "unit" in cells else "") or unit_name or instansi or "Instansi"
            if unit != unit_name:
                stack = [None, None, None]
                unit_name = unit
            kode = self.text(row, "kode") if "kode" in cells else ""
            level = self.choice(row, "level", LEVELS_ANGGARAN, "Level") if "level" in cells else ""
            if "level" in cells and not level:
                continue
            inferred = LEVEL_BY_KODE_DEPTH.get(len([p for p in kode.split(".") if p])) if kode else None
            if not level:
                level = inferred or ""
                if not level:
                    self.add("hierarki.level-kosong", "Anggaran", row.ref("level") or f"{data.columns.get('level', 'C')}{row.number}",
                             found=kode, choices=", ".join(LEVELS_ANGGARAN))
                    continue
            elif inferred and inferred != level and kode.count(".") >= 2:
                self.add("kode.tidak-sesuai-level", "Anggaran", row.ref("kode"), found=kode, level=level, expected=inferred)
            for key in carried:
                if key in cells:
                    carried[key] = self.text(row, key) or carried[key]
            # optional columns are mostly blank: their getters run only for cells that exist
            line = BarisAnggaran(
                row.number, unit, level, self.text(row, "uraian"), kode,
                pagu=self.number(row, "pagu", dash_is_zero=True) if "pagu" in cells else None,
                realisasi=self.number(row, "realisasi", dash_is_zero=True) if "realisasi" in cells else None,
                persentase_tertulis=self.number(row, "persentase", as_percent=True) if "persentase" in cells else None,
                sumber_dana=carried["sumber_dana"],
                sasaran=(self.text(row, "sasaran") if "sasaran" in cells else "") or carried["sasaran"],
                indikator_keluaran=self.text(row, "indikator_keluaran") if "indikator_keluaran" in cells else "",
                target_keluaran=self.value(row, "target_keluaran", as_percent=False) if "target_keluaran" in cells else None,
                realisasi_keluaran=self.value(row, "realisasi_keluaran", as_percent=False) if "realisasi_keluaran" in cells else None,
                satuan_keluaran=self.text(row, "satuan_keluaran") if "satuan_keluaran" in cells else "",
                cells=_RowRefs(row),
            )
            if kode:
                key = (unit, kode)
                first = codes.get(key)
                if first is not None:
                    self.add("kode.ganda", "Anggaran", row.ref("kode"), found=kode, other=first.ref("kode"))
                else:
                    codes[key] = row
            depth = LEVELS_ANGGARAN.index(level)
            if unit not in units:
                units[unit] = Unit(unit)
            if depth == 0:
                units[unit].program.append(line)
            else:
                parent = stack[depth - 1]
                if parent is None:
                    self.add("hierarki.tanpa-induk", "Anggaran", row.ref("level") or row.ref("uraian"), level=level,
                             parent=LEVELS_ANGGARAN[depth - 1])
                    continue
                parent.anak.append(line)
            stack[depth] = line
            for i in range(depth + 1, 3):
                stack[i] = None
        return list(units.values())

    # -- optional sheets -----------------------------------------------------
    def read_belanja(self, data: SheetData | None) -> list[Belanja]:
        out: list[Belanja] = []
        kelompok = ""
        for row in data.rows if data else []:
            kelompok = self.choice(row, "kelompok", contract.KELOMPOK_BELANJA, "Kelompok") or (kelompok if "kelompok" not in row.cells else kelompok)
            jenis = self.text(row, "jenis")
            anggaran = self.number(row, "anggaran", dash_is_zero=True)
            realisasi = self.number(row, "realisasi", dash_is_zero=True)
            if not jenis and anggaran is None and realisasi is None:
                continue
            out.append(Belanja(row.number, kelompok, jenis, anggaran or Decimal(0), realisasi or Decimal(0)))
        return out

    def read_narasi(self, data: SheetData | None) -> dict[str, Narasi]:
        out: dict[str, Narasi] = {}
        for row in data.rows if data else []:
            bagian = self.choice(row, "bagian", contract.BAGIAN_NARASI, "Bagian")
            isi = self.text(row, "isi")
            if not bagian or not isi:
                continue
            blocks = parse_blocks(isi)
            if bagian in out:
                out[bagian].blok.extend(blocks)
            else:
                out[bagian] = Narasi(bagian, self.text(row, "judul"), blocks, row.number)
        return out

    def read_pegawai(self, data: SheetData | None) -> list[Pegawai]:
        out = []
        for row in data.rows if data else []:
            nama = self.text(row, "nama")
            if not nama:
                continue
            out.append(Pegawai(row.number, nama, *(self.text(row, k) for k in ("nip", "jabatan", "golongan", "pendidikan", "eselon", "status", "unit"))))
        return out

    def read_rencana_aksi(self, data: SheetData | None) -> list[RencanaAksi]:
        out = []
        indikator = ""
        for row in data.rows if data else []:
            indikator = self.text(row, "indikator") or indikator
            periode = self.text(row, "periode")
            if not periode:
                continue
            out.append(RencanaAksi(
                row.number, indikator, periode,
                self.value(row, "target_kinerja", as_percent=False), self.value(row, "realisasi_kinerja", as_percent=False),
                self.text(row, "program"), self.number(row, "target_anggaran", dash_is_zero=True),
                self.number(row, "realisasi_anggaran", dash_is_zero=True), self.text(row, "keterangan"),
            ))
        return out

    def read_indeks(self, data: SheetData | None) -> list[IndeksAspek]:
        out = []
        indikator = ""
        aspek_pct: Decimal | None = None
        for row in data.rows if data else []:
            name = self.text(row, "indikator")
            if name and name != indikator:
                indikator, aspek_pct = name, None
            aspek = self.text(row, "aspek")
            if not aspek or not indikator:
                continue
            pa = self.number(row, "perhitungan_aspek")
            aspek_pct = pa if pa is not None else aspek_pct
            bobot = self.number(row, "bobot")
            out.append(IndeksAspek(row.number, indikator, aspek, self.number(row, "skor_target"),
                                   self.number(row, "skor_realisasi"), bobot if bobot is not None else Decimal(0), aspek_pct))
        return out

    def safe_asset(self, raw: str, sheet: str, ref: str) -> Path | None:
        """Resolve an image path from the workbook, refusing anything outside the assets folder."""
        raw = raw.strip().strip('"')
        candidate = Path(raw)
        if candidate.is_absolute() or raw.startswith(("\\", "/")) or re.match(r"^[A-Za-z]:", raw):
            self.add("gambar.di-luar-folder", sheet, ref, found=raw)
            return None
        target = (self.assets_dir / candidate).resolve()
        try:
            target.relative_to(self.assets_dir)
        except ValueError:
            self.add("gambar.di-luar-folder", sheet, ref, found=raw)
            return None
        if not target.is_file():
            self.add("gambar.tidak-ada", sheet, ref, found=raw)
            return None
        try:
            with open(target, "rb") as fh:
                head = fh.read(8)
        except OSError:
            self.add("gambar.tidak-ada", sheet, ref, found=raw)
            return None
        if not head.startswith(_IMAGE_MAGIC) or not _image_readable(target):
            self.add("gambar.bukan-gambar", sheet, ref, found=raw)
            return None
        return target

    def read_gambar(self, data: SheetData | None) -> list[Gambar]:
        out = []
        for row in data.rows if data else []:
            bagian = self.choice(row, "bagian", contract.BAGIAN_GAMBAR, "Bagian")
            berkas = self.text(row, "berkas")
            if not bagian or not berkas:
                continue
            path = self.safe_asset(berkas, "Gambar", row.ref("berkas"))
            if path:
                out.append(Gambar(row.number, bagian, path, self.text(row, "keterangan")))
        return out


@functools.lru_cache(maxsize=None)
def _choice_map(choices: tuple[str, ...]) -> dict[str, str]:
    """Each option under its own spelling and its normalized form."""
    out = {normalize_header(o): o for o in choices}
    out.update({o: o for o in choices})
    return out


def _image_readable(path: Path) -> bool:
    """Whether Word's image reader (python-docx) can take the file: headers and size intact."""
    from docx.image.image import Image

    try:
        if path.stat().st_size > 20 * 1024 * 1024:
            return False
        img = Image.from_blob(path.read_bytes())
        return img.px_width > 0 and img.px_height > 0
    except Exception:
        return False


def parse_blocks(text: str) -> list[Blok]:
    """Split staff text into paragraphs and list items (blank line = new paragraph)."""
    blocks: list[Blok] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Blok("paragraf", " ".join(para)))
            para.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = line.strip()
        if not s:
            flush()
            continue
        m = re.match(r"^(?:[-•*]|\u2013)\s+(.*)$", s)
        n = re.match(r"^(\d{1,2}|[a-zA-Z])[.)]\s+(.*)$", s)
        if m:
            flush()
            blocks.append(Blok("butir", m.group(1)))
        elif n:
            flush()
            blocks.append(Blok("nomor", n.group(2)))
        else:
            para.append(s)
    flush()
    return blocks


def read_workbook(path: Path | str, assets_dir: Path | None = None) -> tuple[Laporan | None, list[Problem]]:
    """Read a workbook into the model. Returns (model or None if unreadable, problems)."""
    path = Path(path)
    reader = _Reader(path, assets_dir)
    try:
        inspect_file(path)
        sheets = reader.load_sheets()
    except ReadError as exc:
        return None, [exc.problem]
    for spec in contract.SHEETS:
        if spec.required and spec.name not in sheets:
            reader.add("sheet.tidak-ada", spec.name, "")
    profil = reader.read_profil(sheets.get("Profil"))
    cfg = reader.read_pengaturan(sheets.get("Pengaturan"))
    kinerja, t_years, r_years = reader.read_kinerja(sheets.get("Kinerja"), profil.tahun)
    laporan = Laporan(
        sumber=path,
        profil=profil,
        kinerja=kinerja,
        unit=reader.read_anggaran(sheets.get("Anggaran"), profil.instansi),
        belanja=reader.read_belanja(sheets.get("Belanja")),
        narasi=reader.read_narasi(sheets.get("Narasi")),
        pegawai=reader.read_pegawai(sheets.get("Pegawai")),
        rencana_aksi=reader.read_rencana_aksi(sheets.get("Rencana_Aksi")),
        indeks=reader.read_indeks(sheets.get("Indeks")),
        gambar=reader.read_gambar(sheets.get("Gambar")),
        pengaturan=cfg,
        tahun_target=t_years,
        tahun_realisasi=r_years,
        kolom={name: dict(data.columns) for name, data in sheets.items()},
    )
    if profil.logo:
        logo = reader.safe_asset(profil.logo, "Profil", profil.cells.get("logo", "B2"))
        if logo:
            laporan.gambar.insert(0, Gambar(0, "logo", logo, "Logo"))
    return laporan, sort_problems(reader.problems)
