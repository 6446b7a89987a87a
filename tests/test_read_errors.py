"""Issue 25.6: only what a damaged part makes the parsers raise is called "berkas rusak"; a bug of lkjip's
own while reading stays a bug (one Indonesian line "Kesalahan internal", a traceback with LKJIP_DEBUG=1)."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner
from conftest import ALOK

import generator.read.cells as cells
from generator.cli import main
from generator.pipeline import check


def test_a_damaged_sheet_part_is_berkas_rusak_at_the_file(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(ALOK) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]  # cut in the middle: the XML parser refuses it
            dst.writestr(item, data)
    _lap, hasil, problems = check(bad)
    assert hasil is None and [p.code for p in problems] == ["berkas.rusak"]


def test_a_bug_while_reading_is_not_called_a_damaged_file(monkeypatch):
    def bug(*_args, **_kwargs):
        raise AttributeError("bug buatan uji")

    monkeypatch.setattr(cells.Cells, "read_sheet", bug)
    with pytest.raises(AttributeError):
        check(ALOK)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    res = CliRunner().invoke(main, ["validate", str(ALOK)])
    assert "Kesalahan internal lkjip" in res.output and "[berkas.rusak]" not in res.output and res.exit_code == 1
