"""Finish the rendered document: generated content in place of the markers, numbering, sections, indexes.

After docxtpl has rendered the template, each `sisip_*` marker paragraph is replaced by
generated WordprocessingML (`ooxml`): narrative blocks, tables (spliced in at packaging
time, see `docx_package`), native charts (`charts`) and pictures. Captions are numbered per
chapter in document order (`Tabel 3.1`, `Gambar 3.1`, `Tabel L.1`), wide tables get
landscape sections, page numbering is set (roman before BAB I, arabic from 1 after) and the
entries of the Daftar Isi / Tabel / Gambar fields are cached.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from ..base.formatting import dari_romawi
from ..report import charts, layout
from . import ooxml, sections
from .docx_package import fixed_xlsx

W = "{%s}" % ooxml.W_NS


def _text(p) -> str:
    return "".join(node.text or "" for node in p.iter(W + "t"))


# the paragraphs `Finisher.run` looks at, in document order: chapter headings and those holding a marker
_MARKED_OR_CHAPTER = etree.XPath('.//w:p[w:pPr/w:pStyle/@w:val = "Heading1" or .//w:t[contains(., "\u27e6")]]',
                                 namespaces={"w": ooxml.W_NS})


def _utf8_runs(pieces: list[str], size: int = 1 << 18) -> list[bytes]:
    """The pieces as UTF-8 in runs of about `size` characters: a few encodes instead of one per row, and never
    one long str (4 bytes a character once one is non-Latin-1) nor a joined copy of the whole table."""
    out: list[bytes] = []
    run: list[str] = []
    n = 0
    for piece in pieces:
        run.append(piece)
        n += len(piece)
        if n >= size:
            out.append("".join(run).encode("utf-8"))
            run, n = [], 0
    if run:
        out.append("".join(run).encode("utf-8"))
    return out


def _starts_page(el) -> bool:
    """A chapter heading (page break before), a page break or a section break."""
    if el is None or el.tag != W + "p":
        return False
    return _style(el) == "Heading1" or el.find(f"{W}pPr/{W}sectPr") is not None or \
        any(br.get(W + "type") == "page" for br in el.iter(W + "br"))


def _style(p) -> str:
    ppr = p[0] if len(p) else None  # the schema puts pPr first, and pStyle first in it
    if ppr is None or ppr.tag != W + "pPr":
        return ""
    ps = ppr[0] if len(ppr) else None
    if ps is None or ps.tag != W + "pStyle":
        ps = ppr.find(W + "pStyle")
    return ps.get(W + "val") if ps is not None else ""


def _chapter(text: str) -> str | None:
    m = re.match(r"\s*BAB\s+([IVX]+)\b", text, re.I)
    if m:
        return str(dari_romawi(m.group(1).upper()) or m.group(1))
    if re.match(r"\s*LAMPIRAN\b", text, re.I):
        return "L"
    return None


SHORT_TEXT = 700  # characters of text in a subsection that may move onto a landscape page with its small table
SMALL_SHARE = 0.4  # a portrait table under this share of a page may join the landscape table right after it


LONG_AMOUNT = re.compile(r"Rp\s?\d{1,3}(\.\d{3}){2,}")  # a Rupiah figure of a million or more: too long to justify a line
# the children of a w:pPr in schema order (CT_PPr): a child lkjip adds goes before the first one that follows it
_PPR_ORDER = {name: i for i, name in enumerate((
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange"))}


def _ppr_child(p, name: str):
    """The paragraph's `w:pPr/w:<name>`, made (with the `w:pPr`) in schema order when it is not there."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    child = ppr.find(W + name)
    if child is None:
        child = etree.Element(W + name)
        rank = _PPR_ORDER[name]
        after = next((x for x in ppr if _PPR_ORDER.get(etree.QName(x).localname, len(_PPR_ORDER)) > rank), None)
        if after is not None:
            after.addprevious(child)
        else:
            ppr.append(child)
    return child


