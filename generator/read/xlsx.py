"""The one workbook reader: the worksheets of an .xlsx package, their cell values and number formats.

What lkjip needs of a workbook is small: the worksheets by name, each cell's stored value
(numbers, shared and inline strings, booleans, dates by their number format, a formula's
cached value), what a cell holds instead of a value (an error value, a formula never
calculated), and the number format of a cell (percent cells).

Two readers give the same cells (a test holds them to it):
- python-calamine (Rust) reads a sheet's values in one call (the cells of a 20.000-line
  sheet in about half the time of the stream, see docs/performance.md); it is used for every
  sheet it shows exactly: UTF-8 parts with only characters XML allows, no error values, no
  formula without a stored value, no date-formatted cells, and an extent small enough for its
  dense grid (a stray value in column XFD would otherwise cost gigabytes).
- lxml (C) streams the sheet XML cell by cell (`sheet_rows`): the reference, used for every
  other sheet and for number formats (looked up only when a number needs its format).
The package parts — `[Content_Types].xml`, the workbook and its relationships,
`styles.xml` — are read with lxml. Every part has passed `xlsx_safety.inspect_file`
first (no DTD, so no entities); the parsers resolve no entities and touch no network.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..base.problems import Problem, column_number, problem
from .xlsx_safety import PARSER_ERRORS, ReadError

_MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_TAG_C = {f"{{{ns}}}c" for ns in _MAIN_NS} | {"c"}
_TAG_V = {f"{{{ns}}}v" for ns in _MAIN_NS} | {"v"}
_TAG_F = {f"{{{ns}}}f" for ns in _MAIN_NS} | {"f"}
_TAG_IS = {f"{{{ns}}}is" for ns in _MAIN_NS} | {"is"}
_TAG_SI = {f"{{{ns}}}si" for ns in _MAIN_NS} | {"si"}
_TAG_R = {f"{{{ns}}}r" for ns in _MAIN_NS} | {"r"}
_TAG_T = {f"{{{ns}}}t" for ns in _MAIN_NS} | {"t"}
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         "http://purl.oclc.org/ooxml/officeDocument/relationships")
_WORKBOOK_TYPES = tuple(f"application/vnd.{kind}.main+xml" for kind in (
    "ms-excel.template.macroEnabled", "openxmlformats-officedocument.spreadsheetml.template",
    "ms-excel.sheet.macroEnabled", "openxmlformats-officedocument.spreadsheetml.sheet"))
_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

# ECMA-376 18.8.30: the number formats every spreadsheet knows by id.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)', 42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)', 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
    48: "##0.0E+0", 49: "@",
}
# A format is a date format when its first section, without literals ("…") and locale or
# colour codes ([$-421], [Red]), still has a date or time letter (as Excel and openpyxl judge it).
_FORMAT_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)
_X_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

Cells = list[tuple[int, object, str, int, "str | None"]]  # (column 0-based, value, data type, style, formula)
GRID_READER = True  # False: stream every sheet (tests compare the two readers)
MAX_GRID_CELLS = 4_000_000  # rows x columns above which a sheet is streamed rather than read as a grid
# a formula element followed by no value: the cell ends, or its <v> is empty
_NO_VALUE = re.compile(rb"(?:</(?:[\w.-]+:)?f>|<(?:[\w.-]+:)?f\b[^>]*/>)\s*(?:<(?:[\w.-]+:)?v\s*/>\s*|<(?:[\w.-]+:)?v>\s*</(?:[\w.-]+:)?v>\s*)?</(?:[\w.-]+:)?c>")
_ROW_NUMBER = re.compile(rb"""<(?:[\w.-]+:)?row\b[^>]*?\br=["'](\d+)["']""")


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _DATE_LETTER.search(_FORMAT_STRIP.sub("", fmt.split(";")[0])) is not None


def from_excel(value: float, epoch: dt.datetime = WINDOWS_EPOCH) -> dt.datetime | dt.time:
    """An Excel serial date as a datetime (a time of day below 1; Excel's 1900 leap-year bug kept)."""
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        seconds = diff.seconds
        return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


def _escaped(m: re.Match) -> str:
    code = int(m.group(1), 16)
    return m.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone surrogate is no character: left as typed


def unescape(text: str) -> str:
    """Decode Excel's `_xHHHH_` escapes (how it stores control characters such as a pasted vertical tab);
    `_xD800_` … `_xDFFF_` stay as they are, as calamine leaves them."""
    return _X_ESCAPE.sub(_escaped, text) if "_x" in text else text


def rich_text(el) -> str:
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


_SHARED_TREE_LIMIT = 32 * 1024 * 1024  # larger string tables are streamed, not parsed whole


def read_shared_strings(src) -> list[str]:
    """The shared strings part as plain texts (a string's own <t>, or its runs' <t>; phonetic
    guides left out), with Excel's `_xHHHH_` escapes left for `unescape` to decode once.

    Parsed whole with lxml (C) and walked once; a table over 32 MiB is streamed instead.
    """
    from lxml import etree

    data = src.read(_SHARED_TREE_LIMIT + 1)
    if len(data) <= _SHARED_TREE_LIMIT:
        root = etree.fromstring(data, _parser())
        return [rich_text(si) for si in root if si.tag in _TAG_SI]
    strings = []
    for _event, si in etree.iterparse(_Chain(data, src), events=("end",), tag="{*}si",
                                      resolve_entities=False, no_network=True):
        strings.append(rich_text(si))
        si.clear()
        while si.getprevious() is not None:
            del si.getparent()[0]
    return strings


class SharedStrings:
    """The shared strings, parsed only as far as the cells read ask.

    A sheet streamed for its dates (Profil) names a few strings near the start of a table that
    holds every text of the workbook (36.000 for 20.000 budget lines, 0,1 s to parse whole): the
    first `PREFIX` strings are parsed one by one as they are asked for; a string beyond them, or a
    negative index, has the whole table parsed at once (`read_shared_strings`, the faster way for all).
    """

    PREFIX = 4096

    def __init__(self, open_part) -> None:
        self._open = open_part  # () -> a fresh stream of the part
        self._first: list[str] = []
        self._all: list[str] | None = None
        self._src = None
        self._events = None

    def __getitem__(self, index: int) -> str:
        if self._all is None and 0 <= index < self.PREFIX:
            first = self._first
            while len(first) <= index and self._more():
                pass
            if index < len(first):
                return first[index]
            if self._events is None:  # the whole table has fewer strings
                raise IndexError(index)
        return self.all()[index]

    def __len__(self) -> int:
        return len(self.all())

    def all(self) -> list[str]:
        if self._all is None:
            self.close()
            with self._open() as src:
                self._all = read_shared_strings(src)
        return self._all

    def _more(self) -> bool:
        """Parse one more string of the prefix; False when the part has no more."""
        from lxml import etree

        if self._events is None:
            if self._src is not None:  # the part ended
                return False
            self._src = self._open()
            self._events = etree.iterparse(self._src, events=("end",), tag="{*}si", resolve_entities=False,
                                           no_network=True)
        try:
            _event, si = next(self._events)
        except StopIteration:
            self._events = None
            return False
        self._first.append(rich_text(si))
        si.clear()
        while si.getprevious() is not None:
            del si.getparent()[0]
        return True

    def close(self) -> None:
        if self._src is not None:
            self._src.close()
        self._events = None


class _Chain:
    """A file-like object reading `head` first, then the rest of `stream`."""

    def __init__(self, head: bytes, stream):
        self.head, self.stream = head, stream

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = (self.head, b"") if n < 0 or n >= len(self.head) else (self.head[:n], self.head[n:])
            return out
        return self.stream.read(n)


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True)


