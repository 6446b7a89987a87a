"""Indonesian formatting, in one place: angka, rupiah, persen, tanggal, terbilang, bilangan.

Numbers are rounded half-up first, then laid out with Python's own format
specification (`format(Decimal, ",.2f")`, exact for Decimal) with the separators
swapped to the Indonesian convention (thousands `.`, decimals `,`). Amounts in words
come from num2words (`lang="id"`, KBBI spelling `miliar`). These are also the Jinja
filters of the Word template.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .numbers import round_half_up

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")
KOSONG = "-"
_SWAP = str.maketrans(",.", ".,")
def _dec(value: object) -> Decimal | None:
    kind = type(value)
    if kind is Decimal:
        return value  # type: ignore[return-value]
    if value is None or (kind is str and not value):
        return None
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    try:
        return Decimal(str(value))
    except Exception:
        return None


def angka(value: object, desimal: int = 2, *, trim: bool = False) -> str:
    """`1234567.891` -> `1.234.567,89`; `trim` drops a zero fraction (`0,30` stays, `12,00` -> `12`)."""
    d = _dec(value)
    if d is None:
        return str(value) if isinstance(value, str) and value else KOSONG
    return _angka(d, desimal, trim)


def _angka(d: Decimal, desimal: int, trim: bool = False) -> str:
    """`angka` of a Decimal (the formatters below have made one already)."""
    if desimal == 0 and d.is_finite():
        whole = int(d)
        if whole == d:  # the common case of money: a whole number, nothing to round
            return f"{whole:,}".replace(",", ".")
    q = round_half_up(d, desimal)
    if q == 0:
        q = abs(q)  # no "-0,00"
    places = 0 if trim and q == q.to_integral() else desimal
    return format(q, f",.{places}f").translate(_SWAP)


def nilai(value: object, desimal: int = 2) -> str:
    """A target/realisation as printed: numbers with up to `desimal` places, qualitative as is."""
    if isinstance(value, str):
        return value
    d = _dec(value)
    if d is None:
        return KOSONG
    q = round_half_up(d, desimal)
    return _angka(q, 0) if q == q.to_integral() else _angka(q, desimal)


def rupiah(value: object, *, prefix: bool = True) -> str:
    """`5367390869` -> `Rp5.367.390.869,00` (text style of the reports)."""
    d = _dec(value)
    if d is None:
        return KOSONG
    text = _angka(d, 2)
    return f"Rp{text}" if prefix else text


def uang(value: object) -> str:
    """Money in a table cell: `5.367.390.869` (no decimals, `-` for nothing)."""
    d = _dec(value)
    if d is None:
        return KOSONG
    return _angka(d, 0)


def persen(value: object, desimal: int = 2, *, tanda: bool = True) -> str:
    """`96.7735` -> `96,77%`."""
    d = _dec(value)
    if d is None:
        return KOSONG
    return _angka(d, desimal) + ("%" if tanda else "")


def tanggal(value: dt.date | None) -> str:
    """`2025-01-30` -> `30 Januari 2025`."""
    if value is None:
        return KOSONG
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def terbilang(value: object, satuan: str = "rupiah") -> str:
    """`2000000000` -> `dua miliar rupiah` (whole rupiah; sen spelled when present)."""
    d = _dec(value)
    if d is None:
        return KOSONG
    from num2words import num2words  # imported when needed: 40 ms that `validate` never uses

    d = round_half_up(d, 2)
    whole = int(abs(d))
    words = num2words(whole, lang="id")
    sen = int((abs(d) - whole) * 100)
    if sen:
        words += f" {satuan}".rstrip() + f" {num2words(sen, lang='id')} sen"
    elif satuan:
        words += f" {satuan}"
    return ("minus " if d < 0 else "") + words


_ROMAWI = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
           (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def romawi(n: int) -> str:
    """`4` -> `IV`: units are numbered I … XX in tables, as the reports do; beyond XX (long
    lists nobody reads as roman numerals) and below 1, the plain number."""
    if not 0 < n <= 20:
        return str(n)
    out = []
    for value, letters in _ROMAWI:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def dari_romawi(text: str) -> int | None:
    """`IV` -> `4` (chapter numbers in headings); None when `text` is not a roman numeral."""
    text = text.strip().upper()
    for n in range(1, 21):
        if romawi(n) == text:
            return n
    return None


def bilangan(n: int) -> str:
    """`4` -> `4 (empat)`, the way reports count things."""
    from num2words import num2words

    return f"{n} ({num2words(n, lang='id')})"


FILTERS = {
    "angka": angka,
    "nilai": nilai,
    "rupiah": rupiah,
    "uang": uang,
    "persen": persen,
    "tanggal": tanggal,
    "terbilang": terbilang,
    "bilangan": bilangan,
}
