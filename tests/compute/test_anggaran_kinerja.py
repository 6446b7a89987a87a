"""generator/compute/anggaran_kinerja.py: the budget of the Perjanjian Kinerja per program (signed Pagu PK or
today's pagu, the PK Perubahan) and the budget of a Kinerja node — figures, not wording (the tables that
print them: tests/report/test_tabel_anggaran.py, tests/report/test_program_kinerja.py)."""

from __future__ import annotations

from decimal import Decimal

from factory import ANGGARAN, KINERJA, make_workbook

from generator.compute.anggaran_kinerja import AnggaranNode, pagu_program, pk_anggaran, pk_perubahan
from generator.pipeline import check

D = Decimal


def _hasil(path, **kw):
    _lap, hasil, problems = check(make_workbook(path, **kw))
    assert hasil is not None, problems
    return hasil


def test_signed_pagu_beside_todays(tmp_path):
    hasil = _hasil(tmp_path / "pk.xlsx")
    programs = list(pagu_program(hasil).values())
    assert [(p.nama, p.pagu, p.realisasi, p.pagu_pk) for p in programs] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", D(15_000_000), D(14_500_000), D(15_000_000)),
        ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", D(20_000_000), D(18_000_000), D(20_000_000)),
    ]
    pk = pk_anggaran(hasil)
    assert (pk.total, pk.ada_pagu_pk) == (D(35_000_000), True)
    assert pk_perubahan(hasil) is None  # no column Pagu PK Perubahan


def test_without_pagu_pk_todays_pagu_and_a_perubahan_program_by_program(tmp_path):
    anggaran = [{k: v for k, v in r.items() if k != "Pagu PK"} for r in ANGGARAN]
    anggaran[4]["Pagu PK Perubahan"] = 22_000_000
    hasil = _hasil(tmp_path / "ubah.xlsx", anggaran=anggaran)
    pk = pk_anggaran(hasil)
    assert ([p.pagu for p in pk.program], pk.ada_pagu_pk) == ([D(15_000_000), D(20_000_000)], False)
    assert pk_perubahan(hasil) == [
        ("Program Penunjang Urusan Pemerintahan Daerah", D(15_000_000), D(15_000_000)),  # unchanged: its PK figure
        ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", D(20_000_000), D(22_000_000)),
    ]


def test_a_program_node_finds_its_lines_by_name_and_a_node_without_any_has_no_budget(tmp_path):
    kinerja = [dict(r) for r in KINERJA] + [
        {"Level": "Program", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah", "Indikator": "Persentase dokumen tepat waktu",
         "Satuan": "%", "Target 2024": 100, "Realisasi 2024": 100},
        {"Level": "Program", "Uraian": "Program yang tidak ada di Anggaran", "Indikator": "Indikator lain", "Satuan": "%",
         "Target 2024": 100, "Realisasi 2024": 90},
    ]
    hasil = _hasil(tmp_path / "node.xlsx", kinerja=kinerja)
    nodes = {n.uraian: n for n in hasil.laporan.nodes("Program")}
    anggaran = AnggaranNode(hasil)
    j = anggaran.jumlah([nodes["Program Penunjang Urusan Pemerintahan Daerah"]])
    assert j is not None and (j.pagu, j.realisasi) == (D(15_000_000), D(14_500_000))
    assert anggaran.jumlah([nodes["Program yang tidak ada di Anggaran"]]) is None  # "-", never a guessed figure


def test_the_pk_programs_are_worked_out_once_per_hasil(tmp_path):
    """validate, three tables and a sentence ask for them: the second question gets the first answer."""
    hasil = _hasil(tmp_path / "sekali.xlsx")
    first = pagu_program(hasil)
    assert pagu_program(hasil) is first and pk_anggaran(hasil).total == sum((p.pagu for p in first.values()), D(0))
    assert hasil.kept("lain", lambda: 7) == 7 and hasil.kept("lain", lambda: 8) == 7
