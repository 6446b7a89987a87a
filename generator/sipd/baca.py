"""Read the two SIPD exports, streamed: which layout a file is, and its data rows.

The file passes the same safety checks as a workbook (`xlsx_safety.inspect_file`: real
.xlsx, no zip bomb, no DTD) and is opened with the project's reader (`xlsx.Xlsx`: package,
relationships, shared strings). Its first worksheet holding a header row is then streamed
with lxml, row by row, each row cleared after use, and only the columns lkjip needs are
decoded: memory stays flat however many rows the export has (the caller keeps only its
grouped sums).

The header row is found by its names (case, spaces, `_` and NBSP ignored), anywhere in
the first rows (`HEADER_SCAN_ROWS`): title rows above it and extra columns are fine. A
file whose header matches neither layout is refused (`sipd.format-tidak-dikenal`),
listing the headers expected and the headers found — the columns are never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .. import (
    MAX_CELL_CHARS,
    MAX_MONEY,
    ParseError,
    Problem,
    ReadError,
    Xlsx,
    column_letter,
    inspect_file,
    normalize_header,
    parse_number,
    problem,
    rich_text,
    unescape,
)
from . import masalah  # noqa: F401  (registers the sipd.* problem codes)

HEADER_SCAN_ROWS = 30  # title rows tolerated above the header


@dataclass(frozen=True)
class Layout:
    """One SIPD export: its name, the headers public readers list, and the ones lkjip reads (key -> header)."""

    nama: str
    judul: str
    headers: tuple[str, ...]
    dibaca: tuple[tuple[str, str], ...]  # (key, header) of every column lkjip needs; all required
    money: frozenset[str]  # keys read as rupiah
    dikenali: frozenset[str] = frozenset()  # keys that identify the layout but are not read

    def required(self) -> dict[str, str]:
        return {normalize_header(h): k for k, h in self.dibaca}


REKAP = Layout(
    "rekap",
    "rekap anggaran (RKA/DPA per rekening)",
    ("NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT", "NAMA SUB UNIT",
     "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN",
     "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "KODE SUMBER DANA", "NAMA SUMBER DANA", "KODE REKENING",
     "NAMA REKENING", "PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK", "PAGU"),
    (("tahun", "TAHUN"), ("kode_skpd", "KODE SKPD"), ("nama_skpd", "NAMA SKPD"), ("kode_unit", "KODE SUB UNIT"),
     ("nama_unit", "NAMA SUB UNIT"), ("kode_program", "KODE PROGRAM"), ("nama_program", "NAMA PROGRAM"),
     ("kode_kegiatan", "KODE KEGIATAN"), ("nama_kegiatan", "NAMA KEGIATAN"), ("kode_sub", "KODE SUB KEGIATAN"),
     ("nama_sub", "NAMA SUB KEGIATAN"), ("sumber_dana", "NAMA SUMBER DANA"), ("kode_rekening", "KODE REKENING"),
     ("nama_rekening", "NAMA REKENING"), ("pagu", "PAGU")),
    frozenset({"pagu"}),
)

REALISASI = Layout(
    "realisasi",
    "Laporan Realisasi Per Dokumen (SIPD Penatausahaan)",
    ("Kode SKPD", "Nama SKPD", "Kode Sub SKPD", "Nama Sub SKPD", "Kode Fungsi", "Nama Fungsi", "Kode Sub Fungsi",
     "Nama Sub Fungsi", "Kode Urusan", "Nama Urusan", "Kode Bidang Urusan", "Nama Bidang Urusan", "Kode Program",
     "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening",
     "Nama Rekening", "Nomor Dokumen", "Jenis Dokumen", "Jenis Transaksi", "Tanggal Dokumen", "Keterangan Dokumen",
     "Nilai Realisasi", "Nilai Setoran", "Nomor SPD", "Tanggal SPD", "Nilai SPD", "Nomor SPP", "Tanggal SPP",
     "Nilai SPP", "Nomor SPM", "Tanggal SPM", "Nilai SPM", "Nomor SP2D", "Tanggal SP2D", "Nilai SP2D",
     "Nama Penerima", "NPWP Penerima", "Bank Penerima", "Nomor Rekening Penerima", "Nilai Potongan", "Status"),
    (("kode_skpd", "Kode SKPD"), ("nama_skpd", "Nama SKPD"), ("kode_unit", "Kode Sub SKPD"),
     ("nama_unit", "Nama Sub SKPD"), ("kode_program", "Kode Program"), ("nama_program", "Nama Program"),
     ("kode_kegiatan", "Kode Kegiatan"), ("nama_kegiatan", "Nama Kegiatan"), ("kode_sub", "Kode Sub Kegiatan"),
     ("nama_sub", "Nama Sub Kegiatan"), ("kode_rekening", "Kode Rekening"), ("nama_rekening", "Nama Rekening"),
     ("nomor_dokumen", "Nomor Dokumen"), ("jenis_dokumen", "Jenis Dokumen"), ("jenis_transaksi", "Jenis Transaksi"),
     ("nilai_realisasi", "Nilai Realisasi"), ("nilai_setoran", "Nilai Setoran")),
    frozenset({"nilai_realisasi", "nilai_setoran"}),
    frozenset({"nama_rekening", "nomor_dokumen", "jenis_dokumen", "jenis_transaksi"}),
)

LAYOUTS = (REKAP, REALISASI)


class SipdError(ReadError):
    """A SIPD file that cannot be used; carries the problem (in Indonesian) to report."""


@dataclass
class Baris:
    """One data row: its row number and the needed values by key (text stripped, money as Decimal)."""

    row: int
    values: dict[str, object]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\u00a0", " ").split())[:MAX_CELL_CHARS]


class SipdFile:
    """An open SIPD export: `layout`, `sheet`, `header_row`, and `rows()` streaming its data rows.

    Raises SipdError (with the problem) when the file is not safe, not readable, or not a known layout.
    `expect` limits the layouts tried (`--anggaran` wants the rekap, `--realisasi` the realisasi).
    """

    def __init__(self, path: Path, expect: tuple[Layout, ...] = LAYOUTS):
        self.path = Path(path)
        inspect_file(self.path)  # ReadError for what is not a safe .xlsx
        self.book = Xlsx(self.path)
        self.problems: list[Problem] = []
        self._sst_cache: dict[int, str] = {}
        self._sst: _SharedStrings | list[str] | None = None
        try:
            self._find_header(expect)
        except BaseException:
            self.book.close()
            raise

    def close(self) -> None:
        self.book.close()

    def __enter__(self) -> SipdFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def where(self) -> str:
        """The 'sheet' of a problem: file and worksheet."""
        return f"{self.path.name}:{self.sheet}"

    # -- the header ---------------------------------------------------------
    def _stream(self, part: str) -> Iterator[tuple[int, Iterator]]:
        """(row number, <c> elements) of a worksheet part, each row cleared after use."""
        from lxml import etree

        row_number = 0
        with self.book.zip.open(part) as src:
            for _event, row in etree.iterparse(src, events=("end",), tag="{*}row", resolve_entities=False,
                                               no_network=True, huge_tree=False):
                r = row.get("r")
                row_number = int(r) if r else row_number + 1
                yield row_number, row
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]

    def _decode(self, c) -> object:
        """The stored value of one <c> element (shared/inline string, number, boolean, cached formula value)."""
        dtype = c.get("t", "n")
        raw = None
        for el in c:
            tag = el.tag
            if tag.endswith("}v") or tag == "v":
                raw = el.text
            elif dtype == "inlineStr" and (tag.endswith("}is") or tag == "is"):
                return _text(unescape(rich_text(el)))
        if raw is None or raw == "":
            return None
        if dtype == "s":
            try:
                return self._sst_text(int(raw))
            except (IndexError, ValueError):
                return None
        if dtype == "n":
            try:
                return int(raw) if raw.lstrip("-").isdigit() else float(raw)
            except ValueError:
                return raw
        if dtype == "b":
            return raw.strip() in ("1", "true")
        return raw  # str (formula text), e (error value), d (ISO date) as their text

    def _row_cells(self, row, wanted: dict[str, int] | None) -> dict[int, object]:
        """Column (0-based) -> value of one row; only the `wanted` column letters when given."""
        out: dict[int, object] = {}
        col = -1
        last = None  # the letters of the last referenced cell, for a following cell without `r`
        for c in row:
            ref = c.get("r")
            if ref:
                last = ref.rstrip("0123456789")
                if wanted is None:
                    col = _column_index(last)
                else:
                    col = wanted.get(last, -1)
                    if col < 0:
                        continue
            else:
                col = (_column_index(last) if last else col) + 1
                last = None
                if wanted is not None and col not in self._wanted_idx:
                    continue
            out[col] = self._decode(c)
        return out

    def _find_header(self, expect: tuple[Layout, ...]) -> None:
        best: tuple[int, str, int, list[str]] | None = None  # (matches, sheet, row, headers)
        for name, part in self.book.sheets:
            for number, row in self._stream(part):
                if number > HEADER_SCAN_ROWS:
                    break
                cells = self._row_cells(row, None)
                headers = {normalize_header(v): i for i, v in cells.items() if isinstance(v, str) and v.strip()}
                for layout in expect:
                    need = layout.required()
                    if all(h in headers for h in need):
                        self.layout, self.sheet, self.header_row, self.part = layout, name, number, part
                        self.columns = {need[h]: headers[h] for h in need}  # key -> column index
                        self._wanted_idx = {i for k, i in self.columns.items() if k not in layout.dikenali}
                        self._key_by_idx = {i: k for k, i in self.columns.items() if i in self._wanted_idx}
                        self._money_idx = {i for i, k in self._key_by_idx.items() if k in layout.money}
                        self._wanted = {column_letter(i + 1): i for i in self._wanted_idx}
                        return
                    hits = sum(h in headers for h in need)
                    if best is None or hits > best[0]:
                        found = [_text(v) for _i, v in sorted(cells.items()) if isinstance(v, str) and v.strip()]
                        best = (hits, name, number, found)
        layout = expect[0] if len(expect) == 1 else None
        judul = layout.judul if layout else " atau ".join(lay.judul for lay in expect)
        expected = "; ".join(f"{lay.judul}: " + ", ".join(lay.headers) for lay in expect)
        if best is None or not best[3]:
            found, row, sheet, missing = "(tidak ada teks di baris mana pun)", "1", (self.book.sheets or [("?", "")])[0][0], ""
        else:
            hits, sheet, row, cols = best
            found = ", ".join(cols[:60]) + (" …" if len(cols) > 60 else "")
            have = {normalize_header(c) for c in cols}
            closest = max(expect, key=lambda lay: sum(h in have for h in lay.required()))
            miss = [h for _k, h in closest.dibaca if normalize_header(h) not in have]
            missing = f" Yang tidak ada untuk {closest.judul}: {', '.join(miss)}." if miss else ""
            other = [lay for lay in LAYOUTS if lay not in expect and all(h in have for h in lay.required())]
            if other:
                option = "--realisasi" if other[0] is REALISASI else "--anggaran"
                missing += f" Berkas ini adalah {other[0].judul}: berikan dengan {option}."
        self.sheet = sheet
        raise SipdError(problem("sipd.format-tidak-dikenal", f"{self.path.name}:{sheet}", "", layout=judul,
                                expected=expected, row=row, found=found, missing=missing))

    # -- the data -----------------------------------------------------------
    def rows(self) -> Iterator[Baris]:
        """The data rows below the header, as Baris with the layout's keys; blank rows skipped.

        A money cell that is not a number, or beyond MAX_MONEY, becomes a problem in `self.problems`
        and the row is skipped (never read as zero).
        """
        keys = self._key_by_idx
        money = [(i, k) for i, k in keys.items() if k in self.layout.money]
        for number, cells in self._data_rows():
            values: dict[str, object] = {keys[i]: v for i, v in cells.items()}
            ok = True
            for idx, key in money:
                value = values.get(key)
                if value is None:
                    continue
                if type(value) is int:  # the common case, first
                    amount: Decimal | None = Decimal(value)
                else:
                    try:
                        amount = parse_number(value) if not isinstance(value, str) or value.strip() else None
                    except ParseError as exc:
                        self.problems.append(problem("sipd.angka-tidak-terbaca", self.where, f"{column_letter(idx + 1)}{number}",
                                                     header=_header(self.layout, key), found=exc.found[:80]))
                        ok = False
                        continue
                if amount is not None and abs(amount) >= MAX_MONEY:
                    self.problems.append(problem("sipd.angka-di-luar-batas", self.where, f"{column_letter(idx + 1)}{number}",
                                                 header=_header(self.layout, key), found=str(amount)[:40], limit="10^18"))
                    ok = False
                    continue
                values[key] = amount
            if ok:
                yield Baris(number, values)

    def _data_rows(self) -> Iterator[tuple[int, dict[int, object]]]:
        """(row number, {column: value}) of the rows below the header: the fast scan where the sheet allows it."""
        if self._fast_ok():
            for number, cells in self._fast_rows():
                if number > self.header_row and cells:
                    yield number, cells
            return
        for number, row in self._stream(self.part):
            if number <= self.header_row:
                continue
            money = self._money_idx
            cells = {i: v if type(v) is str or i in money else _text(v)
                     for i, v in self._row_cells(row, self._wanted).items() if v is not None}  # blank = absent
            if cells:
                yield number, cells

    # -- the fast scan ------------------------------------------------------
    def _fast_ok(self) -> bool:
        """Whether the sheet is laid out as spreadsheet programs write it: UTF-8, every cell `<c r="A1" …>`
        unprefixed with its reference first. Then a regular expression finds the wanted cells in C,
        without building an element per cell (9 million cells of a 200.000-row export: 3 s instead of 25 s).
        Any other sheet is streamed with lxml (`_stream`)."""
        if not FAST_SCAN:
            return False
        with self.book.zip.open(self.part) as src:
            head = src.read(1 << 16)
        decl = head[:200]
        if decl.startswith((b"\xef\xbb\xbf", b"\xff", b"\xfe", b"\x00")) or (b"encoding=" in decl and not re.search(
                rb"""encoding=["']utf-?8["']""", decl, re.IGNORECASE)):
            return False
        cells = head.count(b"<c ")
        return cells > 0 and cells == head.count(b'<c r="') and b"<c>" not in head and b":c " not in head and b"</row>" in head

    def _fast_rows(self) -> Iterator[tuple[int, dict[int, object]]]:
        alt = b"|".join(sorted((k.encode() for k in self._wanted), key=len, reverse=True))
        # a wanted cell: its column and row, its type, the value of the common <v> form, else its whole body
        cell_re = re.compile(rb'<c r="(' + alt + rb')(\d+)"(?:[^>]*? t="(\w+)")?[^>]*?(?:/>|>(?:<v>([^<]*)</v></c>|(.*?)</c>))', re.DOTALL)
        wanted = {k.encode(): v for k, v in self._wanted.items()}
        sst = self._sst_text
        strings: dict[bytes, str] = {}  # raw shared-string index -> text
        money = self._money_idx
        current, cells = b"", {}
        with self.book.zip.open(self.part) as src:
            buf = b""
            while True:
                chunk = src.read(CHUNK)
                buf += chunk
                if chunk:
                    cut = buf.rfind(b"</row>")
                    if cut < 0:
                        continue
                    part, buf = buf[:cut + 6], buf[cut + 6:]
                else:
                    part, buf = buf, b""
                for letters, num, t, v, body in cell_re.findall(part):
                    if num != current:
                        if cells:
                            yield int(current), cells
                        current, cells = num, {}
                    idx = wanted[letters]
                    if body or not v:
                        value = self._fast_value(t, v, body)
                    elif t == b"s":
                        value = strings.get(v)
                        if value is None:
                            try:
                                value = strings[v] = sst(int(v))
                            except (IndexError, ValueError):  # no such string: blank, as the stream reads it
                                value = None
                    elif not t or t == b"n":
                        value = (int(v) if v.isdigit() else self._fast_value(t, v, body)) if idx in money else v.decode()
                    else:
                        value = self._fast_value(t, v, body)
                    if value is not None:
                        cells[idx] = value if type(value) is str or idx in money else _text(value)
                if not chunk:
                    break
        if cells:
            yield int(current), cells

    def _fast_value(self, t: bytes, v: bytes, body: bytes) -> object:
        """A cell's value from its type, its plain <v> (`v`) or, for any other form, its body."""
        t = t or b"n"
        if body:
            if t == b"inlineStr":
                return _text(unescape(_xml_text(b"".join(_T_TEXT.findall(_RPH.sub(b"", body))))))
            m = _V_TEXT.search(body)  # after a formula, around white space, with attributes
            if m is None:
                return None
            v = m.group(1)
        if not v:
            return None
        if t == b"s":
            try:
                return self._sst_text(int(v))
            except (IndexError, ValueError):
                return None
        if t == b"n":
            try:
                return int(v) if v.lstrip(b"-").isdigit() else float(v)
            except ValueError:
                return _xml_text(v)
        if t == b"b":
            return v.strip() in (b"1", b"true")
        return _text(_xml_text(v))

    def _sst_text(self, index: int) -> str:
        """A shared string as the rows give it (escapes decoded, spaces folded), decoded once per string."""
        text = self._sst_cache.get(index)
        if text is None:
            if self._sst is None:
                self._sst = _SharedStrings(self.book) if FAST_SCAN else self.book.shared
            raw = self._sst[index]
            text = self._sst_cache[index] = _text(unescape(raw))
        return text


class _SharedStrings:
    """The shared strings, decoded only when a wanted cell names one.

    An export names a unique document number, date and description on every row: decoding
    all of them (the project reader's list) held 300 MB for 200.000 rows. Here the part is kept
    as bytes with the start of each `<si>`, and a string is decoded when asked for. A part
    whose strings are not plain unprefixed `<si>` elements is read by the project's reader.
    """

    def __init__(self, book: Xlsx):
        from array import array

        part = book._strings_part
        self.data = book.zip.read(part) if part else b"<sst/>"
        self.fallback: list[str] | None = None
        head = self.data[:200]
        if b"<si>" not in self.data and b"si>" in self.data or (b"encoding=" in head and not re.search(
                rb"""encoding=["']utf-?8["']""", head, re.IGNORECASE)) or head.startswith((b"\xff", b"\xfe", b"\x00")):
            self.fallback, self.data = book.shared, b""
            return
        self.starts = array("q", (m.start() for m in re.finditer(rb"<si>", self.data)))
        self.starts.append(len(self.data))

    def __getitem__(self, index: int) -> str:
        if self.fallback is not None:
            return self.fallback[index]
        if index < 0 or index + 1 >= len(self.starts):
            raise IndexError(index)
        si = self.data[self.starts[index]:self.starts[index + 1]]
        si = si[:si.rfind(b"</si>")] if b"</si>" in si else si
        return _xml_text(b"".join(_T_TEXT.findall(_RPH.sub(b"", si))))


_RPH = re.compile(rb"<rPh\b.*?</rPh>", re.DOTALL)
_V_TEXT = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")
_T_TEXT = re.compile(rb"<t\b[^>]*>(.*?)</t>", re.DOTALL)
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
FAST_SCAN = True  # False: stream every sheet with lxml (tests compare the two)
CHUNK = 1 << 22  # bytes of sheet XML scanned at a time (whole rows): the memory the fast scan holds


def _entity(m: re.Match) -> str:
    name = m.group(1)
    if name[0] == "#":
        try:
            return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
        except (ValueError, OverflowError):
            return ""
    return _NAMED[name]


def _xml_text(raw: bytes) -> str:
    """Bytes of XML character data as text: UTF-8, the predefined entities and character references decoded."""
    text = raw.decode("utf-8", "replace")
    return _ENTITY.sub(_entity, text) if "&" in text else text


def _header(layout: Layout, key: str) -> str:
    return dict(layout.dibaca)[key]


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def money(values: dict[str, object], key: str) -> Decimal:
    """A money value of a row, 0 when blank."""
    v = values.get(key)
    return v if isinstance(v, Decimal) else Decimal(0)