def _attr(el, local: str) -> str | None:
    """An attribute in the relationships namespace (either spelling of it)."""
    for ns in _R_NS:
        v = el.get(f"{{{ns}}}{local}")
        if v is not None:
            return v
    return None


@dataclass
class SheetCells:
    """The cells of one worksheet as both readers give them."""

    rows: list[tuple[int, list]]  # (row number, values by 0-based column; "" = empty)
    special: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    # (row, column) -> ("e", "#DIV/0!") an error value, or ("f", "=SUM(E2:E9)") a formula without a stored value
    styles: dict[tuple[int, int], int] | None = None  # (row, column) -> style index, where not 0; None = not read yet
    book: "Xlsx | None" = None
    xml: bytes = b""

    def number_format(self, row: int, col: int) -> str:
        """The number format code of a cell (the sheet is streamed once, on the first question)."""
        if self.book is None:
            return "General"
        if self.styles is None:
            try:
                self.styles = cell_styles(self.xml)
            except PARSER_ERRORS as exc:  # a part calamine read but the XML parser refuses
                raise ReadError.damaged(self.book.path, exc) from exc
        return self.book.number_format(self.styles.get((row, col), 0))

    def percent_format(self, row: int, col: int) -> bool:
        """Whether a cell's number format shows a percentage; a book with no such format is never streamed for it."""
        if self.book is not None and not self.book.percent_styles:
            return False
        return "%" in self.number_format(row, col)


