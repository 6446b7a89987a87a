"""PDF through LibreOffice: indexes (Daftar Isi/Tabel/Gambar) and page numbers updated first.

A headless `soffice` is driven over UNO by a small script run with a Python that has the
`uno` module (Debian's python3-uno). Without UNO, plain `soffice --convert-to pdf` is used
and the summary says the indexes were not refreshed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .problems import LkjipError

TIMEOUT = 240

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
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
for _ in range(2):  # twice: page numbers settle after the indexes have grown
    idx = doc.getDocumentIndexes()
    for i in range(idx.getCount()):
        idx.getByIndex(i).update()
    doc.refresh()
texts = [idx.getByIndex(i).getAnchor().getString() for i in range(idx.getCount())]
with open(dst + ".daftar.json", "w", encoding="utf-8") as f:  # the indexes as updated, for --perbarui-daftar
    json.dump(texts, f, ensure_ascii=False)
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


def uno_python() -> str | None:
    """A Python interpreter that can `import uno` (the current one, or the system one)."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if candidate and Path(candidate).exists():
            try:
                ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=20).returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                ok = False
            if ok:
                return candidate
    return None


def to_pdf(docx: Path, out: Path | None = None, daftar: list[str] | None = None) -> Path:
    """Write `docx` as PDF next to it (or to `out`); indexes updated when UNO is available.

    `daftar`, when given, receives the text of each updated index (Daftar Isi/Tabel/Gambar,
    one "entry<TAB>page" per line), for `daftar_halaman`.
    """
    office = soffice()
    if not office:
        raise PdfError("LibreOffice tidak terpasang, PDF tidak dibuat (laporan .docx tetap ditulis). "
                       "Pasang LibreOffice, atau buka .docx di Word lalu Simpan Sebagai PDF.")
    docx = Path(docx).resolve()
    out = Path(out).resolve() if out else docx.with_suffix(".pdf")
    py = uno_python()
    with tempfile.TemporaryDirectory(prefix="lkjip-lo-") as tmp:
        profile = make_profile(tmp)
        tmp_pdf = Path(tmp, "out.pdf")
        if py:
            pipe = f"lkjip{os.getpid()}{int(time.time() * 1000) % 100000}"
            proc = subprocess.Popen([office, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo",
                                     "--norestore", f"--accept=pipe,name={pipe};urp;"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                script = Path(tmp, "convert.py")
                script.write_text(_UNO_SCRIPT)
                run = subprocess.run([py, str(script), str(docx), str(tmp_pdf), pipe], capture_output=True, text=True,
                                     timeout=TIMEOUT)
                if run.returncode != 0 or not tmp_pdf.exists():
                    raise PdfError(f"LibreOffice gagal membuat PDF: {(run.stderr or run.stdout).strip()[-300:]}")
            except subprocess.TimeoutExpired as exc:
                raise PdfError(f"LibreOffice tidak selesai dalam {TIMEOUT} detik.") from exc
            finally:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        else:
            run = subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                                  "--outdir", tmp, str(docx)], capture_output=True, text=True, timeout=TIMEOUT)
            made = Path(tmp, docx.with_suffix(".pdf").name)
            if run.returncode != 0 or not made.exists():
                raise PdfError(f"LibreOffice gagal membuat PDF: {run.stderr.strip()[-300:]}")
            made.rename(tmp_pdf)
        from .output import atomic_write_bytes

        atomic_write_bytes(out, tmp_pdf.read_bytes())
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
