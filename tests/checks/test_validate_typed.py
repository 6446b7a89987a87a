"""generator/checks/validate_typed.py: typed mistakes the reader cannot see — each value reads fine but is
probably not what was meant (a percentage at its typed decimals, rupiah with sen, a fractional count,
a thousandfold realisasi, Target Akhir Renstra against the last year's target, the NIP, the telephone).

Here the pure functions and `check_typed` on a hand-made model. The same findings from whole
workbooks (cells, messages, what the report prints) are tested in tests/test_typed_mistakes.py;
the Persentase and Capaian columns in tests/checks/test_validate.py and tests/test_report_truth2.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.base.model import BarisAnggaran, Indikator, Laporan, NodeKinerja, Profil, Unit
from generator.checks.validate_typed import as_typed, check_typed, nip_problem, rounded_as_typed, typed_percent_ok, typed_places

TODAY = dt.date(2025, 1, 1)


def test_a_typed_percentage_is_right_at_the_decimals_it_was_typed_with():
    assert [typed_places(Decimal(x)) for x in ("86.66", "95.9", "100")] == [2, 1, 0]
    assert not typed_percent_ok(Decimal("86.66"), Decimal("86.6667"))  # 86,667 rounds to 86,67
    assert typed_percent_ok(Decimal("95.9"), Decimal("95.91"))
    assert typed_percent_ok(Decimal("86.666666666667"), Decimal("86.6666666666667"))  # a formula's result
    assert not typed_percent_ok(Decimal("90"), None)
    assert (as_typed(Decimal("95.9")), as_typed(Decimal("100"))) == ("95,9%", "100,00%")
    assert rounded_as_typed(Decimal("96.0"), Decimal("95.96"), 2) == "; dibulatkan ke 1 desimal seperti yang diketik: 96,0%"
    assert rounded_as_typed(Decimal("95.96"), Decimal("95.96"), 2) == ""


@pytest.mark.parametrize("nip, why", [
    ("19770321 199602 1 001", None),
    ("197703211996021001", None),
    ("19770321 19960 1 001", "terdiri dari 17 angka, seharusnya 18: bagian TMT CPNS '19960' 5 angka, seharusnya 6 (mis. 199602)"),
    ("1977O321199602100A", "mengandung karakter selain angka (OA)"),
    ("19771321 199602 3 001", "bagian tanggal lahir (8 angka pertama, 19771321) tidak sah: bulan 13 tidak ada; angka ke-15 "
                              "(jenis kelamin) adalah 3, seharusnya 1 (laki-laki) atau 2 (perempuan)"),
    ("19770321 198602 1 001", "TMT CPNS Februari 1986 (angka ke-9 s.d. 14) hanya 9 tahun setelah tahun lahir 1977 "
                              "(8 angka pertama): salah satunya salah ketik"),
], ids=["berspasi", "rapat", "kurang-satu", "huruf-o", "bulan-13", "tmt-terlalu-muda"])
def test_nip_problem_names_the_part_that_is_wrong(nip, why):
    assert nip_problem(nip, TODAY) == why


def _laporan() -> Laporan:
    dokumen = Indikator(3, "Jumlah dokumen", satuan="dokumen", target={2024: Decimal("12.5"), 2026: Decimal(14)},
                        realisasi={2024: Decimal(12)}, target_akhir=Decimal(15),
                        cells={"target:2024": "I3", "target:2026": "K3", "target_akhir": "N3"})
    sub = [BarisAnggaran(4, "Kecamatan Contoh", "Sub Kegiatan", "Penyusunan", pagu=Decimal("999.69"), realisasi=Decimal(5),
                         cells={"pagu": "E4", "realisasi": "F4"}),
           BarisAnggaran(5, "Kecamatan Contoh", "Sub Kegiatan", "Rapat", pagu=Decimal(1_000_000), realisasi=Decimal("1000000.50"),
                         cells={"pagu": "E5", "realisasi": "F5"})]
    profil = Profil(tahun=2024, periode=(2024, 2026), kota="Maumere", telepon="382 212345",
                    cells={"telepon": "B20", "tanggal_pk": "B16"})
    return Laporan(Path("contoh.xlsx"), profil, kinerja=[NodeKinerja("Sasaran", "Layanan", 3, indikator=[dokumen])],
                   unit=[Unit("Kecamatan Contoh", [BarisAnggaran(2, "Kecamatan Contoh", "Program", "Program Penunjang", anak=sub)])],
                   tahun_target=[2024, 2025, 2026])


def test_check_typed_finds_each_mistake_at_its_cell():
    found = {(p.where, p.code): p for p in check_typed(_laporan())}
    assert sorted(found) == [
        ("Anggaran!E4", "angka.rupiah-bersen"), ("Anggaran!F4", "anggaran.realisasi-tak-wajar"),
        ("Anggaran!F5", "angka.rupiah-bersen"), ("Kinerja!I3", "angka.cacah-pecahan"),
        ("Kinerja!N3", "kinerja.target-akhir-berbeda"), ("Profil!B16", "profil.tanggal-pk-kosong"),
        ("Profil!B20", "profil.telepon-tanpa-nol")]
    assert all(p.severity == "warning" for p in found.values())
    assert found[("Anggaran!E4", "angka.rupiah-bersen")].hint == (
        "Ketik ulang angkanya tanpa titik (999690); bila memang 999,69 rupiah, abaikan peringatan ini.")
    assert "1.000.000,50" in found[("Anggaran!F5", "angka.rupiah-bersen")].message
    assert "(12.500 diketik dengan titik ribuan terbaca 12,5)" in found[("Kinerja!I3", "angka.cacah-pecahan")].message
    assert found[("Kinerja!N3", "kinerja.target-akhir-berbeda")].message.startswith(
        "Target Akhir Renstra 15 untuk 'Jumlah dokumen' berbeda dari Target 2026 (K3) 14")
    assert found[("Profil!B20", "profil.telepon-tanpa-nol")].facts["expected"] == "0382 212345"


def test_a_cell_the_reader_could_not_read_is_not_reported_twice():
    from generator.base.problems import problem

    unread = [problem("tanggal.tidak-terbaca", "Profil", "B16", found="besok")]
    assert "profil.tanggal-pk-kosong" not in [p.code for p in check_typed(_laporan(), unread)]
