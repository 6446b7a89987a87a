"""lkjip — turn the standard LKjIP Excel workbook into a finished Word report.

Flow, one subpackage per step: read/ (workbook -> model) -> compute/ -> checks/ -> report/ (sentences,
tables, context) -> docx/ -> write/; `pipeline` runs them in order (README: "English summary").

The public API below (and `generator.contract`, the workbook contract as data) is what every face (the
command line `cli/`, the web page `web/`, `gabung/`, `sipd/`) uses; nothing else of the core is imported
by them (tests/test_layers.py). Names are loaded lazily (PEP 562), so `import generator` stays cheap for
the command line.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any, Callable

__version__ = "0.1.0"

# public name -> module that defines it
_API: dict[str, str] = {
    # orchestrator: read -> compute -> validate, build, diff
    "check": "pipeline",
    "Report": "pipeline",
    "build": "pipeline",
    "diff": "pipeline",
    "default_output": "pipeline",
    "BuildResult": "pipeline",
    "preload": "pipeline",
    # problems as data
    "Problem": "base.problems",
    "problem": "base.problems",
    "LkjipError": "base.problems",
    "errors": "base.problems",
    "warnings": "base.problems",
    "sort_problems": "base.problems",
    "register_codes": "base.problems",
    # results of the computation and the model they rest on
    "Hasil": "compute.hasil",
    "Laporan": "base.model",
    # the report: context and rendering
    "build_context": "report.context",
    "render_docx": "docx.render",
    "shipped_template": "docx.render",
    # terminal wording shared by every face
    "summary_lines": "summary",
    "problem_lines": "summary",
    "problems_json": "summary",
    "diff_lines": "summary",
    "laporan_changes": "compare.diff_laporan",
    "laporan_lines": "compare.diff_laporan",
    "ada_perubahan": "compare.diff",
    # the yearly cycle and the self-check
    "write_blank": "workbook.blank",
    "build_blank": "workbook.blank",
    "buat_tahun_baru": "workbook.tahun_baru",
    "periksa": "checks.periksa",
    "periksa_file": "pipeline",
    "Kriteria": "checks.periksa",
    # files
    "atomic_write_bytes": "write.output",
    "OutputError": "write.output",
    "TargetExists": "write.output",
    "to_pdf": "write.pdf",
    "PdfError": "write.pdf",
    "soffice": "write.pdf",
    "satu_libreoffice": "write.pdf",
    "Konverter": "write.pdf",
    # the web page (issue 22): figures as the report prints them, the predikat bands, periksa's wording
    "persen": "base.formatting",
    "rupiah": "base.formatting",
    "scale_bands": "compute.hasil",
    "periksa_lines": "checks.periksa",
    # many workbooks (`gabung`): the folder as `build` reads it; figures rounded and labelled as printed
    "expand": "batch",
    "SCALE_NAMES": "compute.hasil",
    "round_half_up": "base.numbers",
    "tanggal": "base.formatting",
    "angka": "base.formatting",
    "nilai": "base.formatting",
    "uang": "base.formatting",
    "Tabel": "base.specs",
    "Kolom": "base.specs",
    "Baris": "base.specs",
    "Grafik": "base.specs",
    # reading machinery the faces reuse (impor-sipd reads other workbooks with the same safety)
    "ERROR": "base.problems",
    "WARNING": "base.problems",
    "column_letter": "base.problems",
    "ParseError": "base.numbers",
    "parse_number": "base.numbers",
    "Xlsx": "read.xlsx",
    "rich_text": "read.xlsx",
    "unescape": "read.xlsx",
    "ReadError": "read.xlsx_safety",
    "inspect_file": "read.xlsx_safety",
    "MAX_CELL_CHARS": "read.xlsx_safety",
    "MAX_MONEY": "read.xlsx_safety",
    "BarisAnggaran": "base.model",
    "normalize_header": "base.contract",
    "clean_xml": "base.xml_aman",
    "WINDOWS_RESERVED": "base.nama",
    "WINDOWS_FORBIDDEN": "base.nama",
    "set_isian": "workbook.blank",
    # a face's command speaks Indonesian like the rest of `lkjip`
    "Command": "cli.text",
    # the command line (and every face that runs many workbooks or stops cleanly)
    "BatchResult": "batch",
    "BuildTask": "batch",
    "Stopped": "batch",
    "collisions": "batch",
    "planned_output": "batch",
    "run_batch": "batch",
    "same_file_key": "batch",
    "parse_periode": "base.numbers",
    "reset_stop": "write.output",
    "request_stop": "write.output",
    "stop_requested": "write.output",
    "written_files": "write.output",
    "os_why": "base.sistem",
    "CATALOGUE": "base.problems",
    "load_all_codes": "base.problems",
    "pointer_line": "checks.periksa",
    "periksa_json": "checks.periksa",
    "context_json": "report.context",
}

# modules public as a whole: the workbook contract (sheets, columns, closed lists, aliases) is data every face reads
_MODULES: dict[str, str] = {"contract": "base.contract"}

__all__ = ["__version__", *_API, *_MODULES]


def lazy_api(package: str, api: dict[str, str], namespace: dict[str, Any],
             modules: dict[str, str] | None = None) -> Callable[[str], Any]:
    """A PEP 562 `__getattr__` for `package`: each public name of `api` (name -> its module) is imported on
    first use and kept in `namespace`, so later lookups skip the function (used by `gabung` and `sipd` too);
    `modules` names modules public as a whole (name -> the module)."""

    def __getattr__(name: str) -> Any:
        if modules and name in modules:
            value = importlib.import_module(f".{modules[name]}", package)
        elif name in api:
            value = getattr(importlib.import_module(f".{api[name]}", package), name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    return __getattr__


__getattr__ = lazy_api(__name__, _API, globals(), _MODULES)


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """Importing a submodule sets it as an attribute of the package; for `diff` and `periksa` (a
    submodule and a public function of the same name) that would hide the function once anything
    imported the module (`from .diff import …`). Public names keep their function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .base.formatting import angka, nilai, persen, rupiah, tanggal, uang
    from .base.model import Laporan
    from .base.nama import WINDOWS_FORBIDDEN, WINDOWS_RESERVED
    from .base.numbers import parse_periode, round_half_up
    from .base.problems import CATALOGUE, LkjipError, Problem, errors, load_all_codes, sort_problems, warnings
    from .base.sistem import os_why
    from .base.specs import Baris, Grafik, Kolom, Tabel
    from .base.xml_aman import clean_xml
    from .batch import BatchResult, BuildTask, Stopped, collisions, expand, planned_output, run_batch, same_file_key
    from .checks.periksa import Kriteria, periksa, periksa_json, periksa_lines, pointer_line
    from .compare.diff import ada_perubahan
    from .compare.diff_laporan import laporan_changes, laporan_lines
    from .compute.hasil import SCALE_NAMES, Hasil, scale_bands
    from .docx.render import render_docx, shipped_template
    from .pipeline import BuildResult, build, check, default_output, diff, periksa_file
    from .report.context import build_context, context_json
    from .summary import diff_lines, problem_lines, problems_json, summary_lines
    from .workbook.blank import build_blank, write_blank
    from .workbook.tahun_baru import buat_tahun_baru
    from .write.output import (
        OutputError,
        TargetExists,
        atomic_write_bytes,
        request_stop,
        reset_stop,
        stop_requested,
        written_files,
    )
    from .write.pdf import Konverter, PdfError, satu_libreoffice, soffice, to_pdf
