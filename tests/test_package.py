"""The .docx package as Word (stricter than LibreOffice) and file managers read it: schema order, styles, metadata."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import ALOK, RAAS
from lxml import etree

from generator.pipeline import build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# ECMA-376 part 1, CT_SectPr (§17.6.17): the header/footer references, then this sequence
SECTPR = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
          "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
          "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
# CT_Settings, the part of the sequence around the elements lkjip writes
SETTINGS = ["zoom", "proofState", "defaultTabStop", "characterSpacingControl", "updateFields", "compat", "rsids",
            "mathPr", "themeFontLang", "clrSchemeMapping", "doNotAutoCompressPictures", "shapeDefaults",
            "decimalSymbol", "listSeparator"]


def _local(el) -> str:
    return etree.QName(el).localname


def in_order(children: list[str], order: list[str]) -> bool:
    rank = {n: i for i, n in enumerate(order)}
    rank["footerReference"] = rank.get("headerReference", 0)
    seq = [rank[c] for c in children if c in rank]
    return seq == sorted(seq)


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    out = {}
    for wb in (ALOK, RAAS):
        res = build(wb, out_dir=tmp_path_factory.mktemp("paket"))
        assert res.output, res.error
        out[wb.stem] = res.output.read_bytes()
    return out


def parts(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n) for n in z.namelist()}


def test_sections_and_settings_in_schema_order(packages):
    for name, data in packages.items():
        p = parts(data)
        doc = etree.fromstring(p["word/document.xml"])
        sects = list(doc.iter(W + "sectPr"))
        assert len(sects) >= 3, name
        for s in sects:
            kids = [_local(k) for k in s]
            assert in_order(kids, SECTPR), (name, kids)
        # the roman numbering of the front matter is there, in its place
        assert any(s.find(W + "pgNumType") is not None and s.find(W + "pgNumType").get(W + "fmt") == "lowerRoman"
                   for s in sects)
        settings = [_local(k) for k in etree.fromstring(p["word/settings.xml"])]
        assert in_order(settings, SETTINGS), settings
        assert "updateFields" in settings


def test_every_paragraph_style_used_is_defined(packages):
    for name, data in packages.items():
        p = parts(data)
        styles = {s.get(W + "styleId") for s in etree.fromstring(p["word/styles.xml"]).iter(W + "style")}
        used = {ps.get(W + "val") for ps in etree.fromstring(p["word/document.xml"]).iter(W + "pStyle")}
        assert {"TOC1", "TOC2"} <= used, name  # the cached Daftar Isi entries
        assert used <= styles, (name, used - styles)


def test_no_stale_parts_and_indonesian_separators(packages):
    p = parts(packages[ALOK.stem])
    assert not [n for n in p if "thumbnail" in n or "stylesWithEffects" in n]
    assert b"thumbnail" not in p["_rels/.rels"]
    settings = p["word/settings.xml"].decode()
    assert '<w:decimalSymbol w:val=","/>' in settings
    # chart axis ids are unsigned (python-pptx writes negative ones)
    for n, blob in p.items():
        if n.startswith("word/charts/chart"):
            assert not re.search(rb'<c:(axId|crossAx) val="-', blob), n


def test_metadata_names_the_report_and_its_date(packages):
    p = parts(packages[ALOK.stem])
    core = p["docProps/core.xml"].decode()
    app = p["docProps/app.xml"].decode()
    assert "<dc:title>Laporan Kinerja Instansi Pemerintah Kecamatan Alok Tahun 2024</dc:title>" in core
    assert "<dc:creator>Kecamatan Alok</dc:creator>" in core
    # tanggal_laporan of the Alok workbook: 30 Januari 2025
    assert ">2025-01-30T00:00:00Z</dcterms:created>" in core and ">2025-01-30T00:00:00Z</dcterms:modified>" in core
    assert "python-docx" not in core
    assert "<Company>Kecamatan Alok</Company>" in app
    assert "Microsoft" not in app and "<Pages>" not in app


def test_openxml_validator_finds_nothing(packages, tmp_path):
    """Open XML SDK rules (pure Python port), when installed: `pip install -e .[test]`."""
    audit = pytest.importorskip("openxml_audit")
    for name, data in packages.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        result = audit.OpenXmlValidator().validate(str(path))
        assert result.is_valid, [(e.part_uri, e.path, e.description) for e in result.errors[:10]]


def test_perbarui_daftar_without_libreoffice_writes_the_usual_report(tmp_path, monkeypatch, packages):
    """No LibreOffice: the report is written as always (same bytes), and the summary says why no page numbers."""
    import generator.write.pdf as pdf
    from generator.summary import summary_lines

    monkeypatch.setattr(pdf, "uno_python", lambda: None)
    res = build(ALOK, out_dir=tmp_path, perbarui_daftar=True)
    assert res.ok
    assert res.output.read_bytes() == packages[ALOK.stem]
    assert "butuh LibreOffice dengan modul Python UNO" in res.daftar_error  # said by the CLI, on stderr, exit 3
    assert not any("daftar isi" in line for line in summary_lines(res))


def _ends_with_wide_table(tmp_path):
    from factory import make_workbook

    rows = [{"Indikator": f"Persentase layanan tepat waktu {i // 4 + 1}", "Periode": f"Triwulan {'I' * (i % 4 + 1)}",
             "Target Kinerja": 80, "Realisasi Kinerja": 67, "Program": "Program Penunjang Urusan Pemerintahan Daerah",
             "Target Anggaran": 1_250_000_000, "Realisasi Anggaran": 1_100_000_000, "Keterangan": "Sesuai jadwal"}
            for i in range(80)]
    return make_workbook(tmp_path / "lebar.xlsx", sheets={"Rencana_Aksi": rows})


def test_report_ending_with_a_wide_table_ends_in_its_landscape_section(tmp_path):
    """No empty portrait section (a page holding only its number) after the last landscape table."""
    res = build(_ends_with_wide_table(tmp_path), out_dir=tmp_path / "out")
    assert res.ok, res.error
    body = etree.fromstring(parts(res.output.read_bytes())["word/document.xml"]).find(W + "body")
    final = body[-1]
    assert _local(final) == "sectPr"
    assert final.find(W + "pgSz").get(W + "orient") == "landscape"
    # what comes last before the final section properties is the table (and its caption), not an empty section
    last_tbl = max(i for i, el in enumerate(body) if _local(el) == "tbl")
    tail = [el for el in body[last_tbl + 1:-1]]
    assert all(el.find(f"{W}pPr/{W}sectPr") is None for el in tail)


def test_charts_keep_full_names_and_a_thousands_format(packages):
    """Category names whole in the chart data (the axis wraps them); money with a thousands separator."""
    p = parts(packages[RAAS.stem])
    charts = {n: b.decode() for n, b in p.items() if n.startswith("word/charts/chart")}
    assert charts and not any("\u2026" in x for x in charts.values())
    assert any("Persentase sarana dan prasarana pelayanan umum yang memerlukan pemeliharaan dikoordinasikan ke Instansi "
               "leading sektor" in x for x in charts.values())
    money = [x for x in charts.values() if "Pagu (juta Rp)" in x]
    assert money and 'formatCode="#,##0"' in money[0]
