"""Issue 11, points 12-17: typed mistakes that used to pass unnoticed, as `lkjip validate --format json`
reports them (code, cell, message) and, where the report prints the figure, as the .docx prints it."""

from __future__ import annotations

import json

from click.testing import CliRunner
from docx_text import all_text, load
from factory import ANGGARAN, KINERJA, make_workbook

from generator.checks.validate import nip_problem
from generator.cli import main


def validate_json(path) -> list[dict]:
    res = CliRunner().invoke(main, ["validate", str(path), "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.output)


def where(found: list[dict]) -> list[tuple[str, str, str]]:
    return [(p["sheet"], p["cell"], p["code"]) for p in found]


def message(found: list[dict], cell: str, code: str) -> str:
    return next(p["message"] for p in found if p["cell"] == cell and p["code"] == code)


def build_text(path, tmp_path) -> str:
    out = tmp_path / "laporan.docx"
    res = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return all_text(load(out))


# 12 ------------------------------------------------------------------------------------------------
def test_12_typed_percentage_is_right_at_the_decimals_it_was_typed_with(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    # 0,26 / 0,30 = 86,667 %: "86,66" is wrong at two decimals (a fixed +-0,01 let it pass)
    kinerja[1].update({"Satuan": "indeks", "Target 2024": "0,30", "Realisasi 2024": "0,26", "Capaian": "86,66"})
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[2].update({"Persentase": 95})  # 9.500.000 / 10.000.000 = 95 %, typed as a whole number
    anggaran[6].update({"Realisasi": 19_188_000, "Persentase": "95,9"})  # 95,94 %: right at one decimal
    path = make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, anggaran=anggaran)
    found = validate_json(path)
    assert where(found) == [("Kinerja", "P3", "kinerja.capaian-berbeda")]
    assert "Capaian tertulis 86,66% berbeda dari 86,67% yang dicetak laporan" in message(found, "P3", "kinerja.capaian-berbeda")
    # the report prints lkjip's own figures, never the typed ones
    text = build_text(path, tmp_path)
    assert "86,67" in text and "95,94" in text and "86,66" not in text


# 13 ------------------------------------------------------------------------------------------------
def test_13_target_akhir_renstra_differs_from_the_last_year_target(tmp_path):
    kinerja = [dict(r) for r in KINERJA]
    kinerja[1].update({"Target Akhir Renstra": 95})  # Target 2026 (last Renstra year) is 90
    kinerja[0].update({"Target Akhir Renstra": 82})  # the same as Target 2026: fine
    found = validate_json(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja))
    assert where(found) == [("Kinerja", "N3", "kinerja.target-akhir-berbeda")]
    msg = message(found, "N3", "kinerja.target-akhir-berbeda")
    assert "Target Akhir Renstra 95" in msg and "Target 2026 (K3) 90" in msg
    assert "Renstra perubahan" in found[0]["hint"]


# 14 ------------------------------------------------------------------------------------------------
def test_14_numbers_misread_through_a_locale(tmp_path):
    kinerja = [dict(r) for r in KINERJA] + [
        # "1.250" typed on an English-locale Excel is stored as 1,25: a fraction of a person
        {"Indikator": "Jumlah peserta pelatihan", "Satuan": "orang", "Target 2024": 1200, "Target 2025": 1300,
         "Target 2026": 1400, "Realisasi 2024": 1.25},
        # "3.125" read as thousands beside "3.25" read as a decimal, in one indicator
        {"Indikator": "Indeks kepuasan aparatur", "Satuan": "indeks", "Target 2024": "3.125", "Target 2025": "3.25",
         "Target 2026": "3.5", "Realisasi 2024": "3.2"},
    ]
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[3].update({"Pagu": 999.69, "Realisasi": 999.69})  # 999.690 on an English-locale Excel
    found = validate_json(make_workbook(tmp_path / "a.xlsx", kinerja=kinerja, anggaran=anggaran))
    assert where(found) == [
        ("Kinerja", "M5", "angka.cacah-pecahan"),
        ("Kinerja", "I6", "angka.titik-ambigu"),
        ("Anggaran", "E5", "angka.rupiah-bersen"),
        ("Anggaran", "F5", "angka.rupiah-bersen"),
    ]
    assert "1,25" in message(found, "M5", "angka.cacah-pecahan") and "1.250" in message(found, "M5", "angka.cacah-pecahan")
    assert "bahasa Inggris" in message(found, "M5", "angka.cacah-pecahan")
    ambigu = message(found, "I6", "angka.titik-ambigu")
    assert "'3.125' dibaca sebagai 3125" in ambigu and "J6: 3.25" in ambigu
    rupiah = message(found, "E5", "angka.rupiah-bersen")
    assert "999,69" in rupiah and "999.690" in rupiah and "bahasa Inggris" in rupiah


# 15 ------------------------------------------------------------------------------------------------
def test_15_nip_typed_as_a_number_is_one_error_and_never_printed(tmp_path):
    pegawai = [{"Nama": "Ani", "NIP": 198001012005012002, "Golongan": "III/a"}]
    path = make_workbook(tmp_path / "a.xlsx", profil={"kepala_nip": 197703211996021001}, sheets={"Pegawai": pegawai})
    found = validate_json(path)
    assert where(found) == [("Profil", "B11", "profil.nip-angka"), ("Pegawai", "B2", "pegawai.nip-angka")]
    assert found[0]["severity"] == "error"
    msg = message(found, "B11", "profil.nip-angka")
    assert "15 angka pertama" in msg and "tidak dicetak di bawah tanda tangan" in msg
    out = tmp_path / "laporan.docx"
    res = CliRunner().invoke(main, ["build", str(path), "--out", str(out)])
    assert res.exit_code != 0 and not out.exists()


def test_15_blank_workbook_formats_nip_and_telephone_cells_as_text():
    from generator.workbook.blank import build_blank

    wb = build_blank(2024, (2024, 2026))
    profil = {wb["Profil"].cell(row=r, column=1).value: wb["Profil"].cell(row=r, column=2) for r in range(2, 25)}
    assert [profil[k].number_format for k in ("kepala_nip", "atasan_nip", "telepon")] == ["@", "@", "@"]
    assert wb["Pegawai"]["B2"].number_format == "@" and profil["tahun"].number_format == "General"


def test_15_telephone_that_lost_its_leading_zero(tmp_path):
    found = validate_json(make_workbook(tmp_path / "a.xlsx", profil={"telepon": 327811550}))
    assert where(found) == [("Profil", "B21", "profil.telepon-tanpa-nol")]
    assert "0327811550" in found[0]["hint"]


def test_15_empty_tanggal_pk_prints_a_line_to_date_by_hand(tmp_path):
    path = make_workbook(tmp_path / "a.xlsx", profil={"tanggal_pk": None})
    found = validate_json(path)
    assert where(found) == [("Profil", "B17", "profil.tanggal-pk-kosong")]
    text = build_text(path, tmp_path)
    assert "Kotaraya, -" not in text
    assert "Kotaraya, ......" in text


# 16 ------------------------------------------------------------------------------------------------
def test_16_persentase_message_names_the_printed_figure(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    # Alok G76: the kegiatan's typed pagu 15.500.000 is not its rows' 15.000.000; the typed 96,67 % is
    # 14.500.000 / 15.000.000, the figure the report prints: no warning about it, only the pagu's
    anggaran[1].update({"Pagu": 15_500_000, "Persentase": "96,67"})
    anggaran[6].update({"Persentase": 100})  # 18.000.000 / 20.000.000 = 90 %
    path = make_workbook(tmp_path / "a.xlsx", anggaran=anggaran)
    found = validate_json(path)
    assert where(found) == [("Anggaran", "E3", "anggaran.jumlah-tidak-cocok"), ("Anggaran", "G8", "anggaran.persentase-berbeda")]
    assert message(found, "G8", "anggaran.persentase-berbeda") == (
        "Persentase tertulis 100,00% berbeda dari 90,00% yang dicetak laporan (realisasi 18.000.000 / pagu 20.000.000).")
    text = build_text(path, tmp_path)
    assert "15.000.000 | 14.500.000 | 500.000 | 96,67" in text


def test_16_invalid_nip_names_the_part_that_is_wrong(tmp_path):
    pegawai = [{"Nama": "Ani", "NIP": "19970321 199602 2 001"},  # born 1997, CPNS 1996: one of the two is a typo
               {"Nama": "Budi", "NIP": "19800101 200501 0 001"}]  # gender digit 0
    path = make_workbook(tmp_path / "a.xlsx", profil={"kepala_nip": "19770321 19962 1 001"}, sheets={"Pegawai": pegawai})
    found = validate_json(path)
    assert where(found) == [("Profil", "B11", "profil.nip-tidak-sah"), ("Pegawai", "B2", "profil.nip-tidak-sah"),
                            ("Pegawai", "B3", "profil.nip-tidak-sah")]
    assert "bagian TMT CPNS '19962' 5 angka, seharusnya 6" in message(found, "B11", "profil.nip-tidak-sah")
    ani = message(found, "B2", "profil.nip-tidak-sah")
    assert "TMT CPNS Februari 1996 (angka ke-9 s.d. 14) sebelum tahun lahir 1997" in ani and "salah satunya" in ani
    assert "angka ke-15 (jenis kelamin) adalah 0" in message(found, "B3", "profil.nip-tidak-sah")
    assert "bulan 13 tidak ada" in nip_problem("19771321 199602 1 001")


# 17 ------------------------------------------------------------------------------------------------
def local_codes(extra: list[dict] = ()) -> list[dict]:
    rows = []
    for p in (1, 2):
        rows.append({"Unit": "Kecamatan Contoh", "Kode": f"{p}", "Level": "Program", "Uraian": f"Program {p}", "Sasaran": f"S{p}",
                     "Pagu PK": 3_000_000})
        rows.append({"Kode": f"{p}.1", "Level": "Kegiatan", "Uraian": f"Kegiatan {p}.1"})
        for s in (1, 2, 3):
            rows.append({"Kode": f"{p}.1.{s}", "Level": "Sub Kegiatan", "Uraian": f"Sub kegiatan {p}.1.{s}",
                         "Pagu": 1_000_000, "Realisasi": 900_000})
    return rows + list(extra)


def test_17_consistent_local_codes_give_one_summary_warning(tmp_path):
    found = validate_json(make_workbook(tmp_path / "a.xlsx", anggaran=local_codes()))
    assert where(found) == [("Anggaran", "B1", "kode.pola-lokal")]  # not six kode.tidak-sesuai-level
    msg = found[0]["message"]
    assert "Program 1 bagian (mis. '1'), Kegiatan 2 bagian (mis. '1.1'), Sub Kegiatan 3 bagian (mis. '1.1.1')" in msg
    assert "6 baris" in msg
    # a row that breaks the sheet's own pattern is still reported at its cell
    odd = local_codes([{"Kode": "2.2.1", "Level": "Kegiatan", "Uraian": "Kegiatan 2.2"},
                       {"Kode": "2.2.1.1", "Level": "Sub Kegiatan", "Uraian": "Sub", "Pagu": 1, "Realisasi": 1}])
    found = validate_json(make_workbook(tmp_path / "b.xlsx", anggaran=odd))
    assert where(found) == [("Anggaran", "B1", "kode.pola-lokal"), ("Anggaran", "B12", "kode.tidak-sesuai-level"),
                            ("Anggaran", "B13", "kode.tidak-sesuai-level")]
    assert "Sub Kegiatan menurut pola kode sheet ini" in message(found, "B12", "kode.tidak-sesuai-level")
    # national codes with one wrong Level: reported at its cell, as before
    national = [dict(r) for r in ANGGARAN]
    national[6].update({"Level": "Sub Kegiatan", "Kode": "7.01.02.2.02"})  # five parts: a kegiatan code
    found = validate_json(make_workbook(tmp_path / "c.xlsx", anggaran=national))
    assert where(found) == [("Anggaran", "B8", "kode.tidak-sesuai-level")]
