"""Is this file a workbook that is safe to open? Checked before any parser sees it.

Workbooks are untrusted input (SECURITY.md): `inspect_file` says what a file really is
(old .xls, encrypted, .ods, a renamed .docx or PDF …) and refuses zip bombs and XML parts
with a DTD — the only place entities (billion laughs, XXE) can be declared. The limits
live here.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

from ..base.problems import LkjipError, Problem, problem
from ..base.sistem import os_why

# Limits for untrusted files (documented in SECURITY.md).
MAX_FILE_BYTES = 100 * 1024 * 1024  # the .xlsx itself
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, per part larger than 1 MiB
MAX_CELL_CHARS = 32_767  # Excel's own limit per cell
MAX_MONEY = Decimal(10) ** 18  # a million trillion rupiah: anything above is a typo


def _parser_errors() -> tuple[type[BaseException], ...]:
    """What a damaged part makes the parsers raise (and only that: anything else is lkjip's own bug)."""
    errors: list[type[BaseException]] = [
        SyntaxError,  # lxml's XMLSyntaxError
        KeyError,  # a part the package names but does not hold
        ValueError,  # a number, date or reference the XML spells wrongly (UnicodeDecodeError too)
        EOFError, OSError, zipfile.BadZipFile, zlib.error, NotImplementedError,  # the zip itself
    ]
    try:
        from lxml import etree

        errors.append(etree.LxmlError)
    except ImportError:  # pragma: no cover
        pass
    try:
        import python_calamine

        errors.append(python_calamine.CalamineError)
    except (ImportError, AttributeError):  # pragma: no cover
        pass
    return tuple(errors)


PARSER_ERRORS = _parser_errors()


class ReadError(LkjipError):
    """The file cannot be read at all; carries the problem to report."""

    def __init__(self, prob: Problem):
        super().__init__(prob.message, prob)

    @classmethod
    def damaged(cls, path: Path, exc: BaseException) -> "ReadError":
        """`berkas.rusak` for an error a parser raised on a damaged file."""
        return cls(problem("berkas.rusak", "Berkas", path.name, what=damage_reason(exc)))


# ---------------------------------------------------------------- the file itself


def os_reason(exc: BaseException) -> str:
    """Why the operating system refused to read a path, in Indonesian (no path, no English)."""
    return os_why(exc, reading=True)


def inspect_file(path: Path) -> None:
    """Refuse what is not a safe .xlsx, saying what it is. Raises ReadError."""
    try:
        _inspect_file(path)
    except (OSError, ValueError) as exc:  # permissions, a name too long, a symlink loop, a NUL in the name
        raise ReadError(problem("berkas.tidak-terbaca", "Berkas", path.name[:120], path=path.name[:120],
                                why=os_reason(exc))) from exc


def _inspect_file(path: Path) -> None:
    def fail(code: str, **kw: object) -> None:
        raise ReadError(problem(code, "Berkas", path.name, **kw))

    try:
        path.stat()
    except FileNotFoundError:  # other refusals (permissions, a symlink loop) are berkas.tidak-terbaca
        fail("berkas.tidak-ada", path=path)
    if path.is_dir():
        fail("berkas.bukan-xlsx", what="ini sebuah folder")
    size = path.stat().st_size
    if size == 0:
        fail("berkas.bukan-xlsx", what="berkas kosong (0 bait)")
    if size > MAX_FILE_BYTES:
        fail("berkas.terlalu-besar", what=f"{size // (1024 * 1024)} MB", limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: either an old .xls or an encrypted (password-protected) .xlsx
        with open(path, "rb") as fh:
            blob = fh.read(min(size, 4 * 1024 * 1024))
        if "EncryptedPackage".encode("utf-16-le") in blob or b"EncryptionInfo" in blob or "EncryptionInfo".encode("utf-16-le") in blob:
            fail("berkas.terkunci")
        fail("berkas.bukan-xlsx", what="format Excel lama (.xls, Excel 97-2003)")
    if not head.startswith(b"PK"):
        text = head.lower()
        if head[:5] == b"%PDF-":
            what = "berkas PDF"
        elif text.startswith((b"<html", b"<!doc", b"<?xml")):
            what = "berkas HTML/XML, bukan .xlsx"
        elif all(32 <= b < 127 or b in (9, 10, 13) for b in head):
            what = "berkas teks (mungkin CSV)"
        else:
            what = "jenis berkas tidak dikenal"
        fail("berkas.bukan-xlsx", what=what)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        fail("berkas.rusak", what="arsip ZIP rusak atau terpotong")
    with zf:
        try:
            _inspect_members(zf, size, fail)
        except ReadError:
            raise
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required for extraction"
            if "encrypted" in str(exc):
                fail("berkas.terkunci")
            fail("berkas.rusak", what="arsip ZIP rusak")
        except Exception as exc:  # zlib.error, BadZipFile (CRC), NotImplementedError (compression), EOFError ...
            fail("berkas.rusak", what=f"arsip ZIP rusak (rincian teknis: {type(exc).__name__})")


def _inspect_members(zf: zipfile.ZipFile, size: int, fail) -> None:
    names = set(zf.namelist())
    if "mimetype" in names and b"opendocument.spreadsheet" in zf.read("mimetype")[:100]:
        fail("berkas.bukan-xlsx", what="spreadsheet OpenDocument (.ods)")
    if "word/document.xml" in names:
        fail("berkas.bukan-xlsx", what="dokumen Word (.docx) yang diberi nama .xlsx")
    if "xl/workbook.bin" in names:
        fail("berkas.bukan-xlsx", what="workbook biner Excel (.xlsb)")
    if "xl/workbook.xml" not in names:
        fail("berkas.bukan-xlsx", what="arsip ZIP yang bukan workbook Excel")
    total = compressed = 0
    for info in zf.infolist():
        if info.flag_bits & 0x1:
            fail("berkas.terkunci")
        total += info.file_size
        compressed += info.compress_size
        if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            fail("berkas.terlalu-besar", what=f"bagian {info.filename} memampat {info.file_size // info.compress_size}:1 (bom zip)",
                 limit=f"rasio {MAX_RATIO}:1")
    if total > MAX_UNPACKED_BYTES:
        fail("berkas.terlalu-besar", what=f"{total // (1024 * 1024)} MB setelah diekstrak", limit=f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
    if total > 64 * 1024 * 1024 and compressed and total / compressed > MAX_RATIO:
        fail("berkas.terlalu-besar", what=f"seluruh arsip memampat {total // compressed}:1 (bom zip)", limit=f"rasio {MAX_RATIO}:1")
    for info in zf.infolist():
        if info.is_dir():
            continue
        with zf.open(info) as part:  # by content, whatever its name: openpyxl follows relationships, not extensions
            why = unsafe_prologue(part)
        if why:
            fail("berkas.xml-berbahaya", what=f"{why} di {info.filename}")
    if size < 5 * 1024 * 1024:
        bad = zf.testzip()
        if bad:
            fail("berkas.rusak", what=f"bagian {bad} rusak (CRC tidak cocok)")


def damage_reason(exc: BaseException) -> str:
    """What is wrong with a damaged workbook, in Indonesian, from the error a parser raised; the
    error's kind stays as a technical note (for a report to the maintainers), its English text does not."""
    import zlib

    kind = type(exc).__name__
    if kind in ("XMLSyntaxError", "ParseError", "ExpatError") or "XMLSyntax" in kind:
        what = "salah satu bagian XML-nya rusak (bukan XML yang sah)"
    elif isinstance(exc, KeyError):
        what = "bagian yang dirujuk workbook tidak ada di dalam berkas"
    elif isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        what = "arsip ZIP-nya rusak"
    elif isinstance(exc, UnicodeError):
        what = "teksnya memakai pengodean karakter yang tidak sah"
    elif isinstance(exc, MemoryError):
        what = "isinya terlalu besar untuk memori komputer ini"
    elif isinstance(exc, OSError):
        what = f"berkasnya tidak dapat dibaca utuh ({os_reason(exc)})"
    else:
        what = "isinya tidak sesuai format .xlsx"
    return f"{what} (rincian teknis: {kind})"


def plain_error(exc: BaseException) -> str:
    """A short, path-free description of a low-level error."""
    text = f"{type(exc).__name__}: {exc}"
    text = re.sub(r"(/[^\s'\"]+)+", "…", text)
    return text[:120]


_PROLOGUE_LIMIT = 1024 * 1024


def unsafe_prologue(stream) -> str | None:
    """Why an XML part's prologue is refused (a DTD, or a prologue that never ends), else None.

    Entities (billion laughs, external entities) can only be declared in a DTD, and a DTD
    can only stand before the root element. The part is decoded by its byte-order mark
    or, without one, by its first bytes (UTF-16/32 starting with `<`); then the XML
    declaration, processing instructions, comments and white space are skipped: the first
    markup must be the root element. A part whose first significant character is not `<`
    is not XML: a parser stops there, before any DTD.
    """
    head = stream.read(64 * 1024)
    verdict = _scan_prologue(head)
    if verdict == "more" and len(head) == 64 * 1024:  # a long prologue: look further, up to the limit
        head += stream.read(_PROLOGUE_LIMIT - len(head))
        verdict = _scan_prologue(head)
    if verdict == "more":
        return "prolog XML tanpa akhir dalam 1 MiB pertama" if len(head) >= _PROLOGUE_LIMIT else None
    return verdict


def _scan_prologue(head: bytes) -> str | None:
    """The verdict on a prologue: a reason, None (safe), or "more" (needs more bytes)."""
    boms = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
    starts = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"))
    codec = next((c for bom, c in boms if head.startswith(bom)), None) or next((c for st, c in starts if head.startswith(st)), "utf-8")
    text = head.decode(codec, "replace").lstrip("\ufeff")
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
        elif text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return "more"
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return "more"
            i = end + 3
        elif text.startswith("<!", i):
            return "deklarasi DOCTYPE/ENTITY"
        else:
            return None  # the root element, or not XML at all
    return "more"  # only white space, declarations and comments so far
