"""Many workbooks at once: which files are built (and which skipped, and why), which report name each
gets (two workbooks never write the same file), and worker processes that stop with the batch.

Nothing here prints; the CLI shows what these functions return.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

# suffix -> why it is not built (lower case)
SKIP_REASONS = {
    ".xlsm": "workbook ber-makro (.xlsm) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    ".xls": "format Excel 97-2003 (.xls) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    ".xlsb": "format Excel biner (.xlsb) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    ".xltx": "templat Excel (.xltx) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    ".xltm": "templat Excel ber-makro (.xltm) tidak dibaca; simpan sebagai 'Excel Workbook (*.xlsx)'",
    ".ods": "format OpenDocument (.ods) tidak dibaca; di LibreOffice simpan sebagai 'Excel 2007-365 (.xlsx)'",
    ".csv": "berkas CSV hanya satu sheet; workbook LKjIP harus .xlsx",
    ".numbers": "format Numbers tidak dibaca; ekspor sebagai .xlsx",
}


@dataclass
class Skipped:
    path: Path
    why: str


def _quiet(name: str) -> bool:
    """Lock files of Excel (`~$x.xlsx`) and LibreOffice (`.~lock.x.xlsx#`) are skipped without a word."""
    return name.startswith("~$") or name.startswith(".~lock.")


def expand(paths: tuple[Path, ...] | list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Workbooks named or found in the folders named (not their subfolders), and what was skipped.

    `.xlsx` in any case (`RAAS.XLSX`) is built; every other file of a folder is listed as skipped
    with the reason, except lock files. A file named explicitly is always tried (the reader says
    what is wrong with it).
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    for p in paths:
        try:
            folder = p.is_dir()
        except (OSError, ValueError):  # not readable, a name too long: the reader says so as a problem
            folder = False
        if not folder:
            files.append(p)
            continue
        try:
            entries = sorted(p.iterdir())
        except OSError as exc:
            skipped.append(Skipped(p, f"folder tidak dapat dibaca: {exc.strerror or exc}"))
            continue
        for x in entries:
            if _quiet(x.name):
                continue
            if x.is_dir():
                skipped.append(Skipped(x, "folder (isi subfolder tidak dibaca; sebutkan foldernya sendiri)"))
            elif x.suffix.lower() == ".xlsx":
                files.append(x)
            elif x.name.startswith(".") and x.name.endswith(".tmp"):
                skipped.append(Skipped(x, "berkas sementara (sisa penulisan yang terhenti)"))
            else:
                skipped.append(Skipped(x, SKIP_REASONS.get(x.suffix.lower(), "bukan workbook .xlsx")))
    return files, skipped


def planned_output(workbook: Path, out_dir: Path) -> Path | None:
    """The report name `build` gives this workbook (from Profil and Pengaturan only), or None if unreadable."""
    from .cells import Cells
    from .pipeline import default_output
    from .sheets import read_pengaturan, read_profil
    from .xlsx import Xlsx
    from .xlsx_safety import inspect_file

    try:
        c = Cells()
        inspect_file(workbook)
        with Xlsx(workbook) as book:  # the sheets the build reads (`pick_sheets`), of them only these two
            found = {spec.name: c.read_sheet(book, title, part, spec)
                     for title, part, spec in c.pick_sheets(book.sheets) if spec.name in ("Profil", "Pengaturan")}
            profil = read_profil(c, found.get("Profil"))
            cfg = read_pengaturan(c, found.get("Pengaturan"))
        return default_output(SimpleNamespace(profil=profil, pengaturan=cfg), out_dir)  # type: ignore[arg-type]
    except Exception:  # unreadable: the build says why
        return None


def _same_file_key(path: Path) -> str:
    """Two names that reach the same file, also on case-insensitive drives (Windows, macOS, shares)."""
    return os.path.normcase(os.path.abspath(path)).casefold()


def collisions(plans: dict[Path, Path | None]) -> dict[Path, list[Path]]:
    """workbook -> the other workbooks that would write the same report."""
    by_target: dict[str, list[Path]] = {}
    for wb, target in plans.items():
        if target is not None:
            by_target.setdefault(_same_file_key(target), []).append(wb)
    return {wb: [o for o in group if o != wb] for group in by_target.values() if len(group) > 1 for wb in group}


def _file_state(path: Path | None) -> tuple | None:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --- workers ---------------------------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """A worker ends (cleanly, through SIGTERM) when the batch process is gone, even if it was killed."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        # SIGTERM must reach the main thread: only there does it interrupt a blocking read (an idle
        # worker waits for its next workbook in one) and run the handler
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        while os.getppid() == parent:  # where PDEATHSIG does not exist: notice being re-parented
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(15)  # time to unwind (temporary file, LibreOffice); then end regardless
        os._exit(128 + signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def call(fn, task):
    """Run one task in a worker. A stop (SIGTERM, see worker_init) unwinds the build — its temporary
    file and LibreOffice are removed on the way — and then ends the worker: the pool would otherwise
    take the stop for the task's failure and go on with the next workbook."""
    try:
        return fn(task)
    except (SystemExit, KeyboardInterrupt) as exc:
        os._exit(exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 1)


def worker_init(parent: int) -> None:
    # Ctrl+C reaches the whole terminal process group: the batch process decides, the workers wait
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM unwinds: a half-written temporary file and a running LibreOffice are removed
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    _die_with_parent(parent)


@dataclass
class Stopped(Exception):
    """The batch was interrupted: the reports written before the stop, and the workbooks not built."""

    code: int
    results: list = field(default_factory=list)
    written_unreported: list[Path] = field(default_factory=list)
    not_built: list[Path] = field(default_factory=list)


def run(fn, tasks: list[tuple], targets: list[Path | None], workers: int, on_result=None, on_crash=None) -> list:
    """Run `fn(task)` for every task in `workers` processes; results in completion order.

    A worker that dies (out of memory, killed) fails its task through `on_crash(task, exception)`.
    Interrupted (Ctrl+C, SIGTERM): the workers are stopped at once (their temporary files removed),
    and `Stopped` says which reports exist: those finished, and those whose file was replaced in the
    moment of the stop.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    before = [_file_state(t) for t in targets]
    results = []
    pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_init, initargs=(os.getpid(),))
    futures = {}
    try:
        futures = {pool.submit(call, fn, t): i for i, t in enumerate(tasks)}
        for fut in as_completed(futures):
            exc = fut.exception()
            if exc is not None and on_crash is not None:  # a worker died (out of memory, killed)
                results.append(on_crash(tasks[futures[fut]], exc))
            else:
                results.append(fut.result())
            if on_result:
                on_result(results[-1])
    except (KeyboardInterrupt, SystemExit) as exc:
        code = exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 128 + signal.SIGINT
        _stop(pool)
        done = {i for fut, i in futures.items() if fut.done() and not fut.cancelled() and fut.exception() is None}
        finished = [futures_result for fut, i in futures.items() if i in done for futures_result in [fut.result()]]
        reported = {str(r[0]) for r in results}
        late = [r for r in finished if str(r[0]) not in reported]  # finished while stopping
        pending = [i for i in range(len(tasks)) if i not in done]
        changed = [targets[i] for i in pending if targets[i] is not None and _file_state(targets[i]) != before[i]]
        raise Stopped(code, results + late, changed,
                      [tasks[i][0] for i in pending if targets[i] not in changed]) from None
    pool.shutdown(wait=True)
    return results


def _stop(pool) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.terminate()  # SIGTERM: the worker unwinds (see worker_init)
        except (OSError, ValueError, AttributeError):
            pass
    deadline = time.monotonic() + 30
    for p in procs:
        p.join(max(0.1, deadline - time.monotonic()))
        if p.is_alive():
            p.kill()
            p.join(5)
