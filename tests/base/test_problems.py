"""The problem catalogue: every code documented, every documented code emitted, facts in JSON."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from generator.base.problems import CATALOGUE, ERROR, catalogue_markdown, load_all_codes, problem
from generator.summary import problems_json

load_all_codes()  # the faces' own codes join the catalogue
ROOT = Path(__file__).resolve().parents[2]
SOURCE = {p: p.read_text(encoding="utf-8") for p in (ROOT / "generator").rglob("*.py")}
HEADS = {code.split(".")[0] for code in CATALOGUE}


def test_docs_problems_md_is_generated_from_the_catalogue():
    assert (ROOT / "docs" / "problems.md").read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/problems.md is stale: run `python -m generator.base.problems > docs/problems.md`")


def test_every_catalogued_code_is_emitted_somewhere():
    emitting = "".join(text for path, text in SOURCE.items() if path.name != "problems.py")
    never = [code for code in CATALOGUE if f'"{code}"' not in emitting]
    assert never == [], f"codes in the catalogue that no module emits: {never}"


def test_every_code_the_source_names_is_in_the_catalogue():
    named = set()
    for text in SOURCE.values():
        named |= set(re.findall(r'(?:problem|\.add|_add|warn|error)\(\s*"([a-z]+\.[a-z][a-z-]*)"', text))
    assert named, "the pattern found no emitted code: the test would prove nothing"
    assert sorted(named - set(CATALOGUE)) == []


def test_every_code_named_in_the_docs_exists():
    for path in (ROOT / "docs").glob("*.md"):
        for code in re.findall(r"`([a-z]+\.[a-z][a-z-]*)`", path.read_text(encoding="utf-8")):
            if code.split(".")[0] in HEADS:
                assert code in CATALOGUE, f"{path.name} documents {code!r}, which lkjip never emits"


def test_problem_carries_its_figures_as_json_facts():
    p = problem("anggaran.jumlah-tidak-cocok", "Anggaran", "E12", field="Pagu", level="Program", uraian="Program X",
                found=Decimal("1500000"), expected=Decimal("1250000.50"), diff=Decimal("249999.50"))
    assert p.severity != ERROR
    data = json.loads(problems_json([p]))[0]
    assert data["facts"] == {"field": "Pagu", "level": "Program", "uraian": "Program X",
                             "found": "1500000", "expected": "1250000.50", "diff": "249999.50"}
    assert data["cell"] == "E12" and data["code"] == "anggaran.jumlah-tidak-cocok"
    assert "1500000" in data["message"]


def test_facts_do_not_change_equality_or_order():
    a = problem("kode.ganda", "Kinerja", "A5", found="1.1", other="A7")
    b = problem("kode.ganda", "Kinerja", "A5", found="1.1", other="A7")
    assert a == b and hash(a) == hash(b) and not (a < b)