class ChartPart(Part):
    """A chart part whose XML names its embedded workbook by the relationship made here."""

    def __init__(self, partname: PackURI, content_type: str, package, xml: bytes, workbook_part: Part):
        super().__init__(partname, content_type, b"", package)
        rid = self.relate_to(workbook_part, charts.RT_PACKAGE)
        self._chart_xml = xml.replace(b"rIdData", rid.encode())

    @property
    def blob(self) -> bytes:
        return self._chart_xml


class Finisher:
    def __init__(self, doc, context: dict, nonce: str):
        self.doc = doc
        self.body = doc.element.body
        self.ctx = context
        self.nonce = nonce
        self.counters: dict[tuple[str, str], int] = {}
        self.captions: list[tuple[str, str]] = []  # (kind, caption text) in document order
        self.chart_count = 0
        self.splices: dict[str, list[bytes]] = {}  # placeholder token -> table XML (UTF-8 pieces), spliced in at save time
        self.placeholders: set = set()
        self.small: dict = {}  # placeholder -> a small portrait table that may join a landscape page after it
        self.pages: dict[str, list[str]] = {}  # index entry -> page numbers (see fill_tocs)
        self.heights: dict = {}  # placeholder of a portrait table -> (its spec, type size), for `_block`

    def number(self, kind: str, chapter: str | None) -> str:
        key = (kind, chapter or "")
        self.counters[key] = self.counters.get(key, 0) + 1
        n = self.counters[key]
        return f"{chapter}.{n}" if chapter else str(n)

    def parse(self, xml: str) -> list:
        root = etree.fromstring(ooxml.wrap(xml).encode("utf-8"), etree.XMLParser(huge_tree=True, resolve_entities=False))
        return list(root)

    def replace(self, p, elements: list, copy_elements: bool = True) -> None:
        """Put `elements` where paragraph `p` is.

        Elements are deep-copied before moving: moving a parsed subtree between lxml
        documents directly is superlinear (12,7 s for a 2.000-row table, 0,14 s copied).
        Placeholders are moved as they are, since they are tracked by identity.
        """
        for el in elements:
            p.addprevious(copy.deepcopy(el) if copy_elements else el)
        p.getparent().remove(p)

    def is_table(self, el) -> bool:
        return el.tag == W + "tbl" or el in self.placeholders

    def ensure_styles(self) -> None:
        """Add the styles generated content uses when a user's template does not define them."""
        styles = self.doc.styles
        have = {st.style_id for st in styles}
        wanted = (("Isi Laporan", ooxml.STYLE_BODY, None), ("Isi Tabel", ooxml.STYLE_TABLE_TEXT, 9),
                  ("Judul Tabel", ooxml.STYLE_CAPTION_TABLE, 10), ("Judul Gambar", ooxml.STYLE_CAPTION_FIGURE, 10),
                  ("List Bullet", ooxml.STYLE_LIST_BULLET, None))
        for name, style_id, size in wanted:
            if style_id in have:
                continue
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = styles["Normal"]
            if size:
                st.font.size = Pt(size)
            if style_id in (ooxml.STYLE_CAPTION_TABLE, ooxml.STYLE_CAPTION_FIGURE):
                st.font.bold = True
                st.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if style_id == ooxml.STYLE_TABLE_TEXT:
                st.paragraph_format.space_after = Pt(0)
            if style_id == ooxml.STYLE_LIST_BULLET:
                st.paragraph_format.left_indent = Pt(18)
        for level in (1, 2):  # the cached Daftar Isi entries (Word's built-in ids)
            if f"TOC{level}" not in have:
                st = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
                st.element.set(W + "styleId", f"TOC{level}")
                st.base_style = styles["Normal"]
                st.paragraph_format.left_indent = Cm(0.6 * (level - 1) + 2.0)  # as the shipped template's
                st.paragraph_format.first_line_indent = Cm(-2.0)
                st.paragraph_format.tab_stops.add_tab_stop(Twips(ooxml.TEXT_W_PORTRAIT), WD_TAB_ALIGNMENT.RIGHT,
                                                            WD_TAB_LEADER.DOTS)

    def run(self) -> None:
        self.ensure_styles()
        token = re.compile("\u27e6" + self.nonce + r":(\w+):([^\u27e7]*)\u27e7")
        chapter: str | None = None
        todo = []
        for p in _MARKED_OR_CHAPTER(self.body):  # libxml2 finds the few paragraphs that matter among thousands
            text = _text(p)
            if _style(p) == "Heading1":
                chapter = _chapter(text) or chapter
            if "\u27e6" not in text:
                continue
            m = token.search(text)
            if m:
                todo.append((p, m.group(1), m.group(2), chapter))
        for p, kind, key, chap in todo:
            getattr(self, f"insert_{kind}")(p, key, chap)
        sections.merge_landscape(self.body, self.is_table)
        sections.fix_sections(self.body)
        texts = {p: _text(p) for p in self.body.iterchildren(W + "p")}  # the running text, read once for the three
        self.keep_signatures(texts)
        self.keep_lead_ins(texts)
        self.unjustify_amounts(texts)

    # -- the four inserts ---------------------------------------------------
    def insert_teks(self, p, key: str, chapter: str | None) -> None:
        items = self.ctx["teks"].get(key, [])
        self.replace(p, self.parse(ooxml.blocks(items)) if items else [])

    def insert_tabel(self, p, key: str, chapter: str | None) -> None:
        """Caption and table; the table XML is spliced in at save time (see `package`)."""
        spec = self.ctx["tabel"][key]
        if not spec.baris:  # nothing to show (the sentence above says what is missing)
            self.replace(p, [])
            return
        label = f"Tabel {self.number('tabel', chapter)}"
        self.captions.append(("tabel", f"{label} {spec.judul}"))
        landscape = layout.landscape(spec)
        size = layout.FONT_PT
        if landscape and layout.compact(spec):  # fits upright in a smaller type: no landscape section
            landscape, size = False, layout.SMALL_PT
        signed = self._before_signature(p)  # the PK's last table: its end stays with the signatures
        xml = [ooxml.caption(label, spec.judul),
               *ooxml.table_parts(spec, landscape=landscape, keep_last=signed, size=size)]
        if spec.catatan:
            xml.append(ooxml.paragraph(spec.catatan, style=ooxml.STYLE_TABLE_TEXT, keep_next=signed))
        # no space paragraph where a page ends anyway: a landscape table ends its section, and a
        # chapter heading starts a new page (a spacer spilling over would leave a blank page)
        if not landscape and not _starts_page(p.getnext()):
            xml.append(ooxml.paragraph("", style=ooxml.STYLE_TABLE_TEXT, keep_next=signed))  # space after the table
        token = f"\u27e6{self.nonce}:splice:{len(self.splices)}\u27e7"
        self.splices[token] = _utf8_runs(xml)
        placeholder = self.parse(f"<w:p><w:r><w:t>{token}</w:t></w:r></w:p>")[0]
        self.placeholders.add(placeholder)
        if not landscape:  # for `_room_left`, measured only when asked (a 20.000-row table is never measured twice)
            self.heights[placeholder] = (spec, size)
        self.small[placeholder] = not landscape and spec.lanskap and len(spec.baris) <= layout.KEEP_ROWS and \
            layout.height(spec, layout.widths(spec, ooxml.TEXT_W_PORTRAIT)) < SMALL_SHARE * layout.BODY_H_PORTRAIT
        lead = self._lead(p)
        if landscape:
            # the heading and the sentence introducing the table go with it onto the landscape page
            start = lead if lead is not None else p
            prev = start.getprevious()
            if prev is not None and self.small.get(prev):
                # a small table right before, in a short subsection of its own: when the subsection fits on the
                # portrait page where it starts it stays there in one piece, else it would sit alone on a portrait
                # page and goes onto the landscape page (Raas III.A.8 stays upright under the end of III.A.7;
                # Kota Sumenep's, starting at the foot of a page, turns)
                sub = self._short_subsection(prev)
                if sub is not None and sum(self._block(x)[0] for x in _between(sub, prev)) <= self._room_left(sub):
                    self._keep_next(sub)
                elif sub is not None:
                    start = sub
            start.addprevious(self.parse(sections.section_break(False))[0])
            self.replace(p, [placeholder] + self.parse(sections.section_break(True)), copy_elements=False)
        else:
            self.replace(p, [placeholder], copy_elements=False)
        if lead is not None:
            self._keep_next(lead)

    def _block(self, el) -> tuple[int, bool, bool]:
        """(estimated height in twips on a portrait page, breaks across pages, keeps with the next) of a body element:
        11 pt text at 1,15 lines with 6 pt after, headings 12 pt; a chart or picture at its drawn size."""
        if el in self.heights:  # caption and table at their printed size; a long table breaks where the page ends
            spec, size = self.heights[el]
            sample, factor = layout._sampled(spec)  # a very long table: an even sample of its rows, scaled
            ws = layout.widths(sample, ooxml.TEXT_W_PORTRAIT, size=size)
            whole = len(spec.baris) <= layout.KEEP_ROWS and \
                len(layout.kept_rows(spec, ws, landscape=False, size=size)) >= len(spec.baris) - 1
            return 2 * 253 + 120 + int(layout.height(sample, ws, size) * factor * 1.1), not whole, False
        if el.tag != W + "p":
            return 0, False, False
        keep = _style(el).startswith("Heading") or el.find(f"{W}pPr/{W}keepNext") is not None
        drawn = sum(int(x.get("cy", 0)) for x in el.iter("{%s}extent" % charts.WP_NS)) // 635
        text = _text(el).strip()
        if drawn or not text:
            return drawn + 120, False, keep
        size = 12 if _style(el).startswith("Heading") else 11
        ind = el.find(f"{W}pPr/{W}ind")
        width = ooxml.TEXT_W_PORTRAIT - (int(ind.get(W + "left", 0) or 0) if ind is not None else 0)
        lines = layout._lines(text, width + layout.CELL_MARGIN, bold=size == 12, size=size)
        return int(lines * size * 23) + (360 if size == 12 else 120), lines > 3, keep

    def _room_left(self, el) -> int:
        """Estimated twips left on the portrait page where `el` would start: the elements since the last page start
        laid out again, a block kept whole (a chart, a small table, a heading with what it keeps) moving to a new
        page when it does not fit and long text or a long table breaking where the page ends."""
        run = []
        prev = el.getprevious()
        while prev is not None and not (prev.tag == W + "p" and prev.find(f"{W}pPr/{W}sectPr") is not None):
            run.append(prev)
            if _starts_page(prev):
                break
            prev = prev.getprevious()
        page, used, chain = layout.BODY_H_PORTRAIT, 0, 0
        for x in reversed(run):
            h, breaks, keep = self._block(x)
            if keep:
                chain += h
                continue
            h, chain = h + chain, 0
            if used + h <= page:
                used += h
            elif breaks:
                used = (used + h) % page
            else:
                used = h % page
        return page - used - chain

    def _before_signature(self, p) -> bool:
        """Whether a signature block (a template table) follows the marker, with at most two sentences between."""
        el = p.getnext()
        for _ in range(3):
            if el is None or el.tag != W + "p" or el.find(f"{W}pPr/{W}sectPr") is not None or \
                    _style(el).startswith("Heading") or "\u27e6" in _text(el):
                break
            el = el.getnext()
        return el is not None and el.tag == W + "tbl" and el not in self.placeholders

    def _short_subsection(self, table):
        """The heading opening the subsection that ends with `table` when the text between is short, else None."""
        text = 0
        el = table.getprevious()
        while el is not None and el.tag == W + "p" and el not in self.placeholders and el.find(f"{W}pPr/{W}sectPr") is None:
            if _style(el) in ("Heading2", "Heading3"):
                return el
            text += len(_text(el))
            if text > SHORT_TEXT or "\u27e6" in _text(el):
                return None
            el = el.getprevious()
        return None

    _LEAD_STYLES = ("Heading2", "Heading3", "JudulSasaran")

    def _lead(self, p):
        """The first of the paragraphs that introduce a table: a heading and up to two short sentences after it.

        None when the table follows running text (or another table, a picture, a section break).
        """
        run_text = 0
        el = p.getprevious()
        first = None
        for _ in range(4):
            if el is None or el.tag != W + "p" or el.find(f"{W}pPr/{W}sectPr") is not None or el in self.placeholders:
                return first
            if any(x.tag == W + "drawing" for x in el.iter()):
                return first
            style = _style(el)
            if style == "Heading1":
                return first
            txt = _text(el).strip()
            if "\u27e6" in txt:  # a marker still to be replaced
                return first
            if style in self._LEAD_STYLES:
                first = el
                prev = el.getprevious()  # "A. ..." directly above "1. ...": both go
                if prev is not None and prev.tag == W + "p" and _style(prev) in ("Heading2",) and style == "Heading3":
                    first = prev
                return first
            run_text += len(txt)
            if run_text > 450:
                return first
            if txt.endswith(("berikut.", "berikut:", ":")):
                first = el
            elif txt:
                return first
            el = el.getprevious()
        return first

    def _keep_next(self, start) -> None:
        """Keep `start` and the paragraphs after it up to the table with the table."""
        el = start
        while el is not None and el.tag == W + "p" and el not in self.placeholders and \
                el.find(f"{W}pPr/{W}sectPr") is None:
            self._set_keep(el)
            el = el.getnext()

    def unjustify_amounts(self, texts: dict) -> None:
        """A justified paragraph holding a long Rupiah figure ("Rp5.367.390.869,00") is aligned left: the figure
        cannot break, and a line it is pushed off would be stretched with gaps of three or four spaces."""
        for p, text in texts.items():  # the report's running text; tables are spliced in later
            if p in self.placeholders or not LONG_AMOUNT.search(text) or \
                    _style(p).startswith(("Heading", "TOC", "Judul")):
                continue
            jc = p.find(f"{W}pPr/{W}jc")
            if jc is not None and jc.get(W + "val") not in ("both", "distribute"):
                continue  # aligned otherwise on purpose
            _ppr_child(p, "jc").set(W + "val", "left")

    def keep_lead_ins(self, texts: dict) -> None:
        """A sentence or label introducing what follows ("Permasalahan dan kendala yang dihadapi:") stays with it."""
        for p, text in texts.items():
            if p not in self.placeholders and text.rstrip().endswith(":"):
                self._set_keep(p)

    def keep_signatures(self, texts: dict) -> None:
        """A signature block stays on the page of the text it closes.

        Signature blocks are the template's own tables (generated tables are spliced in
        later) and the paragraphs opening with the place and date ("Maumere, 8 Oktober 2024").
        """
        kota = str(self.ctx.get("profil", {}).get("kota") or "").strip()
        starts = [t for t in self.body.iterchildren(W + "tbl")]
        if kota:
            starts += [p for p, text in texts.items() if text.startswith(kota + ",")]
        for el in starts:
            prev = el.getprevious()
            for _ in range(2):  # the closing sentence, and an empty spacer paragraph before the block
                if prev is None or prev.tag != W + "p" or prev in self.placeholders or \
                        prev.find(f"{W}pPr/{W}sectPr") is not None:
                    break
                self._set_keep(prev)
                if texts[prev].strip():
                    break
                prev = prev.getprevious()

    @staticmethod
    def _set_keep(el) -> None:
        _ppr_child(el, "keepNext")

    @staticmethod
    def _clear_runs(p) -> None:
        """Empty a marker paragraph, keeping its paragraph properties."""
        for child in list(p):
            if child.tag != W + "pPr":
                p.remove(child)

    def _picture(self, p, png: bytes, label: str, title: str, width_cm: float) -> None:
        self._clear_runs(p)
        para = Paragraph(p, self.doc)
        para.alignment = 1  # centre
        para.paragraph_format.keep_with_next = True
        para.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
        cap = self.parse(ooxml.caption(label, title, style=ooxml.STYLE_CAPTION_FIGURE))[0]
        # captions of figures go below the figure
        p.addnext(cap)
        self.captions.append(("gambar", f"{label} {title}"))

    def insert_grafik(self, p, key: str, chapter: str | None) -> None:
        """A native Word chart (chart part + embedded data workbook), captioned below."""
        spec = self.ctx["grafik"][key]
        chart = charts.draw(spec)
        self.chart_count += 1
        n = self.chart_count
        package = self.doc.part.package
        xlsx = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"), charts.CT_XLSX,
                    fixed_xlsx(chart.xlsx), package)
        part = ChartPart(PackURI(f"/word/charts/chart{n}.xml"), charts.CT_CHART, package, chart.xml, xlsx)
        rid = self.doc.part.relate_to(part, charts.RT_CHART)
        self._clear_runs(p)
        ppr = self.parse(ooxml.paragraph("", jc="center", keep_next=True))[0].find(W + "pPr")
        old = p.find(W + "pPr")
        if old is not None:
            p.remove(old)
        p.insert(0, ppr)
        p.append(etree.fromstring(charts.inline_xml(rid, 5000 + n, chart)))
        label = f"Gambar {self.number('gambar', chapter)}"
        p.addnext(self.parse(ooxml.caption(label, spec.judul, style=ooxml.STYLE_CAPTION_FIGURE))[0])
        self.captions.append(("gambar", f"{label} {spec.judul}"))

    def insert_gambar(self, p, key: str, chapter: str | None) -> None:
        items = self.ctx["gambar"].get(key, [])
        if not items:
            self.replace(p, [])
            return
        anchor = p
        for i, g in enumerate(items):
            target = anchor if i == 0 else self._new_paragraph_after(anchor)
            data = Path(g["berkas"]).read_bytes()
            if key == "logo":
                self._logo(target, data)
                anchor = target
                continue
            self._picture(target, data, f"Gambar {self.number('gambar', chapter)}", g["keterangan"] or key.replace("_", " ").title(), 15)
            anchor = target.getnext()

    def insert_bagan(self, p, key: str, chapter: str | None) -> None:
        """The struktur organisasi drawn from the Pegawai sheet (`bagan`), captioned below as a figure."""
        from ..report import bagan

        data = self.ctx.get("bagan", {}).get("struktur")
        if not data:
            self.replace(p, [])
            return
        instansi = self.ctx.get("profil", {}).get("instansi", "")
        label = f"Gambar {self.number('gambar', chapter)}"
        title = f"Struktur Organisasi {instansi}".strip()
        xml = [bagan.table_xml(bagan.from_dict(data), ooxml.TEXT_W_PORTRAIT),
               ooxml.caption(label, title, style=ooxml.STYLE_CAPTION_FIGURE)]
        n = self.ctx["bagan"].get("pelaksana") or 0
        if n:
            xml.append(ooxml.paragraph(f"Selain pejabat struktural di atas, terdapat {n} orang staf pelaksana.",
                                       style=ooxml.STYLE_BODY, jc="both"))
        self.captions.append(("gambar", f"{label} {title}"))
        self.replace(p, self.parse("".join(xml)))

    def _new_paragraph_after(self, el):
        """A python-docx paragraph element (CT_P), so the python-docx API works on it."""
        new = parse_xml(f'<w:p xmlns:w="{ooxml.W_NS}"/>')
        el.addnext(new)
        return new

    def _logo(self, p, data: bytes) -> None:
        self._clear_runs(p)
        para = Paragraph(p, self.doc)
        para.alignment = 1
        para.add_run().add_picture(io.BytesIO(data), height=Cm(4))

    def fill_tocs(self, halaman: list[str] | None = None) -> None:
        """Cache the entries of the Daftar Isi / Tabel / Gambar fields (Word refreshes page numbers on open).

        `halaman`: the indexes as LibreOffice laid them out (`pdf.daftar_halaman`); their page
        numbers are cached too, after a tab (the TOC styles put them at the right margin).
        """
        self.pages = _page_pool(halaman or [])
        headings = []
        for p in self.body.iterchildren(W + "p"):  # headings are never inside tables
            st = _style(p)
            if st in ("Heading1", "Heading2"):
                txt = _text(p).strip()
                if txt:
                    headings.append((1 if st == "Heading1" else 2, txt))
        for instr in list(self.body.iter(W + "instrText")):
            code = (instr.text or "").strip()
            if not code.startswith("TOC"):
                continue
            p = instr.getparent().getparent()
            level = int(m.group(1)) if (m := re.search(r',\s*(\d)\s*"', code)) else 1  # \t "Judul Tabel,3": TOC3
            if "Judul Tabel" in code or "JudulTabel" in code:
                entries = [(level, c) for k, c in self.captions if k == "tabel"]
            elif "Judul Gambar" in code or "JudulGambar" in code:
                entries = [(level, c) for k, c in self.captions if k == "gambar"]
            else:
                entries = headings
            self._fill_toc(p, entries)

    def _fill_toc(self, p, entries: list[tuple[int, str]]) -> None:
        runs = [r for r in p.iterchildren(W + "r")]
        sep_idx = next((i for i, r in enumerate(runs) if (fc := r.find(W + "fldChar")) is not None
                        and fc.get(W + "fldCharType") == "separate"), None)
        end_idx = next((i for i, r in enumerate(runs) if (fc := r.find(W + "fldChar")) is not None
                        and fc.get(W + "fldCharType") == "end"), None)
        if sep_idx is None or end_idx is None or not entries:
            return
        for r in runs[sep_idx + 1:end_idx]:
            p.remove(r)
        end_run = runs[end_idx]
        p.remove(end_run)
        first_level, first_text = entries[0]
        for r in self.parse(self._entry_runs(first_text)):
            p.append(r)
        tail = p
        for level, text in entries[1:]:
            new = self.parse(ooxml.paragraph(style=f"TOC{level}" if level > 1 else "TOC1", runs=self._entry_runs(text)))[0]
            tail.addnext(new)
            tail = new
        tail.append(end_run)
        if self.pages:  # page numbers cached: shown as they are by LibreOffice opening the .docx (see _full_width)
            for el in _between(p, tail):
                _full_width(el)

    def _entry_runs(self, text: str) -> str:
        """An index entry, with its page number when LibreOffice gave one."""
        queue = self.pages.get(_toc_key(text))
        page = queue.pop(0) if queue else ""
        return ooxml.run(text) + (f"<w:r><w:tab/>{ooxml.t(page)}</w:r>" if page else "")


# The TOC styles wrap an entry 1 cm before its page number (a right indent, the dotted right tab at the margin),
# so a long title never jams its number or pushes it onto a line of its own. Word and LibreOffice's PDF (the UNO
# script turns on TabOverMargin) print such a tab; LibreOffice opening a compatibilityMode 15 .docx drops the
# number, so the entries lkjip caches with their numbers keep the full width (w:ind w:right="0") until an update.
def _full_width(p) -> None:
    _ppr_child(p, "ind").set(W + "right", "0")


def _between(first, last) -> list:
    """`first` and its following siblings up to `last`, both included."""
    out, el = [], first
    while el is not None:
        out.append(el)
        if el is last:
            break
        el = el.getnext()
    return out


def _toc_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_pool(texts: list[str]) -> dict[str, list[str]]:
    """Entry text (spaces removed) -> its page numbers in order, from LibreOffice's index texts."""
    pool: dict[str, list[str]] = {}
    for text in texts:
        for line in text.splitlines():
            entry, tab, page = line.rpartition("\t")
            if tab and page.strip():
                pool.setdefault(_toc_key(entry), []).append(page.strip())
    return pool
