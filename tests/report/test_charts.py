"""generator/report/charts.py: native Word charts (DrawingML chart XML plus its embedded data workbook) drawn
from the context's chart specs, and the inline drawing that shows one.

Charts inside a built report (full names, thousands format, unsigned axis ids) are tested in
tests/test_package.py; the labels as LibreOffice prints them (86,67) in tests/report/test_layout.py; which
charts a report gets (no tren chart without last year's capaian) in tests/docx/test_render.py and
tests/test_report_truth.py.
"""

from __future__ import annotations

import io

import openpyxl
from lxml import etree

from generator.base.specs import Grafik
from generator.report.charts import C_NS, EMU_PER_CM, chart_anggaran, draw, inline_xml

NS = {"c": C_NS}


def _series(xml: bytes) -> list[tuple[str, list[str], list[str]]]:
    """(series name, categories, values) per series, as Word reads them."""
    root = etree.fromstring(xml)
    out = []
    for ser in root.iterfind(".//c:ser", NS):
        name = ser.findtext("c:tx//c:v", namespaces=NS)
        cats = [v.text for v in ser.iterfind("c:cat//c:pt/c:v", NS)]
        vals = [v.text for v in ser.iterfind("c:val//c:pt/c:v", NS)]
        out.append((name, cats, vals))
    return out


def test_capaian_chart_sets_each_indicator_against_a_100_percent_target():
    chart = draw(Grafik("Capaian", "capaian", [{"nama": "Indeks Kepuasan Masyarakat", "capaian": 102.5},
                                               {"nama": "Persentase layanan tepat waktu", "capaian": 83.7512}]))
    # horizontal bars draw the first category at the bottom: stored reversed so the chart reads top-down
    assert _series(chart.xml) == [
        ("Target (%)", ["Persentase layanan tepat waktu", "Indeks Kepuasan Masyarakat"], ["100.0", "100.0"]),
        ("Capaian (%)", ["Persentase layanan tepat waktu", "Indeks Kepuasan Masyarakat"], ["83.75", "102.5"]),
    ]
    root = etree.fromstring(chart.xml)
    assert root.find(".//c:barDir", NS).get("val") == "bar"
    assert {f.get("formatCode") for f in root.iterfind(".//c:dLbls/c:numFmt", NS)} == {"0.00"}
    assert root.find(".//c:lang", NS).get("val") == "id-ID"
    assert all(int(a.get("val")) >= 0 for a in root.iterfind(".//c:axId", NS))  # unsigned, as the schema wants
    assert (chart.width_cm, chart.height_cm) == (15.5, 5.0)


def test_anggaran_chart_in_juta_rupiah_with_its_data_workbook():
    chart = chart_anggaran([{"nama": "Program Penunjang", "pagu": 15_000_000.0, "realisasi": 14_500_000.0, "penyerapan": 96.67},
                            {"nama": "Program Pelayanan", "pagu": 20_000_000.0, "realisasi": 18_000_000.0, "penyerapan": 90.0}])
    assert [(s[0], s[2]) for s in _series(chart.xml)] == [("Pagu (juta Rp)", ["20.0", "15.0"]),
                                                         ("Realisasi (juta Rp)", ["18.0", "14.5"])]
    assert {f.get("formatCode") for f in etree.fromstring(chart.xml).iterfind(".//c:dLbls/c:numFmt", NS)} == {"#,##0"}
    ws = openpyxl.load_workbook(io.BytesIO(chart.xlsx)).active  # "Edit Data" in Word opens this
    assert [[c.value for c in row] for row in ws.iter_rows(max_col=3)] == [
        [None, "Pagu (juta Rp)", "Realisasi (juta Rp)"], ["Program Pelayanan", 20, 18], ["Program Penunjang", 15, 14.5]]


def test_tren_chart_has_one_series_per_year_and_an_absurd_value_does_not_break_it():
    chart = draw(Grafik("Tren", "tren", [{"nama": "IKM", "capaian": {"2023": 97.5, "2024": 102.5}},
                                         {"nama": "Nilai SAKIP", "capaian": {"2024": float("inf")}}]))
    assert _series(chart.xml) == [("Capaian 2023 (%)", ["Nilai SAKIP", "IKM"], ["0.0", "97.5"]),
                                  ("Capaian 2024 (%)", ["Nilai SAKIP", "IKM"], ["0.0", "102.5"])]


def test_jumlah_chart_is_named_by_its_series_and_longer_lists_are_cut():
    data = [{"nama": f"Predikat {i}", "jumlah": i, "seri": "Jumlah indikator"} for i in range(25)]
    [(name, cats, vals)] = _series(draw(Grafik("Predikat", "jumlah", data)).xml)
    assert name == "Jumlah indikator" and len(cats) == 20 and cats[0] == "Predikat 19" and vals[0] == "19.0"


def test_inline_xml_places_the_chart_at_its_size():
    chart = draw(Grafik("Capaian", "capaian", [{"nama": "IKM", "capaian": 100.0}]))
    run = etree.fromstring(inline_xml("rId42", 5001, chart))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    extent = run.find(f".//{wp}extent")
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (int(15.5 * EMU_PER_CM), int(5.0 * EMU_PER_CM))
    assert run.find(f".//{wp}docPr").get("name") == "Grafik 5001"
    assert run.find(".//c:chart", NS).get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") == "rId42"
