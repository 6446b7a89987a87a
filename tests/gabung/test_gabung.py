"""`lkjip gabung`: the kabupaten recap of workbooks/kabupaten-contoh/, its figures against each OPD's own report,
its checks across files, and a hostile folder."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import generator as g
from generator.gabung import gabung, workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "workbooks" / "kabupaten-contoh"
PEMDA = CONTOH / "pemda-kabupaten-contoh.xlsx"
OPD_FILES = sorted(p for p in CONTOH.glob("*.xlsx") if p != PEMDA)


@pytest.fixture(scope="module")
def rekap():
    return gabung(CONTOH, PEMDA, workers=1)


@pytest.fixture(scope="module")
def book(rekap, tmp_path_factory):
    path = tmp_path_factory.mktemp("rekap") / "rekap.xlsx"
    path.write_bytes(workbook_bytes(rekap))
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def reports():
    """Each OPD's own computed report: file name -> (hasil, context)."""
    out = {}
    for path in OPD_FILES:
        _lap, hasil, problems = g.check(path)
        if hasil is not None and not g.errors(problems):
            out[path.name] = (hasil, g.build_context(hasil))
    return out


def rows(ws) -> list[dict]:
    values = list(ws.iter_rows(values_only=True))
    head = values[0]
    return [dict(zip(head, r)) for r in values[1:]]


def pct(value, tanda: bool = False) -> str:
    """A recap percentage as the OPD report prints it (2 decimals, Indonesian; `tanda`: with %)."""
    return g.persen(Decimal(str(value)), 2, tanda=tanda) if value is not None else "-"


# ------------------------------------------------------------------ the example folder


def test_example_folder_has_what_the_issue_asks():
    names = {p.name for p in CONTOH.iterdir()}
    assert len(OPD_FILES) >= 9  # nine OPD/kecamatan workbooks, one of them with errors
    assert "catatan-bagian-organisasi.txt" in names and PEMDA.name in names
    pemerintah = {g.check(p)[0].profil.pemerintah for p in OPD_FILES}
    assert pemerintah == {"Pemerintah Kabupaten Contoh"}
    with_errors = [p.name for p in OPD_FILES if g.errors(g.check(p)[2])]
    assert with_errors == ["kecamatan-tengah.xlsx"]


# ------------------------------------------------------------------ one test per sheet, against the OPD's own report


def test_status_pengumpulan_lists_every_file_with_its_state(book):
    st = {r["Berkas"]: r for r in rows(book["Status_Pengumpulan"])}
    assert len(st) == 11  # ten workbooks + the note; the Pemda workbook is read as --pemda, not as an OPD
    assert PEMDA.name not in st
    note = st["catatan-bagian-organisasi.txt"]
    assert note["Direkap"] == "Tidak: bukan workbook .xlsx" and note["Dapat Dibuat"] == "-"
    tengah = st["kecamatan-tengah.xlsx"]
    assert (tengah["Galat"], tengah["Dapat Dibuat"], tengah["Direkap"]) == (1, "Tidak", "Tidak: 1 galat")
    pend = st["dinas-pendidikan.xlsx"]
    assert pend["Instansi"] == "Dinas Pendidikan" and pend["Kode OPD"] == "1.01.0.00.0.00.01.0000" and pend["Tahun"] == 2024
    assert pend["Dapat Dibuat"] == "Ya" and pend["Direkap"] == "Ya"
    assert pend["SHA-256"] == hashlib.sha256((CONTOH / "dinas-pendidikan.xlsx").read_bytes()).hexdigest()
    assert pend["Penandatangan"].endswith("Kepala Dinas Pendidikan")
    # order: by kode OPD, then instansi; the note (no kode, no instansi) last
    assert [r["Berkas"] for r in rows(book["Status_Pengumpulan"])][:3] == ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx",
                                                                             "dinas-sosial.xlsx"]
    assert rows(book["Status_Pengumpulan"])[-1]["Berkas"] == "catatan-bagian-organisasi.txt"


