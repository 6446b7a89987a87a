"""The flow holds in the imports: read -> compute -> check -> report -> docx -> write, the faces on top.

`generator/` has one subpackage per step (README: "English summary"). A module may import its own step or
a lower one, never a later one; there is no import cycle between modules; the core never imports a face;
the faces (`cli`, `web`, `gabung`, `sipd`) use the public API of `generator/__init__.py` (and the workbook
contract, public as data) and nothing else of the core. Every module of a step has its test file,
`tests/<step>/test_<module>.py`. Lazy imports inside functions count like the ones at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "generator"

# lowest first: a step of the flow (a subpackage) or a module of the top level
LAYERS: list[str] = ["base", "read", "compute", "checks", "report", "docx", "write", "compare", "pipeline", "workbook",
                     "summary", "batch"]
FACES = ("cli", "web", "gabung", "sipd")
# modules public as a whole: the workbook contract (sheets, columns, aliases) is data every face reads
PUBLIC_MODULES = {"generator.base.contract"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in GEN.rglob("*.py")}


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rsplit(".", 1)[0]


def imports(module: str) -> set[str]:
    """The modules of `generator` that `module` imports (relative or absolute; `from . import x` of a
    module counts as that module; anything else of a package as the package)."""
    path = MODULES[module]
    pkg = _package(module, path)
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("generator"):
                continue
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.add(sub if sub in MODULES else target)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("generator")}
    return out - {module}


def unit(module: str) -> str:
    """The step (subpackage) or top-level module a module belongs to; "generator" for the public API."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "generator"


CORE = sorted(m for m in MODULES if unit(m) in LAYERS)


def test_every_step_is_a_known_layer_or_face():
    units = {unit(m) for m in MODULES} - {"generator", "templates"}
    assert sorted(units - set(LAYERS) - set(FACES)) == [], "a new subpackage: give it its layer in LAYERS (and the README)"


@pytest.mark.parametrize("module", CORE)
def test_no_import_against_the_flow(module):
    mine = LAYERS.index(unit(module))
    higher = sorted(m for m in imports(module) if unit(m) in LAYERS and LAYERS.index(unit(m)) > mine)
    assert higher == [], f"{module} ({unit(module)}) imports a later step: {higher}"


def test_no_import_cycle():
    graph = {m: {n for n in imports(m) if n in MODULES and n != "generator"} for m in MODULES}
    seen: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for n in sorted(graph.get(m, ())):
            if seen.get(n) == 1:
                cycles.append(path[path.index(n):] + [n])
            elif n not in seen:
                visit(n, path + [n])
        seen[m] = 2

    for m in sorted(graph):
        if m not in seen:
            visit(m, [m])
    assert cycles == []


@pytest.mark.parametrize("module", CORE)
def test_core_never_imports_a_face(module):
    assert not {unit(m) for m in imports(module)} & set(FACES), module


@pytest.mark.parametrize("face", FACES)
def test_faces_use_only_the_public_api(face):
    for module in sorted(m for m in MODULES if unit(m) == face):
        reached = sorted(m for m in imports(module) if unit(m) in LAYERS and m not in PUBLIC_MODULES)
        assert reached == [], f"{module} imports {reached} directly: use `import generator as g` (the public API)"


@pytest.mark.parametrize("module", sorted(m for m in CORE if unit(m) != m.split(".")[-1] and not m.endswith("__init__")
                                          and MODULES[m].name != "__init__.py"))
def test_every_module_has_its_test_file(module):
    step, name = module.split(".")[1], module.split(".")[-1]
    assert (ROOT / "tests" / step / f"test_{name}.py").exists(), f"tests/{step}/test_{name}.py"
