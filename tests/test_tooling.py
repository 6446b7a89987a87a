"""Maintainer tooling holds: mypy strict on the modules configured strict, py.typed shipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent


def _strict_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mods = [m for o in config["tool"]["mypy"]["overrides"] if o.get("strict") for m in o["module"]]
    assert mods, "no module is configured strict"
    return mods


def test_mypy_strict_modules_type_check():
    pytest.importorskip("mypy", reason="mypy tidak terpasang (pip install -e '.[test]')")
    files = [str(ROOT / (m.replace(".", "/") + ".py")) for m in _strict_modules()]
    run = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", *files], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_py_typed_is_package_data():
    assert (ROOT / "generator" / "py.typed").exists()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in config["tool"]["setuptools"]["package-data"]["generator"]


def test_ruff_finds_nothing():
    pytest.importorskip("ruff", reason="ruff tidak terpasang (pip install -e '.[test]')")
    from ruff.__main__ import find_ruff_bin

    run = subprocess.run([find_ruff_bin(), "check", "generator", "tests", "bench", "templates"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