def sheet_rows(src) -> Iterator[tuple[int, list]]:
    """Stream a worksheet's XML as (row number, [(column 0-based, <c> element)]), clearing each row after use.

    The one walk over a sheet's rows and cells (`Xlsx.rows` decodes values, `cell_styles` reads
    styles): rows without `r` follow the previous one, cells without `r` the previous cell.
    """
    from lxml import etree

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
            if ref:
                letters = ref.rstrip("0123456789").upper()  # `a2` is A2, as calamine reads it
                if not letters:  # a reference without a column (`sheet_extent` lets a row number pass)
                    raise BadReference(ref, "c")
                col = column_number(letters)
            else:
                col += 1
            cells.append((col - 1, c))
        yield row_number, cells
        row.clear()
        while row.getprevious() is not None:
            del row.getparent()[0]


def cell_styles(xml: bytes) -> dict[tuple[int, int], int]:
    """(row, column 0-based) -> style index of every cell with a style other than 0 (values not decoded)."""
    out: dict[tuple[int, int], int] = {}
    for row_number, cells in sheet_rows(io.BytesIO(xml)):
        for col, c in cells:
            style = c.get("s")
            if style and style != "0":
                out[(row_number, col)] = int(style)
    return out


MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's own sheet: rows 1 … 1.048.576, columns A … XFD
_REF_SHAPE = re.compile(r"([A-Za-z]{0,3})([0-9]{1,8})")
_LOOKED_AT: dict[int, re.Pattern] = {}


def _unusual_refs(digits: int) -> re.Pattern:
    """An `r` attribute whose value is not a one-letter column with a row of at most `digits` digits
    (the usual case, skipped by the regular expression itself, so a normal sheet costs one scan)."""
    pat = _LOOKED_AT.get(digits)
    if pat is None:
        pat = _LOOKED_AT[digits] = re.compile(
            rb"""r\s*=\s*["'](?![A-Z]?[1-9][0-9]{0,%d}["'])([^"']*)["']""" % (digits - 1))
    return pat


class BadReference(ValueError):
    """A cell or row reference outside Excel's sheet (or not a reference at all)."""

    def __init__(self, ref: str, element: str):
        super().__init__(ref)
        self.ref, self.element = ref, element


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) that bound every cell of the sheet; raises BadReference for a reference that is
    outside Excel's sheet or malformed (`B99999999999`, `AAAA1`, `A0`, `$A$1`).

    Every row and cell reference is checked before either reader sees the sheet: the grid reader
    allocates rows x columns up front (a reference far out would abort the process, which no
    `except` can catch), the streamed one a row as wide as its last column. The scan is one regular
    expression over the part that stops only at unusual references: columns beyond Z, rows with more
    digits than the sheet's last row, anything malformed. The bound is conservative (a row of n digits
    counts as 10^n - 1)."""
    last = None
    for last in _ROW_NUMBER.finditer(xml, max(0, len(xml) - 65536)):  # noqa: B007  (the last match is wanted)
        pass
    if last is None:
        for last in _ROW_NUMBER.finditer(xml):  # noqa: B007
            pass
    last_row = int(last.group(1)) if last else xml.count(b"row")  # rows without numbers: as many as there are
    digits = min(max(len(str(last_row)), 1), 6)  # at most 999.999: every usual reference is inside Excel's sheet
    rows, columns = max(10 ** digits - 1, last_row), 26
    for m in _unusual_refs(digits).finditer(xml):
        start = m.start()
        if start == 0 or xml[start - 1] not in b" \t\r\n":  # `header="0.3"`: another attribute ending in r
            continue
        value = m.group(1).decode("utf-8", "replace")
        if not value:  # an empty reference counts as none: the cell follows the previous one
            continue
        tag_at = xml.rfind(b"<", 0, start)
        element = xml[tag_at + 1:start].split(None, 1)[0].split(b":")[-1] if tag_at >= 0 else b""
        if element not in (b"c", b"row"):
            continue
        shape = _REF_SHAPE.fullmatch(value)
        letters = shape.group(1) if shape else ""
        if shape is None or (element == b"c") != bool(letters):
            raise BadReference(value, element.decode())
        row = int(shape.group(2))
        col = column_number(letters.upper()) if letters else 1
        if not (1 <= row <= MAX_ROWS and col <= MAX_COLUMNS):
            raise BadReference(value, element.decode())
        rows, columns = max(rows, row), max(columns, col)
    return rows, columns


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _legal_char(code: int) -> bool:
    return code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def well_formed_characters(xml: bytes) -> bool:
    """No character XML 1.0 forbids, raw or as a reference (the streamed reader refuses such a part;
    calamine would read it: the two must agree, so such a part is streamed)."""
    if len(xml.translate(None, _CONTROL_BYTES)) != len(xml):
        return False
    if b"&#" not in xml:
        return True
    for m in _CHAR_REF.finditer(xml):
        ref = m.group(1)
        if not _legal_char(int(ref[1:], 16) if ref[:1] in b"xX" else int(ref)):
            return False
    return True


_UTF8_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding=["'](?!utf-?8["'])""", re.I)


