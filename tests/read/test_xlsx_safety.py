"""generator/read/xlsx_safety.py: whether a file is a workbook that is safe to open, checked before any
parser sees it — what a wrong file really is, zip bombs, XML parts with a DTD, OS refusals in Indonesian.

The same refusals through the command line (every file kind, truncated and damaged archives, zip
bombs, billion laughs and XXE) are tested in tests/hostile/test_hostile_files.py; unreadable paths in
tests/hostile/test_hostile_paths.py; a damaged part met by the sheet reader in tests/read/test_xlsx.py.
"""

from __future__ import annotations

import errno
import io
import zipfile
from pathlib import Path

import pytest
from conftest import ALOK

from generator.read.xlsx_safety import ReadError, inspect_file, os_reason, plain_error, unsafe_prologue


def _refusal(path: Path) -> tuple[str, str, str, str]:
    with pytest.raises(ReadError) as info:
        inspect_file(path)
    p = info.value.problem
    return p.sheet, p.cell, p.code, p.message


def test_a_real_workbook_passes():
    assert inspect_file(ALOK) is None


@pytest.mark.parametrize("content, code, message", [
    (b"", "berkas.bukan-xlsx", "Berkas ini bukan workbook Excel .xlsx: berkas kosong (0 bait)."),
    (b"%PDF-1.7\n%%EOF\n", "berkas.bukan-xlsx", "Berkas ini bukan workbook Excel .xlsx: berkas PDF."),
    (b"Level;Kode;Uraian\nTujuan;T1;X\n", "berkas.bukan-xlsx", "Berkas ini bukan workbook Excel .xlsx: berkas teks (mungkin CSV)."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "berkas.bukan-xlsx",
     "Berkas ini bukan workbook Excel .xlsx: format Excel lama (.xls, Excel 97-2003)."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "berkas.terkunci",
     "Workbook dilindungi kata sandi (terenkripsi)."),
    (b"PK\x03\x04 terpotong", "berkas.rusak", "Workbook tidak dapat dibaca: arsip ZIP rusak atau terpotong."),
], ids=["kosong", "pdf", "csv", "xls", "xlsx-terenkripsi", "zip-terpotong"])
def test_what_a_wrong_file_really_is(tmp_path, content, code, message):
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(content)
    assert _refusal(path) == ("Berkas", "laporan.xlsx", code, message)


def test_a_docx_renamed_and_a_doctype_inside_a_workbook_are_refused(tmp_path):
    docx = tmp_path / "dok.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert _refusal(docx)[2:] == ("berkas.bukan-xlsx",
                                  "Berkas ini bukan workbook Excel .xlsx: dokumen Word (.docx) yang diberi nama .xlsx.")
    evil = tmp_path / "jahat.xlsx"
    with zipfile.ZipFile(ALOK) as src, zipfile.ZipFile(evil, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/workbook.xml":
                data = b'<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY a "aaaa">]>' + data
            dst.writestr(name, data)
    assert _refusal(evil)[2:] == ("berkas.xml-berbahaya",
                                  "Workbook berisi XML yang ditolak demi keamanan: deklarasi DOCTYPE/ENTITY di xl/workbook.xml.")


def test_unsafe_prologue_reads_past_declarations_and_comments_in_any_encoding():
    assert unsafe_prologue(io.BytesIO(b'<?xml version="1.0"?>\n<!-- catatan --><workbook/>')) is None
    assert unsafe_prologue(io.BytesIO(b'<?xml version="1.0"?><!-- c --> <!DOCTYPE x>')) == "deklarasi DOCTYPE/ENTITY"
    utf16 = '\ufeff<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>'.encode("utf-16-le")
    assert unsafe_prologue(io.BytesIO(utf16)) == "deklarasi DOCTYPE/ENTITY"
    endless = b"<?xml version='1.0'?><!--" + b"-" * (2 * 1024 * 1024)
    assert unsafe_prologue(io.BytesIO(endless)) == "prolog XML tanpa akhir dalam 1 MiB pertama"


def test_os_reason_and_plain_error_say_it_in_indonesian_without_paths():
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == (
        "izin baca ditolak (berkas atau foldernya milik pengguna lain, atau dikunci)")
    assert os_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == "nama atau jalurnya terlalu panjang untuk sistem operasi"
    assert os_reason(OSError(errno.ENOSPC, "No space")).startswith("disk penuh")  # one wording for reading and writing (sistem.os_why)
    assert plain_error(KeyError("/home/staf/LKjIP/xl/sharedStrings.xml")) == "KeyError: '…'"
