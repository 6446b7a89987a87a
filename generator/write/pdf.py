"""PDF through LibreOffice: indexes (Daftar Isi/Tabel/Gambar) and page numbers updated first.

A headless `soffice` is driven over UNO by a small long-lived worker run with a Python that has the
`uno` module (Debian's python3-uno); one load per document updates the indexes, gives their texts
and exports the PDF. `Konverter` owns one such LibreOffice and reuses it for many documents;
`satu_libreoffice()` makes it the one every `to_pdf` inside a block uses (`lkjip serve`; a batch with
several workers has two, `Kumpulan`).
Without UNO, plain `soffice --convert-to pdf` is used per document and the summary says the
indexes were not refreshed.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import queue
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..base.problems import LkjipError
from .output import atomic_write_bytes, pid_alive

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.connection import Listener

TIMEOUT = 240  # seconds for any report ...
TIMEOUT_PER_MB = 60  # ... plus this per MB of word/document.xml (a 20.000-line report has about 40 MB)
PROGRESS_EVERY = 15  # seconds between "still working" lines
GANTI_SETIAP = 100  # documents one LibreOffice converts before a fresh one takes over (its memory)

# The long-lived worker, run by a Python with `uno` (see `uno_python`). It starts LibreOffice as its own
# child, so both are in the worker's process group, and converts one document per JSON line read on
# stdin: {"docx": path, "pdf": path}. It answers on stdout: "SIAP" once LibreOffice listens, then per
# document "TAHAP <stage>" lines and one "HASIL <json: the indexes' texts>", "GALAT <why>", "PUTUS
# <why>" (LibreOffice died on this document) or "MATI" (LibreOffice was gone before the document was
# sent: nothing was tried, the parent restarts and sends it again). A line {"selesai": true}, or the end of stdin, ends LibreOffice and the worker.
_UNO_WORKER = r'''
import json, subprocess, sys, time
command, pipe = json.loads(sys.argv[1]), sys.argv[2]
office = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
import uno  # while LibreOffice starts
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def entries(text):
    """An index's lines without their page numbers (what follows the last tab)."""
    return [line.rsplit("\t", 1)[0] for line in text.split("\n")]

def say(*parts):
    sys.stdout.write(" ".join(parts) + "\n"); sys.stdout.flush()

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
t0 = time.monotonic()
while ctx is None and office.poll() is None and time.monotonic() - t0 < 120:
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
    except Exception:
        time.sleep(0.05)
if ctx is None:
    say("LibreOffice tidak menjawab" if office.poll() is None else "LibreOffice berhenti saat dijalankan (kode %s)" % office.returncode)
    sys.exit(1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
say("SIAP", str(office.pid))

for line in sys.stdin:
    job = json.loads(line)
    if job.get("selesai"):
        break
    try:
        alive = office.poll() is None and desktop.getComponents() is not None
    except Exception:
        alive = False
    if not alive:
        say("MATI")
        break
    try:
        say("TAHAP", "memuat dokumen")
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["docx"]), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("dokumen tidak dapat dibuka")
        try:
            say("TAHAP", "memperbarui daftar isi dan nomor halaman")
            # the Daftar entries' page numbers sit on a right tab beyond the TOC styles' right indent (as in Word);
            # a compatibilityMode 15 .docx leaves this off in LibreOffice, which would drop the numbers
            doc.createInstance("com.sun.star.text.DocumentSettings").setPropertyValue("TabOverMargin", True)
            idx = doc.getDocumentIndexes()
            # lkjip caches every entry in the .docx, only the page numbers are new: when the first update
            # leaves the entries as they were, nothing moved and its page numbers stand; otherwise (a
            # template's own index, entries that grew) a second update takes the numbers from the new layout
            cached = [entries(idx.getByIndex(i).getAnchor().getString()) for i in range(idx.getCount())]
            for _ in range(2):  # at most twice
                for i in range(idx.getCount()):
                    idx.getByIndex(i).update()
                doc.refresh()
                texts = [idx.getByIndex(i).getAnchor().getString() for i in range(idx.getCount())]
                if [entries(t) for t in texts] == cached:
                    break
                cached = [entries(t) for t in texts]
            say("TAHAP", "menyimpan PDF")
            doc.storeToURL(uno.systemPathToFileUrl(job["pdf"]), (prop("FilterName", "writer_pdf_Export"),))
        finally:
            try:
                doc.close(True)
            except Exception:
                pass
        say("HASIL", json.dumps(texts, ensure_ascii=False))
    except Exception as exc:
        why = ("%s: %s" % (type(exc).__name__, exc)).replace("\n", " ")[:300]
        gone = office.poll() is not None or "disposed" in why.lower()  # LibreOffice itself died
        say("PUTUS" if gone else "GALAT", why)