def test_rekap_opd_figures_are_the_reports_figures(book, reports):
    rekap_rows = {r["Instansi"]: r for r in rows(book["Rekap_OPD"])}
    assert len(rekap_rows) == 9
    for name, (hasil, ctx) in reports.items():
        r = rekap_rows[hasil.laporan.profil.instansi]
        ring = ctx["ringkas"]
        assert pct(r["Capaian Instansi (%)"], True) == g.persen(hasil.capaian_instansi, 2) == ring["capaian_instansi"], name
        assert r["Predikat Instansi"] == ring["predikat_instansi"]
        assert g.rupiah(r["Pagu (Rp)"]) == ring["pagu"] and g.rupiah(r["Realisasi (Rp)"]) == ring["realisasi"]
        assert pct(r["Penyerapan (%)"], True) == ring["penyerapan"] and pct(r["Efisiensi (%)"], True) == ring["efisiensi"]
        assert (r["Kategori Efisiensi"] or "") == ring["efisiensi_label"]
        # the capaian table of the report: one row per sasaran indicator, its predikat in the last column
        table = ctx["tabel"]["capaian"].baris[:-1]
        assert r["Jumlah Indikator Sasaran"] == len(table)
        for label in {b.sel[-1] for b in table} - {"-"}:
            assert r[f"Predikat {label}"] == sum(1 for b in table if b.sel[-1] == label), (name, label)
        assert r["Indikator Capaian >= 100%"] == sum(1 for b in table if b.sel[6] not in ("-", "Tidak tercapai")
                                                      and Decimal(b.sel[6].replace(".", "").replace(",", ".")) >= 100)
    # rank: the highest capaian is 1
    best = max(rekap_rows.values(), key=lambda r: r["Capaian Instansi (%)"])
    assert best["Peringkat"] == 1
    assert sorted(r["Peringkat"] for r in rekap_rows.values())[-1] <= 9


def test_capaian_indikator_rows_are_the_reports_capaian_table(book, reports):
    by_opd: dict[str, list[dict]] = {}
    for r in rows(book["Capaian_Indikator"]):
        by_opd.setdefault(r["Instansi"], []).append(r)
    for name, (hasil, ctx) in reports.items():
        mine = [r for r in by_opd[hasil.laporan.profil.instansi] if r["Level"] == "Sasaran"]
        table = ctx["tabel"]["capaian"].baris[:-1]
        assert len(mine) == len(table), name
        for r, b in zip(mine, table):
            assert r["Indikator"] == b.sel[2]
            printed = b.sel[6]
            assert (pct(r["Capaian (%)"]) if r["Capaian (%)"] is not None else printed) == printed, (name, r["Indikator"])
            assert r["Predikat"] == b.sel[7]
            if r["Capaian (%)"] is None:  # why there is no figure, as the report explains it
                assert r["Keterangan Capaian"] == printed if printed == "Tidak tercapai" else r["Keterangan Capaian"], r
    pend = [r for r in by_opd["Dinas Pendidikan"] if r["Level"] == "Sasaran"]
    assert [r["Sasaran RPJMD"] for r in pend] == ["SR.1", "SR.1", "SR.3"]


def test_anggaran_subtotals_are_the_reports_totals(book, reports):
    ang = rows(book["Anggaran"])
    for name, (hasil, ctx) in reports.items():
        inst = hasil.laporan.profil.instansi
        sub = [r for r in ang if r["Baris"] == "Jumlah OPD" and r["Instansi"] == inst]
        assert len(sub) == 1 and g.rupiah(sub[0]["Pagu (Rp)"]) == ctx["ringkas"]["pagu"], name
        programs = [r for r in ang if r["Baris"] == "Rincian" and r["Instansi"] == inst and r["Level"] == "Program"]
        lines = [ln for u in hasil.laporan.unit for ln in u.program]
        assert [Decimal(r["Pagu (Rp)"]) for r in programs] == [hasil.jumlah[ln].pagu for ln in lines]
        assert sum(Decimal(r["Pagu (Rp)"]) for r in programs) == hasil.total.pagu
    total = [r for r in ang if r["Baris"] == "Jumlah"]
    assert Decimal(total[0]["Pagu (Rp)"]) == sum(h.total.pagu for h, _c in reports.values())
    urusan = [r for r in ang if r["Baris"] == "Jumlah Urusan"]
    assert sum(Decimal(r["Pagu (Rp)"]) for r in urusan) == Decimal(total[0]["Pagu (Rp)"])
    assert {r["Urusan"] for r in urusan} >= {"1.01", "1.02", "7.01"}


