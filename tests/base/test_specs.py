"""generator/base/specs.py: the typed tables (`Tabel`, `Kolom`, `Baris`) and charts (`Grafik`) that the
context hands to the renderer; a wrong alignment, style or chart kind fails when it is made.

How the renderer lays them out in Word is tested in tests/docx/test_render.py and tests/report/test_layout.py;
`lkjip context` printing them as plain records (`as_dict`) in tests/cli/test_commands.py; the tables of real
workbooks in tests/report/test_tabel_anggaran.py and tests/report/test_program_kinerja.py.
"""

from __future__ import annotations

import json

import pytest

from generator.base.specs import Baris, Grafik, Kolom, Tabel


def test_tabel_numbers_its_columns_and_blanks_empty_cells():
    t = Tabel("Capaian", [Kolom("No", 0.45, "tengah"), Kolom("Indikator", 3), Kolom("Capaian (%)", 1, "kanan")],
              [Baris(["1", None, "83,75"]), Baris(["", "Jumlah", ""], "total")])
    assert t.nomor_kolom == ["1", "2", "3"]
    assert t.baris[0].sel == ["1", "", "83,75"]  # None printed as nothing
    assert t.as_dict() == {
        "judul": "Capaian",
        "kolom": [{"judul": "No", "lebar": 0.45, "rata": "tengah"}, {"judul": "Indikator", "lebar": 3, "rata": "kiri"},
                  {"judul": "Capaian (%)", "lebar": 1, "rata": "kanan"}],
        "nomor_kolom": ["1", "2", "3"],
        "baris": [{"sel": ["1", "", "83,75"], "gaya": "biasa", "indent": 0},
                  {"sel": ["", "Jumlah", ""], "gaya": "total", "indent": 0}],
        "lanskap": False, "catatan": "",
    }
    json.dumps(t.as_dict())  # JSON-able as `lkjip context` prints it


def test_formula_column_numbers_are_kept_and_must_match_the_columns():
    t = Tabel("Sisa", [Kolom("Pagu"), Kolom("Realisasi"), Kolom("Sisa")], [], nomor_kolom=["1", "2", "3 = 1 − 2"])
    assert t.nomor_kolom[-1] == "3 = 1 − 2"
    with pytest.raises(ValueError, match="2 column numbers for 3 columns in 'Salah'"):
        Tabel("Salah", [Kolom("A"), Kolom("B"), Kolom("C")], [], nomor_kolom=["1", "2"])


@pytest.mark.parametrize("make, message", [
    (lambda: Kolom("No", rata="center"), "rata 'center' is not one of"),
    (lambda: Baris(["1"], gaya="bold"), "gaya 'bold' is not one of"),
    (lambda: Grafik("Capaian", "pie", []), "jenis 'pie' is not one of"),
])
def test_unknown_alignment_style_or_chart_kind_fails_loudly(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_grafik_as_dict_keeps_its_data():
    g = Grafik("Capaian Indikator", "capaian", [{"nama": "IKM", "capaian": 102.5}])
    assert g.as_dict() == {"judul": "Capaian Indikator", "jenis": "capaian", "data": [{"nama": "IKM", "capaian": 102.5}]}
