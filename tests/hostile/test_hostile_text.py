"""Template injection and awkward characters: workbook text is printed verbatim, never evaluated, never breaks the XML."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from docx_text import all_text, load
from factory import (
    KINERJA,
    as_excel_saves,  # noqa: E402  (hostile_util puts tests/ on the path)
)
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


# ---------------------------------------------------------------- lone surrogates written as Excel escapes

SURROGATE_ESCAPES = "_xD800_ _xDFFF_ _xD83D__xDE00_ _xDC00__xD800_"


def _every_text_cell(src, dest, sheet: str, suffix: str):
    """`suffix` appended to every text cell of `sheet`, its header row included."""
    import openpyxl

    wb = openpyxl.load_workbook(src)
    for row in wb[sheet].iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = cell.value + suffix
    wb.save(dest)
    return dest


@pytest.mark.parametrize("sheet", ["Profil", "Kinerja", "Anggaran", "Belanja", "Narasi", "Pegawai", "Rencana_Aksi", "Indeks",
                                   "Gambar", "Pengaturan"])
def test_surrogate_escapes_in_every_text_cell_never_crash_any_command(sheet, tmp_path):
    """`_xD800_` … in every text cell of a sheet (headers too): validate, build, context and diff each end in
    a result or in problems (exit 0/1; diff 0/1/2), JSON stays JSON, a written report opens."""
    import json

    from factory import ANGGARAN

    rows = {"Belanja": [{"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 35_000_000, "Realisasi": 32_500_000}],
            "Narasi": [{"Bagian": "latar_belakang", "Judul": "Latar", "Isi": "Teks staf.\n- butir"}],
            "Pegawai": [{"Nama": "Ani", "NIP": "19770321 199602 2 001", "Golongan": "III/a", "Jabatan": "Staf"}],
            "Rencana_Aksi": [{"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan I", "Target Kinerja": 20}],
            "Indeks": [{"Indikator": "Indeks Kepuasan Masyarakat", "Aspek": "Waktu", "Bobot": 1}],
            "Gambar": [{"Bagian": "struktur_organisasi", "Berkas": "tidak-ada.png", "Keterangan": "Struktur"}]}
    base = make_workbook(tmp_path / "dasar.xlsx", sheets={sheet: rows[sheet]} if sheet in rows else None,
                         anggaran=ANGGARAN)
    wb = _every_text_cell(base, tmp_path / "surrogat.xlsx", sheet, " " + SURROGATE_ESCAPES)
    res = cli("validate", wb, "--format", "json")
    assert crashed(res) is None, crashed(res)
    assert res.exit_code in (0, 1)
    problems = json.loads(res.output)
    out = tmp_path / "laporan.docx"
    built = cli("build", wb, "--out", out)
    assert crashed(built) is None, crashed(built)
    assert built.exit_code == res.exit_code, built.output  # validate and build agree
    if built.exit_code == 0:
        text = all_text(load(out))
        if sheet in ("Profil", "Kinerja", "Anggaran", "Narasi"):
            assert "_xD800_" in text  # printed as typed: no character exists for it
    else:
        assert problems and not out.exists()
    ctx = cli("context", wb)
    assert crashed(ctx) is None, crashed(ctx)
    assert ctx.exit_code == res.exit_code
    if ctx.exit_code == 0:
        json.loads(ctx.output)
    d = cli("diff", base, wb, "--format", "json")
    assert crashed(d) is None, crashed(d)
    assert d.exit_code in (0, 1, 2)
    if d.exit_code in (0, 1):
        json.loads(d.stdout)  # errors of a revision that is read go to stderr, beside the changes


@pytest.mark.parametrize("grid", [True, False], ids=["calamine", "stream"])
@pytest.mark.parametrize("shared", [False, True], ids=["inline", "sharedStrings"])
def test_surrogate_escapes_are_printed_as_typed_everywhere(grid, shared, monkeypatch, tmp_path):
    import json

    from generator.read import xlsx

    monkeypatch.setattr(xlsx, "GRID_READER", grid)
    base = make_workbook(tmp_path / "dasar.xlsx")
    wb = make_workbook(tmp_path / "surrogat.xlsx", profil={"instansi": "Kecamatan _xD800_Contoh"},
                       kinerja=[dict(KINERJA[0]), {**KINERJA[1], "Analisis": "Analisis _xDFFF_ dan _xD83D__xDE00_"}, KINERJA[2]])
    if shared:
        as_excel_saves(wb)
    rc, problems = validate_json(wb)
    assert rc == 0 and problems == []
    out = tmp_path / "laporan.docx"
    res = cli("build", wb, "--out", out)
    assert crashed(res) is None and res.exit_code == 0, res.output
    text = all_text(load(out))
    assert "Kecamatan _xD800_Contoh" in text and "Analisis _xDFFF_ dan _xD83D__xDE00_" in text
    ctx = cli("context", wb)
    assert ctx.exit_code == 0 and json.loads(ctx.output)["profil"]["instansi"] == "Kecamatan _xD800_Contoh"
    d = cli("diff", base, wb)
    assert crashed(d) is None and d.exit_code == 1, d.output
    assert "Kecamatan _xD800_Contoh" in d.output


def test_surrogate_escapes_through_a_real_process_stay_utf8(tmp_path):
    """stdout of a real `lkjip context` (a pipe, not a terminal) is UTF-8 JSON with the escape as typed."""
    import json

    wb = make_workbook(tmp_path / "surrogat.xlsx", profil={"instansi": "Kecamatan _xD800_Contoh"})
    proc = subprocess.run([__import__("sys").executable, "-m", "generator.cli", "context", str(wb)], capture_output=True,
                          env={**__import__("os").environ, "LC_ALL": "C", "PYTHONIOENCODING": ""})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["profil"]["instansi"] == "Kecamatan _xD800_Contoh"
