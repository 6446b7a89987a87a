"""`lkjip impor-sipd`: SIPD exports (written by sipd_fixtures) read, grouped, matched and written into a workbook."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ALOK, ROOT
from openpyxl import Workbook, load_workbook
from sipd_fixtures import (
    SKPD,
    alok_exports,
    realisasi_row,
    rekap_row,
    write_realisasi,
    write_rekap,
)

from generator.pipeline import check
from generator.pipeline import diff as diff_revisions
from generator.read.xlsx_safety import ReadError
from generator.sipd.agregat import kumpulkan, nilai_bersih, parse_unit_map
from generator.sipd.baca import REALISASI, REKAP, SipdError, SipdFile
from generator.sipd.impor import impor_sipd, rekonsiliasi_lines

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
    assert rows[1].values["nilai_setoran"] == Decimal(50_000) and rows[1].values["kode_rekening"] == R_TUNJ[0]
    assert "jenis_dokumen" not in rows[1].values  # a header that identifies the layout, not read


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
    assert exc.value.problem.message.endswith(
        "Berkas ini adalah Laporan Realisasi Per Dokumen (SIPD Penatausahaan): berikan dengan --realisasi.")


def test_hostile_file_refused_by_the_workbook_checks(tmp_path):
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>')
    with pytest.raises(ReadError) as exc:
        SipdFile(bomb)
    assert exc.value.problem.code == "berkas.xml-berbahaya"
    (tmp_path / "a.xlsx").write_text("Kode SKPD;Nilai\n1;2\n")
    with pytest.raises(ReadError) as exc:
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


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Realisasi exports of n rows, shared strings or inline, written once for the module (openpyxl takes half a
    second for 4.000 rows): (n, shared) -> path."""
    made: dict[tuple[int, bool], Path] = {}

    def export(n: int, shared: bool) -> Path:
        if (n, shared) not in made:
            rows = [realisasi_row(KEC, P1, K1, S2 if i % 2 else S1, R_ATK, 1000 + i, nomor=f"{i}/TBP", bulan=i % 12 + 1)
                    for i in range(n)]
            made[(n, shared)] = write_realisasi(tmp_path_factory.mktemp("ekspor") / f"real-{n}.xlsx", rows, shared=shared)
        return made[(n, shared)]
    return export


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("shared", [True, False])
def test_reading_memory_does_not_grow_with_rows(exports, monkeypatch, fast, shared):
    """Streaming: reading 4.000 documents peaks as high as 1.000 (rows are cleared, only sums kept), plus, for
    text in a shared-strings table, that part's own bytes (a unique document number and date per row are in it).
    The fast scan holds CHUNK bytes of XML at a time, made small here so that both files exceed it."""
    import tracemalloc

    from generator.sipd import baca

    monkeypatch.setattr(baca, "CHUNK", 1 << 16)
    monkeypatch.setattr(baca, "FAST_SCAN", fast)

    def sst_bytes(path: Path) -> int:
        with zipfile.ZipFile(path) as z:
            return z.getinfo("xl/sharedStrings.xml").file_size if shared else 0

    peaks, sst = {}, {}
    for n in (1000, 4000):
        path = exports(n, shared)
        sst[n] = sst_bytes(path)
        tracemalloc.start()
        with SipdFile(path) as f:  # the safety checks and the package are behind; the rows follow
            base = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            total = sum(r.values["nilai_realisasi"] for r in f.rows())
            peaks[n] = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        assert total == sum(Decimal(1000 + i) for i in range(n))
    # four times the rows: the peak grows by less than a tenth, plus (shared strings) about the part's growth
    # (64 kB of slack for the allocator's own bookkeeping: rows held would add about three times the peak)
    assert peaks[4000] - peaks[1000] < 0.1 * peaks[1000] + 65_536 + 1.5 * (sst[4000] - sst[1000]), (peaks, sst)
    if not shared:
        assert peaks[4000] < 1_000_000, peaks  # a 5 MB sheet streamed in under 1 MB


# -- 3-5. matching, the new workbook, the reconciliation -------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


