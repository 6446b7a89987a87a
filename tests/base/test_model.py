"""generator/base/model.py: the typed model of one workbook — Profil, the Kinerja tree, the budget lines
per unit, and the small helpers that walk them; rows are entities (compared by identity).

Models built by hand are also used in tests/compute/test_hasil.py; models read from real workbooks in
tests/read/test_sheets.py and tests/test_examples.py.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import ALOK

from generator.base.model import BarisAnggaran, Indikator, Laporan, NodeKinerja, Profil, Unit
from generator.pipeline import check


def _laporan() -> Laporan:
    sub = [BarisAnggaran(4, "Kecamatan Contoh", "Sub Kegiatan", "Penyusunan Dokumen", pagu=Decimal(10)),
           BarisAnggaran(5, "Kecamatan Contoh", "Sub Kegiatan", "Evaluasi Kinerja", pagu=Decimal(5))]
    keg = BarisAnggaran(3, "Kecamatan Contoh", "Kegiatan", "Perencanaan", anak=sub)
    prog = BarisAnggaran(2, "Kecamatan Contoh", "Program", "Program Penunjang", anak=[keg])
    prog2 = BarisAnggaran(6, "Kecamatan Contoh", "Program", "Program Pelayanan", pagu=Decimal(20))
    s1 = NodeKinerja("Sasaran", "Layanan tepat waktu", 3, indikator=[Indikator(3, "Persentase layanan tepat waktu")])
    s2 = NodeKinerja("Sasaran", "Akuntabilitas", 4, anak=[NodeKinerja("Program", "Program Penunjang", 5)])
    tujuan = NodeKinerja("Tujuan", "Pelayanan publik", 2, anak=[s1, s2])
    return Laporan(Path("contoh.xlsx"), Profil(instansi="Kecamatan Contoh", tahun=2024), kinerja=[tujuan],
                   unit=[Unit("Kecamatan Contoh", [prog, prog2])], kolom={"Kinerja": {"realisasi:2024": "M"}})


def test_nodes_walk_the_kinerja_tree_in_document_order():
    lap = _laporan()
    assert [(n.level, n.row) for n in lap.nodes()] == [("Tujuan", 2), ("Sasaran", 3), ("Sasaran", 4), ("Program", 5)]
    assert [n.uraian for n in lap.nodes("Sasaran")] == ["Layanan tepat waktu", "Akuntabilitas"]
    assert [n.uraian for n in lap.nodes("Kegiatan")] == []


def test_budget_lines_walk_each_program_depth_first():
    lap = _laporan()
    assert [(ln.row, ln.level) for ln in lap.budget_lines()] == [
        (2, "Program"), (3, "Kegiatan"), (4, "Sub Kegiatan"), (5, "Sub Kegiatan"), (6, "Program")]
    assert [ln.row for ln in lap.unit[0].program[0].anak[0].walk()] == [3, 4, 5]


def test_cell_names_where_a_column_is_wherever_staff_moved_it():
    lap = _laporan()
    assert lap.cell("Kinerja", "realisasi:2024", 7) == "M7"
    assert lap.cell("Kinerja", "realisasi:2024") == "M1"  # the header
    assert lap.cell("Anggaran", "pagu", 4, default="E") == "E4"  # a column not found: the default letter


def test_rows_are_entities_equal_only_to_themselves():
    a = Indikator(3, "Persentase layanan tepat waktu")
    b = Indikator(3, "Persentase layanan tepat waktu")
    assert a != b and len({a, b}) == 2  # results are keyed by the row, not by its values
    assert {a: "hasil"}[a] == "hasil"


def test_alok_model_holds_the_workbook_as_read():
    lap, _hasil, _problems = check(ALOK)
    assert (lap.profil.instansi, lap.profil.tahun, lap.profil.periode) == ("Kecamatan Alok", 2024, (2024, 2026))
    assert lap.tahun_target == [2024, 2025, 2026] and lap.tahun_realisasi == [2023, 2024]
    assert len(list(lap.nodes("Sasaran"))) == 4
    assert sum(ln.pagu for ln in lap.budget_lines() if ln.level == "Sub Kegiatan" and ln.pagu) == Decimal("5367390869")
