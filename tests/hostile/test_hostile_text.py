"""Template injection and awkward characters: workbook text is printed verbatim, never evaluated, never breaks the XML."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from docx_text import all_text, load
from factory import KINERJA
from hostile_util import (
    cli,
    crashed,
    leftovers,
    make_workbook,
    needs_soffice,
    problem_codes,
    set_inline,
    soffice,
    validate_json,
    xml_text,
)
from factory import as_excel_saves  # noqa: E402  (hostile_util puts tests/ on the path)

EVIL = [
    "{{ 7*7 }}",
    "{% for x in y %}",
    "{{ ''.__class__ }}",
    "{{ sisip_tabel('renstra') }}",
    "{%p if true %}",
    "{# komentar",
    "{%- endfor %}",
    "<w:p>",
    "</w:t></w:r></w:p><w:p><w:r><w:t>",
    "]]>",
    "&",
    "&amp; &lt; &#x41;",
    "A & B <C> \"D\" 'E'",
    "😀👍🏽",
    "\u202eRTL",
    "Ω≈ç√∫ ﷺ",
    "\u27e6abc:tabel:renstra\u27e7",
    "=1+1",
    "\\n \\x00 %s %(x)s {0}",
]


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """A workbook with every EVIL string in uraian, indikator, analisis, narasi and profil fields, built once."""
    folder = tmp_path_factory.mktemp("injeksi")
    kin = [dict(r) for r in KINERJA]
    kin[0]["Uraian"] = "Tujuan " + " ".join(EVIL[:7])
    kin[1]["Uraian"] = "Sasaran " + " ".join(EVIL[7:13])
    kin[1]["Indikator"] = "Indikator " + " ".join(EVIL[13:])
    kin[1]["Analisis"] = "Analisis " + " ".join(EVIL)
    kin[2]["Indikator"] = "Indikator dua " + " ".join(EVIL[:7])
    narasi = [
        {"Bagian": "latar_belakang", "Judul": "{{ 7*7 }}", "Isi": "Narasi " + " | ".join(EVIL)},
        {"Bagian": "kesimpulan", "Isi": "\n".join(f"- {s}" for s in EVIL[:5]) + "\n\n1. " + EVIL[7] + "\n2. " + EVIL[9]},
    ]
    profil = {
        "instansi": "Kecamatan {{ 7*7 }} & <w:p> 😀",
        "visi": "Visi " + " ".join(EVIL),
        "misi": "\n".join(EVIL[:4]),
        "kepala_nama": "{{ ''.__class__ }}",
        "alamat": "]]> & <w:p>",
    }
    wb = make_workbook(folder / "injeksi.xlsx", kinerja=kin, profil=profil, sheets={"Narasi": narasi})
    out = folder / "keluaran" / "laporan.docx"
    res = cli("build", wb, "--out", out)
    return wb, out, res


def test_injected_text_builds(injected):
    _wb, out, res = injected
    assert crashed(res) is None, crashed(res)
    assert res.exit_code == 0, res.output
    assert out.exists() and leftovers(out.parent) == [out]


def test_injected_text_is_printed_verbatim_and_not_evaluated(injected):
    _wb, out, _res = injected
    text = all_text(load(out))
    for s in EVIL:
        assert s in text, f"{s!r} not printed verbatim"
    assert "Kecamatan {{ 7*7 }} & <w:p> 😀" in text
    # {{ 7*7 }} is never evaluated: no "49" where the injected text stands
    assert not re.search(r"(Kecamatan|Tujuan|Narasi|Visi|Analisis|Indikator dua) 49", text)
    assert text.count("{{ 7*7 }}") >= 6
    assert "<class" not in text and "__class__" in text


def test_injected_text_keeps_the_package_valid(injected):
    """Every XML part is well-formed, no injected element appears as markup, python-docx reopens it."""
    from lxml import etree

    _wb, out, _res = injected
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(zf.read(name))  # raises on malformed XML
                if name == "word/document.xml":
                    body = zf.read(name).decode("utf-8")
                    assert "{{" not in re.sub(r"<w:t[^>]*>[^<]*</w:t>", "", body)  # no tag left unrendered
                    assert root.tag.endswith("document")
    load(out)


@needs_soffice
def test_injected_report_converts_in_libreoffice(injected, tmp_path):
    _wb, out, _res = injected
    res = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "laporan.pdf"
    assert res.returncode == 0 and pdf.exists() and pdf.stat().st_size > 10_000, res.stdout + res.stderr


# ---------------------------------------------------------------- control characters (raw sheet XML)


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "sharedStrings"])
@pytest.mark.parametrize("raw, code", [
    (b"Kec&#x7;Bel", "berkas.rusak"),   # a character reference to BEL: illegal in XML 1.0
    (b"Kec&#0;Nol", "berkas.rusak"),
    (b"Kec\x07Bel", "berkas.rusak"),    # the raw byte: not well-formed
    (b"Kec&#xD800;Sur", "berkas.rusak"),  # a lone surrogate
], ids=["ncr-bel", "ncr-nul", "raw-bel", "ncr-surrogate"])
def test_illegal_xml_characters_are_a_damaged_file(raw, code, shared, tmp_path):
    wb = make_workbook(tmp_path / "kendali.xlsx")
    set_inline(wb, "Profil", "B3", raw)
    if shared:
        as_excel_saves(wb)
    out_dir = tmp_path / "keluaran"
    rc, problems = validate_json(wb)
    assert rc == 1 and problem_codes(problems) == {code}
    res = cli("build", wb, "--out", out_dir / "laporan.docx")
    assert crashed(res) is None and res.exit_code == 1 and "laporan tidak dibuat" in res.output
    assert not out_dir.exists() or leftovers(out_dir) == []


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "sharedStrings"])
def test_legal_special_characters_survive(shared, tmp_path):
    """Tab, newline, CR, astral characters and U+FFFD written as character references: build fine."""
    wb = make_workbook(tmp_path / "khusus.xlsx")
    set_inline(wb, "Profil", "B3", b"Kec&#9;A&#10;B&#13;C &#x1F600; &#xFFFD;")
    set_inline(wb, "Profil", "B18", xml_text("Visi\u00a0dengan\u2028pemisah\u2029dan\u200bnol \ufeffBOM"))
    if shared:
        as_excel_saves(wb)
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    text = all_text(load(out))
    assert "😀" in text and "\ufffd" in text


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "sharedStrings"])
def test_excel_escaped_control_characters_are_decoded_not_printed(shared, tmp_path):
    wb = make_workbook(tmp_path / "escape.xlsx")
    set_inline(wb, "Profil", "B3", b"Kec_x000B_Bel_x0007_Tab_x0009_Akhir")
    if shared:
        as_excel_saves(wb)
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    text = all_text(load(out))
    assert "_x000B_" not in text and "_x0007_" not in text
    assert re.search(r"Kec\s?Bel\s?Tab\tAkhir", text), "control characters dropped (or a line break), tab kept"


def test_escaped_control_characters_never_break_the_document(tmp_path):
    """Whatever the reader does with _xHHHH_ (even _x0000_ and surrogates), the report stays valid."""
    wb = make_workbook(tmp_path / "escape.xlsx")
    set_inline(wb, "Profil", "B3", b"Kec_x0000_A_x001F_B_xD800_C_xFFFE_D")
    set_inline(wb, "Kinerja", "C3", b"Sasaran_x000C_satu")
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    load(out)
