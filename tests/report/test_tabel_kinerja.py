"""generator/report/tabel_kinerja.py: the performance tables as functions of the results — each `(Hasil) -> Tabel`
(or a `Bagian` with its sentence and chart), read here without a Word file. The same tables as printed are
tested in tests/test_report_truth.py and tests/test_examples.py."""

from __future__ import annotations

import pytest
from factory import KINERJA, make_workbook

from generator.pipeline import check
from generator.report import tabel_kinerja as tk


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    _lap, h, problems = check(make_workbook(tmp_path_factory.mktemp("kinerja") / "kecil.xlsx"))
    assert h is not None, problems
    return h


def test_capaian_table_rows_and_the_average(hasil):
    t = tk.capaian_table(hasil)
    assert t.judul == "Capaian Indikator Kinerja Sasaran Tahun 2024"
    assert [(b.sel, b.gaya) for b in t.baris] == [
        (["1", "Meningkatnya kualitas layanan administrasi", "Persentase layanan tepat waktu", "%", "80", "67", "83,75",
          "Tinggi"], "biasa"),
        (["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "predikat", "B", "BB", "100,00", "Sangat Tinggi"], "biasa"),
        (["", "Rata-rata capaian kinerja sasaran", "", "", "", "", "91,88", "Sangat Tinggi"], "total"),
    ]
    assert t.nomor_kolom[6] == "7 = 6/5 × 100"


def test_tren_without_history_is_a_sentence_and_no_chart(tmp_path):
    kinerja = [{k: v for k, v in r.items() if k != "Realisasi 2023"} for r in KINERJA]
    _lap, h, _ = check(make_workbook(tmp_path / "satu-tahun.xlsx", kinerja=kinerja))
    bagian = tk.tren_table(h)
    assert bagian.tabel is not None and bagian.tabel.baris == []  # kept under its key, printed as nothing
    assert bagian.kalimat.startswith("Realisasi indikator kinerja tahun-tahun sebelum 2024 belum tersedia")
    assert bagian.grafik is None


def test_standar_stated_as_none_prints_no_table(hasil):
    assert tk.standar_table(hasil) == (None, False)  # every IKU/PK standard "tidak ada": no table, no blank claim


def test_pk_and_iku_tables_list_the_flagged_indicators(hasil):
    pk = tk.pk_kinerja_table(hasil)
    assert [b.sel[2:] for b in pk.baris] == [["Persentase layanan tepat waktu", "80%"], ["Nilai SAKIP", "B"]]
    iku = tk.iku_table(hasil, "Indikator Kinerja Utama")
    assert [b.sel[2] for b in iku.baris] == ["Indeks Kepuasan Masyarakat", "Persentase layanan tepat waktu", "Nilai SAKIP"]


def test_cascading_only_below_the_sasaran(hasil):
    assert tk.cascading_table(hasil) is None  # the Kinerja sheet stops at the sasaran


def test_the_capaian_cell_rule():
    class C:
        def __init__(self, nilai, status):
            self.nilai, self.status = nilai, status

    class H:
        def __init__(self, nilai, status):
            self.capaian = C(nilai, status)

    from decimal import Decimal

    assert tk.sel_capaian(H(Decimal("83.754"), "tidak_tercapai"), 2) == "83,75"
    assert tk.sel_capaian(H(None, "tidak_tercapai"), 2) == "Tidak tercapai"
    assert tk.sel_capaian(H(None, None), 2) == "-"


def test_a_tujuan_indicator_without_realisasi_is_said_under_its_table(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja.insert(1, {"Level": "Tujuan", "Kode": "T2", "Uraian": "Meningkatkan akuntabilitas", "Indikator": "Nilai SAKIP",
                       "Satuan": "predikat", "Target 2024": "B"})
    _lap, h, _ = check(make_workbook(tmp_path / "tujuan.xlsx", kinerja=kinerja))
    bagian = tk.capaian_tujuan_table(h)
    assert bagian.tabel is not None and [b.sel[5:] for b in bagian.tabel.baris] == [["82", "102,50", "Sangat Tinggi"],
                                                                                    ["-", "-", "-"]]
    assert bagian.kalimat.endswith("Indikator Nilai SAKIP belum memiliki realisasi tahun 2024, sehingga capaiannya "
                                   "belum dapat dihitung.")
    _lap, h, _ = check(make_workbook(tmp_path / "kecil.xlsx"))
    assert "belum memiliki realisasi" not in tk.capaian_tujuan_table(h).kalimat  # all measured: nothing to add
