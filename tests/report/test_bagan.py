"""generator/report/bagan.py: the organisation chart drawn from the Pegawai sheet — who sits under whom, with and
without the optional Atasan column, and the Word table-chart it becomes."""

from __future__ import annotations

from generator.base.model import Pegawai
from generator.base.page import TEXT_W_PORTRAIT
from generator.report.bagan import as_dict, from_dict, struktur, table_xml


def _staff(atasan: bool = False) -> list[Pegawai]:
    return [
        Pegawai(2, "Camat A", jabatan="Camat", eselon="III.a"),
        Pegawai(3, "Sekcam B", jabatan="Sekretaris Kecamatan", eselon="III.b"),
        Pegawai(4, "Kasubbag C", jabatan="Kepala Sub Bagian Umum", eselon="IV.b"),
        Pegawai(5, "Kasi D", jabatan="Kepala Seksi Pemerintahan", eselon="IV.a",
                atasan="Sekretaris Kecamatan" if atasan else ""),
        Pegawai(6, "Staf E", jabatan="Pengadministrasi Umum"),
        Pegawai(7, "Staf F"),
    ]


def test_without_atasan_the_usual_structure_and_the_staff_counted():
    top, pelaksana = struktur(_staff())
    assert top is not None and (top.jabatan, top.nama) == ("Camat", "Camat A")
    assert [a.jabatan for a in top.anak] == ["Sekretaris Kecamatan", "Kepala Seksi Pemerintahan"]
    assert [a.jabatan for a in top.anak[0].anak] == ["Kepala Sub Bagian Umum"]  # a Kasubbag under the Sekretaris
    assert pelaksana == 2  # no eselon, no atasan: counted under the chart, not drawn
    assert (top.leaves(), top.depth()) == (2, 3)


def test_the_atasan_column_gives_the_lines():
    top, _ = struktur(_staff(atasan=True))
    assert top is not None
    assert [a.jabatan for a in top.anak] == ["Sekretaris Kecamatan"]
    assert [a.jabatan for a in top.anak[0].anak] == ["Kepala Seksi Pemerintahan", "Kepala Sub Bagian Umum"]  # by eselon


def test_fewer_than_two_positions_draw_nothing():
    assert struktur(_staff()[:1]) == (None, 0)
    assert struktur([]) == (None, 0)


def test_the_chart_round_trips_and_becomes_a_table_as_wide_as_the_text():
    top, _ = struktur(_staff())
    assert top is not None
    again = from_dict(as_dict(top))
    assert as_dict(again) == as_dict(top)
    xml = table_xml(top, TEXT_W_PORTRAIT)
    assert xml.startswith("<w:tbl") and xml.count("<w:tr>") == 2 * top.depth() - 1  # a row per level, thin rows between
    for name in ("Camat A", "Sekcam B", "Kasubbag C", "Kasi D"):
        assert name in xml
