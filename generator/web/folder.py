"""The folder the page serves: which names it may read or write, what it knows about each workbook,
and the reports it builds. Everything here goes through the public API (`generator`)."""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import generator as lk

MAX_UPLOAD = 20 * 1024 * 1024  # bytes per upload request (documented in docs/web.md and SECURITY.md)
OUTPUT = "output"
MAX_FULL = 4  # workbooks whose model and results stay in memory (the pages looked at last; ~70 MB for 20.000 lines)
MAX_JOBS = 100  # finished builds remembered for their progress page


class NamaTidakSah(Exception):
    """A name that is not a plain file name inside the folder (Indonesian message)."""


class TidakAda(Exception):
    """No such file in the folder (Indonesian message)."""


def child(base: Path, name: str) -> Path:
    """`base/name` for an existing regular file named by a plain name whose real place is `base` itself.

    Refused: empty or over-long names, `.`/`..`, hidden names, separators (`/`, `\\`), drive
    letters and other characters Windows forbids, NUL and control characters, and any name
    (a symbolic link) whose real place is outside `base`.
    """
    if (not name or len(name) > 255 or name.startswith(".") or lk.WINDOWS_FORBIDDEN.search(name)
            or name.split(".")[0].strip().lower() in lk.WINDOWS_RESERVED):
        raise NamaTidakSah(f"Nama berkas '{name[:80]!s}' tidak sah: hanya nama berkas di folder ini yang dapat dibuka.")
    path = base / name
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise TidakAda(f"Berkas '{name}' tidak ada di folder ini.") from None
    if real.parent != base.resolve():
        raise NamaTidakSah(f"Berkas '{name}' menunjuk ke luar folder ini dan tidak dibuka.")
    if not real.is_file():
        raise TidakAda(f"'{name}' bukan berkas.")
    return path


def upload_name(raw: str) -> str:
    """A safe `.xlsx` file name from what the browser sent (a bare name, or a whole Windows path)."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", raw or "")[-1])
    name = lk.WINDOWS_FORBIDDEN.sub("_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot or ext.lower() != "xlsx":
        stem = name
    stem = stem.strip(" ._")[:120] or "workbook"
    first, dot, rest = stem.partition(".")
    if first.strip().lower() in lk.WINDOWS_RESERVED:  # Windows reserves CON, NUL … before the first dot
        stem = f"{first}_{dot}{rest}"
    return f"{stem}.xlsx"


def stamp(path: Path) -> str:
    """What changes when the file is saved again: modification time and size."""
    st = path.stat()
    return f"{st.st_mtime_ns:x}-{st.st_size:x}"


@dataclass
class Analisis:
    """One workbook as `check` and `periksa` see it. A light copy (for Beranda) drops `lap` and
    `hasil`, which for a 20.000-line workbook hold some 70 MB."""

    name: str
    stamp: str
    lap: object
    hasil: object
    problems: list
    kriteria: list | None
    seconds: float
    readable: bool = True  # False: the file could not be read as a workbook
    instansi: str = ""
    tahun: int | None = None
    laporan: str | None = None  # the file name its report gets in output/
    light: bool = False

    @property
    def errors(self) -> list:
        return lk.errors(self.problems)

    @property
    def warnings(self) -> list:
        return lk.warnings(self.problems)

    @property
    def siap(self) -> int | None:
        """How many LKE criteria are `terpenuhi`."""
        return None if self.kriteria is None else sum(1 for k in self.kriteria if k.status == "terpenuhi")


@dataclass
class Job:
    """One "Buat laporan": waits for the workbook's other build, then builds from a snapshot."""

    id: str
    name: str
    pdf: bool
    state: str = "menunggu"  # menunggu | berjalan | selesai | gagal
    tahap: str = "Menunggu giliran…"
    lines: list[str] = field(default_factory=list)  # what `lkjip build` prints, same wording
    output: str | None = None  # file name inside output/
    pdf_name: str | None = None
    pdf_error: str = ""
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0