@pytest.fixture(scope="module")
def alok_import(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alok")
    rekap, real, codes = alok_exports(ALOK, folder)
    before = _sha(ALOK)
    hasil = impor_sipd(rekap, real, ke=ALOK, out=folder / "alok-sipd.xlsx")
    assert _sha(ALOK) == before  # the input is never modified
    return hasil, codes


def test_round_trip_alok_same_figures_per_line_and_in_the_report(alok_import):
    """Alok's Anggaran re-exported in both layouts and imported back: same pagu/realisasi per line, same report figures."""
    hasil, codes = alok_import
    d, problems = diff_revisions(ALOK, hasil.out)
    assert d is not None and not [p for p in problems if p.severity == "error"]
    assert d["anggaran"]["baru"] == [] and d["anggaran"]["dihapus"] == [] and d["indikator"] == []
    assert d["unit"] == [] and all(a == b for a, b in d["total"].values())
    assert len(d["anggaran"]["berubah"]) == 119
    for item in d["anggaran"]["berubah"]:  # only the Kode was filled in; every printed figure is the same
        assert item["pagu"][0] == item["pagu"][1] and item["realisasi"][0] == item["realisasi"][1], item
        assert item["kode_lama"] == "" and item["kode"]
    (table,) = d["laporan"]  # the one printed change: the budget table gains its Kode column
    assert table["bagian"] == "Tabel 'Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan Tahun 2024'"
    (head_old, head_new), (num_old, num_new), *rows = table["perubahan"]
    assert "Kode" not in head_old and head_new.split(" | ")[1] == "Kode"  # Alok types no Kode: the column was dropped
    assert len(rows) >= 119  # every row of the table: the units and the 119 coded budget lines
    filled = 0
    rows = [r for r in rows if not r[0].startswith(("lebar kolom", "rata:"))]  # widths, alignment follow the column
    for old_row, new_row in rows:  # the same row with a Kode cell added: same figures
        a, b = old_row.split(" | "), new_row.split(" | ")
        assert a[:1] + a[1:] == b[:1] + b[2:], (old_row, new_row)
        filled += bool(b[1].strip())
    assert filled >= 119
    lap_old, res_old, _ = check(ALOK)
    lap_new, res_new, _ = check(hasil.out)
    assert res_new.total.pagu == res_old.total.pagu == Decimal(5_367_390_869)
    assert res_new.total.realisasi == res_old.total.realisasi == Decimal(5_194_220_376)
    assert [(b.kelompok, b.jenis, b.anggaran, b.realisasi) for b in lap_new.belanja] == \
        [(b.kelompok, b.jenis, b.anggaran, b.realisasi) for b in lap_old.belanja]
    assert res_new.efisiensi_instansi == res_old.efisiensi_instansi and res_new.capaian_instansi == res_old.capaian_instansi


def test_typed_totals_are_the_sums_no_arithmetic_warnings(alok_import):
    hasil, _codes = alok_import
    _lap, _res, old = check(ALOK)
    assert sorted(p.cell for p in old if p.code == "anggaran.jumlah-tidak-cocok") == ["E77", "E86", "F54"]
    _lap, _res, new = check(hasil.out)
    arithmetic = ("anggaran.jumlah-tidak-cocok", "anggaran.persentase-berbeda", "belanja.total-berbeda")
    assert [p for p in new if p.code in arithmetic or p.code.startswith("kode.")] == []
    assert hasil.validasi == []
    ws = load_workbook(hasil.out)["Anggaran"]
    assert (ws["D86"].value, ws["E86"].value) == ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 86_245_207)
    assert ws["G107"].value == 91.11  # 100 typed for 91,11 %: recomputed


