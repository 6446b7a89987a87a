"""`lkjip diff` sees every change of the printed report, whichever sheet it comes from (diff_laporan).

The contract tested here: for two revisions of a workbook, the two built .docx differ exactly when
`diff` reports a change — over edits to every sheet, and over edits that change nothing printed.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from factory import ANGGARAN, KINERJA, make_workbook
from PIL import Image

from generator import pipeline
from generator.base.problems import errors
from generator.cli import main
from generator.compare.diff import ada_perubahan

BELANJA = [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 20_000_000, "Realisasi": 19_000_000},
           {"Jenis": "Belanja Barang dan Jasa", "Anggaran": 15_000_000, "Realisasi": 13_500_000}]
NARASI = [{"Bagian": "latar_belakang", "Judul": "Latar Belakang", "Isi": "Paragraf pertama.\n\nParagraf kedua."},
          {"Bagian": "permasalahan", "Isi": "- Petugas kurang\n- Jaringan lambat"}]
PEGAWAI = [{"Nama": "Ani", "NIP": "19800101 200501 2 001", "Jabatan": "Sekretaris", "Golongan": "III/d", "Pendidikan": "S1",
            "Eselon": "III.b", "Status": "PNS"},
           {"Nama": "Budi", "NIP": "19850202 201001 1 002", "Jabatan": "Staf", "Golongan": "II/c", "Pendidikan": "SMA",
            "Status": "PNS"}]
RENCANA = [{"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan I", "Target Kinerja": 20, "Realisasi Kinerja": 18,
            "Program": "Program Penunjang", "Target Anggaran": 3_000_000, "Realisasi Anggaran": 2_500_000},
           {"Periode": "Triwulan II", "Target Kinerja": 40, "Realisasi Kinerja": 35}]
INDEKS = [{"Indikator": "Persentase layanan tepat waktu", "Aspek": "Persyaratan", "Skor Target": 80, "Skor Realisasi": 82, "Bobot": 0.5},
          {"Aspek": "Waktu layanan", "Skor Target": 80, "Skor Realisasi": 78, "Bobot": 0.5}]
GAMBAR = [{"Bagian": "struktur_organisasi", "Berkas": "struktur.png", "Keterangan": "Struktur Organisasi"}]
SHEETS = {"Belanja": BELANJA, "Narasi": NARASI, "Pegawai": PEGAWAI, "Rencana_Aksi": RENCANA, "Indeks": INDEKS, "Gambar": GAMBAR}


def _png(path: Path, color) -> Path:
    Image.new("RGB", (60, 40), color).save(path, "PNG")
    return path


def _sheets(**changes) -> dict:
    out = copy.deepcopy(SHEETS)
    out.update(changes)
    return out


def _rows(rows: list[dict], i: int, **changes) -> list[dict]:
    out = copy.deepcopy(rows)
    out[i].update(changes)
    return out


def _cell(sheet: str, ref: str, value):
    def edit(wb):
        wb[sheet][ref] = value
    return edit


def _drop_sheet(name: str):
    def edit(wb):
        del wb[name]
    return edit


def _new_image(folder: Path) -> None:
    _png(folder / "struktur.png", (200, 10, 10))  # the same name, another picture


def _same_image_other_name(folder: Path) -> dict:
    shutil.copyfile(folder / "struktur.png", folder / "struktur-salinan.png")
    return {"sheets": _sheets(Gambar=_rows(GAMBAR, 0, Berkas="struktur-salinan.png"))}


# name -> (workbook keyword arguments, or a function of the folder returning them; a part the diff must name, or
# None when nothing printed changes)
EDITS = {
    # every sheet, a printed change
    "profil-kepala": ({"profil": {"kepala_nama": "Dra. Wati"}}, "Isian sampul/penandatangan 'kepala_nama'"),
    "kinerja-realisasi": ({"kinerja": _rows(KINERJA, 1, **{"Realisasi 2024": 75})}, "Tabel 'Capaian Indikator Kinerja Sasaran"),
    "kinerja-analisis": ({"kinerja": _rows(KINERJA, 1, Analisis="Petugas cuti bersama.")}, "Tabel 'Analisis Penyebab"),
    "anggaran-pagu": ({"anggaran": _rows(ANGGARAN, 6, Pagu=21_000_000)}, "Tabel 'Realisasi Anggaran per Program"),
    # Belanja edits keep its total equal to Anggaran's (a different total is an error: one report, one total)
    "belanja-edit": ({"sheets": _sheets(Belanja=_rows(_rows(BELANJA, 1, Realisasi=14_000_000), 0, Realisasi=18_500_000))}, "Belanja"),
    "belanja-deleted": ({"sheets": _sheets(), "edit": _drop_sheet("Belanja")}, "Belanja"),
    "belanja-row-removed": ({"sheets": _sheets(Belanja=_rows(BELANJA[:1], 0, Anggaran=35_000_000, Realisasi=32_500_000))}, "Belanja"),
    "narasi-row-removed": ({"sheets": _sheets(Narasi=NARASI[:1])}, "Teks bagian 'permasalahan'"),
    "pegawai-row-added": ({"sheets": _sheets(Pegawai=PEGAWAI + [{"Nama": "Citra", "Golongan": "III/b", "Pendidikan": "S2",
                                                                  "Status": "PNS"}])}, "Tabel 'Jumlah Pegawai"),
    "indeks-row-added": ({"sheets": _sheets(Indeks=INDEKS + [{"Aspek": "Biaya", "Skor Target": 80, "Skor Realisasi": 90,
                                                               "Bobot": 0.5}])}, "Tabel 'Perhitungan"),
    "gambar-row-added": (lambda folder: {"sheets": _sheets(Gambar=GAMBAR + [{"Bagian": "struktur_organisasi", "Berkas": _png(
        folder / "kedua.png", (5, 5, 5)).name, "Keterangan": "Bagan kedua"}])}, "Gambar bagian 'struktur_organisasi'"),
    "logo-added": (lambda folder: {"sheets": _sheets(), "profil": {"logo": _png(folder / "logo.png", (250, 200, 0)).name}},
                   "Gambar bagian 'logo'"),
    "narasi-edit": ({"sheets": _sheets(Narasi=_rows(NARASI, 0, Isi="Paragraf pertama.\n\nParagraf kedua diubah."))},
                    "Teks bagian 'latar_belakang'"),
    "pegawai-golongan": ({"sheets": _sheets(Pegawai=_rows(PEGAWAI, 1, Golongan="III/a"))}, "Tabel 'Jumlah Pegawai menurut Golongan"),
    "pegawai-removed": ({"sheets": _sheets(Pegawai=PEGAWAI[:1])}, "Tabel 'Jumlah Pegawai"),
    "rencana-aksi-edit": ({"sheets": _sheets(Rencana_Aksi=_rows(RENCANA, 1, **{"Realisasi Kinerja": 38}))}, "Tabel 'Rencana Aksi"),
    "rencana-aksi-row-added": ({"sheets": _sheets(Rencana_Aksi=RENCANA + [{"Periode": "Triwulan III", "Target Kinerja": 60}])},
                               "Tabel 'Rencana Aksi"),
    "indeks-edit": ({"sheets": _sheets(Indeks=_rows(INDEKS, 1, **{"Skor Realisasi": 70}))}, "Tabel 'Perhitungan"),
    "gambar-keterangan": ({"sheets": _sheets(Gambar=_rows(GAMBAR, 0, Keterangan="Bagan Organisasi"))},
                          "Gambar bagian 'struktur_organisasi'"),
    "gambar-new-picture": (_new_image, "Gambar bagian 'struktur_organisasi'"),
    "gambar-removed": ({"sheets": _sheets(Gambar=[])}, "Gambar bagian 'struktur_organisasi'"),
    "pengaturan-efisiensi": ({"sheets": _sheets(), "pengaturan": {"metode_efisiensi": "sisa"}}, "Tabel 'Efisiensi Penggunaan"),
    "pengaturan-skala": ({"sheets": _sheets(), "pengaturan": {"skala_predikat": "tiga_tingkat"}}, "Tabel 'Skala Predikat"),
    "pengaturan-desimal": ({"sheets": _sheets(), "pengaturan": {"desimal": 1}}, "Tabel 'Capaian Indikator Kinerja Sasaran"),
    # edits that print nothing different: no change either way
    "petunjuk-cell": ({"sheets": _sheets(), "edit": _cell("Petunjuk", "A1", "Catatan pribadi staf")}, None),
    "profil-keterangan": ({"sheets": _sheets(), "edit": _cell("Profil", "C3", "catatan di kolom Keterangan")}, None),
    "gambar-same-picture-other-name": (_same_image_other_name, None),
    "unknown-column": ({"sheets": _sheets(), "edit": _cell("Kinerja", "Z1", "Catatan")}, None),
    "pengaturan-nama-berkas": ({"sheets": _sheets(), "pengaturan": {"nama_berkas": "laporan-akhir"}}, None),
    "narasi-judul": ({"sheets": _sheets(Narasi=_rows(NARASI, 0, Judul="Latar Belakang Baru"))}, None),  # Judul is not printed
}


def _build(wb: Path, out: Path) -> bytes:
    res = pipeline.build(wb, out)
    assert res.ok, [str(p) for p in errors(res.problems)] or res.error
    return out.read_bytes()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lama")
    _png(folder / "struktur.png", (10, 80, 160))
    wb = make_workbook(folder / "lama.xlsx", sheets=_sheets())
    return folder, wb, _build(wb, folder / "lama.docx")


@pytest.mark.parametrize("name", sorted(EDITS))
def test_docx_differs_exactly_when_diff_reports_a_change(name, base, tmp_path):
    old_folder, old_wb, old_docx = base
    folder = tmp_path / "baru"
    shutil.copytree(old_folder, folder, ignore=shutil.ignore_patterns("*.xlsx", "*.docx"))
    kwargs, part = EDITS[name]
    if callable(kwargs):
        kwargs = kwargs(folder) or {"sheets": _sheets()}
    new_wb = make_workbook(folder / "baru.xlsx", **kwargs)
    new_docx = _build(new_wb, tmp_path / "baru.docx")

    d, problems = pipeline.diff(old_wb, new_wb)
    assert d is not None and errors(problems) == []
    json.dumps(d)
    docx_differs = new_docx != old_docx
    assert docx_differs == ada_perubahan(d), (name, docx_differs, d["laporan"])
    assert docx_differs == (part is not None), name  # the edit list itself says which edits print something
    res = CliRunner().invoke(main, ["diff", str(old_wb), str(new_wb)])
    if part is None:
        assert res.exit_code == 0 and res.output.strip() == "Tidak ada perubahan.", res.output
    else:
        assert res.exit_code == 1, res.output
        labels = [item["bagian"] for item in d["laporan"]]
        assert any(part in label for label in labels), (part, labels)
        assert "Bagian laporan yang berubah:" in res.output and part in res.output


def _next_to(base, tmp_path: Path) -> Path:
    """A folder for the new revision holding the same images as the old one."""
    folder = tmp_path / "baru"
    shutil.copytree(base[0], folder, ignore=shutil.ignore_patterns("*.xlsx", "*.docx"))
    return folder


def test_deleted_belanja_sheet_is_said_in_report_terms(base, tmp_path):
    _folder, old_wb, _ = base
    new_wb = make_workbook(_next_to(base, tmp_path) / "baru.xlsx", sheets=_sheets(), edit=_drop_sheet("Belanja"))
    d, _problems = pipeline.diff(old_wb, new_wb)
    [item] = [i for i in d["laporan"] if i["jenis"] == "tabel" and "Belanja" in i["bagian"]]
    assert item["status"] == "dihapus"
    assert any(old and "Belanja Pegawai | 20.000.000 | 19.000.000" in old for old, _new in item["perubahan"])
    res = CliRunner().invoke(main, ["diff", str(old_wb), str(new_wb)])
    assert f"  {item['bagian']}: tidak dicetak lagi" in res.output


def test_changed_efficiency_method_shows_old_and_new_sentence(base, tmp_path):
    _folder, old_wb, _ = base
    new_wb = make_workbook(_next_to(base, tmp_path) / "baru.xlsx", sheets=_sheets(), pengaturan={"metode_efisiensi": "sisa"})
    res = CliRunner().invoke(main, ["diff", str(old_wb), str(new_wb)])
    assert res.exit_code == 1
    assert ("'paragraf: Efisiensi dihitung sebagai selisih capaian kinerja dengan persentase penyerapan anggaran; nilai positif "
            "berarti efisien, nol bera…' -> 'paragraf: Efisiensi dihitung sebagai 100% dikurangi persentase penyerapan anggaran.'") in res.output