def test_masalah_names_file_sheet_and_cell(book):
    ms = rows(book["Masalah"])
    tengah = [r for r in ms if r["Berkas"] == "kecamatan-tengah.xlsx" and r["Kode Masalah"] == "nilai.tidak-terbaca"]
    assert len(tengah) == 1 and (tengah[0]["Sheet"], tengah[0]["Sel"], tengah[0]["Tingkat"]) == ("Kinerja", "T3", "GALAT")
    assert "'tujuh puluh' bukan angka" in tengah[0]["Pesan"]
    # every problem of every workbook is there, as check() reports it
    for path in OPD_FILES:
        mine = [r for r in ms if r["Berkas"] == path.name and not r["Kode Masalah"].startswith("gabung.")]
        assert len(mine) == len(g.check(path)[2]), path.name


def test_cascading_from_rpjmd_sasaran_to_opd_indicators(book):
    cas = rows(book["Cascading"])
    sr1 = [r for r in cas if r["Sasaran RPJMD"] == "SR.1"]
    assert {r["Instansi"] for r in sr1} == {"Dinas Pendidikan"} and len(sr1) == 2
    assert sr1[0]["Uraian Sasaran RPJMD"] == "Meningkatnya kualitas pendidikan"
    unknown = [r for r in cas if r["Sasaran RPJMD"] == "SR.9"]
    assert unknown and unknown[0]["Keterangan"] == "kode tidak ada di workbook Pemda" and unknown[0]["Instansi"] == "Kecamatan Utara"
    unlinked = [r for r in cas if r["Sasaran RPJMD"] is None]
    assert all(r["Keterangan"] == "tidak terhubung ke sasaran RPJMD" for r in unlinked)
    assert {r["Instansi"] for r in unlinked} >= {"Kecamatan Barat"}
    # linked first, in the Pemda's order (a sasaran RPJMD no OPD supports included), the unlinked ones last
    codes = [r["Sasaran RPJMD"] for r in cas]
    assert codes.index("SR.1") < codes.index("SR.3") < codes.index("SR.4") < codes.index("SR.5") < codes.index(None)
    sr5 = [r for r in cas if r["Sasaran RPJMD"] == "SR.5"]
    assert len(sr5) == 1 and sr5[0]["Instansi"] is None and sr5[0]["Keterangan"] == "belum didukung sasaran OPD"


def test_iku_pemda_with_supporting_opd_indicators(book, reports):
    iku = rows(book["IKU_Pemda"])
    sr1 = [r for r in iku if r["Kode Sasaran"] == "SR.1"]
    assert [r["Indikator OPD Pendukung"] for r in sr1] == ["Nilai Survei Kepuasan Masyarakat (SKM)", "Rasio Jumlah Desa yang Terfasilitasi"]
    assert pct(sr1[0]["Capaian (%)"]) == "100,63"  # 7,95 / 7,9 of the Pemda workbook
    hasil, _ctx = reports["dinas-pendidikan.xlsx"]
    s1 = next(hasil.laporan.nodes("Sasaran"))
    assert Decimal(sr1[0]["Pagu Sasaran OPD (Rp)"]) == hasil.of(s1).anggaran.pagu
    sr5 = [r for r in iku if r["Kode Sasaran"] == "SR.5"]
    assert len(sr5) == 1 and sr5[0]["OPD Pendukung"] == "(tidak ada indikator OPD pendukung)"


def test_every_sheet_is_a_filterable_table_with_a_frozen_header(book):
    assert book.sheetnames == ["Status_Pengumpulan", "Rekap_OPD", "Capaian_Indikator", "Cascading", "IKU_Pemda", "Anggaran", "Masalah"]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        (name, ref), = ws.tables.items()
        assert ref == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}{ws.max_row}", ws.title
        assert ws.tables[name].autoFilter.ref == ref


def test_the_same_folder_gives_the_same_bytes(rekap):
    again = gabung(CONTOH, PEMDA, workers=2)  # in worker processes this time
    assert workbook_bytes(again) == workbook_bytes(rekap)


# ------------------------------------------------------------------ one test per check