class Folder:
    """The served folder; thread-safe (the server answers requests in threads)."""

    def __init__(self, path: Path | str):
        self.path = Path(path).resolve()
        self.output = self.path / OUTPUT
        self._cache: dict[str, Analisis] = {}
        self._full: dict[str, None] = {}  # names whose full analysis is kept, oldest first
        self._cache_lock = threading.Lock()
        self._name_locks: dict[str, threading.Lock] = {}
        self._build_locks: dict[str, threading.Lock] = {}
        self.jobs: dict[str, Job] = {}
        self._threads: list[threading.Thread] = []

    # -- what is there -----------------------------------------------------------------
    def workbooks(self) -> list[str]:
        """The `.xlsx` files directly in the folder whose real place is the folder (lock files `~$…` left out)."""
        names = []
        for entry in sorted(os.scandir(self.path), key=lambda e: e.name.lower()):
            if not entry.name.lower().endswith(".xlsx") or entry.name.startswith(("~$", ".")):
                continue
            try:
                child(self.path, entry.name)
            except (NamaTidakSah, TidakAda):
                continue
            names.append(entry.name)
        return names

    def workbook(self, name: str) -> Path:
        if not name.lower().endswith(".xlsx"):
            raise NamaTidakSah(f"'{name[:80]}' bukan workbook .xlsx.")
        return child(self.path, name)

    def report(self, name: str) -> Path:
        if not self.output.is_dir():
            raise TidakAda(f"Berkas '{name}' tidak ada di folder {OUTPUT}.")
        path = child(self.output, name)
        if path.suffix.lower() not in (".docx", ".pdf"):
            raise NamaTidakSah(f"'{name[:80]}' bukan laporan (.docx/.pdf).")
        return path

    def folder_stamp(self) -> str:
        """Changes when a workbook or report is added, removed or saved."""
        parts = []
        for base in (self.path, self.output):
            try:
                with os.scandir(base) as it:
                    parts += [f"{e.name}:{e.stat().st_mtime_ns}:{e.stat().st_size}" for e in it if e.is_file()]
            except OSError:
                continue
        return f"{hash(tuple(sorted(parts))) & 0xFFFFFFFFFFFF:x}"

    # -- checking ----------------------------------------------------------------------
    def analyse(self, name: str, full: bool = True) -> Analisis:
        """`check` + `periksa` of a workbook, cached until the file is saved again.

        `full=False` (Beranda) accepts a light copy; the last MAX_FULL workbooks looked at keep
        their model and results, the others only what Beranda shows.
        """
        path = self.workbook(name)
        with self._cache_lock:
            lock = self._name_locks.setdefault(name, threading.Lock())
        with lock:  # one check of a workbook at a time; the others wait for its result
            try:
                before = stamp(path)
            except OSError:
                raise TidakAda(f"Berkas '{name}' tidak ada di folder ini.") from None
            cached = self._cache.get(name)
            if cached and cached.stamp == before and (not full or not cached.light):
                if full:
                    self._touch(name)
                return cached
            t = time.perf_counter()
            lap, hasil, problems = lk.check(path)
            kriteria = lk.periksa(lap, hasil, problems) if lap is not None else None
            result = Analisis(name, before, lap, hasil, problems, kriteria, time.perf_counter() - t,
                              readable=lap is not None)
            if lap is not None:
                result.instansi, result.tahun = lap.profil.instansi, lap.profil.tahun or None
                if lap.profil.instansi:
                    result.laporan = lk.default_output(lap, self.output).name
            try:
                unchanged = stamp(path) == before
            except OSError:
                unchanged = False
            if unchanged:  # saved meanwhile: not cached, the next look reads it again
                self._cache[name] = result
                self._touch(name)
            return result

    def _touch(self, name: str) -> None:
        """`name` was looked at in full: keep its model; make the oldest beyond MAX_FULL light."""
        with self._cache_lock:
            self._full.pop(name, None)
            self._full[name] = None
            while len(self._full) > MAX_FULL:
                old = next(iter(self._full))
                del self._full[old]
                entry = self._cache.get(old)
                if entry is not None and not entry.light:
                    self._cache[old] = dataclasses.replace(entry, lap=None, hasil=None, light=True)

    def cached(self, name: str) -> Analisis | None:
        """The full analysis of a workbook if it is still current (no check is run)."""
        a = self._cache.get(name)
        try:
            ok = a is not None and not a.light and a.stamp == stamp(self.workbook(name))
        except (OSError, NamaTidakSah, TidakAda):
            return None
        return a if ok else None

    def just_saved(self, name: str, seconds: float = 2.0) -> bool:
        """Whether the workbook was written less than `seconds` ago (an editor may still be writing it)."""
        try:
            return time.time() - (self.path / name).stat().st_mtime < seconds
        except OSError:
            return False

    def report_state(self, a: Analisis) -> tuple[str, str | None]:
        """(`tidak-ada` | `terbaru` | `lama`, report file name) for a workbook's default report in output/."""
        if a.laporan is None:
            return "tidak-ada", None
        try:
            rep = (self.output / a.laporan).stat().st_mtime_ns
            wb = (self.path / a.name).stat().st_mtime_ns
        except OSError:
            return "tidak-ada", a.laporan
        return ("terbaru" if rep >= wb else "lama"), a.laporan

    # -- uploads -----------------------------------------------------------------------
    def save_upload(self, raw_name: str, data: bytes) -> tuple[str | None, str, list]:
        """Check an uploaded file like the command line does, then save it under a free name.

        Returns (saved name or None, Indonesian message, the file's problems when refused).
        An existing file is never replaced: a taken name gets ` (2)`, ` (3)` ….
        """
        wanted = upload_name(raw_name)
        with tempfile.TemporaryDirectory(prefix="lkjip-unggah-") as tmp:
            probe = Path(tmp) / wanted
            probe.write_bytes(data)
            _lap, _hasil, problems = lk.check(probe)
        refused = [p for p in lk.errors(problems) if p.code.startswith("berkas.")]
        if refused:
            return None, f"'{raw_name}' tidak disimpan: {refused[0].message} Saran: {refused[0].hint}", refused
        stem = wanted[:-5]
        for n in range(1, 1000):
            name = wanted if n == 1 else f"{stem} ({n}).xlsx"
            try:
                lk.atomic_write_bytes(self.path / name, data, overwrite=False)
            except lk.TargetExists:
                continue
            if name != wanted:
                return name, (f"Disimpan sebagai '{name}': nama '{wanted}' sudah ada di folder ini, "
                              "dan berkas yang ada tidak pernah diganti."), []
            return name, f"Disimpan sebagai '{name}'.", []
        return None, f"'{raw_name}' tidak disimpan: terlalu banyak berkas bernama '{wanted}'.", []

    # -- building ----------------------------------------------------------------------
    def start_build(self, name: str, pdf: bool) -> Job:
        self.workbook(name)  # refuse a bad name before a thread starts
        for waiting in self.jobs.values():  # a second click while one already waits: the same build
            if waiting.name == name and waiting.pdf == pdf and waiting.state == "menunggu":
                return waiting
        job = Job(uuid.uuid4().hex, name, pdf)
        finished = [j for j in self.jobs.values() if j.state in ("selesai", "gagal")]
        for old in finished[:max(0, len(self.jobs) - MAX_JOBS)]:  # oldest first (dicts keep insertion order)
            self.jobs.pop(old.id, None)
        self.jobs[job.id] = job
        thread = threading.Thread(target=self._build, args=(job,), name=f"lkjip-build-{name}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return job

    def _build(self, job: Job) -> None:
        import logging

        with self._cache_lock:
            lock = self._build_locks.setdefault(job.name, threading.Lock())
        with lock:  # two builds of one workbook run one after the other
            job.state, job.tahap = "berjalan", "Membaca workbook dan menyusun laporan…"
            try:
                with tempfile.TemporaryDirectory(prefix="lkjip-buat-") as tmp:
                    snapshot = self._snapshot(self.workbook(job.name), Path(tmp))
                    res = lk.build(snapshot, out_dir=self.output, assets=self.path, pdf=job.pdf,
                                   progress=lambda text: setattr(job, "tahap", text))
                job.lines = lk.summary_lines(res)
                job.output = res.output.name if res.ok else None
                job.pdf_name = res.pdf.name if res.pdf else None
                job.pdf_error = res.pdf_error
                job.state = "selesai" if res.ok else "gagal"
            except (NamaTidakSah, TidakAda) as exc:
                job.lines, job.state = [str(exc)], "gagal"
            except Exception:  # noqa: BLE001 - details to the terminal, a short message to the page
                logging.getLogger("lkjip.web").exception("Kesalahan internal saat membuat laporan %s", job.name)
                job.lines, job.state = ["Kesalahan internal lkjip saat membuat laporan; rinciannya dicetak di terminal."], "gagal"
            finally:
                job.seconds = time.monotonic() - job.started
                job.tahap = ""

    @staticmethod
    def _snapshot(path: Path, tmp: Path) -> Path:
        """A copy of the workbook taken while it did not change, so a build reads one version only."""
        for _ in range(20):
            before = stamp(path)
            data = path.read_bytes()
            if stamp(path) == before:
                break
            time.sleep(0.1)
        copy = tmp / path.name
        copy.write_bytes(data)
        return copy

    def wait_for_builds(self, timeout: float = 120.0) -> bool:
        """Let running builds finish (their reports are written atomically); True when none is left."""
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    @staticmethod
    def has_pdf() -> bool:
        return lk.soffice() is not None

