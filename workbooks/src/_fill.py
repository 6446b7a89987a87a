"""Tiny helper for the example-workbook scripts: fill the blank standard workbook by header name.

Each script in this folder transcribes one reference report (../shared/seeds/) into the
standard workbook, exactly as office staff would type it, and saves it to workbooks/.
Run from the project root:  python workbooks/src/<name>.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from openpyxl.comments import Comment  # noqa: E402

from generator.blank import append_rows, build_blank, set_isian  # noqa: E402
from generator.contract import normalize_header  # noqa: E402


def new_workbook(tahun: int, renstra: tuple[int, int]):
    """The blank standard workbook for that year and Renstra period."""
    return build_blank(tahun, renstra)


def set_profile(wb, values: dict, sheet: str = "Profil") -> None:
    """Fill the `Nilai` column of Profil (or Pengaturan) for the given isian keys."""
    set_isian(wb, values, sheet)


def add_rows(wb, sheet: str, rows: list[dict]) -> list[int]:
    """Append rows (dicts keyed by header text, e.g. {"Level": "Sasaran", "Target 2024": 0.29}).

    Returns the worksheet row numbers written, so a script can attach notes to cells.
    """
    return append_rows(wb, sheet, rows)


def cell_of(wb, sheet: str, row: int, header: str) -> str:
    """The A1 reference of `header`'s column in `row`."""
    ws = wb[sheet]
    for c in ws[1]:
        if c.value and normalize_header(c.value) == normalize_header(header):
            return f"{c.column_letter}{row}"
    raise KeyError(header)


def note(wb, sheet: str, ref: str, text: str) -> None:
    """Attach a comment (e.g. the reference report's own mistake) to a cell."""
    c = Comment(text, "lkjip")
    c.width, c.height = 320, 120
    wb[sheet][ref].comment = c


def save(wb, name: str) -> Path:
    path = ROOT / "workbooks" / name
    wb.save(path)
    print(f"wrote {path}")
    return path
