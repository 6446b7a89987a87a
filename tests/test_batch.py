"""generator/batch.py: many workbooks at once — which files of a folder are built and which skipped
(and why), the report name each gets (two never write one file), and one worker process per workbook.

The batch through `lkjip build FOLDER` (exit codes, the printed plan, a broken workbook among good
ones) is tested in tests/cli/test_commands.py; Ctrl+C/SIGTERM and killed workers in
tests/hostile/test_hostile_stop.py and tests/hostile/test_hostile_interrupt.py; `planned_output` of
a workbook the reader refuses in tests/read/test_xlsx.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from factory import make_workbook

from generator.batch import Crash, collisions, expand, planned_output, run_batch


def test_expand_takes_xlsx_of_a_folder_and_says_why_the_rest_is_skipped(tmp_path):
    folder = tmp_path / "laporan"
    (folder / "arsip").mkdir(parents=True)
    for name in ("alok.xlsx", "RAAS.XLSX", "lama.xls", "catatan.txt", "makro.xlsm", "~$alok.xlsx", ".~lock.alok.xlsx#",
                 ".alok.xlsx.1234.tmp"):
        (folder / name).write_bytes(b"")
    named = tmp_path / "tunggal.ods"  # named on its own: always tried, the reader says what is wrong
    files, skipped = expand([folder, named])
    assert [f.name for f in files] == ["RAAS.XLSX", "alok.xlsx", "tunggal.ods"]
    assert {s.path.name: s.why for s in skipped} == {
        ".alok.xlsx.1234.tmp": "berkas sementara (sisa penulisan yang terhenti)",
        "arsip": "folder (isi subfolder tidak dibaca; sebutkan foldernya sendiri)",
        "catatan.txt": "bukan workbook .xlsx",
        "lama.xls": "format Excel 97-2003 (.xls) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
        "makro.xlsm": "workbook ber-makro (.xlsm) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    }  # lock files of Excel and LibreOffice: not a word


def test_planned_output_is_the_name_build_gives_and_collisions_are_found(small, tmp_path):
    out = tmp_path / "hasil"
    assert planned_output(small, out) == out / "LKjIP-Kecamatan-Contoh-2024.docx"
    named = make_workbook(tmp_path / "lain.xlsx", pengaturan={"nama_berkas": "LKjIP-Kecamatan-Contoh-2024"})
    other = make_workbook(tmp_path / "barat.xlsx", profil={"instansi": "Kecamatan Barat"})
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK bukan zip")
    assert planned_output(broken, out) is None  # the build says why
    plans = {wb: planned_output(wb, out) for wb in (small, named, other, broken)}
    assert plans[other] == out / "LKjIP-Kecamatan-Barat-2024.docx"
    assert collisions(plans) == {small: [named], named: [small]}  # nama_berkas gives the other one's name


def test_collisions_see_names_differing_only_in_case(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert collisions({a: tmp_path / "LKjIP-Alok.docx", b: tmp_path / "lkjip-alok.DOCX"}) == {a: [b], b: [a]}


def _square(task: tuple) -> int:
    return task[1] * task[1]


def _dies(task: tuple) -> int:
    if task[1] == 3:
        os._exit(7)  # a worker that ends without a result (as an abort in a C library would)
    return task[1]


def test_run_gives_every_result_and_a_dying_worker_fails_only_its_own_task(tmp_path):
    tasks = [(Path(f"w{i}.xlsx"), i) for i in range(1, 5)]
    assert sorted(run_batch(_square, tasks, [None] * 4, workers=2)) == [1, 4, 9, 16]
    crashes = []
    results = run_batch(_dies, tasks, [None] * 4, workers=2,
                  on_crash=lambda task, crash: crashes.append((task[0].name, crash.exitcode, crash.signal)) or -1)
    assert sorted(results) == [-1, 1, 2, 4]
    assert crashes == [("w3.xlsx", 7, None)]
    assert Crash(-9).signal == 9


_WARMED: list[int] = []


def _warm() -> None:
    _WARMED.append(os.getpid())


def _warmed(task) -> tuple[int, list[int]]:
    return os.getpid(), list(_WARMED)


def test_warm_runs_once_in_the_parent_and_every_forked_worker_starts_with_it():
    """`warm` (the CLI passes `preload`: a build's imports) runs once before the workers are forked."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        import pytest

        pytest.skip("workers are not forked here")
    _WARMED.clear()
    tasks = [(Path(f"w{i}.xlsx"),) for i in range(3)]
    results = run_batch(_warmed, tasks, [None] * 3, workers=2, warm=_warm)
    assert _WARMED == [os.getpid()]
    assert all(pid != os.getpid() and seen == [os.getpid()] for pid, seen in results)


def test_preload_imports_what_a_build_imports():
    import subprocess
    import sys

    code = ("import sys, generator; generator.preload(); "
            "print(all(m in sys.modules for m in ('docxtpl', 'pptx.chart.xmlwriter', 'jinja2', 'generator.docx.finish')))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"