def test_codes_notes_sasaran_and_other_sheets(alok_import):
    hasil, codes = alok_import
    old, new = load_workbook(ALOK), load_workbook(hasil.out)
    assert new.sheetnames == old.sheetnames
    for name in old.sheetnames:
        if name not in ("Anggaran", "Belanja"):
            assert _rows(new[name]) == _rows(old[name]), name
    ws = new["Anggaran"]
    assert ws["A2"].value == "Kecamatan Alok" and ws["B2"].value == codes["program"][ws["D2"].value] == "7.01.01"
    assert ws["B6"].value == "7.01.01.2.02.0001" and ws["D6"].value == "Penyediaan Gaji dan Tunjangan ASN"
    assert ws["I2"].value == "Tersedianya Sarana dan Prasarana" and ws["N2"].value == 4_382_832_969  # Sasaran, Pagu PK kept
    assert ws["E6"].comment.text.startswith("Dari SIPD: rekap-alok.xlsx, jumlah PAGU 1 baris rekening sub kegiatan")
    assert ws["F6"].comment.text.startswith("Dari SIPD: realisasi-alok.xlsx, jumlah Nilai Realisasi 2 dokumen, "
                                            "dikurangi setoran Rp1.000")
    assert ws["E2"].comment.text == "Jumlah rincian (dihitung lkjip impor-sipd)."
    old_note = load_workbook(ALOK)["Anggaran"]["E86"].comment.text
    assert ws["E86"].comment.text.endswith("Catatan sebelumnya: " + old_note)
    belanja = _rows(new["Belanja"])
    assert belanja[1] == ("Belanja Operasi", "Belanja Pegawai", 3_689_413_567, 3_559_263_452)
    assert new["Belanja"]["C2"].comment.text == "Dari SIPD: rekap-alok.xlsx, jumlah PAGU rekening 5.1.01.*"


def test_reconciliation_lines(alok_import):
    hasil, _codes = alok_import
    lines = rekonsiliasi_lines(hasil)
    assert "  Kelurahan Nangalimang: SIPD 345.546.197 / 337.742.307; workbook sebelum 345.546.197 / 337.742.307; " \
           "sesudah 345.546.197 / 337.742.307" in lines
    assert "  Jumlah: SIPD 5.367.390.869 / 5.194.220.376; workbook sebelum 5.367.390.869 / 5.194.220.376; " \
           "sesudah 5.367.390.869 / 5.194.220.376" in lines
    assert "Baris Anggaran: 0 ditambah, 119 diubah, 0 dipertahankan (tidak ada di SIPD)" in lines
    assert ("Anggaran berubah: Kelurahan Nangalimang / 7.01.01.2.05 Kegiatan 'Penyediaan Jasa Penunjang Urusan "
            "Pemerintahan Daerah': kode (kosong) -> 7.01.01.2.05; pagu 86.245.307 -> 86.245.207") in lines
    assert ("Anggaran berubah: Kelurahan Kabor / 7.01.01 Program 'Program Penunjang Urusan Pemerintahan Daerah "
            "Kabupaten/Kota': kode (kosong) -> 7.01.01; realisasi 162.240.199 -> 162.260.199") in lines
    assert "Kode dari SIPD ditulis di kolom Kode: 116 baris yang angkanya tidak berubah (Kode-nya sebelumnya kosong)" in lines


