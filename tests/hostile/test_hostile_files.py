"""Files that are not (safe) .xlsx workbooks: wrong formats, damaged archives, zip bombs, hostile XML.

Every case: exit 1, the right problem code, a message telling what to do, no .docx and no *.tmp left.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import docx
import pytest
from factory import as_excel_saves  # noqa: E402  (hostile_util puts tests/ on the path)
from hostile_util import (
    SHEET_PART,
    assert_refused,
    base_workbook,  # noqa: F401 (fixture)
    cli,
    crashed,
    edit_part,
    leftovers,
    out_dir,  # noqa: F401 (fixture)
    problem_codes,
    read_part,
    run_measured,
    run_unprivileged,
    set_inline,
    validate_json,
    workbook,  # noqa: F401 (fixture)
)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---------------------------------------------------------------- 1. not an .xlsx


def _ods() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
        zf.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Laporan Kinerja")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xls() -> bytes:
    return OLE2 + b"\x00" * 4088


def _encrypted() -> bytes:
    # What Excel writes for a password-protected workbook: an OLE2 container with EncryptionInfo/EncryptedPackage
    return OLE2 + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + \
        "EncryptedPackage".encode("utf-16-le") + b"\x00" * 3000


NOT_XLSX = {
    "xls": (_xls, "berkas.bukan-xlsx", ".xls"),
    "csv": (lambda: b"Level;Kode;Uraian\nTujuan;T1;Meningkatkan pelayanan\n", "berkas.bukan-xlsx", "CSV"),
    "ods": (_ods, "berkas.bukan-xlsx", ".ods"),
    "docx": (_docx, "berkas.bukan-xlsx", ".docx"),
    "kosong": (lambda: b"", "berkas.bukan-xlsx", "kosong"),
    "pdf": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n", "berkas.bukan-xlsx", "PDF"),
    "html": (lambda: b"<html><body><table><tr><td>1</td></tr></table></body></html>", "berkas.bukan-xlsx", "HTML"),
    "terkunci": (_encrypted, "berkas.terkunci", "kata sandi"),
    "biner": (lambda: bytes(range(256)) * 16, "berkas.bukan-xlsx", "tidak dikenal"),
}


@pytest.mark.parametrize("kind", sorted(NOT_XLSX))
def test_not_an_xlsx_is_refused_with_advice(kind, tmp_path, out_dir):
    make, code, said = NOT_XLSX[kind]
    wb = tmp_path / f"{kind}.xlsx"
    wb.write_bytes(make())
    [p] = assert_refused(wb, out_dir, code)
    assert p["code"] == code and p["severity"] == "error"
    assert said.lower() in p["message"].lower(), p["message"]
    # the hint says how to get a real .xlsx (Indonesian)
    assert "simpan" in p["hint"].lower() and ".xlsx" in p["hint"], p["hint"]


@pytest.mark.parametrize("cut", [0.5, 0.1, 0.9, 100 / 1e9])
def test_truncated_xlsx_is_damaged(cut, workbook, out_dir):
    data = workbook.read_bytes()
    workbook.write_bytes(data[: max(4, int(len(data) * cut))])
    [p] = assert_refused(workbook, out_dir, "berkas.rusak")
    assert "simpan ulang sebagai .xlsx" in p["hint"]


def test_missing_file_and_folder_are_problems_not_tracebacks(tmp_path, out_dir):
    rc, problems = validate_json(tmp_path / "tidak-ada.xlsx")
    assert rc == 1 and problem_codes(problems) == {"berkas.tidak-ada"}
    res = cli("build", tmp_path / "tidak-ada.xlsx", "--out", out_dir / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 1 and "tidak ditemukan" in res.output
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    rc, problems = validate_json(folder)
    assert rc == 1 and problem_codes(problems) == {"berkas.bukan-xlsx"}
    res = cli("build", folder, "--out", out_dir / "laporan.docx")  # a folder is a batch of workbooks: none here
    assert crashed(res) is None and res.exit_code == 2 and "Tidak ada workbook" in res.output
    assert leftovers(out_dir) == []


@pytest.mark.parametrize("what", ["file", "folder"])
@pytest.mark.parametrize("command", ["validate", "build", "context", "diff"])
def test_unreadable_workbook_is_an_indonesian_problem_not_a_usage_error(command, what, workbook, out_dir):
    """A workbook (or its folder) the user may not read: the problem in Indonesian, exit 1 (diff: 2, its
    documented code for a workbook it cannot read), never click's English usage error."""
    locked = workbook if what == "file" else workbook.parent
    args = {"validate": ["validate", workbook], "build": ["build", workbook, "--out", out_dir / "laporan.docx"],
            "context": ["context", workbook], "diff": ["diff", workbook, workbook]}[command]
    locked.chmod(0)
    try:
        proc = run_unprivileged(*args)
    finally:
        locked.chmod(0o755 if what == "folder" else 0o644)
    output = proc.stdout + proc.stderr
    assert proc.returncode == (2 if command == "diff" else 1), output
    assert "tidak dapat dibuka: izin baca ditolak" in output and "laporan.xlsx" in output, output
    assert "Invalid value" not in output and "not readable" not in output and "Traceback" not in output, output
    assert leftovers(out_dir) == []


