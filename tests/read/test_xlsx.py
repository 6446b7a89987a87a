"""generator/read/xlsx.py: cells of every kind and namespace, shared strings, as the package stores them."""

from __future__ import annotations

import datetime as dt

import pytest


def _sheet_cells(tmp_path, body: bytes, root: bytes = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'):
    """Xlsx.rows over a hand-written sheet part (shared strings ["bersama"], style 1 is a date)."""
    import types
    import zipfile

    from generator.read.xlsx import Xlsx

    end = b"</" + root[1:root.index(b" ")] + b">"
    part = tmp_path / "sheet.zip"
    with zipfile.ZipFile(part, "w") as zf:
        zf.writestr("sheet1.xml", root + body + end)
    with zipfile.ZipFile(part) as zf:
        book = types.SimpleNamespace(zip=zf, shared=["bersama"], date_styles={1}, epoch=dt.datetime(1899, 12, 30))
        return [(n, [(col, value, dtype, formula) for col, value, dtype, _style, formula in cells])
                for n, cells in Xlsx.rows(book, "sheet1.xml")]


def test_sheet_cells_of_every_kind(tmp_path):
    rows = _sheet_cells(tmp_path, (
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c><c r="C1"><v>0.26</v></c>'
        b'<c r="D1" s="1"><v>45000</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c>'
        b'<c r="G1"><f>SUM(B1:C1)</f></c><c r="H1" t="str"><f>A1</f><v>teks</v></c></row>'
        b'<row r="3"><c r="C3" t="inlineStr"><is><r><t>Peningkatan </t></r><r><rPr><b/></rPr><t>Pelayanan</t></r>'
        b'<rPh sb="0" eb="1"><t>FURIGANA</t></rPh></is></c><c t="inlineStr"><is><t>A&amp;B_x000B_</t></is></c></row>'
        b'</sheetData>'))
    assert rows == [
        (1, [(0, "bersama", "s", None), (1, 12, "n", None), (2, 0.26, "n", None), (3, dt.datetime(2023, 3, 15), "n", None),
             (4, True, "b", None), (5, "#DIV/0!", "e", None), (6, None, "n", "=SUM(B1:C1)"), (7, "teks", "str", None)]),
        (3, [(2, "Peningkatan Pelayanan", "inlineStr", None), (3, "A&B\x0b", "inlineStr", None)]),
    ]


@pytest.mark.parametrize("root", [
    b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',  # prefixed (Open XML SDK)
    b'<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main">',  # Strict Open XML
])
def test_sheet_cells_in_prefixed_and_strict_namespaces(tmp_path, root):
    p = b"x:" if root.startswith(b"<x:") else b""
    body = (b"<" + p + b"sheetData><" + p + b'row r="2"><' + p + b'c r="B2" t="inlineStr"><' + p + b"is><" + p + b"t>Kode</"
            + p + b"t></" + p + b"is></" + p + b"c><" + p + b'c r="C2"><' + p + b"v>7</" + p + b"v></" + p + b"c></" + p
            + b"row></" + p + b"sheetData>")
    assert _sheet_cells(tmp_path, body, root) == [(2, [(1, "Kode", "inlineStr", None), (2, 7, "n", None)])]


def test_shared_strings_read_as_openpyxl_reads_them(tmp_path):
    import io

    from openpyxl.reader.strings import read_string_table

    from generator.read.xlsx import read_shared_strings

    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kode</t></si>'
           b'<si><r><t>Pe</t></r><r><rPr><b/></rPr><t xml:space="preserve">ningkatan </t></r><rPh sb="0" eb="1"><t>X</t></rPh>'
           b'<phoneticPr fontId="1"/></si><si><t/></si><si><t>a &amp; b</t></si><si><t>_x005F_x000B_</t></si></sst>')
    ours = read_shared_strings(io.BytesIO(sst))
    assert ours == ["Kode", "Peningkatan ", "", "a & b", "_x005F_x000B_"]
    # openpyxl's own reader gives the same texts, except that it half-decodes the `_x005F_` escape
    assert ours[:4] == read_string_table(io.BytesIO(sst))[:4]


