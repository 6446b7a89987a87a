"""Native Word charts (DrawingML) from context chart specs, via python-pptx's chart XML writer.

Charts are vector, editable in Word ("Edit Data" opens the embedded workbook) and
rendered by LibreOffice too; no plotting library is imported. Each spec becomes a
chart part, its embedded workbook and the inline drawing that shows it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..base.specs import Grafik

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
EMU_PER_CM = 360000
COLORS = ("9DB4D6", "1F4E78", "C55A11", "548235")


@dataclass
class Chart:
    xml: bytes  # the chartSpace part
    xlsx: bytes  # its embedded data workbook
    width_cm: float
    height_cm: float


def _style(xml: str, *, percent: bool) -> str:
    """Colours, data labels, a number format and a legend at the bottom, added to python-pptx's XML."""
    # The viewer's locale decides the separators: "86,67" and "3.725" in Indonesian Word/LibreOffice.
    fmt = "0.00" if percent else "#,##0"
    # solid fills per series, in order
    parts = xml.split("</c:tx>")
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        fill = (f'<c:spPr><a:solidFill><a:srgbClr val="{COLORS[i % len(COLORS)]}"/></a:solidFill>'
                f'<a:ln><a:solidFill><a:srgbClr val="{COLORS[i % len(COLORS)]}"/></a:solidFill></a:ln></c:spPr>')
        fill += (f'<c:dLbls><c:numFmt formatCode="{fmt}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
                 '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="700"/></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
                 '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
                 '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>')
        out += "</c:tx>" + fill + part
    xml = out
    legend = ('<c:legend><c:legendPos val="b"/><c:overlay val="0"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>'
              '<a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr></c:legend><c:plotVisOnly val="1"/>')
    xml = re.sub(r"<c:legend>.*?</c:legend>", "", xml, flags=re.S)
    xml = xml.replace("<c:plotVisOnly val=\"1\"/>", "", 1)
    xml = xml.replace("</c:plotArea>", "</c:plotArea>" + legend, 1)
    # python-pptx writes an 18 pt default text size for the whole chart: make it 8 pt Arial
    xml = re.sub(r'<a:defRPr sz="1800"\s*/>', '<a:defRPr sz="800"><a:latin typeface="Arial"/><a:cs typeface="Arial"/></a:defRPr>', xml)
    xml = xml.replace('<a:endParaRPr lang="en-US"/>', '<a:endParaRPr lang="id-ID"/>')
    if "<c:lang " not in xml:  # schema order: date1904, lang, roundedCorners ...
        xml = xml.replace('<c:date1904 val="0"/>', '<c:date1904 val="0"/><c:lang val="id-ID"/>', 1)
    axis_fmt = f'<c:numFmt formatCode="{"0" if percent else "#,##0"}" sourceLinked="0"/>'
    xml = re.sub(r"(<c:valAx>.*?)(<c:majorTickMark)", lambda m: m.group(1) + axis_fmt + m.group(2), xml, count=1, flags=re.S)
    if not re.search(r"<c:v>-", xml):  # bars measured from 0: an 83,75 % bar is not drawn a third of a 100 % one
        xml = re.sub(r"(<c:valAx>\s*<c:axId [^>]*/>\s*)<c:scaling/>",
                     r'\g<1><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>', xml, count=1)
    xml = xml.replace('<c:autoTitleDeleted val="0"/>', '<c:autoTitleDeleted val="1"/>')
    # python-pptx's fixed axis ids are negative; the schema wants an unsigned int
    xml = re.sub(r'(<c:(?:axId|crossAx) val=")-(\d+)"', r'\g<1>\2"', xml)
    return xml


def preload() -> None:
    """Import python-pptx's chart writer now (0,1 s: it imports all of python-pptx), see `pipeline.preload`."""
    import pptx.chart.data  # noqa: F401
    import pptx.chart.xmlwriter  # noqa: F401
    import pptx.enum.chart  # noqa: F401