def test_workbook_name_too_long_for_the_os_is_a_problem(tmp_path, out_dir):
    rc, problems = validate_json(tmp_path / ("a" * 300 + ".xlsx"))
    assert rc == 1 and problem_codes(problems) == {"berkas.tidak-terbaca"}
    assert "terlalu panjang" in problems[0]["message"]


def test_workbook_symlink_loop_is_a_problem_not_a_missing_file(tmp_path, out_dir):
    import os

    os.symlink("putar.xlsx", tmp_path / "putar.xlsx")
    rc, problems = validate_json(tmp_path / "putar.xlsx")
    assert rc == 1 and problem_codes(problems) == {"berkas.tidak-terbaca"}
    assert problems[0]["message"] == "Workbook putar.xlsx tidak dapat dibuka: tautan simbolik (symlink) yang berputar."
    res = cli("build", tmp_path / "putar.xlsx", "--out", out_dir / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 1 and "symlink" in res.output


# ---------------------------------------------------------------- damaged archives


def _local_data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    off = info.header_offset
    n, m = struct.unpack("<HH", data[off + 26:off + 30])
    return off + 30 + n + m


def test_damaged_member_at_the_end_is_damaged(workbook, out_dir):
    """A flipped byte late in a member's data: CRC error -> berkas.rusak."""
    data = bytearray(workbook.read_bytes())
    info = zipfile.ZipFile(workbook).getinfo(SHEET_PART["Profil"])
    start = _local_data_offset(bytes(data), info)
    for i in range(start + info.compress_size - 40, start + info.compress_size - 5):
        data[i] ^= 0x5A
    workbook.write_bytes(bytes(data))
    assert_refused(workbook, out_dir, "berkas.rusak")


def test_damaged_member_at_the_start_is_damaged(workbook, out_dir):
    """Garbage at the start of a member's deflate data (a bad disk copy): must be berkas.rusak, not a traceback."""
    data = bytearray(workbook.read_bytes())
    info = zipfile.ZipFile(workbook).getinfo(SHEET_PART["Profil"])
    start = _local_data_offset(bytes(data), info)
    for i in range(start + 10, start + min(info.compress_size, 200)):
        data[i] ^= 0x5A
    workbook.write_bytes(bytes(data))
    assert_refused(workbook, out_dir, "berkas.rusak")


def _patch_headers(data: bytes, fn) -> bytes:
    out = bytearray(data)
    for m in re.finditer(rb"PK\x01\x02", data):
        fn(out, m.start(), central=True)
    for m in re.finditer(rb"PK\x03\x04", data):
        fn(out, m.start(), central=False)
    return bytes(out)


def test_zip_encrypted_members_are_refused(workbook, out_dir):
    """A workbook zipped with a password (7-Zip/WinZip 'encrypt'): the encryption flag set on every member."""
    def flag(buf, off, central):
        buf[off + (8 if central else 6)] |= 0x01

    workbook.write_bytes(_patch_headers(workbook.read_bytes(), flag))
    assert_refused(workbook, out_dir, "berkas.terkunci", "berkas.rusak")


def test_unsupported_compression_method_is_damaged(workbook, out_dir):
    def implode(buf, off, central):
        pos = off + (10 if central else 8)
        buf[pos:pos + 2] = struct.pack("<H", 6)  # PKWARE implode, unknown to Python's zipfile

    workbook.write_bytes(_patch_headers(workbook.read_bytes(), implode))
    assert_refused(workbook, out_dir, "berkas.rusak")


@pytest.mark.parametrize("part, how", [
    ("xl/workbook.xml", "garbage"),
    ("xl/styles.xml", "garbage"),
    (SHEET_PART["Kinerja"], "half"),
    ("[Content_Types].xml", "drop"),
    ("xl/_rels/workbook.xml.rels", "drop"),
])
def test_broken_parts_are_damaged(part, how, workbook, out_dir):
    from hostile_util import rewrite_zip

    if how == "drop":
        rewrite_zip(workbook, drop=(part,))
    elif how == "half":
        edit_part(workbook, part, lambda b: b[: len(b) // 2])
    else:
        edit_part(workbook, part, lambda b: b"<x")
    assert_refused(workbook, out_dir, "berkas.rusak")


def test_xlsb_and_foreign_zip_are_not_xlsx(tmp_path, out_dir):
    foreign = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("foto/a.txt", "isi")
    assert_refused(foreign, out_dir, "berkas.bukan-xlsx")
    xlsb = tmp_path / "biner.xlsx"
    with zipfile.ZipFile(xlsb, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    [p] = assert_refused(xlsb, out_dir, "berkas.bukan-xlsx")
    assert ".xlsb" in p["message"]


# ---------------------------------------------------------------- 2. zip bombs


def _bomb(src: Path, target: Path, part: str, megabytes: int, *, parts: int = 1) -> Path:
    """Copy `src` with `part` replaced by `megabytes` MB of zeros, streamed (the test stays small on disk)."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info.filename, zin.read(info.filename))
        for k in range(parts):
            name = part if parts == 1 else f"xl/media/isi{k}.bin"
            with zout.open(name, "w", force_zip64=True) as fh:
                for _ in range(megabytes):
                    fh.write(chunk)
    return target


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory, base_workbook) -> Path:
    folder = tmp_path_factory.mktemp("bom")
    return _bomb(base_workbook, folder / "bom.xlsx", SHEET_PART["Kinerja"], 300)


def test_zip_bomb_is_refused_quickly_and_in_little_memory(zip_bomb, base_workbook, tmp_path):
    assert zip_bomb.stat().st_size < 2_000_000  # 300 MB of zeros in well under 2 MB
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    _rc, _out, _s, base_rss = run_measured("validate", base_workbook, timeout=60)
    rc, output, seconds, rss = run_measured("validate", zip_bomb, "--format", "json", timeout=60)
    print(f"\nbom zip 300 MB: validate {seconds:.2f} s, RSS puncak {rss:.0f} MB (workbook biasa {base_rss:.0f} MB)")
    assert rc == 1, output
    assert '"berkas.terlalu-besar"' in output and "bom zip" in output
    assert seconds < 10
    assert rss - base_rss < 300
    rc, output, seconds, rss = run_measured("build", zip_bomb, "--out", out_dir / "laporan.docx", timeout=60)
    print(f"bom zip 300 MB: build {seconds:.2f} s, RSS puncak {rss:.0f} MB")
    assert rc == 1 and "terlalu besar" in output
    assert seconds < 10 and rss - base_rss < 300
    assert leftovers(out_dir) == [] and leftovers(zip_bomb.parent) == []


def test_zip_bomb_in_shared_strings_is_refused(base_workbook, tmp_path, out_dir):
    wb = tmp_path / "ss.xlsx"
    wb.write_bytes(base_workbook.read_bytes())
    as_excel_saves(wb)
    bomb = _bomb(wb, tmp_path / "bom-ss.xlsx", "xl/sharedStrings.xml", 50)
    [p] = assert_refused(bomb, out_dir, "berkas.terlalu-besar")
    assert "sharedStrings" in p["message"]


def test_many_small_padded_parts_stay_bounded(base_workbook, tmp_path, out_dir):
    """120 parts of 1 MiB zeros each slip under the per-part ratio check (only parts > 1 MiB are checked);
    whatever the verdict, reading must stay fast and never crash."""
    bomb = _bomb(base_workbook, tmp_path / "banyak.xlsx", "x", 1, parts=120)
    rc, output, seconds, rss = run_measured("validate", bomb, "--format", "json", timeout=60)
    print(f"\n120 x 1 MiB bagian nol: validate {seconds:.2f} s, RSS puncak {rss:.0f} MB, kode {rc}")
    assert rc in (0, 1) and "Traceback" not in output
    assert seconds < 10 and rss < 400


# ---------------------------------------------------------------- 3. hostile XML

LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (str(i - 1).encode() if i > 2 else b"")) * 10)
                     for i in range(2, 10))
          + b"]>\n")
XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
PASSWD_MARK = "root:x:0:0"


def _with_prologue(xml: bytes, doctype: bytes, padding: int = 0) -> bytes:
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
    comment = b"<!--" + b" " * padding + b"-->\n" if padding else b""
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + comment + doctype + body


def _attack(workbook: Path, where: str, doctype: bytes, entity: bytes, padding: int = 0) -> None:
    if where == "sharedStrings":
        as_excel_saves(workbook)
        edit_part(workbook, "xl/sharedStrings.xml",
                  lambda b: _with_prologue(b.replace(b"Kecamatan Contoh</t>", entity + b"</t>", 1), doctype, padding))
    else:
        set_inline(workbook, "Profil", "B3", entity)  # instansi
        edit_part(workbook, SHEET_PART["Profil"], lambda b: _with_prologue(b, doctype, padding))


def _assert_no_passwd_anywhere(out_dir: Path, *texts: str) -> None:
    for text in texts:
        assert PASSWD_MARK not in text
    for f in out_dir.rglob("*"):
        if f.is_file():
            assert PASSWD_MARK.encode() not in f.read_bytes()


@pytest.mark.parametrize("where", ["sharedStrings", "sheet"])
@pytest.mark.parametrize("attack", ["billion-laughs", "xxe"])
def test_doctype_and_entities_are_refused(attack, where, workbook, out_dir):
    doctype, entity = (LAUGHS, b"&lol9;") if attack == "billion-laughs" else (XXE, b"&xxe;")
    _attack(workbook, where, doctype, entity)
    [p] = assert_refused(workbook, out_dir, "berkas.xml-berbahaya")
    assert ("sharedStrings" if where == "sharedStrings" else "sheet2.xml") in p["message"]
    res = cli("context", workbook)
    assert crashed(res) is None and res.exit_code == 1
    _assert_no_passwd_anywhere(out_dir, res.output, str(p))


@pytest.mark.parametrize("where", ["sharedStrings", "sheet"])
@pytest.mark.parametrize("attack", ["billion-laughs", "xxe"])
def test_doctype_after_a_long_comment_is_still_refused_safely(attack, where, workbook, out_dir):
    """The DOCTYPE after 4 KB of comment (beyond the 2 KB prologue window): still never expanded or read."""
    doctype, entity = (LAUGHS, b"&lol9;") if attack == "billion-laughs" else (XXE, b"&xxe;")
    _attack(workbook, where, doctype, entity, padding=4000)
    problems = assert_refused(workbook, out_dir, "berkas.xml-berbahaya", "berkas.rusak")
    _assert_no_passwd_anywhere(out_dir, str(problems))


def _rename_part(workbook: Path, old: str, new: str) -> None:
    """Move part `old` to `new` (a name not ending in .xml), fixing the relationship and content type."""
    from hostile_util import rewrite_zip

    rels_name = "xl/_rels/workbook.xml.rels"
    rels = read_part(workbook, rels_name)
    rels = rels.replace(b'Target="/' + old.encode() + b'"', b'Target="/' + new.encode() + b'"')
    rels = rels.replace(b'Target="' + old.split("/", 1)[1].encode() + b'"', b'Target="' + new.split("/", 1)[1].encode() + b'"')
    ct = read_part(workbook, "[Content_Types].xml").replace(b'"/' + old.encode() + b'"', b'"/' + new.encode() + b'"')
    assert new.split("/", 1)[1].encode() in rels and new.encode() in ct
    rewrite_zip(workbook, replace={rels_name: rels, "[Content_Types].xml": ct}, drop=(old,),
                add={new: read_part(workbook, old)})


def _hide_doctype(workbook: Path, variant: str, doctype: bytes, entity: bytes) -> None:
    """Put a DOCTYPE where a first-bytes check does not see it."""
    def utf16(b: bytes, bom: bool) -> bytes:
        text = '<?xml version="1.0" encoding="UTF-16"?>\n' + doctype.decode() + re.sub(rb"^<\?xml[^>]*\?>\s*", b"", b).decode()
        return text.encode("utf-16" if bom else "utf-16-le")

    if variant == "comment-4kb":
        _attack(workbook, "sheet", doctype, entity, padding=4000)
    elif variant in ("utf-16", "utf-16le-no-bom"):
        set_inline(workbook, "Profil", "B3", entity)
        edit_part(workbook, SHEET_PART["Profil"], lambda b: utf16(b, variant == "utf-16"))
    elif variant == "sharedStrings-utf-16le-no-bom":
        as_excel_saves(workbook)
        edit_part(workbook, "xl/sharedStrings.xml",
                  lambda b: utf16(b.replace(b"Kecamatan Contoh</t>", entity + b"</t>", 1), False))
    elif variant == "renamed-sheet":
        _attack(workbook, "sheet", doctype, entity)
        _rename_part(workbook, SHEET_PART["Profil"], "xl/worksheets/sheet2.dat")
    elif variant == "renamed-sharedStrings":
        _attack(workbook, "sharedStrings", doctype, entity)
        _rename_part(workbook, "xl/sharedStrings.xml", "xl/strings.bin")
    else:
        raise AssertionError(variant)


HIDDEN = ["comment-4kb", "utf-16",
          "utf-16le-no-bom", "sharedStrings-utf-16le-no-bom",
          "renamed-sheet", "renamed-sharedStrings"]


@pytest.mark.parametrize("variant", HIDDEN)
def test_doctype_anywhere_is_reported_as_dangerous_xml(variant, workbook, out_dir):
    _hide_doctype(workbook, variant, XXE, b"&xxe;")
    assert_refused(workbook, out_dir, "berkas.xml-berbahaya")
    _rc, problems = validate_json(workbook)
    assert problem_codes(problems) == {"berkas.xml-berbahaya"}


@pytest.mark.parametrize("variant", ["comment-4kb", "sharedStrings-utf-16le-no-bom", "renamed-sharedStrings", "renamed-sheet"])
@pytest.mark.parametrize("attack", ["billion-laughs", "xxe"])
def test_hidden_doctype_in_a_real_process_is_harmless(attack, variant, workbook, base_workbook, tmp_path):
    """In a real `python -m generator.cli` process (the reader may configure the XML parsers differently there than
    in this test process): refused, fast, small, and /etc/passwd never read into the output."""
    doctype, entity = (LAUGHS, b"&lol9;") if attack == "billion-laughs" else (XXE, b"&xxe;")
    _hide_doctype(workbook, variant, doctype, entity)
    rc, output, seconds, rss = run_measured("validate", workbook, "--format", "json", timeout=60)
    assert rc == 1 and "Traceback" not in output, output
    assert PASSWD_MARK not in output
    codes = {p["code"] for p in __import__("json").loads(output)}
    assert codes <= {"berkas.xml-berbahaya", "berkas.rusak", "profil.wajib-kosong"}, output
    assert seconds < 10 and rss < 400, (seconds, rss)
    out = tmp_path / "laporan.docx"
    rc, output, _s, _r = run_measured("build", workbook, "--out", out, timeout=60)
    assert rc == 1 and not out.exists() and PASSWD_MARK not in output


def test_utf16_sheet_without_doctype_still_reads(workbook):
    """Control for the case above: a UTF-16 part is legal XML and reads like the UTF-8 one."""
    edit_part(workbook, SHEET_PART["Profil"], lambda b: ('<?xml version="1.0" encoding="UTF-16"?>\n' + b.decode()).encode("utf-16"))
    rc, problems = validate_json(workbook)
    assert rc == 0, problems


def test_external_links_and_remote_relationships_are_not_fetched(workbook, out_dir, tmp_path):
    """A relationship pointing at a file outside (external link / remote template) is never opened."""
    marker = tmp_path / "rahasia.txt"
    marker.write_text(PASSWD_MARK)
    rels = read_part(workbook, "xl/_rels/workbook.xml.rels")
    rels = rels.replace(b"</Relationships>",
                        b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        b'relationships/externalLink" Target="file:///' + str(marker).encode() + b'" TargetMode="External"/>'
                        b'<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        b'relationships/attachedTemplate" Target="http://127.0.0.1:9/x.xltx" TargetMode="External"/>'
                        b"</Relationships>")
    from hostile_util import rewrite_zip

    rewrite_zip(workbook, replace={"xl/_rels/workbook.xml.rels": rels})
    out = out_dir / "laporan.docx"
    res = cli("build", workbook, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    _assert_no_passwd_anywhere(out_dir, res.output)
