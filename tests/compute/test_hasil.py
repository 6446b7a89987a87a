"""generator/compute/hasil.py: capaian, predikat, efisiensi, budget roll-up, growth and staff tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.base.model import BarisAnggaran, Laporan, Pegawai, Pengaturan, Profil
from generator.base.numbers import BELUM_DINILAI, ORDINAL_SCALES
from generator.compute.hasil import (
    SCALES,
    Capaian,
    GolonganPendidikan,
    Jumlah,
    capaian,
    compute_sdm,
    golongan_ruang,
    growth,
    hitung_efisiensi,
    mean,
    predikat,
    rollup,
    round_half_up,
)

D = Decimal


# ------------------------------------------------------------------ capaian: numbers


def test_capaian_positive_raas():
    c = capaian(D(80), D(67))
    assert c.nilai == D("83.75")
    assert c.status == "tidak_tercapai"
    assert c.alasan == ""


@pytest.mark.parametrize(
    "target, realisasi, nilai, status",
    [
        (D(80), D(80), D(100), "tercapai"),
        (D(80), D(100), D(125), "melampaui"),
        (D(100), D(257), D(257), "melampaui"),  # no cap by default
        (D("0.30"), D("0.26"), D("86.66666666666666666666666667"), "tidak_tercapai"),
        (D(3), D(0), D(0), "tidak_tercapai"),
    ],
)
def test_capaian_positive(target, realisasi, nilai, status):
    c = capaian(target, realisasi)
    assert (c.nilai, c.status) == (nilai, status)


@pytest.mark.parametrize(
    "realisasi, status",
    [(D("99.994"), "tidak_tercapai"), (D("99.996"), "tercapai"), (D("100.004"), "tercapai"),
     (D("100.005"), "melampaui")],
)
def test_capaian_status_decided_on_printed_value(realisasi, status):
    c = capaian(D(100), realisasi)
    assert c.nilai == realisasi  # the number itself stays unrounded
    assert c.status == status


@pytest.mark.parametrize(
    "realisasi, nilai, status",
    [
        (D(8), D(120), "melampaui"),  # (2*10 - 8) / 10 * 100
        (D(10), D(100), "tercapai"),
        (D(12), D(80), "tidak_tercapai"),
        (D(20), D(0), "tidak_tercapai"),
        (D(25), D(0), "tidak_tercapai"),  # -50 floored at 0
        (D(0), D(200), "melampaui"),
    ],
)
def test_capaian_negative_kemenpan(realisasi, nilai, status):
    for c in (capaian(D(10), realisasi, "Negatif"), capaian(D(10), realisasi, "Negatif", "kemenpan")):
        assert (c.nilai, c.status) == (nilai, status)


@pytest.mark.parametrize(
    "realisasi, nilai, status",
    [
        (D(8), D(125), "melampaui"),  # 10 / 8 * 100
        (D(10), D(100), "tercapai"),
        (D(12), D("83.33333333333333333333333333"), "tidak_tercapai"),
        (D(40), D(25), "tidak_tercapai"),
    ],
)
def test_capaian_negative_sipd(realisasi, nilai, status):
    c = capaian(D(10), realisasi, "Negatif", "sipd")
    assert (c.nilai, c.status) == (nilai, status)


def test_capaian_negative_sipd_zero_realisasi_has_no_capaian():
    c = capaian(D(10), D(0), "Negatif", "sipd")
    assert c == Capaian(None, None, "realisasi bernilai nol sehingga rumus target/realisasi tidak dapat dipakai")


@pytest.mark.parametrize("rumus", ["kemenpan", "sipd"])
def test_capaian_negative_polarity_negative_target(rumus):
    c = capaian(D(-5), D(5), "Negatif", rumus)
    assert c.nilai is None
    assert c.alasan == "target bernilai negatif"


def test_capaian_positive_negative_target():
    assert capaian(D(-5), D(5)) == Capaian(None, None, "target bernilai negatif")


@pytest.mark.parametrize("polaritas, rumus", [("Positif", "kemenpan"), ("Negatif", "kemenpan"), ("Negatif", "sipd")])
@pytest.mark.parametrize("realisasi", [D(0), D(5)])
def test_capaian_zero_target(polaritas, rumus, realisasi):
    c = capaian(D(0), realisasi, polaritas, rumus)
    assert c == Capaian(None, None, "target bernilai nol sehingga capaian tidak dapat dihitung")


# ------------------------------------------------------------------ capaian: cap


def test_capaian_cap():
    assert capaian(D(100), D(257), batas=D(120)) == Capaian(D(120), "melampaui")
    # capped at 100, but the realisasi did exceed the target
    assert capaian(D(100), D(257), batas=D(100)) == Capaian(D(100), "melampaui")
    assert capaian(D(80), D(67), batas=D(120)).nilai == D("83.75")  # below the cap: untouched
    assert capaian(D(10), D(0), "Negatif", batas=D(150)).nilai == D(150)


# ------------------------------------------------------------------ capaian: qualitative and missing


@pytest.mark.parametrize(
    "target, realisasi, expected",
    [
        ("B", "BB", Capaian(D(100), "melampaui")),
        ("B", "A", Capaian(D(100), "melampaui")),
        ("B", "B", Capaian(D(100), "tercapai")),
        ("B", "CC", Capaian(None, "tidak_tercapai", "realisasi CC belum mencapai target B")),
        ("AA", "D", Capaian(None, "tidak_tercapai", "realisasi D belum mencapai target AA")),
        ("WDP", "WTP", Capaian(D(100), "melampaui")),
        ("WTP", "WTP", Capaian(D(100), "tercapai")),
        ("WTP", "WDP", Capaian(None, "tidak_tercapai", "realisasi WDP belum mencapai target WTP")),
        ("TW", "TMP", Capaian(None, "tidak_tercapai", "realisasi TMP belum mencapai target TW")),
    ],
)
def test_capaian_qualitative(target, realisasi, expected):
    assert capaian(target, realisasi) == expected


@pytest.mark.parametrize("target, realisasi", [("B", "WTP"), ("WTP", "A"), ("xyz", "abc"), ("B", "B+")])
def test_capaian_qualitative_other_scale(target, realisasi):
    assert capaian(target, realisasi) == Capaian(None, None, "target dan realisasi tidak berada pada skala yang sama")


@pytest.mark.parametrize("target, realisasi", [(D(5), "B"), ("B", D(5))])
def test_capaian_number_against_qualitative(target, realisasi):
    c = capaian(target, realisasi)
    assert c == Capaian(None, None, "target dan realisasi tidak sebanding (angka dan nilai kualitatif)")


def test_capaian_belum_ada_penilaian():
    assert capaian("B", BELUM_DINILAI) == Capaian(None, None, "belum ada penilaian")
    assert capaian(D(80), BELUM_DINILAI) == Capaian(None, None, "belum ada penilaian")
    assert capaian(BELUM_DINILAI, "B") == Capaian(None, None, "target belum ditetapkan")


def test_capaian_blank():
    assert capaian(D(80), None) == Capaian(None, None, "realisasi belum diisi")
    assert capaian(None, D(67)) == Capaian(None, None, "target belum ditetapkan")


# ------------------------------------------------------------------ capaian: properties

_finite = st.decimals(min_value=D("-1e15"), max_value=D("1e15"), places=6, allow_nan=False, allow_infinity=False)
_numbers = st.one_of(st.sampled_from([D(0), D(-1), D(1), D("0.000001"), D("1e15"), D("-1e15")]), _finite)
_qualitative = st.sampled_from([v for scale in ORDINAL_SCALES for v in scale] + [BELUM_DINILAI])
_values = st.one_of(st.none(), _numbers, _qualitative, st.text(max_size=20))


@settings(max_examples=300, deadline=None)
@given(target=_values, realisasi=_values, polaritas=st.sampled_from(["Positif", "Negatif"]),
       rumus=st.sampled_from(["kemenpan", "sipd"]), batas=st.one_of(st.none(), _numbers))
def test_capaian_never_raises_and_respects_cap(target, realisasi, polaritas, rumus, batas):
    c = capaian(target, realisasi, polaritas, rumus, batas)
    assert isinstance(c, Capaian)
    if c.nilai is None:
        assert c.alasan  # every missing capaian says why
        assert c.status in (None, "tidak_tercapai")
        return
    assert isinstance(c.nilai, Decimal)
    qualitative = isinstance(target, str)
    if batas is not None:
        assert c.nilai <= batas
    capped = batas is not None and c.nilai == batas
    if qualitative:
        # met or exceeded = 100 (or the cap, when lower); the status is not changed by the cap
        assert c.nilai == (min(D(100), batas) if batas is not None else D(100))
        assert c.status in ("melampaui", "tercapai")
    elif not capped:
        shown = round_half_up(c.nilai)
        assert c.status == ("melampaui" if shown > 100 else "tercapai" if shown == 100 else "tidak_tercapai")


def test_capaian_cap_applies_to_qualitative():
    assert capaian(D(100), D(100), batas=D(90)).nilai == D(90)
    assert capaian("B", "BB", batas=D(90)).nilai == D(90)
    # a cap limits the number, not whether the target was met
    assert capaian(D(100), D(130), batas=D(120)) == Capaian(D(120), "melampaui")
    assert capaian("B", "BB", batas=D(90)).status == "melampaui"


@pytest.mark.parametrize("target, realisasi", [(D(1), D("1e25")), (D("1e-20"), D("1e20"))])
def test_capaian_never_raises_on_huge_ratio(target, realisasi):
    c = capaian(target, realisasi)
    assert c.nilai == realisasi / target * 100


# ------------------------------------------------------------------ predikat


def _cfg(skala: str, **kw) -> Pengaturan:
    return Pengaturan(skala_predikat=skala, **kw)


@pytest.mark.parametrize(
    "nilai, label",
    [
        ("120", "Sangat Tinggi"), ("91", "Sangat Tinggi"), ("90.995", "Sangat Tinggi"),  # prints 91,00
        ("90.994", "Tinggi"),  # prints 90,99
        ("76", "Tinggi"), ("75.995", "Tinggi"), ("75.994", "Sedang"),
        ("66", "Sedang"), ("65.99", "Rendah"),
        ("51", "Rendah"), ("50.994", "Sangat Rendah"), ("0", "Sangat Rendah"), ("-5", "Sangat Rendah"),
    ],
)
def test_predikat_permendagri86(nilai, label):
    assert predikat(D(nilai), _cfg("permendagri86")) == label
    assert predikat(D(nilai), Pengaturan()) == label  # the default scale


@pytest.mark.parametrize(
    "nilai, label",
    [("100", "Sangat Baik"), ("86", "Sangat Baik"), ("85.995", "Sangat Baik"), ("85.994", "Baik"),
     ("70", "Baik"), ("69.99", "Cukup"), ("55", "Cukup"), ("54.994", "Kurang"), ("0", "Kurang")],
)
def test_predikat_kalianget(nilai, label):
    assert predikat(D(nilai), _cfg("kalianget")) == label


@pytest.mark.parametrize(
    "nilai, label",
    [("257", "Sangat Berhasil"), ("100", "Sangat Berhasil"), ("99.995", "Sangat Berhasil"),
     ("99.994", "Berhasil"), ("75", "Berhasil"), ("74.99", "Cukup Berhasil"), ("55", "Cukup Berhasil"),
     ("54.99", "Kurang Berhasil"), ("0", "Kurang Berhasil")],
)
def test_predikat_esakip(nilai, label):
    assert predikat(D(nilai), _cfg("esakip")) == label


def test_every_scale_is_tested():
    assert set(SCALES) == {"permendagri86", "kalianget", "esakip"}


@pytest.mark.parametrize(
    "nilai, label",
    [("150", "Melampaui Target"), ("100.005", "Melampaui Target"), ("100.004", "Sesuai Target"),
     ("100", "Sesuai Target"), ("99.995", "Sesuai Target"), ("99.994", "Belum Mencapai Target"),
     ("0", "Belum Mencapai Target")],
)
def test_predikat_tiga_tingkat(nilai, label):
    assert predikat(D(nilai), _cfg("tiga_tingkat")) == label


@pytest.mark.parametrize(
    "nilai, label",
    [("100", "Baik"), ("80", "Baik"), ("79.995", "Baik"), ("79.994", "Kurang"), ("0", "Kurang"),
     ("-1", "Kurang")],  # below every band: the lowest label
)
def test_predikat_kustom(nilai, label):
    cfg = Pengaturan(skala_predikat="kustom", skala_kustom=[(D(80), "Baik"), (D(0), "Kurang")])
    assert predikat(D(nilai), cfg) == label


def test_predikat_kustom_without_bands_and_unknown_scale_fall_back_to_permendagri86():
    assert predikat(D(90), _cfg("kustom")) == "Tinggi"
    assert predikat(D(90), _cfg("tidak-ada")) == "Tinggi"


def test_predikat_follows_desimal_setting():
    assert predikat(D("90.94"), Pengaturan(desimal=1)) == "Tinggi"  # prints 90,9
    assert predikat(D("90.95"), Pengaturan(desimal=1)) == "Sangat Tinggi"  # prints 91,0


def test_predikat_none():
    assert predikat(None, Pengaturan()) == "-"


# ------------------------------------------------------------------ efisiensi


def test_efisiensi_selisih_raas():
    assert hitung_efisiensi(D("83.75"), D(100), "selisih") == (D("-16.25"), "Tidak Efisien")
    assert hitung_efisiensi(D(100), D("96.77"), "selisih") == (D("3.23"), "Efisien")


def test_efisiensi_selisih_label_on_printed_value():
    assert hitung_efisiensi(D(100), D("100.004"), "selisih", None) == (D("-0.004"), "Sesuai Anggaran")  # prints 0,00 (issue 19.10)
    assert hitung_efisiensi(D(100), D("99.995"), "selisih", None) == (D("0.005"), "Efisien")  # prints 0,01
    # as printed (issue 19.12): from the printed parts, 100,00 − 100,00 = 0,00 and 100,00 − 96,03 = 3,97
    assert hitung_efisiensi(D(100), D("100.004"), "selisih") == (D("0.00"), "Sesuai Anggaran")
    assert hitung_efisiensi(D("95.9375"), D("95.9736"), "selisih") == (D("-0.03"), "Tidak Efisien")  # Raas: not -0,04
    assert hitung_efisiensi(D(100), D("100.005"), "selisih", None) == (D("-0.005"), "Tidak Efisien")  # prints -0,01


def test_efisiensi_sisa_alok():
    # 100 - penyerapan has no criteria of its own: no category (issue 11.8)
    assert hitung_efisiensi(None, D("96.77"), "sisa") == (D("3.23"), "")
    assert hitung_efisiensi(D("50"), D("96.77"), "sisa") == (D("3.23"), "")  # capaian plays no part
    assert hitung_efisiensi(None, D(101), "sisa") == (D(-1), "")


@pytest.mark.parametrize(
    "penyerapan, label",
    [
        ("150", "Tidak Efisien"), ("100.01", "Tidak Efisien"), ("100.005", "Tidak Efisien"),
        ("100.004", "Kurang Efisien"), ("100", "Kurang Efisien"), ("90.01", "Kurang Efisien"),
        ("90", "Cukup Efisien"), ("80.01", "Cukup Efisien"),
        ("80", "Efisien"), ("60.01", "Efisien"), ("60.005", "Efisien"),
        ("60.004", "Sangat Efisien"), ("60", "Sangat Efisien"), ("10", "Sangat Efisien"),
    ],
)
def test_efisiensi_rasio_grades(penyerapan, label):
    # capaian 100: the ratio equals the penyerapan
    v, got = hitung_efisiensi(D(100), D(penyerapan), "rasio", None)
    assert v == D(penyerapan)
    assert got == label


def test_efisiensi_rasio_raas():
    v, label = hitung_efisiensi(D("83.75"), D(100), "rasio")
    assert round_half_up(v) == D("119.40")
    assert label == "Tidak Efisien"


@pytest.mark.parametrize(
    "capaian_pct, penyerapan, metode",
    [(D(50), None, "sisa"), (D(50), None, "selisih"), (D(50), None, "rasio"), (None, D(50), "selisih"),
     (None, D(50), "rasio"), (D(0), D(50), "rasio")],
)
def test_efisiensi_not_computable(capaian_pct, penyerapan, metode):
    assert hitung_efisiensi(capaian_pct, penyerapan, metode) == (None, "-")


# ------------------------------------------------------------------ growth, mean, rounding


@pytest.mark.parametrize(
    "now, before, expected",
    [(D(110), D(100), D(10)), (D(90), D(100), D(-10)), (D(67), D(70), D("-4.285714285714285714285714286")),
     (D(1), D(-4), D(125)),  # against |before|
     (D(5), D(0), None), ("BB", "B", None), (None, D(5), None), (D(5), None, None)],
)
def test_growth(now, before, expected):
    assert growth(now, before) == expected


def test_mean_skips_missing():
    assert mean([D(1), None, D(2)]) == D("1.5")
    assert mean([]) is None
    assert mean([None]) is None


@pytest.mark.parametrize(
    "value, places, expected",
    [("2.675", 2, "2.68"), ("-2.675", 2, "-2.68"), ("0.005", 2, "0.01"), ("96.775", 2, "96.78"), ("2.5", 0, "3")],
)
def test_round_half_up(value, places, expected):
    got = round_half_up(D(value), places)
    assert got == D(expected)
    assert str(got) == expected


# ------------------------------------------------------------------ budget


def test_jumlah_alok():
    j = Jumlah(D(5367390869), D(5194220376))
    assert j.sisa == D(173170493)
    assert round_half_up(j.penyerapan) == D("96.77")
    assert j.penyerapan == D(5194220376) / D(5367390869) * 100  # unrounded


def test_jumlah_zero_pagu_and_addition():
    assert Jumlah().penyerapan is None
    assert Jumlah(D(0), D(5)).penyerapan is None
    total = Jumlah(D(10), D(9)) + Jumlah(D(5), D(5))
    assert (total.pagu, total.realisasi, total.sisa) == (D(15), D(14), D(1))


def _line(level: str, uraian: str, pagu=None, realisasi=None, anak=()) -> BarisAnggaran:
    return BarisAnggaran(row=0, unit="Kecamatan Contoh", level=level, uraian=uraian, pagu=pagu, realisasi=realisasi,
                         anak=list(anak))


def test_rollup_small_tree():
    s1 = _line("Sub Kegiatan", "Penyusunan Dokumen Perencanaan", D(10_000_000), D(9_500_000))
    s2 = _line("Sub Kegiatan", "Evaluasi Kinerja", D(5_000_000), D(5_000_000))
    s3 = _line("Sub Kegiatan", "Belum diisi")  # blank leaf counts as zero
    k1 = _line("Kegiatan", "Perencanaan", D(1), D(1), [s1, s2, s3])  # typed parent figures: children win
    k2 = _line("Kegiatan", "Administrasi Umum", D(2_000_000), D(1_500_000))  # a leaf Kegiatan
    prog = _line("Program", "Program Penunjang", None, None, [k1, k2])
    out: dict[int, Jumlah] = {}
    total = rollup(prog, out)
    assert (total.pagu, total.realisasi) == (D(17_000_000), D(16_000_000))
    assert out[prog] == total
    assert out[k1] == Jumlah(D(15_000_000), D(14_500_000))
    assert out[k2] == Jumlah(D(2_000_000), D(1_500_000))
    assert out[s1] == Jumlah(D(10_000_000), D(9_500_000))
    assert out[s3] == Jumlah(D(0), D(0))
    assert set(out) == set(prog.walk())


_money = st.decimals(min_value=0, max_value=D("1e13"), places=2, allow_nan=False, allow_infinity=False)
_typed = st.one_of(st.none(), _money)


@st.composite
def _programs(draw) -> list[BarisAnggaran]:
    programs = []
    for p in range(draw(st.integers(1, 3))):
        kegiatan = []
        for k in range(draw(st.integers(0, 3))):
            subs = [_line("Sub Kegiatan", f"S{p}.{k}.{s}", draw(_money), draw(_money))
                    for s in range(draw(st.integers(0, 4)))]
            kegiatan.append(_line("Kegiatan", f"K{p}.{k}", draw(_typed), draw(_typed), subs))
        programs.append(_line("Program", f"P{p}", draw(_typed), draw(_typed), kegiatan))
    return programs


@settings(max_examples=300, deadline=None)
@given(programs=_programs())
def test_rollup_parent_is_sum_of_leaves(programs):
    out: dict[int, Jumlah] = {}
    for prog in programs:
        rollup(prog, out)
    for prog in programs:
        for line in prog.walk():
            leaves = [x for x in line.walk() if not x.anak]
            assert out[line].pagu == sum((x.pagu or D(0) for x in leaves), D(0))
            assert out[line].realisasi == sum((x.realisasi or D(0) for x in leaves), D(0))


# ------------------------------------------------------------------ SDM


def _lap(pegawai: list[Pegawai]) -> Laporan:
    return Laporan(sumber=Path("contoh.xlsx"), profil=Profil(), pegawai=pegawai)


def test_compute_sdm():
    peg = [
        Pegawai(2, "A", golongan="IV/a", pendidikan="S2", eselon="III.a", status="PNS"),
        Pegawai(3, "B", golongan="III/b", pendidikan="S.1", eselon="IV.a", status="PNS"),
        Pegawai(4, "C", golongan="III/c", pendidikan="Sarjana", status="PNS"),
        Pegawai(5, "D", golongan="II/a", pendidikan="SLTA", status="PNS"),
        Pegawai(6, "E", golongan="", pendidikan="SMK", status="Honorer"),
        Pegawai(7, "F", golongan="X", pendidikan="D III", status="PPPK"),
        Pegawai(8, "G", golongan="", pendidikan="Paket C", status=""),
    ]
    sdm = compute_sdm(_lap(peg))
    assert sdm is not None and sdm.jumlah == 7
    assert sdm.pendidikan == ["SMA", "D3", "S1", "S2", "Paket C"]
    assert sdm.golongan_pendidikan == [
        GolonganPendidikan("IV", [0, 0, 0, 1, 0], 1),
        GolonganPendidikan("III", [0, 0, 2, 0, 0], 2),
        GolonganPendidikan("II", [1, 0, 0, 0, 0], 1),
        GolonganPendidikan("PPPK", [0, 1, 0, 0, 0], 1),
        GolonganPendidikan("Non ASN", [1, 0, 0, 0, 1], 2),
    ]
    assert sdm.total_pendidikan == [2, 1, 2, 1, 1]
    assert sdm.eselon == [("III.a", 1), ("IV.a", 1), ("Non Eselon", 5)]
    assert sdm.status == [("PNS", 4), ("Honorer", 1), ("PPPK", 1), ("Tidak diisi", 1)]


def test_compute_sdm_without_staff():
    assert compute_sdm(_lap([])) is None


@pytest.mark.parametrize(
    "golongan, expected",
    [("IV/a", "IV"), ("iii/b", "III"), (" III / a", "III"), ("II", "II"), ("I/d", "I"), ("V", "PPPK"),
     ("VII", "PPPK"), ("X", "PPPK"), ("XI", "PPPK"), ("", "Non ASN"), ("Honorer", "Non ASN")],
)
def test_golongan_ruang(golongan, expected):
    assert golongan_ruang(golongan) == expected


def test_golongan_ruang_pppk_ix():
    assert golongan_ruang("IX") == "PPPK"
    sdm = compute_sdm(_lap([Pegawai(2, "F", golongan="IX", pendidikan="S1", status="PPPK")]))
    assert sdm is not None and sdm.golongan_pendidikan == [GolonganPendidikan("PPPK", [1], 1)]