def test_added_changed_and_kept_lines(tmp_path):
    """A workbook with one matching line (by name, different spelling), one line SIPD lacks; SIPD adds a sub kegiatan and a unit."""
    from generator.workbook.blank import append_rows, build_blank, set_isian

    wb = build_blank(2024, (2024, 2026))
    set_isian(wb, {"instansi": "Kecamatan Alok"})
    append_rows(wb, "Anggaran", [
        {"Unit": "Kecamatan Alok", "Level": "Program", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
         "Pagu": 1, "Realisasi": 1, "Sasaran": "S1"},
        {"Level": "Kegiatan", "Uraian": "ADMINISTRASI KEUANGAN  PERANGKAT DAERAH", "Pagu": 1, "Realisasi": 1},
        {"Level": "Sub Kegiatan", "Uraian": "Penyediaan gaji dan tunjangan ASN.", "Pagu": 10, "Realisasi": 9},
        {"Level": "Sub Kegiatan", "Uraian": "Sub kegiatan yang tidak ada di SIPD", "Pagu": 500, "Realisasi": 400},
    ])
    ke = tmp_path / "ke.xlsx"
    wb.save(ke)
    hasil = impor_sipd(small_rekap(tmp_path), small_realisasi(tmp_path), ke=ke, out=tmp_path / "hasil.xlsx")
    ws = load_workbook(hasil.out)["Anggaran"]
    rows = [r[:6] + (r[8],) for r in _rows(ws)[1:]]
    assert rows == [
        ("Kecamatan Alok", "7.01.01", "Program", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 5_250_500, 5_015_400, "S1"),
        (None, "7.01.01.2.01", "Kegiatan", "ADMINISTRASI KEUANGAN  PERANGKAT DAERAH", 5_250_500, 5_015_400, None),
        (None, "7.01.01.2.01.0001", "Sub Kegiatan", "Penyediaan gaji dan tunjangan ASN.", 4_250_000, 4_050_000, None),
        (None, None, "Sub Kegiatan", "Sub kegiatan yang tidak ada di SIPD", 500, 400, None),
        ("Kecamatan Alok", "7.01.01.2.01.0007", "Sub Kegiatan", S2[1], 1_000_000, 965_000, None),
        ("Kelurahan Madawat", "7.01.01", "Program", P1[1], 200_000, 150_000, None),
        ("Kelurahan Madawat", "7.01.01.2.01", "Kegiatan", K1[1], 200_000, 150_000, None),
        ("Kelurahan Madawat", "7.01.01.2.01.0007", "Sub Kegiatan", S2[1], 200_000, 150_000, None),
    ]
    assert [p.uraian for p in hasil.ditambah] == [S2[1], P1[1], K1[1], S2[1]]
    assert [p.uraian for p in hasil.dipertahankan] == ["Sub kegiatan yang tidak ada di SIPD"]
    lines = rekonsiliasi_lines(hasil)
    assert ("Anggaran dipertahankan (tidak ada di SIPD, periksa): Kecamatan Alok / Sub Kegiatan 'Sub kegiatan yang "
            "tidak ada di SIPD' pagu 500, realisasi 400") in lines
    assert ("Anggaran berubah: Kecamatan Alok / 7.01.01.2.01.0001 Sub Kegiatan 'Penyediaan gaji dan tunjangan ASN.': "
            "kode (kosong) -> 7.01.01.2.01.0001; pagu 10 -> 4.250.000; realisasi 9 -> 4.050.000") in lines
    assert "  Kecamatan Alok: SIPD 5.250.000 / 5.015.000; workbook sebelum 510 / 409; sesudah 5.250.500 / 5.015.400" in lines
    _lap, _res, problems = check(hasil.out)
    assert [p for p in problems if p.code in ("anggaran.jumlah-tidak-cocok", "anggaran.persentase-berbeda")] == []


def test_match_by_kode_before_name(tmp_path):
    from generator.workbook.blank import append_rows, build_blank

    wb = build_blank(2024, (2024, 2026))
    append_rows(wb, "Anggaran", [
        {"Unit": "Kecamatan Alok", "Kode": "7.01.01", "Level": "Program", "Uraian": "Program lama bernama lain", "Pagu": 0, "Realisasi": 0},
        {"Kode": "7.01.01.2.01", "Level": "Kegiatan", "Uraian": "Kegiatan bernama lain", "Pagu": 0, "Realisasi": 0},
        {"Kode": "7.01.01.2.01.0007", "Level": "Sub Kegiatan", "Uraian": "Penatausahaan (nama lama)", "Pagu": 0, "Realisasi": 0},
    ])
    ke = tmp_path / "ke.xlsx"
    wb.save(ke)
    hasil = impor_sipd(small_rekap(tmp_path), None, ke=ke, out=tmp_path / "hasil.xlsx")
    ws = load_workbook(hasil.out)["Anggaran"]
    assert (ws["D4"].value, ws["E4"].value, ws["F4"].value) == ("Penatausahaan (nama lama)", 1_000_000, 0)  # realisasi kept
    assert ws["F4"].comment is None or "Dari SIPD" not in ws["F4"].comment.text


