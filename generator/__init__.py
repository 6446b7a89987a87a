"""lkjip — turn the standard LKjIP Excel workbook into a finished Word report.

Flow, one module per step: reader (workbook -> model) -> validate -> compute ->
narrate -> context -> render; the CLI (`cli`) is a thin layer on top.

The public API below (and the module `generator.contract`, the workbook contract as data) is what every face (the command line, the web page, `gabung`,
`impor-sipd`) uses; nothing else of the core is imported by them. Names are loaded
lazily (PEP 562), so `import generator` stays cheap for the command line.
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
    # problems as data
    "Problem": "problems",
    "problem": "problems",
    "LkjipError": "problems",
    "errors": "problems",
    "warnings": "problems",
    "sort_problems": "problems",
    "register_codes": "problems",
    # results of the computation and the model they rest on
    "Hasil": "compute",
    "Laporan": "model",
    # the report: context and rendering
    "build_context": "context",
    "render_docx": "render",
    "shipped_template": "render",
    # terminal wording shared by every face
    "summary_lines": "summary",
    "problem_lines": "summary",
    "problems_json": "summary",
    "diff_lines": "summary",
    "laporan_changes": "diff_laporan",
    "laporan_lines": "diff_laporan",
    "ada_perubahan": "diff",
    # the yearly cycle and the self-check
    "write_blank": "blank",
    "build_blank": "blank",
    "buat_tahun_baru": "tahun_baru",
    "periksa": "periksa",
    "periksa_file": "pipeline",
    "Kriteria": "periksa",
    # files
    "atomic_write_bytes": "output",
    "OutputError": "output",
    "TargetExists": "output",
    "to_pdf": "pdf",
    "PdfError": "pdf",
    "soffice": "pdf",
    "satu_libreoffice": "pdf",
    "Konverter": "pdf",
    # the web page (issue 22): figures as the report prints them, the predikat bands, periksa's wording
    "persen": "formatting",
    "rupiah": "formatting",
    "scale_bands": "compute",
    "periksa_lines": "periksa",
    # many workbooks (`gabung`): the folder as `build` reads it; figures rounded and labelled as printed
    "expand": "batch",
    "SCALE_NAMES": "compute",
    "round_half_up": "numbers",
    "tanggal": "formatting",
    "angka": "formatting",
    "nilai": "formatting",
    "uang": "formatting",
    "Tabel": "specs",
    "Kolom": "specs",
    "Baris": "specs",
    "Grafik": "specs",
    # reading machinery the faces reuse (impor-sipd reads other workbooks with the same safety)
    "ERROR": "problems",
    "WARNING": "problems",
    "column_letter": "problems",
    "ParseError": "numbers",
    "parse_number": "numbers",
    "Xlsx": "xlsx",
    "rich_text": "xlsx",
    "unescape": "xlsx",
    "ReadError": "xlsx_safety",
    "inspect_file": "xlsx_safety",
    "MAX_CELL_CHARS": "xlsx_safety",
    "MAX_MONEY": "xlsx_safety",
    "BarisAnggaran": "model",
    "normalize_header": "contract",
    "clean_xml": "xml_aman",
    "WINDOWS_RESERVED": "nama",
    "WINDOWS_FORBIDDEN": "nama",
    "set_isian": "blank",
    # a face's command speaks Indonesian like the rest of `lkjip`
    "Command": "cli_text",
    # the command line (and every face that runs many workbooks or stops cleanly)
    "BatchResult": "batch",
    "BuildTask": "batch",
    "Stopped": "batch",
    "collisions": "batch",
    "planned_output": "batch",
    "run_batch": "batch",
    "same_file_key": "batch",
    "parse_periode": "numbers",
    "reset_stop": "output",
    "request_stop": "output",
    "stop_requested": "output",
    "written_files": "output",
    "os_why": "sistem",
    "CATALOGUE": "problems",
    "load_all_codes": "problems",
    "pointer_line": "periksa",
    "periksa_json": "periksa",
    "context_json": "context",
}

__all__ = ["__version__", *_API]


def lazy_api(package: str, api: dict[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A PEP 562 `__getattr__` for `package`: each public name of `api` (name -> its module) is imported on
    first use and kept in `namespace`, so later lookups skip the function (used by `gabung` and `sipd` too)."""

    def __getattr__(name: str) -> Any:
        module = api.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return __getattr__


__getattr__ = lazy_api(__name__, _API, globals())


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
    from .batch import BatchResult, BuildTask, Stopped, collisions, expand, planned_output, run_batch, same_file_key
    from .blank import build_blank, write_blank
    from .compute import SCALE_NAMES, Hasil, scale_bands
    from .context import build_context, context_json
    from .diff import ada_perubahan
    from .diff_laporan import laporan_changes, laporan_lines
    from .formatting import angka, nilai, persen, rupiah, tanggal, uang
    from .model import Laporan
    from .nama import WINDOWS_FORBIDDEN, WINDOWS_RESERVED
    from .numbers import parse_periode, round_half_up
    from .output import OutputError, TargetExists, atomic_write_bytes, request_stop, reset_stop, stop_requested, written_files
    from .pdf import Konverter, PdfError, satu_libreoffice, soffice, to_pdf
    from .periksa import Kriteria, periksa, periksa_json, periksa_lines, pointer_line
    from .pipeline import BuildResult, build, check, default_output, diff, periksa_file
    from .problems import CATALOGUE, LkjipError, Problem, errors, load_all_codes, sort_problems, warnings
    from .render import render_docx, shipped_template
    from .sistem import os_why
    from .specs import Baris, Grafik, Kolom, Tabel
    from .summary import diff_lines, problem_lines, problems_json, summary_lines
    from .tahun_baru import buat_tahun_baru
    from .xml_aman import clean_xml