def _build(categories: list[str], series: list[tuple[str, list[float]]], *, percent: bool,
           horizontal: bool = True) -> tuple[bytes, bytes]:
    """Chart XML and data workbook; horizontal bars list categories top-down in the given order."""
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE

    data = CategoryChartData(number_format="0.00" if percent else "#,##0")
    # bar charts draw the first category at the bottom: reverse so the list reads top-down
    data.categories = categories[::-1] if horizontal else categories
    for name, values in series:
        values = [v if math.isfinite(v) else 0.0 for v in values]  # an absurd capaian must not break the chart
        data.add_series(name, values[::-1] if horizontal else values)
    chart_type = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    xml = ChartXmlWriter(chart_type, data).xml
    xml = _style(xml, percent=percent)
    # the embedded workbook lets Word users edit the chart's data
    xml = xml.replace("</c:chartSpace>", '<c:externalData r:id="rIdData"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>')
    if 'xmlns:r=' not in xml[:400]:
        xml = xml.replace("<c:chartSpace ", f'<c:chartSpace xmlns:r="{R_NS}" ', 1)
    return xml.encode("utf-8"), data.xlsx_blob


def chart_capaian(data: list[dict]) -> Chart:
    """Target (100 %) against capaian per indicator: one scale for indicators of different units."""
    data = data[:15]
    cats = [d["nama"] for d in data]  # full names in the data; the axis wraps long labels
    xml, xlsx = _build(cats, [("Target (%)", [100.0] * len(data)),
                                         ("Capaian (%)", [round(d["capaian"] or 0.0, 2) for d in data])], percent=True)
    return Chart(xml, xlsx, 15.5, max(5.0, 2.0 + 1.1 * len(data)))


def chart_tren(data: list[dict]) -> Chart:
    """Capaian of the previous year against this year's, per indicator."""
    data = data[:15]
    years = sorted({int(y) for d in data for y in d["capaian"]})
    cats = [d["nama"] for d in data]
    series = [(f"Capaian {y} (%)", [round(d["capaian"].get(str(y), d["capaian"].get(y)) or 0.0, 2) for d in data]) for y in years]
    xml, xlsx = _build(cats, series, percent=True)
    return Chart(xml, xlsx, 15.5, max(5.0, 2.0 + 1.1 * len(data)))


def chart_anggaran(data: list[dict]) -> Chart:
    """Pagu against realisasi (juta rupiah) per unit or program."""
    data = data[:20]
    cats = [d["nama"] for d in data]
    pagu = [round(d["pagu"] / 1e6, 2) for d in data]
    real = [round(d["realisasi"] / 1e6, 2) for d in data]
    xml, xlsx = _build(cats, [("Pagu (juta Rp)", pagu), ("Realisasi (juta Rp)", real)], percent=False)
    return Chart(xml, xlsx, 15.5, max(5.0, 2.0 + 1.0 * len(data)))


def chart_jumlah(data: list[dict]) -> Chart:
    """A count per category (e.g. indicators per predikat), one series named by the data's `seri`."""
    data = data[:20]
    name = data[0].get("seri", "Jumlah") if data else "Jumlah"
    xml, xlsx = _build([d["nama"] for d in data], [(name, [float(d["jumlah"]) for d in data])], percent=False)
    return Chart(xml, xlsx, 15.5, max(5.0, 2.0 + 0.9 * len(data)))


DRAW = {"capaian": chart_capaian, "tren": chart_tren, "anggaran": chart_anggaran, "jumlah": chart_jumlah}


def draw(spec: Grafik) -> Chart:
    return DRAW[spec.jenis](spec.data)


def inline_xml(rid: str, shape_id: int, chart: Chart) -> str:
    """The w:drawing run that shows a chart part inline."""
    cx, cy = int(chart.width_cm * EMU_PER_CM), int(chart.height_cm * EMU_PER_CM)
    return (f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
            f'<wp:inline xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{shape_id}" name="Grafik {shape_id}"/>'
            f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
            f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
            f'</w:drawing></w:r>')