def test_a_large_shared_strings_table_is_streamed_with_the_same_result(monkeypatch):
    import io

    from generator.read import xlsx as reader

    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + b"".join(b"<si><t>teks %d</t></si>" % i for i in range(500))
           + b"<si><r><t>a</t></r><r><t>b</t></r></si></sst>")
    whole = reader.read_shared_strings(io.BytesIO(sst))
    monkeypatch.setattr(reader, "_SHARED_TREE_LIMIT", 100)
    assert reader.read_shared_strings(io.BytesIO(sst)) == whole
    assert len(whole) == 501 and whole[-1] == "ab"


def test_shared_strings_are_parsed_only_as_far_as_asked_with_the_list_s_answers(monkeypatch):
    """A small sheet streamed for its dates parses the first strings only; past the prefix, a negative
    index or the length, the whole table is parsed — every answer as the whole list gives it."""
    import io

    from generator.read import xlsx as reader

    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + b"".join(b"<si><t>teks %d</t></si>" % i for i in range(50))
           + b"<si><r><t>a</t></r><rPh><t>X</t></rPh><r><t>b</t></r></si></sst>")
    whole = reader.read_shared_strings(io.BytesIO(sst))
    opened: list[int] = []

    def open_part():
        opened.append(1)
        return io.BytesIO(sst)

    monkeypatch.setattr(reader.SharedStrings, "PREFIX", 20)
    lazy = reader.SharedStrings(open_part)
    assert [lazy[i] for i in (0, 3, 19)] == [whole[0], whole[3], whole[19]]
    assert lazy._all is None and len(lazy._first) == 20 and len(opened) == 1  # no more than asked
    assert lazy[50] == "ab" == whole[50] and lazy[-1] == whole[-1] and len(lazy) == 51
    assert len(opened) == 2  # the whole table once
    with pytest.raises(IndexError):
        lazy[51]
    short = reader.SharedStrings(lambda: io.BytesIO(b"<sst><si><t>x</t></si></sst>"))
    assert short[0] == "x"
    with pytest.raises(IndexError):
        short[5]  # fewer strings than the prefix: IndexError, which the reader turns into #REF!


# ---------------------------------------------------------------- the two readers agree


def _read_both(path, monkeypatch):
    """What the report rests on — every problem and the whole template context — read with calamine's
    grid where it applies, and with every sheet streamed."""
    from generator.pipeline import check
    from generator.read import xlsx
    from generator.report.context import context_json

    out = []
    for grid in (True, False):
        monkeypatch.setattr(xlsx, "GRID_READER", grid)
        _lap, hasil, problems = check(path)
        out.append(([p.as_dict() for p in problems], context_json(hasil) if hasil is not None else None))
    return out


@pytest.mark.parametrize("example", ["kecamatan-alok-2024.xlsx", "kecamatan-kota-sumenep-2023.xlsx", "kecamatan-raas-2020.xlsx"])
@pytest.mark.parametrize("excel", [False, True], ids=["openpyxl", "excel"])
def test_grid_and_stream_readers_agree_on_the_examples(tmp_path, monkeypatch, example, excel):
    import shutil

    from conftest import EXAMPLES
    from factory import as_excel_saves

    wb = shutil.copy(EXAMPLES / example, tmp_path / example)
    if excel:
        as_excel_saves(wb)
    grid, stream = _read_both(wb, monkeypatch)
    assert grid == stream and grid[1] is not None


_CELL_VALUES = [0, 1, -3, 12.5, 0.85, 0.1 + 0.2, 1e15, 10**18, True, False, dt.date(2025, 1, 30), dt.datetime(2024, 2, 1, 8, 30),
                dt.time(7, 15), "", " ", "85%", "Rp 1.234.567,-", "6.5025.000", "#DIV/0!", "=SUM(E2:E3)", "=1/0", "teks_x000B_",
                "a_xD800_b", "😀", "Belum ada penilaian", "BB", "x" * 200, "2024-2026", "30/01/2025", "Ya"]


def test_grid_and_stream_readers_agree_on_odd_cells(tmp_path, monkeypatch):
    """Every kind of cell value (numbers, booleans, dates, times, formulas without a value, error
    values, percent formats, escapes, long text) in every sheet, Excel's layout and openpyxl's."""
    import itertools
    import random

    import openpyxl
    from factory import as_excel_saves, make_workbook

    rng = random.Random(20261201)
    base = make_workbook(tmp_path / "dasar.xlsx").read_bytes()
    for n in range(12):
        path = tmp_path / f"aneh-{n}.xlsx"
        path.write_bytes(base)
        wb = openpyxl.load_workbook(path)
        for ws, _ in itertools.product(wb.worksheets, range(6)):
            cell = ws.cell(row=rng.randint(1, 12), column=rng.randint(1, 16))
            cell.value = rng.choice(_CELL_VALUES)
            if rng.random() < 0.3:
                cell.number_format = rng.choice(["0%", "0.00%", "#,##0", "dd/mm/yyyy", "[h]:mm", "@"])
        wb.save(path)
        if n % 2:
            as_excel_saves(path)
        grid, stream = _read_both(path, monkeypatch)
        assert grid == stream, path.name