def test_fresh_workbook_without_ke(tmp_path):
    hasil = impor_sipd(small_rekap(tmp_path), small_realisasi(tmp_path), out=tmp_path / "baru.xlsx")
    wb = load_workbook(hasil.out)
    assert "Petunjuk" in wb.sheetnames and wb["Profil"]["B3"].value == "KECAMATAN ALOK" and wb["Profil"]["B4"].value == 2024
    rows = [r[:6] for r in _rows(wb["Anggaran"])[1:] if r[3]]
    assert rows[0] == ("Kecamatan Alok", "7.01.01", "Program", P1[1], 5_250_000, 5_015_000)
    assert len(rows) == 7
    _lap, res, problems = check(hasil.out)
    assert res.total.pagu == Decimal(5_450_000) and res.total.realisasi == Decimal(5_165_000)
    assert [p for p in problems if p.code.startswith(("anggaran.", "belanja.")) and p.code != "anggaran.pagu-pk-kosong"] == []  # arithmetic; Pagu PK is for staff


def test_output_never_clobbers(tmp_path):
    rekap = small_rekap(tmp_path)
    taken = tmp_path / "ada.xlsx"
    taken.write_bytes(b"isi lama")
    from generator.base.problems import LkjipError

    with pytest.raises(LkjipError, match="sudah ada dan tidak ditimpa"):
        impor_sipd(rekap, out=taken)
    assert taken.read_bytes() == b"isi lama"
    with pytest.raises(LkjipError, match="salah satu berkas masukan"):
        impor_sipd(rekap, out=rekap)


