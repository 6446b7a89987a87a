"""An internal bug reads as one Indonesian line; LKJIP_DEBUG=1 gives the traceback instead (issue 25.6)."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ALOK

import generator
from generator.cli import main


def _boom(*_args, **_kwargs):
    raise ZeroDivisionError("bug buatan uji")


def test_a_bug_is_one_indonesian_line_without_traceback(monkeypatch):
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.setattr(generator, "check", _boom)  # the public name the CLI calls
    res = CliRunner().invoke(main, ["validate", str(ALOK)])
    assert res.exit_code == 1 and not isinstance(res.exception, ZeroDivisionError)
    assert "Kesalahan internal lkjip saat memeriksa" in res.output and "ZeroDivisionError: bug buatan uji" in res.output
    assert "Traceback" not in res.output


def test_lkjip_debug_raises_the_bug_with_its_traceback(monkeypatch):
    monkeypatch.setenv("LKJIP_DEBUG", "1")
    monkeypatch.setattr(generator, "check", _boom)  # the public name the CLI calls
    res = CliRunner().invoke(main, ["validate", str(ALOK)])
    assert isinstance(res.exception, ZeroDivisionError) and res.exit_code != 0
    assert "Kesalahan internal" not in res.output
