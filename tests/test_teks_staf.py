"""Issue 19.13-14: staff text checked against the figures the report prints (validate warnings, at the cell)."""

from __future__ import annotations

from factory import KINERJA, make_workbook

from generator.pipeline import check


def teks_problems(path, code="teks.angka-berbeda"):
    _lap, _hasil, problems = check(path)
    return [(p.sheet, p.cell, p.message) for p in problems if p.code == code]


# ---------------------------------------------------------------- 13. figures in staff text
def test_a_second_total_or_capaian_in_staff_text_is_a_warning_with_both_figures(tmp_path):
    narasi = [
        {"Bagian": "kesimpulan", "Isi": "Realisasi anggaran sebesar Rp 2.671.018.687 dengan capaian kinerja 86,60 %."},
        {"Bagian": "ringkasan_eksekutif", "Isi": "Dengan realisasi sebesar Rp. 4.611.953.353,- dari pagu Rp35.000.000."},
        # what the report prints, as staff round it: no warning
        {"Bagian": "realisasi_anggaran", "Isi": "Realisasi Rp32.500.000,00 atau 92,86% (92,9 %), sisa 7,14%; capaian 91,88%."},
    ]
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Analisis"] = "Capaian 75,00 karena petugas kurang."  # the report prints 83,75
    found = teks_problems(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja, sheets={"Narasi": narasi}))
    assert [(s, c) for s, c, _ in found] == [("Kinerja", "U3"), ("Narasi", "C2"), ("Narasi", "C2"), ("Narasi", "C3")]
    msgs = [m for _, _, m in found]
    assert "menyebut capaian 75,00," in msgs[0] and "laporan mencetak 83,75%" in msgs[0]  # that indicator's capaian
    assert "menyebut jumlah Rp 2.671.018.687" in msgs[1] and "laporan mencetak Rp32.500.000,00" in msgs[1]
    assert "menyebut persentase 86,60 %" in msgs[2] and "laporan mencetak 91,88%" in msgs[2]
    assert "menyebut jumlah Rp. 4.611.953.353,-" in msgs[3] and "laporan mencetak Rp32.500.000,00" in msgs[3]


def test_staff_text_with_the_printed_figures_is_quiet(small):
    assert teks_problems(small) == []
