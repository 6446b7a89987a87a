"""The flow holds in the imports: read -> compute -> check -> report -> docx -> write, faces on top.

A module may import its own layer or a lower one, never a higher one; there is no import cycle; the
faces (`generator/web`, `gabung`, `sipd`) use the public API in `generator/__init__.py` and nothing
else of the core. Lazy imports inside functions count like the ones at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GEN = Path(__file__).resolve().parent.parent / "generator"

# lowest first; the README's module table names the same steps
LAYERS: list[tuple[str, set[str]]] = [
    ("dasar", {"problems", "numbers", "contract", "model", "specs", "nama", "page", "formatting", "sistem", "xml_aman"}),
    ("read", {"xlsx_safety", "xlsx", "cells", "assets", "sheets"}),
    ("compute", {"compute", "anggaran_kinerja"}),
    ("check", {"validate", "validate_typed", "periksa"}),
    ("report", {"narrate", "context", "tabel_kinerja", "program_kinerja", "tabel_anggaran", "cek_teks", "layout", "charts", "bagan"}),
    ("docx", {"ooxml", "sections", "finish", "render", "docx_package", "rujukan"}),
    ("write", {"output", "pdf"}),
    ("compare", {"diff", "diff_laporan"}),
    ("orchestrate", {"pipeline"}),
    ("workbook", {"blank", "tahun_baru"}),
    ("show", {"batch", "summary"}),
    ("cli", {"cli", "cli_text"}),
]
LAYER_OF = {m: i for i, (_name, mods) in enumerate(LAYERS) for m in mods}
FACES = ("web", "gabung", "sipd")
# modules that are public as a whole: the workbook contract (sheets, columns, aliases) is data every face reads
PUBLIC_MODULES = {"contract"}


def _imports(path: Path, package_depth: int) -> set[str]:
    """Modules of `generator` that `path` imports (relative or absolute, at the top or in a function)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == package_depth and node.module:  # from .x import / from ..x import
                out.add(node.module.split(".")[0])
            elif node.level == package_depth and not node.module:  # from . import x
                out |= {a.name for a in node.names}
            elif node.level == 0 and node.module and node.module.startswith("generator."):
                out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("generator.")}
    return out


CORE = {p.stem: _imports(p, 1) & {q.stem for q in GEN.glob("*.py")} for p in GEN.glob("*.py") if p.stem != "__init__"}


def test_every_core_module_has_a_layer():
    assert sorted(set(CORE) - set(LAYER_OF)) == [], "a new module: give it its layer in LAYERS (and the README)"


@pytest.mark.parametrize("module", sorted(CORE))
def test_no_import_against_the_flow(module):
    higher = sorted(m for m in CORE[module] if m in LAYER_OF and LAYER_OF[m] > LAYER_OF.get(module, -1))
    assert higher == [], f"{module} ({LAYERS[LAYER_OF[module]][0]}) imports a later step: {higher}"


def test_no_import_cycle():
    seen: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for n in sorted(CORE.get(m, ())):
            if seen.get(n) == 1:
                cycles.append(path[path.index(n):] + [n])
            elif n not in seen:
                visit(n, path + [n])
        seen[m] = 2

    for m in sorted(CORE):
        if m not in seen:
            visit(m, [m])
    assert cycles == []


def test_core_never_imports_a_face():
    for path in GEN.glob("*.py"):
        if path.stem in ("cli", "__init__"):
            continue  # the command line registers the faces' commands
        assert not _imports(path, 1) & set(FACES), path.name


@pytest.mark.parametrize("face", FACES)
def test_faces_use_only_the_public_api(face):
    core = {p.stem for p in GEN.glob("*.py")}
    for path in (GEN / face).glob("*.py"):
        reached = (_imports(path, 2) | _imports(path, 0)) & core - PUBLIC_MODULES
        assert reached == set(), f"{face}/{path.name} imports {sorted(reached)} directly: use `from generator import …`"
