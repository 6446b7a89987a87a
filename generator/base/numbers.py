"""Parse what staff type into numbers, qualitative values and dates, and round as the report
rounds (pure functions, no I/O).

Accepted numbers: real numbers; percent-formatted cells; Indonesian (`1.234.567,89`) and
English (`1,234,567.89`) text; `Rp`, `,-`, `%` around them; "number + unit" (`12 laporan`).
A result is either a value or an error code from `problems.CATALOGUE` — never a silent zero.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

BLANKS = {"", "-", "–", "—", "n/a", "na", "#n/a"}

ORDINAL_SCALES: tuple[tuple[str, ...], ...] = (
    ("AA", "A", "BB", "B", "CC", "C", "D"),
    ("WTP", "WDP", "TW", "TMP"),
)
BELUM_DINILAI = "Belum ada penilaian"
_BELUM_FORMS = {"belum ada penilaian", "belum dinilai", "belum ada nilai", "dalam proses penilaian"}

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.I)
# a letter that looks like a digit inside a number: between digits or separators, or ending a group (`68O`)
_LOOKALIKE = re.compile(r"(?<=[\d.,])[OoIl](?=[\d.,])|[.,]\d{1,2}[OoIl]{1,2}$|^[OoIl](?=[\d.,]*\d)(?=\S*[.,]\d)")
_SUFFIX_DASH = re.compile(r",\s*-+\s*$|\.\s*-+\s*$")
_NUMBER_THEN_UNIT = re.compile(r"^([+-]?[\d.,]*\d[\d.,]*)\s*(%|[^\d\s].*)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nop": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}


_QUANTUM = {n: Decimal(1).scaleb(-n) for n in range(0, 7)}


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Half-up rounding to `places` decimals, as the report rounds every figure, for numbers of any size."""
    quantum = _QUANTUM.get(places) or Decimal(1).scaleb(-places)
    if value.adjusted() + places < 25:  # fits the default 28-digit context
        return value.quantize(quantum, rounding=ROUND_HALF_UP)
    with localcontext() as ctx:  # enough digits for any magnitude, so quantize never overflows
        ctx.prec = max(28, value.adjusted() + places + 3)
        return value.quantize(quantum, rounding=ROUND_HALF_UP)


class ParseError(ValueError):
    """A cell could not be read; `code` is a problem code, `found` the text shown to the user."""

    def __init__(self, code: str, found: str):
        super().__init__(f"{code}: {found}")
        self.code = code
        self.found = found


LONGEST_BLANK = max(map(len, BLANKS))  # stripped text longer than this is never blank


def is_blank(text: object) -> bool:
    """Text staff type for "nothing": a dash (`-`, `–`, `—`) or `n/a`, as the empty cell."""
    if not isinstance(text, str):
        return False
    if len(text) > LONGEST_BLANK and len(text.strip()) > LONGEST_BLANK:
        return False  # longer than any blank: folding inner spaces would leave a space, which no blank has
    return clean_text(text).lower() in BLANKS


def clean_text(value: object) -> str:
    """Text with non-breaking and repeated spaces folded, ends trimmed."""
    return _SPACES.sub(" ", str(value)).strip()


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regexes
        raise ParseError("angka.tidak-terbaca", text) from exc


def _number_from_text(raw: str) -> tuple[Decimal, bool]:
    """Parse number text; returns (value, had_percent_sign)."""
    s = clean_text(raw)
    s = _PREFIX.sub("", s)
    s = _SUFFIX_DASH.sub("", s).strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if _LOOKALIKE.search(s):  # `9.147.68O`: a letter O (or l, I) typed for a digit, not a separator problem
        raise ParseError("angka.huruf-mirip-angka", clean_text(raw))
    m = _NUMBER_THEN_UNIT.match(s)
    if not m:
        raise ParseError("angka.tidak-terbaca", clean_text(raw))
    num, unit = m.group(1), (m.group(2) or "").strip()
    percent = unit == "%" or unit.startswith("%")
    if unit and not percent and not re.match(r"^[A-Za-z][A-Za-z /.\-]*$", unit):
        raise ParseError("angka.tidak-terbaca", clean_text(raw))
    sign = ""
    if num[0] in "+-":
        sign, num = ("-" if num[0] == "-" else ""), num[1:]
    if num.startswith((".", ",")) or num.endswith((".", ",")):
        raise ParseError("angka.tidak-terbaca", clean_text(raw))
    has_dot, has_comma = "." in num, "," in num
    if has_dot and has_comma:
        last = max(num.rfind("."), num.rfind(","))
        dec_sep = num[last]
        thou_sep = "," if dec_sep == "." else "."
        int_part, frac = num[:last], num[last + 1:]
        if dec_sep in int_part or not re.fullmatch(r"\d{1,3}(?:" + re.escape(thou_sep) + r"\d{3})*", int_part):
            raise ParseError("angka.pemisah-ribuan", clean_text(raw))
        text = int_part.replace(thou_sep, "") + "." + frac
    elif has_comma:
        if num.count(",") > 1:
            if not _GROUPED.match(num):
                raise ParseError("angka.pemisah-ribuan", clean_text(raw))
            text = num.replace(",", "")
        else:
            text = num.replace(",", ".")  # Indonesian decimal comma
    elif has_dot:
        if num.count(".") > 1:
            if not _GROUPED.match(num):
                raise ParseError("angka.pemisah-ribuan", clean_text(raw))
            text = num.replace(".", "")
        else:
            head, tail = num.split(".")
            # Indonesian thousands "1.234" vs decimal "0.26" / "12.5"
            text = head + tail if (len(tail) == 3 and head != "0" and len(head) <= 3) else num
    else:
        text = num
    value = _decimal(sign + text)
    return (-value if negative else value), percent