def _text_needs_stream(xml: bytes) -> bool:
    """A part not in UTF-8, or with a character XML forbids: calamine must not read it."""
    head = xml[:200].lstrip(b"\xef\xbb\xbf")
    return not head.startswith(b"<") or _UTF8_DECLARATION.match(head) is not None or not well_formed_characters(xml)


def _needs_stream(xml: bytes) -> bool:
    """Cells a grid of values cannot show (error values, formulas without a stored value), or a
    part not in UTF-8. Literal searches first: most sheets have none of these."""
    if _text_needs_stream(xml):
        return True
    if b't="e"' in xml or b"t='e'" in xml:
        return True
    if b"f>" in xml or b"<f " in xml or b":f " in xml:
        return _NO_VALUE.search(xml) is not None
    return False


def bad_reference(sheet: str, bad: BadReference) -> Problem:
    """`berkas.rusak` at the cell (or row) whose reference is outside Excel's sheet."""
    shown = bad.ref[:24] + ("…" if len(bad.ref) > 24 else "")
    cell = bad.ref.upper() if bad.element == "c" and len(bad.ref) <= 24 and re.fullmatch(r"[A-Za-z]+[0-9]+", bad.ref) else ""
    what = (f"sheet '{sheet}' berisi sel dengan referensi '{shown}'" if bad.element == "c"
            else f"sheet '{sheet}' berisi baris bernomor '{shown}'")
    shape = r"[A-Za-z]+[0-9]+" if bad.element == "c" else r"[0-9]+"
    where = ("yang berada di luar batas lembar Excel (kolom A–XFD, baris 1–1.048.576)" if re.fullmatch(shape, bad.ref)
             else "yang bukan referensi sel yang sah")
    return problem("berkas.rusak", sheet, cell, what=f"{what} {where}; bagian sheet ini rusak")