try:
    desktop.terminate()
except Exception:
    pass
try:
    office.wait(timeout=10)
except Exception:
    pass
'''

# The watchdog: a small process of its own (not in LibreOffice's group, not in the terminal's) that
# polls whether its parent, the lkjip process owning LibreOffice, still lives. When the parent is gone
# (even by `kill -9`, which runs no cleanup) it kills LibreOffice's whole process group and removes the
# temporary folder. It ends by itself once the group is gone.
_WATCHDOG = r'''
import os, shutil, signal, sys, time
parent, group, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
while os.getppid() == parent:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        sys.exit(0)
    except PermissionError:
        pass
    time.sleep(0.2)
try:
    os.killpg(group, signal.SIGKILL)
except OSError:
    pass
time.sleep(0.5)
if folder:
    shutil.rmtree(folder, ignore_errors=True)
'''


# The throwaway profile's locale: Indonesian number formats in charts ("86,67", "3.725") and fields.
_PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>id-ID</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="DecimalSeparatorAsLocale" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>id-ID</value></prop></item>
</oor:items>
"""


def make_profile(tmp: str | Path) -> str:
    """A fresh LibreOffice profile in `tmp`, set to the id-ID locale; its URL for -env:UserInstallation."""
    user = Path(tmp, "profile", "user")
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE_XCU, encoding="utf-8")
    return Path(tmp, "profile").as_uri()


class PdfError(LkjipError):
    """PDF could not be made (Indonesian message)."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.lru_cache(maxsize=None)
def uno_python() -> str | None:
    """A Python interpreter that can `import uno` (the current one, or the system one); asked once per process."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if candidate and Path(candidate).exists():
            probe: subprocess.Popen | None = None
            try:
                probe = _start([candidate, "-c", "import uno"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                ok = probe.wait(timeout=20) == 0
            except (OSError, subprocess.TimeoutExpired):
                ok = False
                if probe is not None:
                    probe.kill()
            if ok:
                return candidate
    return None


def pdf_timeout(docx: Path) -> float:
    """Seconds LibreOffice may take: TIMEOUT for any report, plus TIMEOUT_PER_MB per MB of document text.

    `LKJIP_PDF_BATAS_DETIK` overrides it (a slow machine, a very large report).
    """
    override = os.environ.get("LKJIP_PDF_BATAS_DETIK", "").strip()
    if override:
        try:
            return max(1.0, float(override))
        except ValueError:
            pass
    try:
        with zipfile.ZipFile(docx) as zf:
            size = zf.getinfo("word/document.xml").file_size
    except (OSError, KeyError, zipfile.BadZipFile):
        size = 0
    return TIMEOUT + TIMEOUT_PER_MB * size / 1_000_000


# A process started in one thread while another thread forks (a batch forks its workers while LibreOffice
# starts in `siapkan`'s thread): the forked worker inherits the pipe on which `Popen` waits for its child's
# exec, and `Popen` then waits until that worker ends — which waits for this LibreOffice (a deadlock, seen
# once the batch's parent imported the build's modules before forking). Starting and forking exclude each
# other: every start holds `_SPAWN`, and a fork waits for it (`os.register_at_fork`).
_SPAWN = threading.RLock()


def _spawn_lock_reset() -> None:
    global _SPAWN
    _SPAWN = threading.RLock()  # the child's own: the parent's holder is not in it


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=lambda: _SPAWN.acquire(), after_in_parent=lambda: _SPAWN.release(),
                        after_in_child=_spawn_lock_reset)


def _start(cmd: list[str], **kwargs) -> subprocess.Popen:
    """A process in a process group of its own, so that the whole of LibreOffice (the `soffice` wrapper,
    `oosplash`, `soffice.bin`) can be ended at once; never while this process forks (`_SPAWN`)."""
    if os.name == "posix":
        kwargs["start_new_session"] = True
    with _SPAWN:
        return subprocess.Popen(cmd, **kwargs)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows: the process and its children (the UNO worker's LibreOffice)
            subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True, timeout=30)
            proc.kill()
    except (OSError, subprocess.TimeoutExpired):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        pass


def _watchdog(group: subprocess.Popen, folder: str) -> subprocess.Popen | None:
    """A watchdog (`_WATCHDOG`) for the process group led by `group`: it ends that group when this process
    dies without ending it (kill -9). POSIX only; elsewhere (Windows) None."""
    if os.name != "posix":  # pragma: no cover
        return None
    py = sys.executable if sys.executable and not getattr(sys, "frozen", False) else uno_python()
    if not py:  # pragma: no cover
        return None
    try:
        return _start([py, "-I", "-S", "-c", _WATCHDOG, str(os.getpid()), str(group.pid), folder],
                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # pragma: no cover - the group is still ended by this process as usual
        return None


def _end(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        try:
            proc.kill()
        except OSError:  # pragma: no cover
            pass
    if proc is not None:
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            pass


def _wait(proc: subprocess.Popen, timeout: float, progress, stages: "queue.Queue[str]") -> None:
    """Wait for `proc`, passing stage lines and a line every PROGRESS_EVERY seconds to `progress`."""
    t0 = time.monotonic()
    stage = "mulai"
    next_note = PROGRESS_EVERY
    while True:
        elapsed = time.monotonic() - t0
        try:
            proc.wait(timeout=min(1.0, max(0.05, timeout - elapsed)))
            return
        except subprocess.TimeoutExpired:
            pass
        elapsed = time.monotonic() - t0
        new = None
        while not stages.empty():
            new = stages.get_nowait()
        if elapsed >= timeout:
            raise subprocess.TimeoutExpired(proc.args, timeout)
        if progress and (new or elapsed >= next_note):
            stage = new or stage
            progress(f"PDF: {stage} ({elapsed:.0f} dtk, batas {timeout:.0f} dtk)")
            next_note = elapsed + PROGRESS_EVERY


def _reader(stream, stages: "queue.Queue[str]", tail: list[str]) -> None:
    for line in stream:
        line = line.strip()
        if line.startswith("TAHAP "):
            stages.put(line[6:])
        elif line:
            tail.append(line)
            del tail[:-20]


def _lines(stream, out: "queue.Queue[str | None]") -> None:
    """Every line of `stream` into `out`, then None (the process ended)."""
    try:
        for line in stream:
            out.put(line.rstrip("\n"))
    except (OSError, ValueError):
        pass
    out.put(None)


def _timeout_error(timeout: float) -> PdfError:
    return PdfError(f"LibreOffice tidak selesai dalam {timeout:.0f} detik dan dihentikan; PDF tidak dibuat "
                    "(laporan .docx tetap ditulis). Batas waktu dapat diubah dengan variabel lingkungan "
                    "LKJIP_PDF_BATAS_DETIK.")


def _complete_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(5)
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 1024))
            return head == b"%PDF-" and b"%%EOF" in fh.read()
    except OSError:
        return False


def clean_stale_profiles(folder: Path | None = None) -> list[Path]:
    """Remove LibreOffice profiles (`lkjip-lo-<pid>-*`) left in the temporary folder by killed runs."""
    folder = Path(folder or tempfile.gettempdir())
    removed = []
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith("lkjip-lo-")]
    except OSError:
        return removed
    for p in entries:
        try:
            st = p.lstat()
            if not stat.S_ISDIR(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
                continue
            pid = p.name[len("lkjip-lo-"):].split("-")[0]
            if pid.isdigit():
                stale = int(pid) != os.getpid() and not pid_alive(int(pid))
            else:  # an older name without the process id
                stale = time.time() - st.st_mtime > 6 * 3600
            if stale:
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
        except OSError:
            continue
    return removed


class Konverter:
    """One LibreOffice for many documents (issue 25.10), driven over UNO by one long-lived worker
    (`_UNO_WORKER`, run by `uno_python()`).

    Started on the first document, reused for every document after it, and started afresh when it
    died, was stopped after a timeout, failed a document, or has converted GANTI_SETIAP documents; a
    document that hangs or crashes LibreOffice gets its own `PdfError` and the next one works. Its
    processes (worker, `soffice`, `oosplash`, `soffice.bin`) are one process group, ended by `close()`
    (a context manager) and, if this process is killed without cleanup (`kill -9`), by a watchdog.

    `convert` is `to_pdf` for one document. Documents go one at a time (a lock), so threads (`lkjip
    serve`) share one Konverter; after `layani()`, processes forked from this one (the batch workers)
    send their documents here too, which `to_pdf` does by itself. Without UNO each document is one
    `soffice --convert-to` as before (indexes not refreshed).
    """

    def __init__(self) -> None:
        self._owner = os.getpid()
        self._lock = threading.Lock()  # one document at a time
        self._life = threading.Lock()  # a start and `close` exclude each other (no start after close)
        self._tmp: str | None = None
        self._proc: subprocess.Popen | None = None  # the UNO worker, leader of LibreOffice's process group
        self._watch: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._tail: list[str] = []
        self._starts = 0  # LibreOffices started so far (a profile each)
        self._done = 0  # documents the running LibreOffice has converted
        self._listener: Listener | None = None
        self._address: str | None = None
        self._key = b""
        self._closed = False
        self._ready = False  # the running LibreOffice has said SIAP
        self.pid: int | None = None  # the running LibreOffice (`soffice`/`oosplash`), None when none runs

    def __enter__(self) -> Konverter:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- the processes -------------------------------------------------------------------
    def _folder(self) -> str:
        """The temporary folder of this Konverter: profiles, working copies, LibreOffice's own temporary files."""
        if self._tmp is None:
            clean_stale_profiles()
            self._tmp = tempfile.mkdtemp(prefix=f"lkjip-lo-{os.getpid()}-")
            Path(self._tmp, "tmp").mkdir()
        return self._tmp

    def _alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _launch(self, office: str, py: str) -> None:
        with self._life:
            if self._closed:
                raise PdfError("LibreOffice sedang dihentikan bersama lkjip; PDF tidak dibuat (laporan .docx tetap ditulis).")
            self._spawn(office, py)

    def _spawn(self, office: str, py: str) -> None:
        tmp = self._folder()
        self._starts += 1
        profile = make_profile(Path(tmp, f"lo{self._starts}"))
        pipe = f"lkjip{os.getpid()}x{self._starts}x{secrets.token_hex(4)}"
        temp = str(Path(tmp, "tmp"))
        env = {**os.environ, "TMPDIR": temp, "TMP": temp, "TEMP": temp}  # LibreOffice's lu*.tmp go with the folder
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo", "--norestore",
                   f"--accept=pipe,name={pipe};urp;"]
        self._lines, self._tail, self._done, self.pid, self._ready = queue.Queue(), [], 0, None, False
        self._proc = _start([py, "-u", "-c", _UNO_WORKER, json.dumps(command), pipe], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                            errors="replace", env=env)
        self._watch = _watchdog(self._proc, tmp)
        threading.Thread(target=_lines, args=(self._proc.stdout, self._lines), daemon=True,
                         name="lkjip-pdf-baca").start()

    def _kill(self) -> None:
        """End the running LibreOffice's whole process group (the next document starts a fresh one)."""
        proc, self._proc, self.pid, self._ready = self._proc, None, None, False
        if proc is not None:
            _kill_group(proc)
            for stream in (proc.stdin, proc.stdout):
                try:
                    if stream:
                        stream.close()
                except OSError:  # pragma: no cover
                    pass
        watch, self._watch = self._watch, None
        _end(watch)
        if self._tmp and self._starts:
            shutil.rmtree(Path(self._tmp, f"lo{self._starts}"), ignore_errors=True)

    def _answer(self, t0: float, timeout: float, progress, wanted: tuple[str, ...]) -> tuple[str, str]:
        """The worker's next answer among `wanted` ("EOF" when it ended), passing stages to `progress`;
        the group is killed and PdfError raised when the deadline passes."""
        stage, next_note = "mulai", float(PROGRESS_EVERY)
        while True:
            elapsed = time.monotonic() - t0
            if elapsed >= timeout:
                self._kill()
                raise _timeout_error(timeout)
            try:
                line = self._lines.get(timeout=min(1.0, max(0.05, timeout - elapsed)))
            except queue.Empty:
                line = ""
            elapsed = time.monotonic() - t0
            if line is None:
                return "EOF", " ".join(self._tail)[-300:]
            kind, _, rest = line.partition(" ")
            if kind in wanted:
                return kind, rest
            if kind == "TAHAP":
                stage = rest
                if progress:
                    progress(f"PDF: {stage} ({elapsed:.0f} dtk, batas {timeout:.0f} dtk)")
                    next_note = elapsed + PROGRESS_EVERY
            elif line.strip():
                self._tail = [*self._tail[-19:], line.strip()]
            elif progress and elapsed >= next_note:
                progress(f"PDF: {stage} ({elapsed:.0f} dtk, batas {timeout:.0f} dtk)")
                next_note = elapsed + PROGRESS_EVERY

    def _run(self, office: str, py: str, src: Path, dst: Path, timeout: float, progress) -> list[str]:
        """Convert `src` to `dst` in the running LibreOffice (started when needed); the indexes' texts."""
        t0 = time.monotonic()
        for attempt in (1, 2):
            if self._alive() and self._done >= GANTI_SETIAP:
                self._kill()
            if not self._alive():
                self._kill()
                self._launch(office, py)
            if not self._ready:  # started now, or by `siapkan` a moment ago
                if progress:
                    progress(f"PDF: LibreOffice dijalankan (batas {timeout:.0f} dtk)")
                kind, rest = self._answer(t0, timeout, progress, ("SIAP",))
                if kind != "SIAP":
                    self._kill()
                    raise PdfError(f"LibreOffice tidak dapat dijalankan; PDF tidak dibuat (laporan .docx tetap ditulis): "
                                   f"{rest or 'tanpa keterangan'}")
                self.pid, self._ready = (int(rest) if rest.isdigit() else None), True
            elif progress:
                progress(f"PDF: LibreOffice yang sudah berjalan dipakai (batas {timeout:.0f} dtk)")
            try:
                assert self._proc is not None and self._proc.stdin is not None
                self._proc.stdin.write(json.dumps({"docx": str(src), "pdf": str(dst)}) + "\n")
                self._proc.stdin.flush()
            except (OSError, ValueError):  # the worker is gone: as if it had said so
                kind, rest = "MATI", ""
            else:
                kind, rest = self._answer(t0, timeout, progress, ("HASIL", "GALAT", "PUTUS", "MATI"))
            if kind == "HASIL":
                self._done += 1
                texts: list[str] = json.loads(rest)
                return texts
            self._kill()  # whatever went wrong, the next document gets a fresh LibreOffice
            if kind == "MATI" and attempt == 1:  # it was gone before this document reached it: once more
                continue
            if kind == "GALAT":
                raise PdfError(f"LibreOffice gagal membuat PDF (laporan .docx tetap ditulis): {rest}")
            raise PdfError("LibreOffice berhenti mendadak saat membuat PDF ini; PDF tidak dibuat (laporan .docx tetap "
                           "ditulis). LibreOffice dijalankan ulang untuk dokumen berikutnya."
                           + (f" Keterangan: {rest}" if rest else ""))
        raise AssertionError("unreachable")  # pragma: no cover

    def siapkan(self) -> None:
        """Start LibreOffice now, without waiting for it: its start (1-3 s) then overlaps the building of
        the first report (in a thread: finding the UNO Python takes a moment too). In a process forked
        from the owner, the owner is asked to."""
        if self._closed:
            return
        if os.getpid() != self._owner:
            if self._address:
                _ask_start(self._address, self._key)
            return
        threading.Thread(target=self._siapkan, daemon=True, name="lkjip-pdf-siapkan").start()

    def _siapkan(self) -> None:
        office, py = soffice(), uno_python()  # asking for the UNO Python takes a moment too: in this thread
        if office and py and self._lock.acquire(timeout=0):  # busy converting: it runs already
            try:
                if not self._alive():
                    self._kill()
                    self._launch(office, py)
            except PdfError:
                pass
            finally:
                self._lock.release()

    # -- documents ------------------------------------------------------------------------
    def convert(self, docx: Path, out: Path | None = None, daftar: list[str] | None = None, progress=None,
                within: Path | None = None) -> Path:
        """`to_pdf` of one document through this Konverter."""
        shown = Path(docx)
        source = Path(docx).resolve()
        out = Path(out).resolve() if out else Path(os.path.abspath(shown)).with_suffix(".pdf")  # a link there: see `within`
        if os.getpid() != self._owner or self._closed:  # a forked process: the owner's LibreOffice is not ours to drive
            if self._address and not self._closed:
                return _ask(self._address, self._key, source, out, daftar, progress, within)
            with Konverter() as own:
                return own.convert(source, out, daftar, progress, within)
        office = soffice()
        if not office:
            raise PdfError("LibreOffice tidak terpasang, PDF tidak dibuat (laporan .docx tetap ditulis). "
                           "Pasang LibreOffice, atau buka .docx di Word lalu Simpan Sebagai PDF.")
        timeout = pdf_timeout(source)
        py = uno_python()
        if not py:
            return _convert_plain(office, source, out, timeout, progress, within)
        with self._lock:
            work = Path(self._folder(), "dok")  # one document at a time
            shutil.rmtree(work, ignore_errors=True)
            try:
                # LibreOffice works on a copy in this folder: its lock file (`.~lock.<report>.docx#`) goes with it
                work.mkdir()
                try:
                    shutil.copyfile(source, work / source.name)
                except OSError as exc:
                    from .output import os_why

                    raise PdfError(f"Laporan .docx tidak dapat dibaca untuk dibuat PDF-nya: {os_why(exc)}.") from exc
                texts = self._run(office, py, work / source.name, work / "out.pdf", timeout, progress)
                if not _complete_pdf(work / "out.pdf"):
                    raise PdfError("LibreOffice gagal membuat PDF (laporan .docx tetap ditulis): PDF-nya tidak lengkap.")
                atomic_write_bytes(out, (work / "out.pdf").read_bytes(), within=within)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        if daftar is not None:
            daftar.extend(texts)
        return out

    # -- processes forked from the owner (batch workers) ----------------------------------------
    def layani(self) -> None:
        """Let processes forked from this one convert through this Konverter (a Unix socket in its
        temporary folder, with a random key). Nothing on Windows, whose workers are not forked."""
        if os.name != "posix" or self._listener is not None or self._closed:
            return
        from multiprocessing.connection import Listener

        self._key = secrets.token_bytes(32)
        self._listener = Listener(str(Path(self._folder(), "layanan")), family="AF_UNIX", authkey=self._key)
        self._address = self._listener.address
        threading.Thread(target=self._accept, daemon=True, name="lkjip-pdf-layanan").start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                assert self._listener is not None
                conn = self._listener.accept()
            except Exception:  # noqa: BLE001 - a wrong key, a closed listener: the loop decides
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True, name="lkjip-pdf-tugas").start()

    def _serve(self, conn) -> None:
        with conn:
            try:
                job = conn.recv()
                if job.get("siapkan"):
                    self.siapkan()
                    return
                texts: list[str] | None = [] if job["daftar"] else None

                def tell(text: str) -> None:
                    conn.send(("tahap", text))

                path = self.convert(Path(job["docx"]), Path(job["out"]), texts, tell if job["progress"] else None,
                                    Path(job["within"]) if job["within"] else None)
                conn.send(("ok", str(path), texts))
            except (EOFError, OSError):
                pass
            except LkjipError as exc:
                _send(conn, ("galat", str(exc)))
            except Exception as exc:  # noqa: BLE001 - said to the worker, which reports it with its workbook
                _send(conn, ("galat", f"Kesalahan internal lkjip saat membuat PDF: {type(exc).__name__}: {exc}"[:400]))

    def close(self) -> None:
        """End LibreOffice (asked first when idle, then its group killed) and remove the temporary folder."""
        if os.getpid() != self._owner:
            return
        with self._life:
            self._closed = True
        if self._listener is not None and self._address:
            import socket

            try:  # wake `accept`, which then sees `_closed`
                with socket.socket(socket.AF_UNIX) as s:
                    s.connect(self._address)
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        proc = self._proc
        if proc is not None and proc.poll() is None and self._ready and self._lock.acquire(timeout=0):
            try:  # idle: LibreOffice is asked to end, which takes a moment; then the group goes regardless
                assert proc.stdin is not None
                proc.stdin.write('{"selesai": true}\n')
                proc.stdin.flush()
                proc.wait(timeout=5)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
            finally:
                self._lock.release()
        self._kill()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None


class Kumpulan(Konverter):
    """A few Konverters for one batch: each a long-lived LibreOffice like `Konverter`'s, a document going to
    whichever is free (the most recently used first, so a trickle of documents keeps one warm).

    One LibreOffice converts one document at a time (~1,1 s of CPU for an example: load, layout, export),
    slower than a core builds one; with two, the conversions of a batch keep up with its builds on an
    office PC (issue 25.10, 10 reports with `--pdf` on 2 cores: 1,4x faster than a LibreOffice per
    report with one, 2,0-2,2x with two; docs/performance.md).
    Forked workers reach it as they reach a Konverter (`layani`); its members end with it.
    """

    def __init__(self, berapa: int) -> None:
        super().__init__()
        self.anggota = [Konverter() for _ in range(max(1, berapa))]
        self._free: queue.LifoQueue[Konverter] = queue.LifoQueue()
        for k in reversed(self.anggota):
            self._free.put(k)

    def _folder(self) -> str:
        """The first member's folder (the socket of `layani` lives there): its watchdog removes it when this
        process is killed, as it does a lone Konverter's."""
        return self.anggota[0]._folder()

    def siapkan(self) -> None:
        if os.getpid() != self._owner or self._closed:
            super().siapkan()  # a forked worker asks the owner
            return
        for k in self.anggota:
            k.siapkan()

    def convert(self, docx: Path, out: Path | None = None, daftar: list[str] | None = None, progress=None,
                within: Path | None = None) -> Path:
        if os.getpid() != self._owner or self._closed:
            return super().convert(docx, out, daftar, progress, within)  # the owner's, or one of its own
        k = self._free.get()
        try:
            return k.convert(docx, out, daftar, progress, within)
        finally:
            self._free.put(k)

    def close(self) -> None:
        if os.getpid() != self._owner:
            return
        super().close()
        threads = [threading.Thread(target=k.close, daemon=True) for k in self.anggota]  # each waits up to 5 s
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def _send(conn, message) -> None:
    try:
        conn.send(message)
    except (OSError, ValueError):
        pass


def _ask_start(address: str, key: bytes) -> None:
    from multiprocessing.connection import Client

    try:
        with Client(address, family="AF_UNIX", authkey=key) as conn:
            conn.send({"siapkan": True})
    except (OSError, EOFError):
        pass


def _ask(address: str, key: bytes, docx: Path, out: Path, daftar: list[str] | None, progress,
         within: Path | None) -> Path:
    """`to_pdf` in a process forked from a Konverter's owner: the owner's LibreOffice converts it."""
    from multiprocessing.connection import Client

    try:
        conn = Client(address, family="AF_UNIX", authkey=key)
    except OSError:  # the owner no longer serves (it is ending): this process's own LibreOffice
        with Konverter() as own:
            return own.convert(docx, out, daftar, progress, within)
    with conn:
        conn.send({"docx": str(docx), "out": str(out), "daftar": daftar is not None, "progress": progress is not None,
                   "within": str(within) if within else None})
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                raise PdfError("Proses lkjip yang menjalankan LibreOffice berhenti; PDF tidak dibuat (laporan .docx "
                               "tetap ditulis).") from None
            if message[0] == "tahap":
                if progress:
                    progress(message[1])
                continue
            if message[0] == "ok":
                if daftar is not None and message[2]:
                    daftar.extend(message[2])
                return Path(message[1])
            raise PdfError(message[1])


def _convert_plain(office: str, docx: Path, out: Path, timeout: float, progress, within: Path | None) -> Path:
    """Without UNO: one `soffice --convert-to pdf` for this document (indexes as stored in the .docx)."""
    clean_stale_profiles()
    with tempfile.TemporaryDirectory(prefix=f"lkjip-lo-{os.getpid()}-") as tmp:
        profile = make_profile(tmp)
        work = Path(tmp, "dok")
        (work / "tmp").mkdir(parents=True)
        try:
            shutil.copyfile(docx, work / docx.name)
        except OSError as exc:
            from ..base.sistem import os_why

            raise PdfError(f"Laporan .docx tidak dapat dibaca untuk dibuat PDF-nya: {os_why(exc)}.") from exc
        env = {**os.environ, "TMPDIR": str(work / "tmp"), "TMP": str(work / "tmp"), "TEMP": str(work / "tmp")}
        stages: queue.Queue[str] = queue.Queue()
        tail: list[str] = []
        run = _start([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                      str(work / docx.name)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                     errors="replace", env=env)
        watch = _watchdog(run, tmp)
        try:
            reader = threading.Thread(target=_reader, args=(run.stdout, stages, tail), daemon=True)
            reader.start()
            if progress:
                progress(f"PDF: LibreOffice dijalankan (batas {timeout:.0f} dtk)")
            try:
                _wait(run, timeout, progress, stages)
            except subprocess.TimeoutExpired as exc:
                raise _timeout_error(timeout) from exc
            reader.join(timeout=10)
        finally:
            _kill_group(run)
            _end(watch)
        made = Path(tmp, docx.with_suffix(".pdf").name)
        if not _complete_pdf(made):
            said = " ".join(tail)[-300:] or f"kode keluar {run.returncode}, PDF {'ada' if made.exists() else 'tidak ada'}"
            raise PdfError(f"LibreOffice gagal membuat PDF (laporan .docx tetap ditulis): {said}")
        atomic_write_bytes(out, made.read_bytes(), within=within)
    return out


MAKS_LIBREOFFICE = 2  # LibreOffices of one batch: ~200 MB each; two keep up with the builds of 2-4 cores
_bersama: Konverter | None = None  # the Konverter of `satu_libreoffice`, used by every `to_pdf` inside it


@contextlib.contextmanager
def satu_libreoffice(layani: bool = False, dini: bool = False, berapa: int = 1) -> Iterator[Konverter]:
    """One LibreOffice for every PDF made inside the block (`to_pdf`, `daftar_halaman`, so `build`):
    a batch, `lkjip serve`. Started on the first PDF, or at once with `dini` (a command that was asked
    for PDFs: the start overlaps the building of the first report); ended when the block ends.
    `layani`: processes forked inside the block (the batch workers) use it too. `berapa` > 1 (a batch's
    workers): that many long-lived LibreOffices, at most MAKS_LIBREOFFICE, share the documents (`Kumpulan`).
    Nested blocks share the outer one."""
    global _bersama
    current = _bersama
    if current is not None and current._owner == os.getpid() and not current._closed:
        if layani:
            current.layani()
        if dini:
            current.siapkan()
        yield current
        return
    berapa = min(berapa, MAKS_LIBREOFFICE)
    k = Kumpulan(berapa) if berapa > 1 else Konverter()
    if layani:
        k.layani()
    if dini:
        k.siapkan()
    _bersama = k
    try:
        yield k
    finally:
        _bersama = current
        k.close()


def to_pdf(docx: Path, out: Path | None = None, daftar: list[str] | None = None, progress=None,
           within: Path | None = None) -> Path:
    """Write `docx` as PDF next to it (or to `out`); indexes updated when UNO is available.

    `daftar`, when given, receives the text of each updated index (Daftar Isi/Tabel/Gambar,
    one "entry<TAB>page" per line), for `daftar_halaman`.

    Inside `satu_libreoffice` the LibreOffice of that block converts it; otherwise one is started for
    this document and ended after it. LibreOffice runs in its own process group, which is killed as a
    whole on timeout, on failure and on interruption, and by a watchdog when this process is killed:
    no `soffice.bin` is left behind. `progress(text)` gets a line now and then.
    """
    if _bersama is not None:
        return _bersama.convert(docx, out, daftar, progress, within)
    with Konverter() as k:
        return k.convert(docx, out, daftar, progress, within)


def daftar_halaman(docx: Path) -> list[str]:
    """The Daftar Isi/Tabel/Gambar of `docx` as LibreOffice lays it out (texts with page numbers)."""
    if not uno_python():
        raise PdfError("Nomor halaman daftar isi butuh LibreOffice dengan modul Python UNO (paket python3-uno).")
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lkjip-daftar-") as tmp:
        to_pdf(docx, Path(tmp, "daftar.pdf"), daftar=texts)
    if not texts:
        raise PdfError("LibreOffice tidak mengembalikan daftar isi; nomor halaman tidak disimpan.")
    return texts