def _copy(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "opd"
    folder.mkdir()
    for n in names:
        shutil.copy(CONTOH / n, folder / n)
    return folder


def _set_profil(path: Path, **values) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Profil"]
    for r in range(2, ws.max_row + 1):
        key = ws.cell(row=r, column=1).value
        if key in values:
            ws.cell(row=r, column=2, value=values[key])
    wb.save(path)


def _codes(rekap) -> list[tuple[str, str, str, str]]:
    return [(m.berkas, m.problem.code, m.problem.sheet, m.problem.cell) for m in rekap.masalah if m.problem.code.startswith("gabung.")]


def test_check_different_tahun(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx", "dinas-sosial.xlsx"])
    wb = openpyxl.load_workbook(folder / "dinas-sosial.xlsx")
    ws = wb["Kinerja"]
    for c in ws[1]:
        if c.value and str(c.value).endswith("2024"):
            c.value = str(c.value)[:-4] + "2023"
    wb.save(folder / "dinas-sosial.xlsx")
    _set_profil(folder / "dinas-sosial.xlsx", tahun=2023)
    rekap = gabung(folder, workers=1)
    assert ("dinas-sosial.xlsx", "gabung.tahun-berbeda", "Profil", "B4") in _codes(rekap)
    assert rekap.status["dinas-sosial.xlsx"] == "Tidak: tahun 2023, bukan 2024"
    assert [r.instansi for r in rekap.direkap] == ["Dinas Pendidikan", "Dinas Kesehatan"]


def test_check_different_pemerintah(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx", "dinas-sosial.xlsx"])
    _set_profil(folder / "dinas-kesehatan.xlsx", pemerintah="Pemerintah Kabupaten Lain")
    rekap = gabung(folder, workers=1)
    found = [m for m in rekap.masalah if m.problem.code == "gabung.pemerintah-berbeda"]
    assert len(found) == 1 and found[0].berkas == "dinas-kesehatan.xlsx"
    assert "'Pemerintah Kabupaten Lain' berbeda dari 'Pemerintah Kabupaten Contoh'" in found[0].problem.message


def test_check_duplicate_opd_stops_both_naming_each_other(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx"])
    shutil.copy(folder / "dinas-pendidikan.xlsx", folder / "dinas-pendidikan-revisi.xlsx")
    rekap = gabung(folder, workers=1)
    dup = [m for m in rekap.masalah if m.problem.code == "gabung.opd-ganda"]
    assert {m.berkas for m in dup} == {"dinas-pendidikan.xlsx", "dinas-pendidikan-revisi.xlsx"}
    one = next(m for m in dup if m.berkas == "dinas-pendidikan.xlsx")
    assert "'dinas-pendidikan.xlsx' dan 'dinas-pendidikan-revisi.xlsx'" in one.problem.message
    assert [r.instansi for r in rekap.direkap] == ["Dinas Kesehatan"]
    assert rekap.status["dinas-pendidikan.xlsx"] == "Tidak: OPD yang sama ada di dinas-pendidikan-revisi.xlsx"
    # the same kode under another name is the same OPD too
    _set_profil(folder / "dinas-pendidikan-revisi.xlsx", instansi="Dinas Pendidikan dan Kebudayaan")
    rekap = gabung(folder, workers=1)
    assert any("kode OPD 1.01.0.00.0.00.01.0000" in m.problem.message for m in rekap.masalah if m.problem.code == "gabung.opd-ganda")


def test_check_unknown_sasaran_rpjmd_code(rekap):
    assert ("kecamatan-utara.xlsx", "gabung.sasaran-rpjmd-tidak-dikenal", "Kinerja", "W7") in _codes(rekap)
    wb = openpyxl.load_workbook(CONTOH / "kecamatan-utara.xlsx", read_only=True)
    assert wb["Kinerja"]["W7"].value == "SR.9" and wb["Kinerja"]["W1"].value == "Sasaran RPJMD"


def test_check_iku_pemda_without_support(rekap):
    found = [m for m in rekap.masalah if m.problem.code == "gabung.iku-pemda-tanpa-dukungan"]
    assert [(m.berkas, m.problem.cell) for m in found] == [(PEMDA.name, "D8")]
    assert "'Jumlah kunjungan wisatawan' (sasaran SR.5)" in found[0].problem.message
    assert "Dinas Pariwisata" in found[0].problem.hint


def test_check_sasaran_linked_to_nothing(rekap):
    barat = [(m.problem.cell, m.problem.message) for m in rekap.masalah
             if m.problem.code == "gabung.sasaran-tanpa-rpjmd" and m.berkas == "kecamatan-barat.xlsx"]
    assert [c for c, _m in barat] == ["C3", "C5", "C7", "C9"]
    assert "'Tersedianya Sarana dan Prasarana'" in barat[0][1]



def test_no_cascade_asked_of_a_workbook_without_the_column_and_without_pemda(tmp_path):
    folder = tmp_path / "opd"
    folder.mkdir()
    shutil.copy(ROOT / "workbooks" / "kecamatan-alok-2024.xlsx", folder)
    rekap = gabung(folder, workers=1)
    assert [r.instansi for r in rekap.direkap] == ["Kecamatan Alok"]
    assert _codes(rekap) == []
    _set_profil(folder / "kecamatan-alok-2024.xlsx", pemerintah="Pemerintah Kabupaten Contoh")
    with_pemda = gabung(folder, PEMDA, workers=1)  # with --pemda every sasaran is expected to name its RPJMD sasaran
    assert [c for _b, c, _s, _cell in _codes(with_pemda)].count("gabung.sasaran-tanpa-rpjmd") == 4


def test_check_apbd_total(rekap, reports):
    found = [m for m in rekap.masalah if m.problem.code == "gabung.apbd-berbeda"]
    assert len(found) == 1 and (found[0].problem.sheet, found[0].problem.cell) == ("Pengaturan", "B10")
    total = sum(h.total.pagu for h, _c in reports.values())
    assert g.rupiah(total) in found[0].problem.message and "Rp100.000.000.000,00" in found[0].problem.message


# ------------------------------------------------------------------ a hostile folder


def test_hostile_folder_runs_to_the_end(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx", "kecamatan-timur.xlsx"])
    os.symlink("lingkar.xlsx", folder / "lingkar.xlsx")  # a symlink loop
    os.symlink(folder, folder / "folder-lingkar")  # a folder loop
    (folder / "kosong.xlsx").write_bytes(b"")  # 0 bytes
    (folder / "x.xlsx").mkdir()  # a directory named like a workbook
    shutil.copy(folder / "dinas-kesehatan.xlsx", folder / "dinas-kesehatan-salinan.xlsx")  # the same OPD twice
    shutil.copy(CONTOH / "dinas-sosial.xlsx", folder / "dinas-sosial-2023.xlsx")
    wb = openpyxl.load_workbook(folder / "dinas-sosial-2023.xlsx")
    for c in wb["Kinerja"][1]:
        if c.value and str(c.value).endswith("2024"):
            c.value = str(c.value)[:-4] + "2023"
    wb.save(folder / "dinas-sosial-2023.xlsx")
    _set_profil(folder / "dinas-sosial-2023.xlsx", tahun=2023)  # mixed years
    (folder / "~$dinas-pendidikan.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped without a word
    rekap = gabung(folder, workers=2)
    st = rekap.status
    assert set(st) == {"dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx", "kecamatan-timur.xlsx", "lingkar.xlsx", "folder-lingkar",
                       "kosong.xlsx", "x.xlsx", "dinas-kesehatan-salinan.xlsx", "dinas-sosial-2023.xlsx"}
    assert st["dinas-pendidikan.xlsx"] == st["kecamatan-timur.xlsx"] == "Ya"
    assert st["lingkar.xlsx"] == st["kosong.xlsx"] == "Tidak: tidak dapat dibaca"
    assert st["x.xlsx"].startswith("Tidak: folder") and st["folder-lingkar"].startswith("Tidak: folder")
    assert st["dinas-kesehatan.xlsx"] == "Tidak: OPD yang sama ada di dinas-kesehatan-salinan.xlsx"
    assert st["dinas-sosial-2023.xlsx"] == "Tidak: tahun 2023, bukan 2024"
    kosong = [m.problem.code for m in rekap.masalah if m.berkas == "kosong.xlsx"]
    assert "berkas.bukan-xlsx" in kosong or "berkas.rusak" in kosong
    data = workbook_bytes(rekap)
    assert openpyxl.load_workbook(__import__("io").BytesIO(data))["Status_Pengumpulan"].max_row == 10


# ------------------------------------------------------------------ the command


def test_cli_writes_the_recap_and_says_what_it_did(tmp_path):
    out = tmp_path / "rekap-2024.xlsx"
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "gabung", str(CONTOH), "--pemda", str(PEMDA), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert "[10/10]" in proc.stderr and "9 dari 11 berkas direkap" in proc.stderr
    assert "Kinerja!W7 [gabung.sasaran-rpjmd-tidak-dikenal]" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == "Status_Pengumpulan"


def test_cli_duplicate_opd_exits_1_and_a_missing_folder_2(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx"])
    shutil.copy(folder / "dinas-pendidikan.xlsx", folder / "salinan.xlsx")
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "gabung", str(folder), "--out", str(tmp_path / "r.xlsx")],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 1 and "[gabung.opd-ganda]" in proc.stderr and (tmp_path / "r.xlsx").exists()
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "gabung", str(tmp_path / "tidak-ada")],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 2 and "tidak ditemukan" in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ LibreOffice Calc


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")
def test_recap_opens_in_libreoffice_calc_with_working_filters(rekap, tmp_path):
    import json

    from generator.write.pdf import _kill_group, _start, make_profile, soffice, uno_python

    py = uno_python()
    if py is None:
        pytest.skip("Python dengan modul uno tidak ada")
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(workbook_bytes(rekap))
    pipe = f"lkjipgabung{os.getpid()}"
    office = _start([soffice(), f"-env:UserInstallation={make_profile(tmp_path)}", "--headless", "--invisible", "--nologo",
                     "--norestore", f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc = subprocess.run([py, str(ROOT / "tests" / "calc_filter_uno.py"), str(path), pipe, str(tmp_path / "calc.json"),
                               "Rekap_OPD", "Predikat Instansi", "Sangat Baik"], capture_output=True, text=True, timeout=180)
    finally:
        _kill_group(office)  # the whole process group, also on failure
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads((tmp_path / "calc.json").read_text())
    assert found["sheets"] == ["Status_Pengumpulan", "Rekap_OPD", "Capaian_Indikator", "Cascading", "IKU_Pemda", "Anggaran", "Masalah"]
    assert len(found["ranges"]) == 7 and all(r["autofilter"] for r in found["ranges"].values())
    assert found["ranges"]["Tabel2_Rekap_OPD"]["rows"] == len(rekap.direkap) + 1
    expected = [r.instansi for r in rekap.direkap if r.opd.predikat_instansi == "Sangat Baik"]
    assert found["visible"] == expected and 0 < len(expected) < len(rekap.direkap)  # the filter hides some rows, not all


def test_template_offers_kode_opd_and_sasaran_rpjmd_with_notes():
    from generator.workbook.blank import build_blank

    wb = build_blank(2024, (2024, 2026))
    profil = {r[0].value: r for r in wb["Profil"].iter_rows(min_row=2)}
    assert "SIPD" in profil["kode_opd"][2].value
    head = {c.value: c for c in wb["Kinerja"][1]}
    assert "kode sasaran RPJMD kabupaten" in head["Sasaran RPJMD"].comment.text
    pengaturan = {r[0].value for r in wb["Pengaturan"].iter_rows(min_row=2)}
    assert "total_apbd" in pengaturan


# ------------------------------------------------------------------ the recap document (--docx)


@pytest.fixture(scope="module")
def dokumen(rekap, tmp_path_factory):
    from generator.gabung import dokumen_bytes

    path = tmp_path_factory.mktemp("dokumen") / "rekap.docx"
    path.write_bytes(dokumen_bytes(rekap))
    return path


def test_docx_tables_carry_each_opds_printed_figures(dokumen, reports, rekap):
    from docx_text import captions, headings, load, table_after

    doc = load(dokumen)
    assert [t for _s, t in headings(doc) if _s == "Heading 1"][-2:] == ["BAB I CAPAIAN KINERJA PERANGKAT DAERAH", "LAMPIRAN"]
    assert captions(doc)[:2] == ["Tabel 1.1 Status Pengumpulan LKjIP Perangkat Daerah Tahun 2024",
                                 "Tabel 1.2 Capaian Kinerja Perangkat Daerah Tahun 2024"]
    rows_ = {r[1]: r for r in table_after(doc, "Tabel 1.2")[2:]}
    for name, (hasil, ctx) in reports.items():
        row = rows_[hasil.laporan.profil.instansi]
        assert row[5] + "%" == ctx["ringkas"]["capaian_instansi"] and row[6] == ctx["ringkas"]["predikat_instansi"], name
    budget = {r[1]: r for r in table_after(doc, "Tabel 1.6")[2:]}
    for name, (hasil, ctx) in reports.items():
        assert "Rp" + budget[hasil.laporan.profil.instansi][2] + ",00" == ctx["ringkas"]["pagu"], name
    total = sum(h.total.pagu for h, _c in reports.values())
    assert budget["Jumlah"][2] == g.uang(total)
    lampiran = table_after(doc, "Tabel L.1")[2:]
    assert len(lampiran) == sum(len(c["tabel"]["capaian"].baris) - 1 for _h, c in reports.values())
    charts = captions(doc, "Judul Gambar")
    assert charts == ["Gambar 1.1 Capaian Kinerja Perangkat Daerah Tahun 2024", "Gambar 1.2 Sebaran Predikat Capaian Indikator Tahun 2024"]
    import zipfile

    with zipfile.ZipFile(dokumen) as z:
        assert len([n for n in z.namelist() if n.startswith("word/charts/chart")]) == 2
        assert b"Rekapitulasi Capaian Kinerja Perangkat Daerah Pemerintah Kabupaten Contoh Tahun 2024" in z.read("docProps/core.xml")


def test_docx_is_deterministic(rekap, dokumen):
    from generator.gabung import dokumen_bytes

    assert dokumen_bytes(rekap) == dokumen.read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) atau pdftotext tidak terpasang")
def test_docx_passes_the_layout_checks_of_the_opd_reports(dokumen, reports):
    """The checks of tests/report/test_layout.py: no empty page, no table row alone, no broken header word, no stranded heading."""
    import re

    from pdf_pages import broken_words, lone_rows, only_page_number, pages

    pdf = g.to_pdf(dokumen)
    texts = pages(pdf)
    assert len(texts) >= 8
    assert [i + 1 for i, t in enumerate(texts) if only_page_number(t)] == []
    assert lone_rows(dokumen, texts) == []
    assert broken_words(dokumen, texts) == set()
    for i, t in enumerate(texts):
        lines = [ln.strip() for ln in t.splitlines() if ln.strip() and not only_page_number(ln.strip())]
        if lines:
            assert not re.fullmatch(r"[A-H]\. [A-Z][\w ,/-]+", lines[-1]), f"halaman {i + 1}: {lines[-1]}"
    chart_page = next(t for t in texts if "Gambar 1.1" in t and "Capaian (%)" in t)
    printed = reports["dinas-pendidikan.xlsx"][1]["ringkas"]["capaian_instansi"].rstrip("%")
    assert "," in printed and printed in chart_page  # as Dinas Pendidikan's own report prints it, with the Indonesian comma


# ------------------------------------------------------------------ the OPD report: Renstra-RPJMD alignment in Bab II


def test_opd_report_prints_the_renstra_rpjmd_table_only_when_the_column_is_filled(tmp_path):
    from docx_text import captions, load, table_after

    res = g.build(CONTOH / "dinas-pendidikan.xlsx", out_dir=tmp_path)
    assert res.ok, res.error
    doc = load(res.output)
    caption = next(c for c in captions(doc) if "Keselarasan" in c)
    assert caption.startswith("Tabel 2.2 Keselarasan Tujuan dan Sasaran Renstra dengan Sasaran RPJMD Tahun 2024")
    rows_ = table_after(doc, "Tabel 2.2")[2:]
    assert [r[1] for r in rows_] == ["-", "SR.1", "SR.1", "-", "SR.3"]  # the two tujuan have no code; the three sasaran have
    assert rows_[1][2] == "Sasaran: Meningkatnya Mutu Layanan" and rows_[1][3] == "Nilai Survei Kepuasan Masyarakat (SKM)"
    assert rows_[1][4] == "85"  # Target 2024 as the PK table prints it (narrate.dengan_satuan)
    plain = g.build(CONTOH / "kecamatan-barat.xlsx", out_dir=tmp_path)  # no Sasaran RPJMD column: no table, no sentence
    assert plain.ok and not [c for c in captions(load(plain.output)) if "Keselarasan" in c]


def test_cli_recap_written_into_the_folder_is_not_read_back_and_an_empty_folder_is_refused(tmp_path):
    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx"])
    cmd = [sys.executable, "-m", "generator.cli", "gabung", str(folder), "--out", str(folder / "Rekap-2024.xlsx")]
    for _ in range(2):  # the second run finds the first run's recap in the folder
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert proc.returncode == 0, proc.stderr
    assert "2 dari 2 berkas direkap" in proc.stderr
    st = rows(openpyxl.load_workbook(folder / "Rekap-2024.xlsx")["Status_Pengumpulan"])
    assert [r["Berkas"] for r in st] == ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx"]
    empty = tmp_path / "kosong"
    empty.mkdir()
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "gabung", str(empty)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 2 and "tidak berisi satu berkas pun" in proc.stderr


def test_next_years_workbook_keeps_kode_opd_and_the_cascade(tmp_path):
    from generator.read.sheets import read_workbook

    out = tmp_path / "dinas-pendidikan-2025.xlsx"
    g.buat_tahun_baru(CONTOH / "dinas-pendidikan.xlsx", out)
    lap, _problems = read_workbook(out)
    assert lap.profil.tahun == 2025 and lap.profil.kode_opd == "1.01.0.00.0.00.01.0000"
    assert [n.sasaran_rpjmd for n in lap.nodes("Sasaran")] == ["SR.1", "SR.1", "SR.3"]


def _reader_that_dies_on_kesehatan(task):
    """A reader process killed while it reads one file (as the out-of-memory killer would)."""
    from generator.gabung.ringkas import ringkas_berkas

    if task[1] == "dinas-kesehatan.xlsx":
        os._exit(137)
    return ringkas_berkas(task)


def test_a_reader_process_that_dies_names_its_file_and_the_rest_is_read(tmp_path, monkeypatch):
    import generator.gabung.rekap as rekap_module

    folder = _copy(tmp_path, ["dinas-pendidikan.xlsx", "dinas-kesehatan.xlsx", "dinas-sosial.xlsx", "kecamatan-timur.xlsx"])
    monkeypatch.setattr(rekap_module, "ringkas_berkas", _reader_that_dies_on_kesehatan)  # forked workers see it too
    lines: list[str] = []
    rekap = gabung(folder, workers=2, progress=lines.append)
    assert rekap.status["dinas-kesehatan.xlsx"].startswith("Tidak: proses pembaca berhenti saat membaca berkas ini")
    assert [r.instansi for r in rekap.direkap] == ["Dinas Pendidikan", "Dinas Sosial", "Kecamatan Timur"]
    assert len(lines) == 4 and lines[-1].startswith("[4/4] ")


def test_docx_package_like_the_opd_reports(dokumen):
    """The package checks of tests/test_package.py: every paragraph style defined; the Open XML SDK rules when installed."""
    import zipfile

    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(dokumen) as z:
        styles = {s.get(W + "styleId") for s in etree.fromstring(z.read("word/styles.xml")).iter(W + "style")}
        used = {ps.get(W + "val") for ps in etree.fromstring(z.read("word/document.xml")).iter(W + "pStyle")}
    assert {"JudulTabel", "JudulGambar", "Heading1", "Heading2"} <= used and used <= styles, used - styles
    try:
        import openxml_audit
    except ImportError:
        return  # `pip install -e .[test]` installs it; the style check above ran regardless
    result = openxml_audit.OpenXmlValidator().validate(str(dokumen))
    assert result.is_valid, [(e.part_uri, e.path, e.description) for e in result.errors[:10]]


def test_pemda_workbook_without_an_anggaran_sheet_and_a_broken_one(tmp_path):
    from generator.gabung import baca_pemda

    wb = openpyxl.load_workbook(PEMDA)
    del wb["Anggaran"]
    wb.save(tmp_path / "pemda.xlsx")
    pem = baca_pemda(tmp_path / "pemda.xlsx")
    assert [v[0] for v in pem.sasaran.values()] == ["T.1", "SR.1", "SR.2", "T.2", "SR.3", "SR.4", "SR.5"]
    assert [i.kode for i in pem.iku] == ["SR.1", "SR.2", "SR.3", "SR.4", "SR.5"] and pem.total_apbd == Decimal(100_000_000_000)
    wb["Profil"]["B4"] = "dua ribu"  # tahun unreadable: the Pemda workbook cannot be used, and gabung says why
    wb.save(tmp_path / "pemda-rusak.xlsx")
    with pytest.raises(g.LkjipError, match=r"Workbook Pemda pemda-rusak.xlsx tidak dapat dipakai: .*'dua ribu' bukan tahun"):
        baca_pemda(tmp_path / "pemda-rusak.xlsx")
