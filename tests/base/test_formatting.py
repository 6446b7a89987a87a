"""generator/base/formatting.py: Indonesian numbers, money, percentages, dates and amounts in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.base.formatting import BULAN, FILTERS, angka, bilangan, nilai, persen, rupiah, tanggal, terbilang, uang

D = Decimal


# ------------------------------------------------------------------ angka


@pytest.mark.parametrize(
    "value, args, expected",
    [
        (D("1234567.891"), (), "1.234.567,89"),
        (1234567.891, (), "1.234.567,89"),
        (D("8437609725"), (0,), "8.437.609.725"),
        (12, (), "12,00"),
        (D("0.3"), (), "0,30"),
        (D("-1234.565"), (), "-1.234,57"),  # half-up away from zero
        (D("1234.5"), (0,), "1.235"),
        (D("2.5"), (0,), "3"),
        (D("1E+2"), (), "100,00"),
        (D("83.75"), (1,), "83,8"),
        ("12.5", (), "12,50"),  # numeric text is formatted
    ],
)
def test_angka(value, args, expected):
    assert angka(value, *args) == expected


def test_angka_no_negative_zero():
    assert angka(D("-0.001")) == "0,00"
    assert angka(D("-0.4"), 0) == "0"


def test_angka_blank_and_text():
    assert angka(None) == "-"
    assert angka("") == "-"
    assert angka("abc") == "abc"  # non-numeric text is shown as typed


def test_angka_trim():
    assert angka(D("12.00"), trim=True) == "12"
    assert angka(D("1234"), trim=True) == "1.234"
    assert angka(D("0.3"), trim=True) == "0,30"
    assert angka(D("12.004"), trim=True) == "12"  # decided after rounding


# ------------------------------------------------------------------ nilai


@pytest.mark.parametrize(
    "value, expected",
    [
        (D(12), "12"),
        (D("12.00"), "12"),
        (D("0.3"), "0,30"),
        (D("0.26"), "0,26"),
        (D("83.755"), "83,76"),
        (D("99.999"), "100"),
        (D("1234.5"), "1.234,50"),
        (D(1234), "1.234"),
        ("BB", "BB"),
        ("Belum ada penilaian", "Belum ada penilaian"),
        (None, "-"),
    ],
)
def test_nilai(value, expected):
    assert nilai(value) == expected


def test_nilai_desimal():
    assert nilai(D("12.345"), 1) == "12,3"
    assert nilai(D("5.5"), 0) == "6"


# ------------------------------------------------------------------ rupiah, uang


def test_rupiah():
    assert rupiah(5367390869) == "Rp5.367.390.869,00"
    assert rupiah(D("5367390869")) == "Rp5.367.390.869,00"
    assert rupiah(D("5367390869.005")) == "Rp5.367.390.869,01"
    assert rupiah(D("5367390869"), prefix=False) == "5.367.390.869,00"
    assert rupiah(None) == "-"


def test_uang():
    assert uang(5367390869) == "5.367.390.869"
    assert uang(D("173170493")) == "173.170.493"
    assert uang(D("-173170493")) == "-173.170.493"
    assert uang(D("1234.5")) == "1.235"
    assert uang(0) == "0"
    assert uang(None) == "-"


def test_no_english_number_style():
    assert "," not in uang(D("6942171920"))
    assert rupiah(D("6942171920")) != "Rp6,942,171,920.00"


# ------------------------------------------------------------------ persen


@pytest.mark.parametrize(
    "value, expected",
    [
        (D("96.775"), "96,78%"),
        (D("0.005"), "0,01%"),
        (D("2.675"), "2,68%"),  # a float would be 2.67499..., Decimal is exact
        (D("96.7735"), "96,77%"),
        (D("96.77365600481666728415787376"), "96,77%"),
        (D(100), "100,00%"),
        (D("257"), "257,00%"),
        (D("-0.004"), "0,00%"),
        (2.675, "2,68%"),  # floats read through repr
    ],
)
def test_persen_half_up(value, expected):
    assert persen(value) == expected


def test_persen_options():
    assert persen(D("96.77"), tanda=False) == "96,77"
    assert persen(D("83.75"), 1) == "83,8%"
    assert persen(None) == "-"


# ------------------------------------------------------------------ tanggal


def test_tanggal():
    assert tanggal(dt.date(2025, 1, 30)) == "30 Januari 2025"
    assert tanggal(dt.date(2024, 10, 8)) == "8 Oktober 2024"
    assert tanggal(dt.datetime(2024, 10, 8, 12, 0)) == "8 Oktober 2024"
    assert tanggal(None) == "-"


def test_tanggal_februari_never_pebruari():
    assert tanggal(dt.date(2024, 2, 1)) == "1 Februari 2024"
    assert tanggal(dt.date(2024, 11, 1)) == "1 November 2024"


def test_all_months():
    got = [tanggal(dt.date(2025, m, 1)).split(" ")[1] for m in range(1, 13)]
    assert got == ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                   "Oktober", "November", "Desember"]
    assert list(BULAN) == got


# ------------------------------------------------------------------ terbilang, bilangan


@pytest.mark.parametrize(
    "value, expected",
    [
        (2000000000, "dua miliar rupiah"),
        (5367390869, "lima miliar tiga ratus enam puluh tujuh juta tiga ratus sembilan puluh ribu "
                     "delapan ratus enam puluh sembilan rupiah"),
        (D("5194220376"), "lima miliar seratus sembilan puluh empat juta dua ratus dua puluh ribu "
                          "tiga ratus tujuh puluh enam rupiah"),
        (1000000, "satu juta rupiah"),
        (1001, "seribu satu rupiah"),
        (100, "seratus rupiah"),
        (11, "sebelas rupiah"),
        (0, "nol rupiah"),
        (D("-1000"), "minus seribu rupiah"),
    ],
)
def test_terbilang(value, expected):
    assert terbilang(value) == expected


def test_terbilang_uses_miliar_not_milyar():
    words = terbilang(5367390869)
    assert "miliar" in words
    assert "milyar" not in words


@pytest.mark.parametrize(
    "value, expected",
    [
        (D("1500.50"), "seribu lima ratus rupiah lima puluh sen"),
        (D("1000.05"), "seribu rupiah lima sen"),
        (D("1000000.10"), "satu juta rupiah sepuluh sen"),
        (D("0.995"), "satu rupiah"),  # rounded half-up to whole rupiah
        (D("100.999"), "seratus satu rupiah"),
    ],
)
def test_terbilang_sen(value, expected):
    assert terbilang(value) == expected


def test_terbilang_other_unit_and_blank():
    assert terbilang(1000, "") == "seribu"
    assert terbilang(4, "dokumen") == "empat dokumen"
    assert terbilang(None) == "-"


def test_terbilang_sen_without_unit():
    assert terbilang(D("1500.50"), "") == "seribu lima ratus lima puluh sen"


@pytest.mark.parametrize(
    "n, expected",
    [(4, "4 (empat)"), (0, "0 (nol)"), (11, "11 (sebelas)"), (21, "21 (dua puluh satu)"), (100, "100 (seratus)")],
)
def test_bilangan(n, expected):
    assert bilangan(n) == expected


def test_filters_registered():
    assert FILTERS == {"angka": angka, "nilai": nilai, "rupiah": rupiah, "uang": uang, "persen": persen,
                       "tanggal": tanggal, "terbilang": terbilang, "bilangan": bilangan}
