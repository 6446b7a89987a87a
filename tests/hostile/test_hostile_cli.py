"""The command line never answers with a traceback or with silence, whatever goes wrong inside."""

from __future__ import annotations

import pytest
from hostile_util import base_workbook, cli, crashed, leftovers, out_dir, workbook  # noqa: F401 (fixtures)


def _boom(*_args, **_kwargs):
    raise RuntimeError("galat uji yang tidak terduga")


def test_build_reports_an_internal_error_instead_of_silence(monkeypatch, workbook, out_dir):
    monkeypatch.setattr("generator.build", _boom)  # the public name every face calls
    res = cli("build", workbook, "--out", out_dir / "laporan.docx")
    assert crashed(res) is None
    assert res.exit_code == 1
    assert "galat uji yang tidak terduga" in res.output
    assert leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_reports_an_internal_error_instead_of_a_traceback(fmt, monkeypatch, workbook):
    monkeypatch.setattr("generator.check", _boom)
    res = cli("validate", workbook, "--format", fmt)
    assert crashed(res) is None, crashed(res)
    assert res.exit_code == 1 and "galat uji yang tidak terduga" in res.output
