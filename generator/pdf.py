"""PDF through LibreOffice: indexes (Daftar Isi/Tabel/Gambar) and page numbers updated first.

A headless `soffice` is driven over UNO by a small script run with a Python that has the
`uno` module (Debian's python3-uno). Without UNO, plain `soffice --convert-to pdf` is used
and the summary says the indexes were not refreshed.
"""

from __future__ import annotations

import functools
import os
import queue
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

from .output import atomic_write_bytes, pid_alive
from .problems import LkjipError

TIMEOUT = 240  # seconds for any report ...
TIMEOUT_PER_MB = 60  # ... plus this per MB of word/document.xml (a 20.000-line report has about 40 MB)
PROGRESS_EVERY = 15  # seconds between "still working" lines

_UNO_SCRIPT = r'''
import json, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

src, dst, pipe = sys.argv[1], sys.argv[2], sys.argv[3]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
for _ in range(300):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        break
    except Exception:
        time.sleep(0.1)
if ctx is None:
    sys.exit("LibreOffice tidak menjawab")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
print("TAHAP memuat dokumen", flush=True)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
print("TAHAP memperbarui daftar isi dan nomor halaman", flush=True)
# the Daftar entries' page numbers sit on a right tab beyond the TOC styles' right indent (as in Word); a
# compatibilityMode 15 .docx leaves this off in LibreOffice, which would drop the numbers
doc.createInstance("com.sun.star.text.DocumentSettings").setPropertyValue("TabOverMargin", True)
for _ in range(2):  # twice: page numbers settle after the indexes have grown
    idx = doc.getDocumentIndexes()
    for i in range(idx.getCount()):
        idx.getByIndex(i).update()
    doc.refresh()
texts = [idx.getByIndex(i).getAnchor().getString() for i in range(idx.getCount())]
with open(dst + ".daftar.json", "w", encoding="utf-8") as f:  # the indexes as updated, for --perbarui-daftar
    json.dump(texts, f, ensure_ascii=False)
print("TAHAP menyimpan PDF", flush=True)
doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "writer_pdf_Export"),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
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
            try:
                ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=20).returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                ok = False
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


def _start(cmd: list[str], **kwargs) -> subprocess.Popen:
    """A process in a process group of its own, so that the whole of LibreOffice (the `soffice` wrapper,
    `oosplash`, `soffice.bin`) can be ended at once."""
    if os.name == "posix":
        kwargs["start_new_session"] = True
    return subprocess.Popen(cmd, **kwargs)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
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


def to_pdf(docx: Path, out: Path | None = None, daftar: list[str] | None = None, progress=None,
           within: Path | None = None) -> Path:
    """Write `docx` as PDF next to it (or to `out`); indexes updated when UNO is available.

    `daftar`, when given, receives the text of each updated index (Daftar Isi/Tabel/Gambar,
    one "entry<TAB>page" per line), for `daftar_halaman`.

    LibreOffice runs in its own process group, which is killed as a whole on timeout, on failure
    and on interruption: no `soffice.bin` is left behind. `progress(text)` gets a line now and then.
    """
    office = soffice()
    if not office:
        raise PdfError("LibreOffice tidak terpasang, PDF tidak dibuat (laporan .docx tetap ditulis). "
                       "Pasang LibreOffice, atau buka .docx di Word lalu Simpan Sebagai PDF.")
    shown = Path(docx)
    docx = Path(docx).resolve()
    out = Path(out).resolve() if out else Path(os.path.abspath(shown)).with_suffix(".pdf")  # a link there: see `within`
    timeout = pdf_timeout(docx)
    clean_stale_profiles()
    py = uno_python()
    with tempfile.TemporaryDirectory(prefix=f"lkjip-lo-{os.getpid()}-") as tmp:
        profile = make_profile(tmp)
        tmp_pdf = Path(tmp, "out.pdf")
        # LibreOffice works on a copy in this folder, with this folder as its temporary folder: its lock
        # file (`.~lock.<report>.docx#`) and its `lu*.tmp` files go with the folder, also on Ctrl+C/SIGTERM
        work = Path(tmp, "dok")
        work.mkdir()
        (work / "tmp").mkdir()
        try:
            shutil.copyfile(docx, work / docx.name)
        except OSError as exc:
            from .sistem import os_why

            raise PdfError(f"Laporan .docx tidak dapat dibaca untuk dibuat PDF-nya: {os_why(exc)}.") from exc
        docx = work / docx.name
        env = {**os.environ, "TMPDIR": str(work / "tmp"), "TMP": str(work / "tmp"), "TEMP": str(work / "tmp")}
        stages: queue.Queue[str] = queue.Queue()
        tail: list[str] = []
        procs: list[subprocess.Popen] = []
        try:
            if py:
                pipe = f"lkjip{os.getpid()}{int(time.time() * 1000) % 100000}"
                procs.append(_start([office, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo",
                                     "--norestore", f"--accept=pipe,name={pipe};urp;"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
                script = Path(tmp, "convert.py")
                script.write_text(_UNO_SCRIPT)
                cmd = [py, "-u", str(script), str(docx), str(tmp_pdf), pipe]
            else:
                cmd = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", tmp, str(docx)]
            run = _start(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace", env=env)
            procs.append(run)
            reader = threading.Thread(target=_reader, args=(run.stdout, stages, tail), daemon=True)
            reader.start()
            if progress:
                progress(f"PDF: LibreOffice dijalankan (batas {timeout:.0f} dtk)")
            try:
                _wait(run, timeout, progress, stages)
            except subprocess.TimeoutExpired as exc:
                raise PdfError(f"LibreOffice tidak selesai dalam {timeout:.0f} detik dan dihentikan; PDF tidak dibuat "
                               "(laporan .docx tetap ditulis). Batas waktu dapat diubah dengan variabel lingkungan "
                               "LKJIP_PDF_BATAS_DETIK.") from exc
            reader.join(timeout=10)  # the last lines LibreOffice said
            if not py:
                made = Path(tmp, docx.with_suffix(".pdf").name)
                if made.exists():
                    made.rename(tmp_pdf)
            # a complete PDF counts even if the script then stumbled while LibreOffice shut down
            if not _complete_pdf(tmp_pdf):
                said = " ".join(tail)[-300:] or f"kode keluar {run.returncode}, PDF {'ada' if tmp_pdf.exists() else 'tidak ada'}"
                raise PdfError(f"LibreOffice gagal membuat PDF (laporan .docx tetap ditulis): {said}")
            if py:  # LibreOffice was asked to end: give it a moment to do so before the group is killed
                try:
                    procs[0].wait(timeout=20)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            for proc in reversed(procs):
                _kill_group(proc)
        atomic_write_bytes(out, tmp_pdf.read_bytes(), within=within)
        sidecar = Path(str(tmp_pdf) + ".daftar.json")
        if daftar is not None and sidecar.exists():
            import json

            daftar.extend(json.loads(sidecar.read_text(encoding="utf-8")))
    return out


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