class Xlsx:
    """An open .xlsx package: its worksheets, shared strings and number formats.

    Raises ReadError (`berkas.rusak`) when the package is not a readable workbook.
    """

    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            self._load()
        except ReadError:
            raise
        except PARSER_ERRORS as exc:  # damaged parts raise many kinds (XMLSyntaxError, KeyError, ValueError …)
            self.close()
            raise ReadError.damaged(path, exc) from exc

    def close(self) -> None:
        shared = getattr(self, "_shared", None)
        if shared is not None:
            shared.close()
        zf = getattr(self, "zip", None)
        if zf is not None:
            zf.close()
        cal = getattr(self, "_calamine", None)
        if cal is not None:
            cal.close()

    def __enter__(self) -> "Xlsx":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the package --------------------------------------------------------
    def _xml(self, name: str):
        from lxml import etree

        return etree.fromstring(self.zip.read(name), _parser())

    def _load(self) -> None:
        names = set(self.zip.namelist())
        types = self._xml("[Content_Types].xml")
        overrides = {o.get("ContentType"): o.get("PartName", "").lstrip("/")
                     for o in types.iter(f"{{{_CT_NS}}}Override")}
        workbook = next((overrides[t] for t in _WORKBOOK_TYPES if t in overrides), None)
        if workbook is None:
            defaults = {d.get("ContentType") for d in types.iter(f"{{{_CT_NS}}}Default")}
            if not defaults & set(_WORKBOOK_TYPES):
                raise ValueError("File contains no valid workbook part")
            workbook = "xl/workbook.xml"
        book = self._xml(workbook)
        pr = next((el for el in book if el.tag.endswith("}workbookPr")), None)
        self.epoch = MAC_EPOCH if pr is not None and pr.get("date1904") in ("1", "true") else WINDOWS_EPOCH
        rels = self._rels(workbook)
        self.sheets: list[tuple[str, str]] = []  # (name, part) of every worksheet, in workbook order
        self.hidden: dict[str, str] = {}  # name -> "hidden" / "veryHidden" of the worksheets Excel does not show
        for sheet in book.iter("{*}sheet"):
            rid = _attr(sheet, "id")
            if not rid:
                continue
            kind, target = rels.get(rid, ("", ""))
            if target in names and "chartsheet" not in kind:
                self.sheets.append((sheet.get("name") or "", target))
                if sheet.get("state") in ("hidden", "veryHidden"):
                    self.hidden[sheet.get("name") or ""] = sheet.get("state")
        self._strings_part = overrides.get(_SHARED_STRINGS_TYPE)
        self._shared: SharedStrings | None = None
        self._grid_strings: bool | None = None
        self._date_attrs: list[bytes | re.Pattern] | None = None
        self._calamine = None
        self._formats: list[str] = []  # style index -> number format code
        self.date_styles: set[int] = set()
        self.percent_styles: set[int] = set()  # cell styles whose number format shows a percentage
        styles = next((t for k, t in rels.values() if k.endswith("/styles")), None) or "xl/styles.xml"
        if styles in names:
            self._read_styles(self._xml(styles))

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part) of `part`'s relationships, targets made absolute."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")  # a workbook without it is damaged (KeyError)
        out = {}
        for rel in self._xml(rels_name).iter(f"{{{_REL_NS}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (rel.get("Type") or "", target)
        return out

    def _read_styles(self, root) -> None:
        custom = {}
        for fmt in root.iter("{*}numFmt"):
            try:
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
            except (TypeError, ValueError):
                continue
        xfs = next((el for el in root if el.tag.endswith("}cellXfs")), None)
        for idx, xf in enumerate(xfs if xfs is not None else ()):
            try:
                fid = int(xf.get("numFmtId") or 0)
            except ValueError:
                fid = 0
            code = custom[fid] if fid in custom else BUILTIN_FORMATS.get(fid, "General")
            self._formats.append(code)
            if is_date_format(code):
                self.date_styles.add(idx)
            if "%" in code:
                self.percent_styles.add(idx)

    def _has_dates(self, xml: bytes) -> bool:
        """Whether a cell of the sheet has a date or time format (dates are read by the streamed reader's
        rules, which calamine's differ from at the edges: negative serials, durations)."""
        if not self.date_styles:
            return False
        if self._date_attrs is None:
            styles = sorted(self.date_styles)
            # a few styles: `s="14"` and `s='14'` of each, found by a literal search (a tenth of a regex's time
            # over a 20.000-line sheet); many: one regular expression
            self._date_attrs = [b"s=%s%d%s" % (q, i, q) for i in styles for q in (b'"', b"'")] if len(styles) <= 4 else [
                re.compile(rb"""\bs=["'](?:""" + b"|".join(b"%d" % i for i in styles) + rb""")["']""")]
        for attr in self._date_attrs:
            if isinstance(attr, re.Pattern):
                return attr.search(xml) is not None
            at = xml.find(attr)
            while at >= 0:
                if at == 0 or not (xml[at - 1:at].isalnum() or xml[at - 1] == 95):  # a word boundary before `s` (95: `_`)
                    return True
                at = xml.find(attr, at + 1)
        return False

    def _strings_ok(self) -> bool:
        """Whether calamine may read the shared strings: UTF-8 and only characters XML allows."""
        if self._grid_strings is None:
            xml = self.zip.read(self._strings_part) if self._strings_part else b"<sst/>"
            self._grid_strings = not _text_needs_stream(xml)  # strings hold no cells: only their text matters
        return self._grid_strings

    @property
    def shared(self) -> SharedStrings:
        """The shared strings, read as far as streamed sheets ask."""
        if self._shared is None:
            part = self._strings_part
            self._shared = SharedStrings((lambda: self.zip.open(part)) if part else (lambda: io.BytesIO(b"<sst/>")))
        return self._shared

    def number_format(self, style: int) -> str:
        """The number format code of a cell style (`General` when there is none)."""
        try:
            return self._formats[style]
        except IndexError:
            return "General"

    # -- the cells ------------------------------------------------------------
    def sheet(self, name: str, part: str) -> SheetCells:
        """The cells of a worksheet, by calamine where it shows them exactly, else streamed."""
        xml = self.zip.read(part)
        try:
            rows, columns = sheet_extent(xml)
            if (not GRID_READER or not self._strings_ok() or _needs_stream(xml) or self._has_dates(xml)
                    or rows * columns > MAX_GRID_CELLS):
                return self.stream(xml)
            return self._grid(name, xml)
        except BadReference as bad:
            raise ReadError(bad_reference(name, bad)) from None

    def _grid(self, name: str, xml: bytes) -> SheetCells:
        try:
            if self._calamine is None:
                from python_calamine import CalamineWorkbook

                self._calamine = CalamineWorkbook.from_path(str(self.path))
            grid = self._calamine.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:  # calamine refuses what lxml may still read (a part it cannot parse): stream it
            return self.stream(xml)
        return SheetCells(list(enumerate(grid, 1)), book=self, xml=xml)

    def stream(self, xml: bytes) -> SheetCells:
        """The cells of a worksheet streamed from its XML (`rows`), as a grid with the special cells apart."""
        out = SheetCells([], {}, {}, self, xml)
        for number, cells in self.rows(io.BytesIO(xml)):
            width = max(c[0] for c in cells) + 1 if cells else 0  # cells may come out of order
            values: list = [""] * width
            for col, value, dtype, style, formula in cells:
                if style:
                    out.styles[(number, col)] = style
                if value is None:
                    if formula:
                        out.special[(number, col)] = ("f", formula)
                elif dtype == "e":
                    out.special[(number, col)] = ("e", str(value))
                else:
                    values[col] = value
            out.rows.append((number, values))
        return out

    def rows(self, src) -> Iterator[tuple[int, Cells]]:
        """Stream a worksheet as (row number, [(column index 0-based, value, data type, style, formula)]).

        `src` is a part name or an open stream of the sheet's XML. Values: shared and inline strings
        (escapes decoded), int/float numbers, booleans, datetimes for date-formatted numbers,
        error values (type "e"); a formula cell without a cached value comes with its formula
        text. lxml's C parser keeps this linear.
        """
        shared = self.shared
        date_styles = self.date_styles
        epoch = self.epoch
        if isinstance(src, str):  # a part of the package
            src = self.zip.open(src)
        with src:
            for row_number, row in sheet_rows(src):
                cells = []
                for col, c in row:
                    dtype = c.get("t", "n")
                    style = int(c.get("s") or 0)
                    raw = formula = None
                    inline = None
                    for part_el in c:
                        tag = part_el.tag
                        if tag in _TAG_V:
                            raw = part_el.text
                        elif tag in _TAG_F:
                            formula = "=" + (part_el.text or "")
                        elif tag in _TAG_IS:
                            inline = part_el
                    value: object = None
                    if dtype == "inlineStr":
                        if inline is not None:
                            value = unescape(rich_text(inline))
                    elif raw not in (None, ""):
                        if dtype == "n":
                            try:
                                value = int(raw) if raw.lstrip("-").isdigit() else float(raw)
                            except ValueError:
                                value, dtype = raw, "e"
                            if style in date_styles and dtype == "n" and value >= 0:
                                try:
                                    value = from_excel(value, epoch)
                                except (OverflowError, ValueError, TypeError):
                                    pass  # no date that far: the number as typed (as calamine reads it)
                        elif dtype == "s":
                            try:
                                value = unescape(shared[int(raw)])
                            except (IndexError, ValueError):
                                value, dtype = "#REF!", "e"
                        elif dtype == "b":
                            value = raw.strip() in ("1", "true")
                        elif dtype == "d":
                            try:
                                value = dt.datetime.fromisoformat(raw.strip().rstrip("Z"))
                            except ValueError:
                                value = raw
                        else:  # "str" (formula text result) and "e" (error value)
                            value = raw
                    cells.append((col, value, dtype, style, formula if value is None else None))
                yield row_number, cells
