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
            from .base.sistem import os_why

            skipped.append(Skipped(p, f"folder tidak dapat dibaca: {os_why(exc)}"))
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
    from .pipeline import default_output
    from .read.sheets import read_identitas

    try:
        profil, cfg = read_identitas(workbook)
        return default_output(SimpleNamespace(profil=profil, pengaturan=cfg), out_dir)  # type: ignore[arg-type]
    except Exception:  # unreadable: the build says why
        return None


def same_file_key(path: Path) -> str:
    """Two names that reach the same file, also on case-insensitive drives (Windows, macOS, shares)."""
    return os.path.normcase(os.path.abspath(path)).casefold()


def collisions(plans: dict[Path, Path | None]) -> dict[Path, list[Path]]:
    """workbook -> the other workbooks that would write the same report."""
    by_target: dict[str, list[Path]] = {}
    for wb, target in plans.items():
        if target is not None:
            by_target.setdefault(same_file_key(target), []).append(wb)
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
    file and LibreOffice are removed on the way — and then ends the worker at once."""
    try:
        return fn(task)
    except (SystemExit, KeyboardInterrupt) as exc:
        os._exit(exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 1)


def _terminate(signum: int, _frame) -> None:
    from .write.output import request_stop

    request_stop(signum)
    sys.exit(128 + signum)


def worker_init(parent: int) -> None:
    # Ctrl+C reaches the whole terminal process group: the batch process decides, the workers wait
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM unwinds: a half-written temporary file and a running LibreOffice are removed; and nothing
    # is renamed into place after it, even if the exit is lost on the way (see output.request_stop)
    signal.signal(signal.SIGTERM, _terminate)
    _die_with_parent(parent)


def _worker(conn, fn, task, parent: int) -> None:
    """One workbook in its own process: the result goes back through `conn`, then the process ends.

    A process per workbook: one that dies (an abort in a C library, the out-of-memory killer) takes
    only its own workbook with it, never the batch."""
    worker_init(parent)
    try:
        result = ("ok", call(fn, task))
    except Exception as exc:  # `fn` returns its failures; this is a bug, said as one
        result = ("galat", f"{type(exc).__name__}: {exc}"[:300])
    try:
        conn.send(result)
        conn.close()
    finally:
        os._exit(0)  # no interpreter teardown: the parent's objects (inherited by fork) are not ours


@dataclass
class Crash(Exception):
    """A worker ended without a result: by a signal (`signal` set) or with an exit code."""

    exitcode: int | None
    detail: str = ""

    @property
    def signal(self) -> int | None:
        return -self.exitcode if self.exitcode is not None and self.exitcode < 0 else None


@dataclass
class Stopped(Exception):
    """The batch was interrupted: the reports written before the stop, and the workbooks not built."""

    code: int
    results: list = field(default_factory=list)
    written_unreported: list[Path] = field(default_factory=list)
    not_built: list[Path] = field(default_factory=list)


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


@dataclass(frozen=True)
class BuildTask:
    """One workbook of a batch, as a worker builds it (picklable)."""

    workbook: Path
    out: Path | None
    template: Path | None = None
    assets: Path | None = None
    out_dir: Path = Path("output")
    pdf: bool = False
    izinkan_selisih: bool = False
    daftar: bool = False  # --perbarui-daftar
    abaikan: tuple[str, ...] = ()  # warning codes to leave out (--abaikan)


@dataclass(frozen=True, order=True)
class BatchResult:
    """What a worker returns for one workbook (picklable)."""

    workbook: str
    output: str | None = None  # the report written, or None
    why: str = ""  # why it was not built
    lines: tuple[str, ...] = ()  # the summary lines
    warnings: int = 0
    pdf: str | None = None  # the PDF written, or None
    no_pdf: str = ""  # why no PDF (or no page numbers) though the report was written


def _workbook_of(task: object) -> object:
    return getattr(task, "workbook", None) or task[0]  # type: ignore[index]


def run_batch(fn, tasks: list[tuple], targets: list[Path | None], workers: int, on_result=None, on_crash=None,
              warm=None) -> list:
    """Run `fn(task)` for every task, each in its own process, at most `workers` at once; results in
    completion order.

    A worker that dies (an abort, a segfault, the out-of-memory killer) fails its own task through
    `on_crash(task, Crash)`; the other tasks go on. Interrupted (Ctrl+C, SIGTERM): the workers are
    stopped at once (their temporary files removed), and `Stopped` says which reports exist: those
    finished, and those whose file was replaced in the moment of the stop. `warm()`, when the workers are
    forked, runs once before the first: what it imports every worker has without importing it again.
    """
    from multiprocessing.connection import wait

    ctx = _context()
    if warm is not None and ctx.get_start_method() == "fork" and len(tasks) > 1:
        warm()  # the workers are forked with what it imported (a build's modules: `pipeline.preload`)
    parent = os.getpid()
    before = [_file_state(t) for t in targets]
    results: list = []
    done: set[int] = set()
    running: dict = {}  # parent end of the pipe -> (task index, process)
    queue = list(range(len(tasks)))

    def finish(conn, i: int, proc, message) -> None:
        if message is not None and message[0] == "ok":
            results.append(message[1])
        else:
            proc.join(5)
            crash = Crash(proc.exitcode, message[1] if message else "")
            if on_crash is None:
                raise crash
            results.append(on_crash(tasks[i], crash))
        done.add(i)
        if on_result:
            on_result(results[-1])

    try:
        while queue or running:
            while queue and len(running) < workers:
                i = queue.pop(0)
                mine, theirs = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_worker, args=(theirs, fn, tasks[i], parent), daemon=True)
                proc.start()
                theirs.close()  # the worker's end: when the worker ends, reading ours ends (EOFError)
                running[mine] = (i, proc)
            for conn in wait(list(running)):
                i, proc = running.pop(conn)
                try:
                    message = conn.recv()
                except (EOFError, OSError):  # ended without a result: died
                    message = None
                except Exception as exc:  # a result that cannot be unpickled
                    message = ("galat", f"{type(exc).__name__}: {exc}"[:300])
                conn.close()
                finish(conn, i, proc, message)
                proc.join(5)
    except (KeyboardInterrupt, SystemExit) as exc:
        code = exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 128 + signal.SIGINT
        late = _stop(running)
        for i, result in late:
            results.append(result)
            done.add(i)
        pending = [i for i in range(len(tasks)) if i not in done]
        changed = [targets[i] for i in pending if targets[i] is not None and _file_state(targets[i]) != before[i]]
        raise Stopped(code, results, changed, [_workbook_of(tasks[i]) for i in pending if targets[i] not in changed]) from None
    return results


def _stop(running: dict) -> list[tuple[int, object]]:
    """Stop every running worker (SIGTERM: it unwinds; SIGKILL after 30 s); the results of those that
    finished in the meantime, as (task index, result)."""
    late = []
    for _conn, (_i, proc) in running.items():
        try:
            proc.terminate()  # SIGTERM: the worker unwinds (see worker_init)
        except (OSError, ValueError, AttributeError):
            pass
    deadline = time.monotonic() + 30
    for conn, (i, proc) in running.items():
        try:
            while conn.poll(max(0.0, deadline - time.monotonic())):
                message = conn.recv()
                if message[0] == "ok":
                    late.append((i, message[1]))
                break
        except (EOFError, OSError, Exception):
            pass
        proc.join(max(0.1, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        conn.close()
    return late
