"""generator/base/numbers.py: what staff type, read as numbers, qualitative values, dates, years and periods."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.base.numbers import BELUM_DINILAI, ParseError, parse_date, parse_number, parse_periode, parse_value, parse_year

D = Decimal
NBSP = "\u00a0"


def _code(fn, value, **kw) -> str:
    with pytest.raises(ParseError) as info:
        fn(value, **kw)
    return info.value.code


# ------------------------------------------------------------------ parse_number: accepted


@pytest.mark.parametrize(
    "value, expected",
    [
        (12, D(12)),
        (0, D(0)),
        (-7, D(-7)),
        (1.5, D("1.5")),
        (0.26, D("0.26")),  # float read through repr: no binary noise
        (0.1 + 0.2, D("0.30000000000000004")),
        (5367390869, D(5367390869)),
        (D("2.50"), D("2.50")),
        (D("96.7735"), D("96.7735")),
    ],
)
def test_parse_number_real_numbers(value, expected):
    got = parse_number(value)
    assert isinstance(got, Decimal)
    assert got == expected


def test_parse_number_float_has_no_binary_noise():
    assert str(parse_number(0.26)) == "0.26"


@pytest.mark.parametrize(
    "value, expected",
    [
        (0.85, D(85)),
        (1, D(100)),
        (0.9677, D("96.77")),
        (0.07, D(7)),
        (D("0.85"), D(85)),
    ],
)
def test_parse_number_percent_formatted_cell_in_percent_column(value, expected):
    assert parse_number(value, percent_format=True, as_percent=True) == expected


def test_parse_number_percent_formatted_cell_outside_percent_column_is_kept():
    assert parse_number(0.85, percent_format=True) == D("0.85")
    assert parse_number(0.85, as_percent=True) == D("0.85")  # not percent-formatted: 0.85 stays


@pytest.mark.parametrize(
    "text, expected",
    [
        # Indonesian
        ("1.234.567,89", D("1234567.89")),
        ("12.345,6", D("12345.6")),
        ("0,26", D("0.26")),
        ("0,5", D("0.5")),
        ("1.234", D(1234)),  # Indonesian thousands, not 1.234
        ("1.000.000", D(1000000)),
        # English
        ("1,234,567.89", D("1234567.89")),
        ("1,234.5", D("1234.5")),
        ("0.26", D("0.26")),
        ("0.001", D("0.001")),  # a leading 0 is never a thousands group
        ("0.250", D("0.25")),
        ("1234.567", D("1234.567")),  # four digits before the dot: not a thousands group
        ("12.5", D("12.5")),
        ("1.23", D("1.23")),
        # money
        ("Rp 5.367.390.869,-", D(5367390869)),
        ("Rp5.367.390.869,00", D(5367390869)),
        ("Rp. 1.000", D(1000)),
        ("IDR 500", D(500)),
        ("1.000,-", D(1000)),
        # percent
        ("96,77%", D("96.77")),
        ("100 %", D(100)),
        ("2,5 %", D("2.5")),
        # number + unit
        ("12 laporan", D(12)),
        ("1 dok", D(1)),
        ("1,5 kg", D("1.5")),
        ("1.234 laporan", D(1234)),
        ("12 laporan/bulan", D(12)),
        # plain
        ("0", D(0)),
        ("+3", D(3)),
    ],
)
def test_parse_number_text_forms(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"Rp{NBSP}5.367.390.869,-", D(5367390869)),
        (f"{NBSP}12{NBSP}", D(12)),
        (f"96,77{NBSP}%", D("96.77")),
        (f"12{NBSP}laporan", D(12)),
        ("\u202f5\u2007", D(5)),
        ("  12  ", D(12)),
        ("Rp   1.000", D(1000)),
    ],
)
def test_parse_number_nbsp_and_spaces(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("-5", D(-5)),
        ("-0,26", D("-0.26")),
        ("-1.234,5", D("-1234.5")),
        ("-12,5%", D("-12.5")),
        ("(1.234)", D(-1234)),  # accounting style
        ("Rp -5.000,00", D(-5000)),
    ],
)
def test_parse_number_negatives(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("blank", [None, "", "   ", NBSP, "-", "–", "—", "n/a", "N/A", "#N/A"])
def test_parse_number_blank_is_none(blank):
    assert parse_number(blank) is None


# ------------------------------------------------------------------ parse_number: rejected


@pytest.mark.parametrize(
    "value",
    ["abc", "12abc34", "1 2", "12-3", "3.", ".5", "5e3", "x1", True, False, dt.date(2024, 1, 1),
     dt.datetime(2024, 1, 1, 8, 0), dt.time(8, 0), float("nan"), float("inf"), float("-inf")],
)
def test_parse_number_unreadable(value):
    assert _code(parse_number, value) == "angka.tidak-terbaca"


@pytest.mark.parametrize("text", ["6.5025.000", "1,23,4", "12,3,4", "1.2.3", "1.234.5", "1.234,567,8"])
def test_parse_number_bad_thousands_separator(text):
    assert _code(parse_number, text) == "angka.pemisah-ribuan"


def test_parse_error_carries_what_was_found():
    with pytest.raises(ParseError) as info:
        parse_number(f"  6.5025.000{NBSP}")
    assert info.value.found == "6.5025.000"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_parse_number_rejects_non_finite_decimal(value):
    assert _code(parse_number, value) == "angka.tidak-terbaca"


# ------------------------------------------------------------------ parse_value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("B", "B"),
        ("bb", "BB"),
        (" b b ", "BB"),
        ("aa", "AA"),
        ("CC", "CC"),
        ("WTP", "WTP"),
        ("wdp", "WDP"),
        ("Tw", "TW"),
        ("TMP", "TMP"),
    ],
)
def test_parse_value_qualitative(value, expected):
    assert parse_value(value) == expected


@pytest.mark.parametrize(
    "value",
    ["Belum ada penilaian", "BELUM ADA PENILAIAN", "belum dinilai", "Belum ada nilai", "Dalam proses penilaian",
     f"Belum  ada{NBSP}penilaian"],
)
def test_parse_value_belum_dinilai_variants(value):
    assert parse_value(value) == BELUM_DINILAI == "Belum ada penilaian"


@pytest.mark.parametrize(
    "value, kw, expected",
    [
        ("12", {}, D(12)),
        ("96,77%", {}, D("96.77")),
        ("1.234.567,89", {}, D("1234567.89")),
        (67, {}, D(67)),
        (0.85, {"percent_format": True, "as_percent": True}, D(85)),
        (None, {}, None),
        ("", {}, None),
        ("-", {}, None),
    ],
)
def test_parse_value_numbers(value, kw, expected):
    assert parse_value(value, **kw) == expected


@pytest.mark.parametrize("value", ["garbage", "A+", "x1", "Belum dinilai.", True, dt.date(2024, 1, 1)])
def test_parse_value_garbage(value):
    assert _code(parse_value, value) == "nilai.tidak-terbaca"


def test_parse_value_keeps_thousands_separator_code():
    assert _code(parse_value, "6.5025.000") == "angka.pemisah-ribuan"


# ------------------------------------------------------------------ parse_date


@pytest.mark.parametrize(
    "value, expected",
    [
        (dt.datetime(2025, 1, 30, 10, 5), dt.date(2025, 1, 30)),
        (dt.date(2025, 1, 30), dt.date(2025, 1, 30)),
        (45687, dt.date(2025, 1, 30)),  # Excel serial
        (45687.75, dt.date(2025, 1, 30)),  # serial with a time part
        ("30 Januari 2025", dt.date(2025, 1, 30)),
        ("8 Oktober 2024", dt.date(2024, 10, 8)),
        ("1 Pebruari 2025", dt.date(2025, 2, 1)),
        ("29 Februari 2024", dt.date(2024, 2, 29)),
        ("1 Nopember 2024", dt.date(2024, 11, 1)),
        ("8 Okt. 2024", dt.date(2024, 10, 8)),
        ("8-Okt-2024", dt.date(2024, 10, 8)),
        ("30 January 2025", dt.date(2025, 1, 30)),
        (f"30{NBSP}Januari{NBSP}2025", dt.date(2025, 1, 30)),
        ("30  Januari  2025", dt.date(2025, 1, 30)),
        ("30/01/2025", dt.date(2025, 1, 30)),
        ("30.01.2025", dt.date(2025, 1, 30)),
        ("2025-01-30", dt.date(2025, 1, 30)),
        ("2025-01-30 00:00:00", dt.date(2025, 1, 30)),
    ],
)
def test_parse_date_accepted(value, expected):
    got = parse_date(value)
    assert got == expected
    assert type(got) is dt.date


@pytest.mark.parametrize("blank", [None, "", "-"])
def test_parse_date_blank(blank):
    assert parse_date(blank) is None


@pytest.mark.parametrize(
    "value",
    ["30 Pebruari 2025", "30 Februari 2025", "29 Februari 2023", "31/02/2025", "2025-13-01", "32 Januari 2025",
     "garbage", "30 Bulan 2025", "1/13/2025", "Januari 30, 2025", 100, 19999, 80001, True],
)
def test_parse_date_rejected(value):
    assert _code(parse_date, value) == "tanggal.tidak-terbaca"


# ------------------------------------------------------------------ parse_year, parse_periode


@pytest.mark.parametrize("value", [2024, 2024.0, "2024", " 2024 ", f"2024{NBSP}", D(2024)])
def test_parse_year(value):
    assert parse_year(value) == 2024


def test_parse_year_bounds():
    assert parse_year(1990) == 1990
    assert parse_year("2100") == 2100


@pytest.mark.parametrize("value", [2024.5, "24", "Tahun 2024", "2.024", 1989, 2101, None, "", True])
def test_parse_year_rejected(value):
    assert _code(parse_year, value) == "tahun.tidak-terbaca"


@pytest.mark.parametrize(
    "text",
    ["2024-2026", "2024 - 2026", "2024–2026", "2024 s.d. 2026", "2024 S.D. 2026", "2024 s.d 2026", "2024 sd 2026",
     "2024 sampai 2026", "2024/2026", f" 2024 - 2026{NBSP}"],
)
def test_parse_periode(text):
    assert parse_periode(text) == (2024, 2026)


def test_parse_periode_single_year_and_ten_years():
    assert parse_periode("2024-2024") == (2024, 2024)
    assert parse_periode("2020-2030") == (2020, 2030)


@pytest.mark.parametrize("text", ["2026-2024", "2020-2031", "2024", "abc", "", None, "24-26"])
def test_parse_periode_rejected(text):
    assert _code(parse_periode, text) == "periode.tidak-terbaca"


def test_parse_periode_s_garis_d():
    assert parse_periode("2024 s/d 2026") == (2024, 2026)


def test_is_blank_is_the_folded_lowercase_text_in_blanks_for_any_text():
    """`is_blank` skips folding the spaces of a text longer than any blank (20.000 budget lines: 45.000 calls);
    its answer is still that of the definition, for dashes, `n/a` and every kind of space around or inside."""
    import itertools

    from generator.base.numbers import BLANKS, clean_text, is_blank

    pieces = ["-", "–", "n", "/", "a", "#", "A", " ", "\u00a0", "\u2007", "\u202f", "\t", "\n", "\u200b", "x"]
    for length in range(0, 6):
        for combo in itertools.product(pieces, repeat=length) if length < 5 else itertools.islice(
                itertools.product(pieces, repeat=length), 0, None, 7):
            text = "".join(combo)
            assert is_blank(text) == (clean_text(text).lower() in BLANKS), repr(text)
    assert is_blank(" \u00a0N/A\u2007 ") and not is_blank("n / a") and not is_blank(7) and not is_blank(None)
