"""`lkjip impor-sipd`: SIPD exports (written by sipd_fixtures) read, grouped, matched and written into a workbook."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import ALOK
from sipd_fixtures import SKPD, realisasi_row, rekap_row, write_realisasi, write_rekap

from generator.sipd.agregat import kumpulkan, nilai_bersih, parse_unit_map
from generator.sipd.baca import REALISASI, REKAP, SipdError, SipdFile

KEC = (f"{SKPD[:-4]}0000", "Kecamatan Alok")
KEL = (f"{SKPD[:-4]}0001", "Kelurahan Madawat")
P1 = ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA")
K1 = ("7.01.01.2.01", "Administrasi Keuangan Perangkat Daerah")
S1 = ("7.01.01.2.01.0001", "Penyediaan Gaji dan Tunjangan ASN")
S2 = ("7.01.01.2.01.0007", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD")
R_PEG = ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS")
R_TUNJ = ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS")
R_ATK = ("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor")
R_MODAL = ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya")


def small_rekap(tmp_path: Path, **kw) -> Path:
    rows = [
        rekap_row(KEC, P1, K1, None, None, 999_999_999),  # a hierarchy row: subtotal, never summed
        rekap_row(KEC, P1, K1, S1, None, 999_999_999),
        rekap_row(KEC, P1, K1, S1, R_PEG, 3_000_000),
        rekap_row(KEC, P1, K1, S1, R_TUNJ, "1.250.000,00"),  # typed as Indonesian text
        rekap_row(KEC, P1, K1, S2, R_ATK, 400_000),
        rekap_row(KEC, P1, K1, S2, R_MODAL, 600_000, sumber="DAK"),
        rekap_row(KEL, P1, K1, S2, R_ATK, 200_000),
    ]
    return write_rekap(tmp_path / "rekap.xlsx", rows, **kw)


def small_realisasi(tmp_path: Path, **kw) -> Path:
    rows = [
        realisasi_row(KEC, P1, K1, S1, R_PEG, 2_900_000, nomor="1/SPP-LS", jenis="SPP", transaksi="LS"),
        realisasi_row(KEC, P1, K1, S1, R_TUNJ, 1_200_000, 50_000, nomor="2/SPP-LS", jenis="SPP", transaksi="LS"),
        realisasi_row(KEC, P1, K1, S2, R_ATK, 300_000, nomor="3/TBP", jenis="TBP", transaksi="GU"),
        realisasi_row(KEC, P1, K1, S2, R_ATK, 90_000, nomor="4/TBP-KKPD", jenis="TBP-KKPD", transaksi="GU-KKPD"),
        realisasi_row(KEC, P1, K1, S2, R_ATK, -20_000, nomor="5/TBP", jenis="TBP", transaksi="GU"),  # correction, negative
        realisasi_row(KEC, P1, K1, S2, R_MODAL, 600_000, -5_000, nomor="6/SPP-LS", jenis="SPP", transaksi="LS"),  # return with a minus
        realisasi_row(KEL, P1, K1, S2, R_ATK, 150_000, nomor="7/TBP", jenis="TBP", transaksi="UP"),
        realisasi_row(KEC, P1, K1, None, None, 5_000_000, nomor="8/SP2D-UP", jenis="SP2D", transaksi="UP"),  # UP advance
    ]
    return write_realisasi(tmp_path / "realisasi.xlsx", rows, **kw)


# -- 1. readers ---------------------------------------------------------------------------------


def test_rekap_upper_case_header_on_row_1(tmp_path):
    with SipdFile(small_rekap(tmp_path)) as f:
        assert f.layout is REKAP and f.header_row == 1
        rows = list(f.rows())
    assert len(rows) == 7
    assert rows[2].values["pagu"] == Decimal(3_000_000) and rows[2].values["kode_rekening"] == "5.1.01.01.01.0001"
    assert rows[3].values["pagu"] == Decimal("1250000.00")
    assert rows[0].values["nama_program"] == P1[1]


def test_realisasi_title_rows_and_title_case(tmp_path):
    with SipdFile(small_realisasi(tmp_path)) as f:
        assert f.layout is REALISASI and f.header_row == 5  # 4 title rows above
        rows = list(f.rows())
    assert [r.row for r in rows][:2] == [6, 7]
    assert rows[1].values["nilai_setoran"] == Decimal(50_000) and rows[1].values["jenis_dokumen"] == "SPP"


@pytest.mark.parametrize("case", ["upper", "title", "lower"])
def test_header_case_extra_columns_title_rows_and_order(tmp_path, case):
    path = small_rekap(tmp_path, case=case, extra=True, title_rows=["REKAP RKA", "TAHUN 2024"],
                       order=lambda cols: list(reversed(cols)))
    with SipdFile(path) as f:
        assert f.layout is REKAP and f.header_row == 3
        # the two hierarchy rows are rows too (kumpulkan skips them); the rekening rows follow
        assert sum(r.values["pagu"] for r in f.rows()) == Decimal(5_450_000) + 2 * Decimal(999_999_999)


def test_unknown_layout_refused_listing_expected_and_found(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Laporan apa saja"])
    ws.append(["Kode", "Uraian", "Anggaran", "KODE SUB KEGIATAN"])
    ws.append(["1", "x", 5])
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(SipdError) as exc:
        SipdFile(tmp_path / "lain.xlsx")
    p = exc.value.problem
    assert p.code == "sipd.format-tidak-dikenal" and p.sheet == "lain.xlsx:Sheet"
    assert "Kolom yang ditemukan (baris 2): Kode, Uraian, Anggaran, KODE SUB KEGIATAN." in p.message
    assert "KODE SKPD, NAMA SKPD, KODE SUB UNIT" in p.message and "Nilai Realisasi, Nilai Setoran" in p.message
    assert "Yang tidak ada untuk rekap anggaran (RKA/DPA per rekening): TAHUN, KODE SKPD" in p.message


def test_realisasi_given_as_rekap_is_refused(tmp_path):
    with pytest.raises(SipdError) as exc:
        kumpulkan(small_realisasi(tmp_path))
    assert exc.value.problem.code == "sipd.format-tidak-dikenal"
    assert "Kode SKPD, Nama SKPD, Kode Sub SKPD" in exc.value.problem.message  # what was found


def test_hostile_file_refused_by_the_workbook_checks(tmp_path):
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>')
    with pytest.raises(SipdError.__mro__[1]) as exc:
        SipdFile(bomb)
    assert exc.value.problem.code == "berkas.xml-berbahaya"
    (tmp_path / "a.xlsx").write_text("Kode SKPD;Nilai\n1;2\n")
    with pytest.raises(SipdError.__mro__[1]) as exc:
        SipdFile(tmp_path / "a.xlsx")
    assert exc.value.problem.code == "berkas.bukan-xlsx" and "CSV" in exc.value.problem.message


def test_money_text_that_is_not_a_number_is_a_problem_at_its_cell(tmp_path):
    rows = [rekap_row(KEC, P1, K1, S1, R_PEG, "tiga juta"), rekap_row(KEC, P1, K1, S1, R_TUNJ, 10)]
    data = kumpulkan(write_rekap(tmp_path / "r.xlsx", rows))
    (p,) = [p for p in data.problems if p.code == "sipd.angka-tidak-terbaca"]
    assert (p.sheet, p.cell) == ("r.xlsx:Sheet1", "W2") and "PAGU 'tiga juta' bukan angka." in p.message
    assert data.total()[0] == Decimal(10)


# -- 2. aggregation -----------------------------------------------------------------------------


def test_sign_rules():
    assert nilai_bersih(Decimal(1_200_000), Decimal(50_000)) == Decimal(1_150_000)
    assert nilai_bersih(Decimal(600_000), Decimal(-5_000)) == Decimal(595_000)  # a return written with a minus
    assert nilai_bersih(Decimal(-20_000), Decimal(0)) == Decimal(-20_000)  # a correction lowers the sum
    assert nilai_bersih(Decimal(0), Decimal(7_000)) == Decimal(-7_000)  # a return document alone


def test_pagu_and_realisasi_per_sub_kegiatan(tmp_path):
    data = kumpulkan(small_rekap(tmp_path), small_realisasi(tmp_path))
    kec, kel = data.unit[KEC[0]], data.unit[KEL[0]]
    assert kec.nama == "Kecamatan Alok" and data.tahun == 2024 and data.kode_skpd == SKPD
    s1 = kec.program[P1[0]].kegiatan[K1[0]].sub[S1[0]]
    s2 = kec.program[P1[0]].kegiatan[K1[0]].sub[S2[0]]
    assert (s1.pagu, s1.realisasi, s1.rekening, s1.dokumen) == (Decimal(4_250_000), Decimal(4_050_000), 2, 2)
    # 300.000 + 90.000 - 20.000 + (600.000 - 5.000)
    assert (s2.pagu, s2.realisasi, s2.setoran, s2.sumber_dana) == (Decimal(1_000_000), Decimal(965_000), Decimal(5_000), ["DAU", "DAK"])
    assert kel.total() == (Decimal(200_000), Decimal(150_000))
    assert data.total() == (Decimal(5_450_000), Decimal(5_165_000))
    assert data.baris_setoran == 3
    (skip,) = [p for p in data.problems if p.code == "sipd.tanpa-kode"]
    assert skip.cell == "A13" and "1 baris" in skip.message and "Rp5.000.000" in skip.message
    belanja = {k: (b.kelompok, b.jenis, b.anggaran, b.realisasi) for k, b in data.belanja.items()}
    assert belanja == {
        "5.1.01": ("Belanja Operasi", "Belanja Pegawai", Decimal(4_250_000), Decimal(4_050_000)),
        "5.1.02": ("Belanja Operasi", "Belanja Barang dan Jasa", Decimal(600_000), Decimal(520_000)),
        "5.2.02": ("Belanja Modal", "Belanja Modal Peralatan dan Mesin", Decimal(600_000), Decimal(595_000)),
    }


def test_skpd_filter_and_unit_names(tmp_path):
    other = ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan")
    rows = [rekap_row(KEC, P1, K1, S1, R_PEG, 100), rekap_row(other, P1, K1, S1, R_PEG, 900)]
    rows[1]["KODE SKPD"], rows[1]["NAMA SKPD"] = other
    path = write_rekap(tmp_path / "dua.xlsx", rows)
    data = kumpulkan(path, skpd=SKPD, unit_map=parse_unit_map([f"{KEC[0]}=Kantor Camat Alok"]))
    assert data.total() == (Decimal(100), Decimal(0))
    assert [u.nama for u in data.unit.values()] == ["Kantor Camat Alok"]
    with pytest.raises(SipdError) as exc:
        kumpulkan(path, skpd="9.99")
    assert exc.value.problem.code == "sipd.skpd-tidak-ada"
    assert f"{SKPD} (KECAMATAN ALOK), {other[0]} (Dinas Kesehatan)" in exc.value.problem.message
    with pytest.raises(SipdError) as exc:
        kumpulkan(path, unit_map={"7.9": "X"})
    assert exc.value.problem.code == "sipd.unit-tidak-dikenal"
    with pytest.raises(ValueError, match="KODE SUB UNIT=Nama unit"):
        parse_unit_map(["tanpa-sama-dengan"])


def test_realisasi_without_pagu_and_negative_net_are_warned(tmp_path):
    rekap = write_rekap(tmp_path / "r.xlsx", [rekap_row(KEC, P1, K1, S1, R_PEG, 100)])
    real = write_realisasi(tmp_path / "d.xlsx", [
        realisasi_row(KEC, P1, K1, S1, R_PEG, 10, 50),
        realisasi_row(KEC, P1, K1, S2, R_ATK, 70),
    ])
    data = kumpulkan(rekap, real)
    found = {p.code: p.message for p in data.problems}
    assert "Rp70" in found["sipd.realisasi-tanpa-pagu"] and S2[0] in found["sipd.realisasi-tanpa-pagu"]
    assert "negatif: -Rp40" in found["sipd.realisasi-negatif"] or "-40" in found["sipd.realisasi-negatif"]


def test_reading_memory_does_not_grow_with_rows(tmp_path):
    """Streaming: the peak while grouping 8.000 documents is that of 2.000 (rows are cleared, only sums kept)."""
    import tracemalloc

    def export(n: int) -> Path:
        rows = [realisasi_row(KEC, P1, K1, S2 if i % 2 else S1, R_ATK, 1000 + i, nomor=f"{i}/TBP", bulan=i % 12 + 1)
                for i in range(n)]
        return write_realisasi(tmp_path / f"real-{n}.xlsx", rows)

    rekap = write_rekap(tmp_path / "r.xlsx", [rekap_row(KEC, P1, K1, S1, R_PEG, 100)])
    peaks = {}
    for n in (2000, 8000):
        path = export(n)
        tracemalloc.start()
        data = kumpulkan(rekap, path)
        peaks[n] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert data.baris_realisasi == n
        assert data.total()[1] == sum(Decimal(1000 + i) for i in range(n))
    assert peaks[8000] < peaks[2000] * 1.5, peaks
