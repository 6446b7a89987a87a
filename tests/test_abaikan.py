"""`--abaikan KODE` (issue 25.5): a known warning is left out of validate and build; errors never are."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import RAAS

from generator.cli import main
from generator.pipeline import build, check


def test_validate_leaves_out_the_named_warning_only():
    runner = CliRunner()
    full = json.loads(runner.invoke(main, ["validate", str(RAAS), "--format", "json"]).stdout)
    assert "kinerja.capaian-ekstrem" in {p["code"] for p in full}
    res = runner.invoke(main, ["validate", str(RAAS), "--format", "json", "--abaikan", "kinerja.capaian-ekstrem"])
    left = json.loads(res.stdout)
    assert res.exit_code == 0
    assert [p for p in full if p["code"] != "kinerja.capaian-ekstrem"] == left
    text = runner.invoke(main, ["validate", str(RAAS), "--abaikan", "kinerja.capaian-ekstrem",
                                "--abaikan", "anggaran.pagu-pk-kosong"]).stdout
    assert f"Workbook sah ({len(full) - 2} peringatan)." in text


def test_an_error_or_an_unknown_code_cannot_be_left_out():
    runner = CliRunner()
    res = runner.invoke(main, ["validate", str(RAAS), "--abaikan", "anggaran.pagu-kosong"])
    assert res.exit_code == 2 and "adalah galat dan tidak dapat diabaikan" in res.output
    res = runner.invoke(main, ["validate", str(RAAS), "--abaikan", "kinerja.tidak-ada-kode-ini"])
    assert res.exit_code == 2 and "kode 'kinerja.tidak-ada-kode-ini' tidak dikenal" in res.output


def test_build_and_check_take_the_same_list(tmp_path):
    _lap, _h, problems = check(RAAS, abaikan=("kinerja.capaian-ekstrem",))
    assert "kinerja.capaian-ekstrem" not in {p.code for p in problems}
    res = build(RAAS, tmp_path / "raas.docx", abaikan=("kinerja.capaian-ekstrem",))
    assert res.ok and "kinerja.capaian-ekstrem" not in {p.code for p in res.problems}
    out = CliRunner().invoke(main, ["build", str(RAAS), "--out", str(tmp_path / "b.docx"), "--abaikan", "kinerja.capaian-ekstrem"])
    assert out.exit_code == 0 and "kinerja.capaian-ekstrem" not in out.output