def test_grid_and_stream_readers_agree_on_issue12_cases(tmp_path, monkeypatch):
    """Copied sheets, keys filled twice, image paths with NUL escapes, surrogate escapes, a missing Pagu
    column: the same problems and the same context from both readers."""
    from factory import as_excel_saves, make_workbook

    def edit(wb):
        copy = wb.copy_worksheet(wb["Anggaran"])
        copy.title = "ANGGARAN_"
        wb["Profil"].append(["instansi", "Kecamatan _xD800_Lain"])
        wb["Pengaturan"].append(["desimal", 1])
        wb["Kinerja"]["R3"] = "Analisis _xDFFF_ dan _x0000_."

    cases = {
        "salinan": {"edit": edit, "profil": {"logo": "logo_x0000_.png"},
                    "sheets": {"Gambar": [{"Bagian": "struktur_organisasi", "Berkas": "a" * 300 + ".png"}]}},
        "tanpa-pagu": {"edit": lambda wb: setattr(wb["Anggaran"]["E1"], "value", None)},
    }
    for name, kwargs in cases.items():
        for excel in (False, True):
            path = make_workbook(tmp_path / f"{name}-{excel}.xlsx", **kwargs)
            if excel:
                as_excel_saves(path)
            grid, stream = _read_both(path, monkeypatch)
            assert grid == stream, path.name
            assert grid[0], path.name  # each case is a problem somewhere


# ---------------------------------------------------------------- issue 26.1: references outside Excel's sheet

_FAR_REFS = {  # the raw reference put in place of Profil!B2 -> the cell the problem is reported at
    "B99999999999": "B99999999999", "AAAAAAAAAA2": "AAAAAAAAAA2", "ZZZZZZ2": "ZZZZZZ2", "XFE2": "XFE2",
    "B1048577": "B1048577", "A0": "A0", "$B$2": "", "7": "",
}


def test_far_references_are_berkas_rusak_at_the_cell_not_an_abort(tmp_path):
    """A raw `<c r="B99999999999">` (or a 4+ letter column) once reached the fast reader's dense grid and
    aborted the process (exit 134, a Rust backtrace). Every reference is checked first: `berkas.rusak`
    at that cell, in Indonesian, from check, build and the batch plan alike. Run in a child process so
    that a regression fails this test instead of killing the test run."""
    import json
    import re
    import subprocess
    import sys
    import zipfile

    from factory import make_workbook

    base = make_workbook(tmp_path / "dasar.xlsx")
    paths = []
    for i, ref in enumerate(_FAR_REFS):
        path = tmp_path / f"jauh{i}.xlsx"
        with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet2.xml":  # Profil
                    data, n = re.subn(rb'<c r="B2"', b'<c r="' + ref.encode() + b'"', data, count=1)
                    assert n == 1
                dst.writestr(item, data)
        paths.append(str(path))
    script = (
        "import json, sys\nfrom pathlib import Path\nfrom generator import check, build\n"
        "from generator.batch import planned_output\nout = []\n"
        "for p in sys.argv[1:]:\n"
        "    _lap, _h, probs = check(p)\n"
        "    res = build(p, Path(p).with_suffix('.docx'))\n"
        "    out.append([[(x.sheet, x.cell, x.code, x.message) for x in probs if x.severity == 'error'],\n"
        "                res.ok, Path(p).with_suffix('.docx').exists(), planned_output(Path(p), Path('o')) is None])\n"
        "print(json.dumps(out))\n")
    run = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    for (ref, cell), (errors, ok, written, unplanned) in zip(_FAR_REFS.items(), json.loads(run.stdout)):
        assert [e[:3] for e in errors] == [["Profil", cell, "berkas.rusak"]], (ref, errors)
        assert f"sel dengan referensi '{ref}'" in errors[0][3]
        assert ("bukan referensi sel yang sah" if cell == "" else "di luar batas lembar Excel (kolom A–XFD, baris 1–1.048.576)") in errors[0][3]
        assert not ok and not written and unplanned