_MIXED_GROUPS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def amount_readings(value: object) -> tuple[Decimal, Decimal] | None:
    """The two readings of a rupiah amount typed as text whose value depends on which separator is
    the decimal one: `11,099.000` is 11.099 (point decimal) or 11.099.000 (every mark a thousands
    separator); `11,099` is 11,099 (decimal comma) or 11.099. None when the text has one reading."""
    if not isinstance(value, str):
        return None
    s = _SUFFIX_DASH.sub("", _PREFIX.sub("", clean_text(value))).strip().lstrip("+")
    if not _MIXED_GROUPS.match(s) or s.startswith("0"):
        return None
    has_dot, has_comma = "." in s, "," in s
    if not (has_dot and has_comma) and not (has_comma and s.count(",") == 1):
        return None  # `1.234.567` / `1,234,567` / `12.500`: one reading
    try:
        as_read, _ = _number_from_text(s)
    except ParseError:
        as_read = None
    grouped = Decimal(re.sub(r"[.,]", "", s))
    if as_read is None or as_read == grouped:
        return None
    return as_read, grouped


def parse_number(value: object, *, percent_format: bool = False, as_percent: bool = False) -> Decimal | None:
    """A cell value as a Decimal, or None for blank. Raises ParseError.

    `percent_format`: the cell is formatted as a percentage (Excel stores 85% as 0.85).
    `as_percent`: the column's unit is %, so a percent-formatted 0.85 is read as 85.
    """
    if value is None:
        return None
    if type(value) is int:  # the common case, first
        d = Decimal(value)
        return (d * 100 if percent_format and as_percent else d).normalize()
    if isinstance(value, bool):
        raise ParseError("angka.tidak-terbaca", str(value))
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        raise ParseError("angka.tidak-terbaca", str(value))
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise ParseError("angka.tidak-terbaca", str(value))
            d = Decimal(repr(value))
        else:
            d = Decimal(value)
            if not d.is_finite():
                raise ParseError("angka.tidak-terbaca", str(value))
        if percent_format and as_percent:
            d = (d * 100).normalize()  # 0.959 -> 95.9, not 95.900: the exponent is what was typed
        return d.normalize() if d == d.to_integral() else d
    text = clean_text(value)
    if text.lower() in BLANKS:
        return None
    number, _had_percent = _number_from_text(text)
    return number


def qualitative(text: str) -> str | None:
    """The canonical qualitative value (`BB`, `WTP`, `Belum ada penilaian`) or None."""
    t = clean_text(text)
    if t.lower() in _BELUM_FORMS:
        return BELUM_DINILAI
    up = t.upper().replace(" ", "")
    for scale in ORDINAL_SCALES:
        if up in scale:
            return up
    return None


def ordinal_rank(value: str) -> tuple[int, int] | None:
    """(scale index, rank — lower is better) of a qualitative value, or None."""
    for si, scale in enumerate(ORDINAL_SCALES):
        if value in scale:
            return si, scale.index(value)
    return None


def parse_value(value: object, *, percent_format: bool = False, as_percent: bool = False) -> Decimal | str | None:
    """A target/realisation: a number, a qualitative value, or None. Raises ParseError."""
    if isinstance(value, str):
        q = qualitative(value)
        if q:
            return q
    try:
        return parse_number(value, percent_format=percent_format, as_percent=as_percent)
    except ParseError as exc:
        if exc.code == "angka.tidak-terbaca":
            raise ParseError("nilai.tidak-terbaca", exc.found) from exc
        raise


def parse_date(value: object) -> dt.date | None:
    """A date from a date cell, an Excel serial number, or text (`30 Januari 2025`, `30/01/2025`)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # Excel serial date (1954..2119)
            return (dt.datetime(1899, 12, 30) + dt.timedelta(days=int(value))).date()
        raise ParseError("tanggal.tidak-terbaca", str(value))
    text = clean_text(value)
    if text in BLANKS:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text)
    if m:
        y, mo, d = map(int, m.groups())
        return _make_date(y, mo, d, text)
    m = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", text)
    if m:
        d, mo, y = map(int, m.groups())
        return _make_date(y, mo, d, text)
    m = re.fullmatch(r"(\d{1,2})\s*[ \-]\s*([A-Za-z]+)\.?\s*[ \-]\s*(\d{4})", text)
    if m and m.group(2).lower() in MONTHS:
        return _make_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)), text)
    raise ParseError("tanggal.tidak-terbaca", text)


def _make_date(y: int, mo: int, d: int, text: str) -> dt.date:
    try:
        return dt.date(y, mo, d)
    except ValueError as exc:
        raise ParseError("tanggal.tidak-terbaca", text) from exc


def parse_year(value: object) -> int:
    """A four-digit year from a number or text. Raises ParseError."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        y = int(value)
    else:
        text = clean_text(value or "")
        if not re.fullmatch(r"\d{4}", text):
            raise ParseError("tahun.tidak-terbaca", text)
        y = int(text)
    if not 1990 <= y <= 2100:
        raise ParseError("tahun.tidak-terbaca", str(value))
    return y


def parse_periode(value: object) -> tuple[int, int]:
    text = clean_text(value or "")
    m = re.fullmatch(r"(\d{4})\s*(?:-|–|s\s*/\s*d|s\.?\s*d\.?|sampai(?:\s+dengan)?|/)\s*(\d{4})", text, re.I)
    if not m or int(m.group(1)) > int(m.group(2)) or int(m.group(2)) - int(m.group(1)) > 10:
        raise ParseError("periode.tidak-terbaca", text)
    return int(m.group(1)), int(m.group(2))
