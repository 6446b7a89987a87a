"""Shared fixtures: a small valid workbook built in code, the example workbooks, LibreOffice detection."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factory import make_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks"
ALOK = EXAMPLES / "kecamatan-alok-2024.xlsx"
SUMENEP = EXAMPLES / "kecamatan-kota-sumenep-2023.xlsx"
RAAS = EXAMPLES / "kecamatan-raas-2020.xlsx"

def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto` (the default run): one worker more than the machine has cores. Many tests wait — for
    LibreOffice, for a `lkjip` process they started, for a browser — and a third worker on two cores uses
    that time: 126 s instead of 148 s here, 167 s instead of 194 s with another job busy on one core."""
    import os

    return (os.cpu_count() or 1) + 1


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak terpasang")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A valid small workbook (see tests/factory.py)."""
    return make_workbook(tmp_path / "kecil.xlsx")


def codes(problems) -> list[tuple[str, str, str]]:
    return [(p.sheet, p.cell, p.code) for p in problems]


def fuzz_examples(ordinary: int, *, nightly: bool = False) -> int:
    """Examples per fuzz test: the one knob is `LKJIP_FUZZ_EXAMPLES` (every fuzz test, ordinary and
    nightly runs alike); without it the ordinary run tries `ordinary` and the nightly run 1.000."""
    import os

    knob = os.environ.get("LKJIP_FUZZ_EXAMPLES", "").strip()
    if knob.isdigit() and int(knob) > 0:
        return int(knob)
    return 1000 if nightly else ordinary