def test_cli(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    runner = CliRunner()
    out = tmp_path / "hasil.xlsx"
    res = runner.invoke(main, ["impor-sipd", "--anggaran", str(small_rekap(tmp_path)), "--realisasi",
                               str(small_realisasi(tmp_path)), "--unit", f"{KEL[0]}=Kel. Madawat", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "  Kel. Madawat: SIPD 200.000 / 150.000; sesudah 200.000 / 150.000" in res.output
    assert "Baris Anggaran: 7 baris dari SIPD (program, kegiatan, sub kegiatan)" in res.output
    assert "Anggaran baru:" not in res.output  # a fresh workbook: not every line again
    res = runner.invoke(main, ["impor-sipd", "--anggaran", str(small_realisasi(tmp_path)), "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 1 and "[sipd.format-tidak-dikenal]" in res.output and not (tmp_path / "x.xlsx").exists()
    res = runner.invoke(main, ["impor-sipd", "--anggaran", "a.xlsx", "--unit", "tanpa"])
    assert res.exit_code == 2


def _read_both_ways(path: Path, monkeypatch) -> dict[bool, list]:
    """The rows of an export read by the fast scan and by the lxml stream (each asserted to be the one used);
    the two must give the same rows."""
    from generator.sipd import baca

    read = {}
    for fast in (True, False):
        monkeypatch.setattr(baca, "FAST_SCAN", fast)
        with SipdFile(path) as f:
            assert f._fast_ok() is fast
            read[fast] = [(r.row, r.values) for r in f.rows()]
    assert read[True] == read[False]
    return read


def test_fast_scan_and_lxml_stream_read_the_same(tmp_path, monkeypatch):
    odd = ("7.01.01.2.01.0009", "Pengadaan A&B <Lanjutan> \u2013 \u00fc\u00a0x  \"kutip\"")
    rows = [realisasi_row(KEC, P1, K1, odd, R_ATK, 12.5, "1.000"), realisasi_row(KEC, P1, K1, S1, R_PEG, None, None)]
    path = write_realisasi(tmp_path / "odd.xlsx", rows + [realisasi_row(KEC, P1, K1, S2, R_ATK, 3)])
    read = _read_both_ways(path, monkeypatch)
    assert read[True][0][1]["nama_sub"] == "Pengadaan A&B <Lanjutan> \u2013 \u00fc x \"kutip\""
    assert (read[True][0][1]["nilai_realisasi"], read[True][0][1]["nilai_setoran"]) == (Decimal("12.5"), Decimal(1000))


def test_cli_unsafe_file_is_a_problem_line_not_a_traceback(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "rekap.xlsx").write_bytes(b"%PDF-1.4 bukan workbook")
    res = CliRunner().invoke(main, ["impor-sipd", "--anggaran", str(tmp_path / "rekap.xlsx"), "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 1 and "GALAT Berkas!rekap.xlsx [berkas.bukan-xlsx]" in res.output
    assert "berkas PDF" in res.output and "Traceback" not in res.output and not (tmp_path / "x.xlsx").exists()


def test_formulas_in_the_workbook_are_named(tmp_path):
    from generator.workbook.blank import append_rows, build_blank

    wb = build_blank(2024, (2024, 2026))
    append_rows(wb, "Anggaran", [
        {"Unit": "Kecamatan Alok", "Level": "Program", "Uraian": P1[1], "Pagu": "=E3", "Realisasi": "=F3"},
        {"Level": "Kegiatan", "Uraian": K1[1], "Pagu": 5, "Realisasi": 4},
    ])
    wb["Narasi"]["C2"] = "=1+1"
    ke = tmp_path / "ke.xlsx"
    wb.save(ke)
    hasil = impor_sipd(small_rekap(tmp_path), None, ke=ke, out=tmp_path / "hasil.xlsx")
    assert hasil.rumus == {"Narasi": 1}  # the Anggaran figures are now values
    assert load_workbook(hasil.out)["Anggaran"]["E2"].value == 5_250_000
    assert any(line.startswith("Perhatian: workbook berisi rumus (1 di Narasi).") for line in rekonsiliasi_lines(hasil))


def test_fast_scan_reads_inline_strings_formulas_and_escapes_as_lxml_does(tmp_path, monkeypatch):
    """Cells in the other forms spreadsheet programs write: inline strings (with runs and a phonetic guide),
    a formula with its cached value, an `_x000D_` escape, entities; both readers give the same rows."""
    import re as _re

    src = write_realisasi(tmp_path / "src.xlsx", [realisasi_row(KEC, P1, K1, S1, R_PEG, 2_900_000, 100),
                                                  realisasi_row(KEC, P1, K1, S2, R_ATK, 300_000)], shared=False)
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, n = _re.subn(r'<c r="R6" t="inlineStr"><is><t>[^<]*</t></is></c>',
                        '<c r="R6" s="0" t="inlineStr"><is><r><t>Penyediaan &amp; </t></r><r><t xml:space="preserve">'
                        'Gaji_x000D_ASN</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>', sheet)
    sheet, m = _re.subn(r'<c r="Z7"([^>]*)><v>300000</v></c>', r'<c r="Z7"\1><f>SUM(1,2)</f><v>300000</v></c>', sheet)
    sheet, j = _re.subn(r'<c r="P7" t="inlineStr"><is><t>[^<]*</t></is></c>', '<c r="P7" t="s"><v>99999</v></c>', sheet)
    assert j == 1  # a shared string that does not exist (the workbook has none): blank, in both readers
    sheet, k = _re.subn(r'<c r="AA6"([^>]*)><v>100</v></c>', '<c r="AA6"\\1>\n  <v xml:space="preserve">100</v>\n</c>', sheet)
    assert n == m == k == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    path = tmp_path / "bentuk.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    read = _read_both_ways(path, monkeypatch)
    assert read[True][0][1]["nama_sub"] == "Penyediaan & Gaji ASN"
    assert read[True][1][1]["nilai_realisasi"] == Decimal(300_000)
    assert read[True][0][1]["nilai_setoran"] == Decimal(100)  # a <v> with white space and an attribute
    assert read[True][1][1].get("nama_kegiatan") is None


def test_bench_script_runs(tmp_path):
    """bench/sipd.py (a smoke run at 300 documents; the measurement itself lives in bench/, not in tests)."""
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "sipd.py"), "--rows", "300", "--repeat", "1",
                          "--folder", str(tmp_path)], capture_output=True, text=True, timeout=300, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    (line,) = [ln for ln in run.stdout.splitlines() if ln.split() and ln.split()[0] == "300"]
    assert float(line.split()[2]) > 0  # seconds


def test_alok_pagu_only_keeps_the_realisasi_in_anggaran_and_belanja(tmp_path):
    """Only --anggaran: the workbook's realisasi stays, in Anggaran and (by jenis name) in Belanja; one total."""
    rekap, _real, _codes = alok_exports(ALOK, tmp_path)
    hasil = impor_sipd(rekap, None, ke=ALOK, out=tmp_path / "pagu.xlsx")
    _lap, res, problems = check(hasil.out)
    assert res.total.pagu == Decimal(5_367_390_869) and res.total.realisasi == Decimal(5_194_220_376)
    assert [p for p in problems if p.code.startswith(("belanja.", "anggaran.jumlah", "anggaran.persentase"))] == []
    assert _rows(load_workbook(hasil.out)["Belanja"])[1] == ("Belanja Operasi", "Belanja Pegawai", 3_689_413_567, 3_559_263_452)
    lines = rekonsiliasi_lines(hasil)
    assert any("realisasi tidak diimpor (tanpa --realisasi)" in line for line in lines)
    assert "  Belanja Operasi / Belanja Pegawai: anggaran 3.689.413.567 -> 3.689.413.567; realisasi 3.559.263.452 -> " \
           "3.559.263.452" in lines


def test_importing_again_changes_nothing(alok_import, tmp_path):
    """The second import matches every line by the Kode the first wrote: nothing added, changed or kept aside."""
    first, _codes = alok_import
    rekap, real = first.data.rekap, first.data.realisasi_file
    again = impor_sipd(rekap, real, ke=first.out, out=tmp_path / "lagi.xlsx")
    assert (len(again.ditambah), len(again.diubah), len(again.dipertahankan)) == (0, 0, 0)
    assert _rows(load_workbook(again.out)["Anggaran"]) == _rows(load_workbook(first.out)["Anggaran"])
    ws = load_workbook(again.out)["Anggaran"]
    assert "Catatan sebelumnya" not in ws["E6"].comment.text  # its own note is replaced, not stacked
    assert "Baris Anggaran: 0 ditambah, 0 diubah, 0 dipertahankan (tidak ada di SIPD)" in rekonsiliasi_lines(again)


def test_cli_json(tmp_path):
    import json

    from click.testing import CliRunner

    from generator.cli import main

    res = CliRunner().invoke(main, ["impor-sipd", "--anggaran", str(small_rekap(tmp_path)), "--realisasi",
                                    str(small_realisasi(tmp_path)), "--out", str(tmp_path / "j.xlsx"), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["total"] == {"sipd": {"pagu": "5.450.000", "realisasi": "5.165.000"}, "sebelum": None,
                          "sesudah": {"pagu": "5.450.000", "realisasi": "5.165.000"}}
    assert d["unit"][1] == {"unit": "Kelurahan Madawat", "sipd": {"pagu": "200.000", "realisasi": "150.000"},
                            "sebelum": None, "sesudah": {"pagu": "200.000", "realisasi": "150.000"}}
    assert [m["code"] for m in d["masalah"]] == ["sipd.tanpa-kode"] and d["sipd"]["dokumen_setoran"] == 3
    assert d["ditambah"][2] == {"unit": "Kecamatan Alok", "level": "Sub Kegiatan", "uraian": S1[1], "kode": S1[0],
                                "lama": {}, "baru": {"pagu": "4.250.000", "realisasi": "4.050.000"}}


def test_codes_written_differently_in_the_two_exports_meet_by_name(tmp_path):
    """The realisasi writes the unit and sub kegiatan codes in another form: its documents still reach the rekap's lines."""
    rekap = write_rekap(tmp_path / "r.xlsx", [rekap_row(KEC, P1, K1, S1, R_PEG, 1_000)])
    other_unit = ("7.01.0.00.0.00.01.00", "KECAMATAN ALOK")
    other_sub = ("7.01.01.2.01.01", "Penyediaan Gaji dan Tunjangan ASN")
    real = write_realisasi(tmp_path / "d.xlsx", [realisasi_row(other_unit, P1, K1, other_sub, R_PEG, 900)])
    data = kumpulkan(rekap, real)
    assert [u.nama for u in data.unit.values()] == ["Kecamatan Alok"]
    (sub,) = [s for _p, _k, s in data.unit[KEC[0]].subs()]
    assert (sub.kode, sub.pagu, sub.realisasi, sub.dokumen) == (S1[0], Decimal(1_000), Decimal(900), 1)
    assert [p.code for p in data.problems] == []
