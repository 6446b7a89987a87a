"""Issue 11: every sentence of the report is true: it says only what the workbook supports,
and prints every indicator. Each test reads the sentence or table from the built .docx."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx_text import all_text, load, paragraphs
from factory import ANGGARAN, KINERJA, make_workbook

from generator.cli import main
from generator.docx.render import render_docx
from generator.pipeline import check
from generator.report.context import build_context


def build(path):
    """(document, problems) of a workbook."""
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    return load(render_docx(build_context(hasil))), problems


def table_titled(document, title: str) -> list[list[str]]:
    """The rows of the table whose caption contains `title`."""
    from docx.table import Table

    found = False
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t")))
            style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "JudulTabel":
                found = title in text
        elif el.tag == qn("w:tbl") and found:
            return [[c.text for c in row.cells] for row in Table(el, document._body).rows]
    raise AssertionError(f"no table titled {title!r}")


def has_table(document, title: str) -> bool:
    try:
        table_titled(document, title)
        return True
    except AssertionError:
        return False


def codes_of(problems, code):
    return [(p.sheet, p.cell, p.severity) for p in problems if p.code == code]


# ---------------------------------------------------------------- 1. Sasaran links stay in their program
def test_sasaran_is_not_carried_into_the_next_units_program(tmp_path):
    anggaran = ANGGARAN[:4] + [
        {"Unit": "Kelurahan Satu", "Kode": "7.01.03", "Uraian": "Program Pemberdayaan Masyarakat Kelurahan"},
        {"Kode": "7.01.03.2.01", "Uraian": "Kegiatan Pemberdayaan Kelurahan"},
        {"Kode": "7.01.03.2.01.0001", "Uraian": "Pemberdayaan Masyarakat di Kelurahan", "Pagu": 40_000_000, "Realisasi": 10_000_000},
    ]
    doc, problems = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    rows = table_titled(doc, "Efisiensi Penggunaan Sumber Daya per Sasaran")
    s1 = next(r for r in rows if r[1] == "Meningkatnya kualitas layanan administrasi")
    assert s1[2:4] == ["15.000.000", "14.500.000"]  # the kelurahan's 40.000.000 is not S1's
    assert codes_of(problems, "anggaran.program-tanpa-sasaran") == [("Anggaran", "I6", "warning")]
    assert "Program Pemberdayaan Masyarakat Kelurahan" in next(p.message for p in problems if p.code == "anggaran.program-tanpa-sasaran")


# ---------------------------------------------------------------- 4. sub kegiatan counted only with a budget
def test_budget_count_leaves_out_lines_with_pagu_zero_and_says_so(tmp_path):
    anggaran = ANGGARAN + [{"Kode": "7.01.02.2.01.0002", "Uraian": "Sosialisasi yang dibatalkan", "Pagu": 0, "Realisasi": 0}]
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    text = all_text(doc)
    assert ("Kecamatan Contoh melaksanakan 2 (dua) program, 2 (dua) kegiatan dan 3 (tiga) sub kegiatan yang beranggaran, "
            "sedangkan 1 (satu) sub kegiatan lainnya berpagu nol (dibatalkan).") in text
    assert "4 (empat) sub kegiatan" not in text


# ---------------------------------------------------------------- 5. a sasaran with no measured indicator
def test_sasaran_without_measured_indicator_says_why(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[2]["Realisasi 2024"] = None
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    paras = paragraphs(doc)
    assert not [p for p in paras if "-% dengan predikat -" in p]
    assert ("Capaian sasaran ini belum dapat diukur karena tidak ada indikatornya yang capaiannya dapat dinyatakan dalam "
            "persen (Nilai SAKIP: realisasi belum diisi). Target dan realisasinya disajikan pada tabel berikut.") in paras
    assert "Capaian sasaran ini adalah 83,75% dengan predikat Tinggi, sebagaimana tabel berikut." in paras
    assert ("Untuk mencapai sasaran ini dialokasikan anggaran Rp20.000.000,00 dengan realisasi Rp18.000.000,00 atau penyerapan "
            "90,00%. Efisiensinya belum dapat dihitung karena capaian sasaran ini belum dapat diukur.") in paras


# ---------------------------------------------------------------- 6. Kesimpulan names unmeasured indicators
def test_kesimpulan_names_unmeasured_indicators_and_qualifies_the_instansi_figure(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Realisasi 2024"] = 80  # 100 %
    kinerja[2]["Realisasi 2024"] = None
    kinerja.append({"Level": "Sasaran", "Uraian": "Meningkatnya akuntabilitas kinerja", "Indikator": "Nilai LPPD",
                    "Satuan": "indeks", "Target 2024": 3, "Realisasi 2024": "Belum ada penilaian"})
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    text = all_text(doc)
    assert ("Capaian kinerja Kecamatan Contoh tahun 2024 secara keseluruhan adalah 100,00% dengan predikat Sangat Tinggi, "
            "dihitung dari 1 (satu) dari 3 (tiga) indikator kinerja sasaran yang capaiannya dapat diukur. Indikator yang belum "
            "dapat diukur: Nilai SAKIP (realisasi belum diisi); Nilai LPPD (belum ada penilaian).") in text
    assert ("Dari 3 (tiga) indikator kinerja sasaran, 1 (satu) indikator telah mencapai atau melampaui target "
            "dan 2 (dua) indikator belum dapat diukur (Nilai SAKIP: realisasi belum diisi; "
            "Nilai LPPD: belum ada penilaian).") in text  # no "0 (nol) indikator belum mencapai target" (issue 19.9)


# ---------------------------------------------------------------- 8. no default category under the sisa method
def test_sisa_method_prints_no_efficiency_category(tmp_path):
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", pengaturan={"metode_efisiensi": "sisa"}))
    rows = table_titled(doc, "Efisiensi Penggunaan Sumber Daya per Sasaran")
    assert rows[0][-1] == "Efisiensi (%)" and "Kategori" not in rows[0]
    s1 = next(r for r in rows if r[1] == "Meningkatnya kualitas layanan administrasi")
    assert s1[5:] == ["83,75", "3,33"]  # capaian 83,75 %: no "Efisien" beside it
    program = table_titled(doc, "Program/Kegiatan yang Mendukung")
    assert "Kategori" not in program[0] and not [r for r in program if "Efisien" in r]
    text = all_text(doc)
    assert "Tingkat efisiensi penggunaan sumber daya adalah 7,14%." in text


# ---------------------------------------------------------------- 9. Gambar 3.2 shows what its title says
def test_tren_chart_is_not_titled_with_a_year_it_does_not_plot(tmp_path):
    doc, _ = build(make_workbook(tmp_path / "w.xlsx"))  # Realisasi 2023 typed, but no Target 2023: no capaian 2023
    figures = [c for c in __import__("docx_text").captions(doc, "Judul Gambar")]
    assert not [c for c in figures if "2023 dan 2024" in c]
    assert ("Perbandingan realisasi dan capaian indikator kinerja tahun 2024 dengan tahun-tahun sebelumnya disajikan pada "
            "tabel berikut. Capaian tahun 2023 tidak dapat dihitung karena target atau realisasi tahun 2023 tidak tersedia, "
            "sehingga grafik perbandingan capaian tidak disajikan.") in paragraphs(doc)


def test_tren_chart_plots_both_years_when_both_have_a_capaian(tmp_path):
    def add_target_2023(wb):
        ws = wb["Kinerja"]
        col = ws.max_column + 1
        ws.cell(row=1, column=col, value="Target 2023")
        for r in range(2, ws.max_row + 1):
            ws.cell(row=r, column=col, value={2: 75, 3: 70}.get(r))

    doc, _ = build(make_workbook(tmp_path / "w.xlsx", edit=add_target_2023))
    figures = __import__("docx_text").captions(doc, "Judul Gambar")
    assert [c for c in figures if "Perbandingan Capaian Kinerja Tahun 2023 dan 2024" in c]
    rows = table_titled(doc, "Perbandingan Realisasi dan Capaian Kinerja")
    assert "Capaian 2023 (%)" in rows[0]


# ---------------------------------------------------------------- 10. year columns without data are dropped
def test_year_columns_without_any_figure_are_not_printed(tmp_path):
    kinerja = [{**r, "Realisasi 2023": None} for r in KINERJA]
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    # one year only: no table repeating the capaian table (issue 20.6), the sentence says what is missing
    with pytest.raises(AssertionError):
        table_titled(doc, "Perbandingan Realisasi dan Capaian Kinerja")
    assert ("Realisasi indikator kinerja tahun-tahun sebelum 2024 belum tersedia, sehingga perbandingan dengan "
            "tahun-tahun sebelumnya belum dapat disajikan.") in paragraphs(doc)
    kinerja = [{**r, "Target 2026": None} for r in KINERJA]
    doc, _ = build(make_workbook(tmp_path / "v.xlsx", kinerja=kinerja))
    renstra = table_titled(doc, "Tujuan, Sasaran dan Target Kinerja Renstra")
    assert "Target 2026" not in renstra[0] and "Target 2025" in renstra[0]


# ---------------------------------------------------------------- 2. Sistematika names only what is there
def _sistematika(doc) -> list[str]:
    paras = paragraphs(doc)
    i = paras.index("Sistematika penyajian Laporan Kinerja ini adalah sebagai berikut:")
    return paras[i + 1:i + 6]


def test_sistematika_names_only_the_parts_present(tmp_path):
    doc, _ = build(make_workbook(tmp_path / "w.xlsx"))
    bab1, *_rest, lampiran = _sistematika(doc)
    assert bab1 == "Bab I Pendahuluan: latar belakang, maksud dan tujuan, dasar hukum dan sistematika penyajian."
    assert lampiran == "Lampiran: Perjanjian Kinerja."  # the IKU is printed once, in Bab II (issue 20.8)
    assert "Rencana Aksi" not in all_text(doc)


def test_staff_sistematika_naming_a_missing_part_is_warned(tmp_path):
    sheets = {"Narasi": [{"Bagian": "sistematika", "Isi": "Bab I memuat gambaran umum; lampiran memuat Rencana Aksi."}]}
    _doc, problems = build(make_workbook(tmp_path / "w.xlsx", sheets=sheets))
    found = [(p.cell, p.message) for p in problems if p.code == "narasi.sistematika-tidak-ada"]
    assert [c for c, _ in found] == ["C2", "C2"]
    assert "Teks Sistematika menyebut Rencana Aksi, tetapi laporan ini tidak memuat bagian itu." in [m for _, m in found]


RENCANA_AKSI = [
    {"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan II", "Target Kinerja": 40, "Realisasi Kinerja": 35,
     "Program": "Program Penunjang Urusan Pemerintahan Daerah", "Target Anggaran": 7_500_000, "Realisasi Anggaran": 7_000_000},
    {"Periode": "Triwulan IV", "Target Kinerja": 80, "Realisasi Kinerja": 67,
     "Program": "Program Penunjang Urusan Pemerintahan Daerah", "Target Anggaran": 15_000_000, "Realisasi Anggaran": 14_500_000,
     "Keterangan": "Kumulatif"},
]


def test_sistematika_and_lampiran_print_rencana_aksi_and_isu_strategis_when_given(tmp_path):
    sheets = {"Rencana_Aksi": RENCANA_AKSI,
              "Narasi": [{"Bagian": "isu_strategis", "Isi": "Pelayanan administrasi belum merata."}]}
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", sheets=sheets))
    bab1, *_rest, lampiran = _sistematika(doc)
    assert bab1 == "Bab I Pendahuluan: latar belakang, maksud dan tujuan, dasar hukum, isu strategis dan sistematika penyajian."
    assert lampiran == "Lampiran: Perjanjian Kinerja dan Rencana Aksi."
    rows = table_titled(doc, "Rencana Aksi atas Perjanjian Kinerja Tahun 2024")
    assert rows[-2][:4] == ["Persentase layanan tepat waktu", "Triwulan II", "40", "35"]
    assert rows[-1] == ["", "Triwulan IV", "80", "67", "Program Penunjang Urusan Pemerintahan Daerah", "15.000.000", "14.500.000",
                        "Kumulatif"]


# ---------------------------------------------------------------- 7. one report, one total; the PK prints what was signed
BELANJA = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Barang dan Jasa", "Anggaran": 36_000_000, "Realisasi": 32_500_000}]


def test_belanja_total_differing_from_anggaran_is_an_error(tmp_path):
    path = make_workbook(tmp_path / "w.xlsx", sheets={"Belanja": BELANJA})
    _lap, _hasil, problems = check(path)
    assert codes_of(problems, "belanja.total-berbeda") == [("Belanja", "C1", "error")]
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(path), "--out", str(tmp_path / "r.docx")])
    assert res.exit_code == 1 and not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("how", ["pengaturan", "flag"])
def test_allowed_difference_is_a_warning_and_the_report_names_it(tmp_path, how):
    path = make_workbook(tmp_path / "w.xlsx", sheets={"Belanja": BELANJA},
                         pengaturan={"izinkan_selisih": "Ya"} if how == "pengaturan" else None)
    res = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "r.docx")]
                             + (["--izinkan-selisih"] if how == "flag" else []))
    assert res.exit_code == 0, res.output
    assert "[belanja.total-berbeda]" in res.output or "Belanja!C1" in res.output
    text = all_text(load((tmp_path / "r.docx").read_bytes()))
    assert ("Total menurut jenis belanja (anggaran Rp36.000.000,00, realisasi Rp32.500.000,00) berbeda dari total rincian "
            "program, kegiatan dan sub kegiatan (anggaran Rp35.000.000,00, realisasi Rp32.500.000,00) sebesar Rp1.000.000,00 "
            "dan Rp0,00; laporan ini memakai total rincian program, kegiatan dan sub kegiatan.") in text


def test_diff_takes_the_same_allowance(tmp_path):
    """`diff` reads both revisions as `build` does: --izinkan-selisih lets a known difference through."""
    old = make_workbook(tmp_path / "lama.xlsx", sheets={"Belanja": BELANJA})
    new = make_workbook(tmp_path / "baru.xlsx", sheets={"Belanja": [dict(BELANJA[0], Realisasi=32_000_000)]})
    refused = CliRunner().invoke(main, ["diff", str(old), str(new)])
    # without the allowance the error is named on stderr, and the changes are still compared (issue 26.13)
    assert refused.exit_code == 1 and "[belanja.total-berbeda]" in refused.stderr
    assert "Catatan: 3 galat (laporan belum dapat dibuat" in refused.stderr
    allowed = CliRunner().invoke(main, ["diff", str(old), str(new), "--izinkan-selisih"])
    assert allowed.exit_code == 1, allowed.output  # 1: there are changes
    assert "| Total | 36.000.000 | 32.000.000 | 88,89" in allowed.output  # the Belanja table, old -> new


def test_pk_lampiran_prints_the_signed_pagu_when_given(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[0]["Pagu PK"] = 16_000_000
    anggaran[4]["Pagu PK"] = 20_000_000
    doc, problems = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    rows = table_titled(doc, "Program dan Anggaran Perjanjian Kinerja")
    assert [r[1:3] for r in rows[2:]] == [["Program Penunjang Urusan Pemerintahan Daerah", "16.000.000"],
                                         ["Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "20.000.000"],
                                         ["Jumlah", "36.000.000"]]
    paras = paragraphs(doc)
    # Bab II names today's total beside the signed one; the signed page itself carries no comment (issue 19.3)
    assert paras.count("Pagu anggaran tahun 2024 saat ini, yang dipakai pada Bab III, adalah Rp35.000.000,00.") == 1
    assert [p for p in paras if p.startswith("Jumlah anggaran yang direncanakan untuk mencapai sasaran strategis: Rp36.000.000,00")]
    assert not codes_of(problems, "anggaran.pagu-pk-sebagian")
    anggaran[4].pop("Pagu PK")
    doc, problems = build(make_workbook(tmp_path / "v.xlsx", anggaran=anggaran))
    assert codes_of(problems, "anggaran.pagu-pk-sebagian") == [("Anggaran", "N6", "warning")]


def test_pk_lampiran_falls_back_to_current_pagu_without_comment_and_validate_says_so(tmp_path):
    anggaran = [{k: v for k, v in r.items() if k != "Pagu PK"} for r in ANGGARAN]
    doc, problems = build(make_workbook(tmp_path / "w.xlsx", anggaran=anggaran))
    assert not [p for p in paragraphs(doc) if "Pagu PK" in p or "dapat berbeda dari angka yang ditandatangani" in p]
    assert codes_of(problems, "anggaran.pagu-pk-kosong") == [("Anggaran", "N1", "warning")]


def test_alok_prints_one_total_that_agrees_with_its_signed_pk():
    from conftest import ALOK

    doc, problems = build(ALOK)
    assert not codes_of(problems, "belanja.total-berbeda")
    totals = {table_titled(doc, t)[-1][i] for t, i in (("Program dan Anggaran Perjanjian Kinerja", 2),
                                                       ("menurut Jenis Belanja", 2), ("Anggaran dan Realisasi per Unit", 2),
                                                       ("Realisasi Anggaran per Program, Kegiatan", 2))}  # no empty Kode column
    assert totals == {"5.367.390.869"}
    assert not [p for p in paragraphs(doc) if "Pagu PK" in p]  # signed and current agree: nothing to say
    rinci = table_titled(doc, "Realisasi Anggaran per Program, Kegiatan")
    assert [r[1:4] for r in rinci if r[1] == "Evaluasi Kelurahan" and r[2] == "24.305.000"] == [  # no empty Kode column
        ["Evaluasi Kelurahan", "24.305.000", "22.285.000"]]
    ra = table_titled(doc, "Rencana Aksi atas Perjanjian Kinerja Tahun 2024")
    assert ra[2][:4] == ["Indeks Sarana dan Prasarana", "Triwulan IV", "0,29", "0,29"]


# ---------------------------------------------------------------- 3. staff text and generated text do not contradict
def test_staff_efisiensi_text_is_not_followed_by_a_second_figure_and_a_differing_figure_is_warned(tmp_path):
    staff = "Penyerapan anggaran 92,86% atau efisiensi sebesar 7,14%."
    doc, problems = build(make_workbook(tmp_path / "w.xlsx", sheets={"Narasi": [{"Bagian": "efisiensi", "Isi": staff}]}))
    paras = paragraphs(doc)
    i = paras.index(staff)
    assert not paras[i + 1].startswith("Secara keseluruhan, dengan penyerapan anggaran")
    assert not [p for p in paras if "tingkat efisiensi Kecamatan Contoh adalah" in p]
    assert codes_of(problems, "narasi.angka-berbeda") == [("Narasi", "C2", "warning")]
    message = next(p.message for p in problems if p.code == "narasi.angka-berbeda")
    assert "menyebut efisiensi 7,14%, sedangkan laporan mencetak efisiensi -0,98% (metode selisih)" in message
    # the figure the report prints (capaian 91,88 − penyerapan 92,86) is accepted
    agree = "Efisiensi sebesar -0,98%."
    _doc, problems = build(make_workbook(tmp_path / "v.xlsx", sheets={"Narasi": [{"Bagian": "efisiensi", "Isi": agree}]}))
    assert not codes_of(problems, "narasi.angka-berbeda")


def test_raas_efisiensi_text_agrees_with_its_table():
    from conftest import RAAS

    doc, problems = build(RAAS)
    assert not codes_of(problems, "narasi.angka-berbeda")
    text = all_text(doc)
    assert "efisiensi sebesar 4,03%" not in text and "-0,04% (Tidak Efisien)" not in text
    rows = table_titled(doc, "Efisiensi Penggunaan Sumber Daya per Sasaran")
    assert rows[-1][-4:] == ["95,97", "95,94", "-0,03", "Tidak Efisien"]  # 95,94 − 95,97, as printed (issue 19.12)


# ---------------------------------------------------------------- 11. program/kegiatan/sub kegiatan indicators are printed
def _indicator_rows(rows):
    return [r for r in rows[2:] if r[2] not in ("", "-")]


def test_program_and_kegiatan_indicators_are_printed_with_their_budget_under_their_sasaran(tmp_path):
    kinerja = KINERJA[:2] + [
        {"Level": "Program", "Kode": "7.01.01", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah",
         "Indikator": "Persentase dokumen perencanaan tepat waktu", "Satuan": "%", "Target 2024": 100, "Realisasi 2024": 50},
        {"Level": "Kegiatan", "Uraian": "Evaluasi Kinerja", "Indikator": "Jumlah laporan evaluasi", "Satuan": "dokumen",
         "Target 2024": 4},
    ] + KINERJA[2:]
    doc, _ = build(make_workbook(tmp_path / "w.xlsx", kinerja=kinerja))
    rows = table_titled(doc, "Capaian Indikator Program dan Kegiatan Tahun 2024")  # the levels it lists (issue 20.6)
    assert rows[2][:2] == ["", "Sasaran 1: Meningkatnya kualitas layanan administrasi"]
    assert rows[3] == ["1", "Program Penunjang Urusan Pemerintahan Daerah", "Persentase dokumen perencanaan tepat waktu",
                       "%", "100", "50", "50,00", "15.000.000", "14.500.000", "96,67"]
    assert rows[4][1:7] == ["Kegiatan: Evaluasi Kinerja", "Jumlah laporan evaluasi", "dokumen", "4", "-", "-"]
    paras = paragraphs(doc)
    assert ("Sasaran 1 (Meningkatnya kualitas layanan administrasi) didukung oleh 1 (satu) program dan 1 (satu) kegiatan "
            "dengan 2 (dua) indikator: 1 (satu) yang terukur belum mencapai target (Persentase "
            "dokumen perencanaan tepat waktu: 50,00%) dan 1 (satu) belum dapat diukur (Jumlah laporan evaluasi: realisasi "
            "belum diisi).") in paras


@pytest.mark.parametrize("example, count", [("RAAS", 36), ("SUMENEP", 95)])
def test_examples_print_every_program_and_kegiatan_indicator(example, count):
    import conftest

    doc, problems = build(getattr(conftest, example))
    rows = table_titled(doc, "Capaian Indikator Program")
    assert len(_indicator_rows(rows)) == count
    if example == "RAAS":
        # the warning about this kegiatan indicator points at a figure the report now shows
        assert codes_of(problems, "kinerja.capaian-ekstrem") == [("Kinerja", "T5", "warning")]
        assert [r[2:7] for r in rows if r[2] == "Jumlah surat menyurat yang diadministrasikan"] == [
            ["Jumlah surat menyurat yang diadministrasikan", "Surat", "500", "1.287", "257,40"]]
        # a program stated under four sasaran (twice under two of them: one row there, issue 19.7) carries only
        # its part under each: the parts add up to its pagu once
        parts = [r[7] for r in rows if r[1] == "Program Pembinaan dan Peningkatan Kapasitas Aparatur Desa"]
        assert len(parts) == 4 and sum(int(p.replace(".", "")) for p in parts) == 144_436_500
