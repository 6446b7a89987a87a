"""`lkjip impor-sipd`: budget lines from SIPD's own exports instead of retyping them.

    baca     the two exports (rekap anggaran, Laporan Realisasi Per Dokumen), streamed, by header name
    agregat  grouped: unit -> program -> kegiatan -> sub kegiatan (pagu, realisasi), Belanja by rekening
    tulis    matched to the workbook's Anggaran lines and written into a new workbook
    impor    the orchestration (`impor_sipd`) and the reconciliation it prints (`rekonsiliasi_lines`)
    perintah the `lkjip impor-sipd` command (click), registered by generator/cli/commands.py

Uses the project's public API (`generator.check` reads the workbook and checks the result,
`build_blank`, `atomic_write_bytes`, `problem_lines`, `Problem`, `LkjipError`), the file safety
and stream reader (`xlsx_safety`, `xlsx`) and the contract (`contract`, `blank.set_isian`);
besides those only the shared formatting of numbers (`numbers`, `formatting`) and the problem
builder (`problems.problem`). What is read and written: docs/sipd.md. Names load lazily, so
the command line does not pay for them until the command runs.
"""

from __future__ import annotations

from .. import lazy_api

_API = {
    "impor_sipd": "impor",
    "HasilImpor": "impor",
    "rekonsiliasi_lines": "impor",
    "kumpulkan": "agregat",
    "parse_unit_map": "agregat",
    "SipdError": "baca",
}
__all__ = list(_API)


__getattr__ = lazy_api(__name__, _API, globals())