@pytest.mark.parametrize("xml, extent", [
    (b'<sheetData><row r="1"><c r="A1"/></row><row r="120"><c r="C120"/></row></sheetData>', (999, 26)),
    (b'<sheetData><row r="1"><c r="AB1"/><c r="xfd1"/></row><row r="7"><c r="B7"/></row></sheetData>', (9, 16384)),
    (b'<sheetData><row r="2"><c r="B999999"/></row><row r="3"/></sheetData>', (999999, 26)),  # a cell far below its row
    (b'<sheetData><row r="2" header="0.3"><c r="" t="s"/></row></sheetData><pageMargins footer="0.3"/>', (9, 26)),
])
def test_sheet_extent_bounds_every_cell(xml, extent):
    """The grid reader is used only when rows x columns (from every reference, not only the row tags) is small."""
    from generator.read.xlsx import sheet_extent

    assert sheet_extent(xml) == extent


@pytest.mark.parametrize("xml", [b'<row r="1048577"><c r="A1"/></row>', b'<row r="1"><c r="XFE1"/></row>',
                                 b'<row r="1"><c r = \'AAAA1\'/></row>',
                                 b'<x:row r="1"><x:c r="A99999999999"/></x:row>'])
def test_sheet_extent_refuses_references_outside_excel(xml):
    from generator.read.xlsx import BadReference, sheet_extent

    with pytest.raises(BadReference):
        sheet_extent(xml)


@pytest.mark.parametrize("raw", [b"NaN", b"1e999", b"-inf"])
def test_a_non_finite_number_in_a_text_field_is_a_problem_not_the_agency_name(raw, tmp_path):
    """Issue 26.12: `<v>NaN</v>` in the instansi cell became the agency ("LKjIP-nan-2024.docx", "nan" printed)."""
    import re
    import zipfile

    from factory import make_workbook

    from generator import build, check

    base = make_workbook(tmp_path / "dasar.xlsx")
    path = tmp_path / "nan.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":  # Profil; B3 is instansi
                data, n = re.subn(rb'<c r="B3"[^>]*>.*?</c>', b'<c r="B3"><v>' + raw + b"</v></c>", data, count=1)
                assert n == 1
            dst.writestr(item, data)
    _lap, _hasil, problems = check(path)
    found = [(p.sheet, p.cell, p.code) for p in problems]
    assert ("Profil", "B3", "nilai.tidak-hingga") in found
    value = str(float(raw))
    assert f"Sel menyimpan angka {value} (NaN atau tak hingga)" in problems[found.index(("Profil", "B3", "nilai.tidak-hingga"))].message
    res = build(path, out_dir=tmp_path / "keluaran")
    assert not res.ok and not (tmp_path / "keluaran").exists()


@pytest.mark.parametrize("damage", ["xml", "rel", "styles"])
def test_a_damaged_part_is_said_in_indonesian_without_python_text(damage, tmp_path):
    """Issue 26.13: `berkas.rusak` carried raw English Python text ("IndexError: list assignment index …")."""
    import re
    import zipfile

    from factory import make_workbook

    from generator import check

    base = make_workbook(tmp_path / "dasar.xlsx")
    path = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if damage == "xml" and item.filename == "xl/worksheets/sheet3.xml":
                data = data.replace(b"</sheetData>", b"</sheetDat>")
            if damage == "rel" and item.filename == "xl/_rels/workbook.xml.rels":
                data = re.sub(rb'Target="[^"]*sheet3.xml"', b'Target="/xl/worksheets/tidak-ada.xml"', data)
            if damage == "styles" and item.filename == "xl/styles.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    _lap, _hasil, problems = check(path)
    rusak = [p for p in problems if p.code == "berkas.rusak"]
    if damage == "rel":  # the sheet is not there: Kinerja is missing, said as such
        assert any(p.code == "sheet.tidak-ada" and p.sheet == "Kinerja" for p in problems)
        return
    [p] = rusak
    expected = {"xml": "salah satu bagian XML-nya rusak (bukan XML yang sah) (rincian teknis: XMLSyntaxError)",
                "styles": "salah satu bagian XML-nya rusak (bukan XML yang sah) (rincian teknis: XMLSyntaxError)"}[damage]
    assert p.message == f"Workbook tidak dapat dibaca: {expected}."
