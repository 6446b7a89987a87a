"""Build templates/lkjip.docx, the default docxtpl template of the LKjIP report.

Run from the project root after changing it:  python templates/make_template.py
The .docx is checked in (and shipped as package data); this script is its source.
Template authors can instead open lkjip.docx in Word and edit it directly: see
docs/template.md for every variable, filter and insert function.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

HERE = Path(__file__).resolve().parent
FONT = "Arial"


def _font(style, size: float, bold: bool = False, italic: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


def setup_styles(doc) -> None:
    st = doc.styles
    # Indonesian as the document language: spelling, and number formats in charts
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")
    lang.set(qn("w:eastAsia"), "id-ID")
    lang.set(qn("w:bidi"), "ar-SA")
    normal = st["Normal"]
    _font(normal, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    body = st.add_style("Isi Laporan", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    cell = st.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _font(cell, 9)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.space_before = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    for name in ("Judul Tabel", "Judul Gambar"):
        cap = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        cap.base_style = normal
        _font(cap, 10, bold=True)
        cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cap.paragraph_format.space_before = Pt(6)
        cap.paragraph_format.space_after = Pt(4)
        cap.paragraph_format.keep_with_next = name == "Judul Tabel"
    sub = st.add_style("Judul Sasaran", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = normal
    _font(sub, 11, bold=True)
    sub.paragraph_format.keep_with_next = True
    sub.paragraph_format.space_before = Pt(8)
    front = st.add_style("Judul Depan", WD_STYLE_TYPE.PARAGRAPH)
    front.base_style = normal
    _font(front, 14, bold=True)
    front.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    front.paragraph_format.space_after = Pt(12)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        h = st[f"Heading {level}"]
        _font(h, size, bold=True)
        h.paragraph_format.space_before = Pt(12 if level > 1 else 0)
        h.paragraph_format.space_after = Pt(6)
        h.paragraph_format.keep_with_next = True
        if level == 1:
            h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            h.paragraph_format.page_break_before = True
    for level in (1, 2, 3):
        # Word's built-in "toc N" styles have the ids TOC1, TOC2, TOC3 (the cached entries use them): the Daftar Isi
        # takes levels 1 and 2, the Daftar Tabel and Daftar Gambar level 3 (their TOC fields name it after the style)
        toc = st.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.element.set(qn("w:styleId"), f"TOC{level}")
        del toc.element.attrib[qn("w:customStyle")]
        toc.base_style = normal
        if level == 3:
            # a wrapped entry ("Tabel 3.11 Perbandingan …") continues under its title, not under "Tabel"
            toc.paragraph_format.left_indent = Cm(2.0)
            toc.paragraph_format.first_line_indent = Cm(-2.0)
        else:
            # no hanging indent here: it would be a tab stop, and a heading shorter than it ("LAMPIRAN") would
            # take its page number there, jammed against the title
            toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)
        # a long title wraps 1 cm before the margin, so its page number always has room after a dotted leader
        # (never jammed against the title, never alone on a line); see generator/docx/finish.py _FULL_WIDTH
        toc.paragraph_format.right_indent = Cm(1.0)
        # page numbers at the right margin (A4 less 3 + 2 cm), dotted leader
        toc.paragraph_format.tab_stops.add_tab_stop(Twips(9071), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    lb = st["List Bullet"]
    _font(lb, 11)
    lb.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    lb.paragraph_format.space_after = Pt(3)


def field_paragraph(doc, instr: str, placeholder: str, style: str | None = None):
    """A paragraph holding one complex field (TOC, PAGE) marked dirty so Word refreshes it."""
    p = doc.add_paragraph(style=style)
    _field(p, instr, placeholder)
    return p


def _field(p, instr: str, placeholder: str) -> None:
    def r(child):
        run = OxmlElement("w:r")
        run.append(child)
        p._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    r(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    r(sep)
    t = OxmlElement("w:t")
    t.text = placeholder
    r(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    r(end)


def para(doc, text: str = "", style: str | None = "Isi Laporan", *, bold: bool = False, align=None, size: float | None = None,
         indent_cm: float | None = None, space_after: float | None = None):
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def tag(doc, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}) or an insert call."""
    return doc.add_paragraph(text, style="Isi Laporan")


def h(doc, text: str, level: int):
    return doc.add_paragraph(text, style=f"Heading {level}")


def signature(doc, *, who: str = "kepala", indent: float = 8.5) -> None:
    C = WD_ALIGN_PARAGRAPH.CENTER
    for p in (para(doc, "{{ profil.kota }}, {{ profil.tanggal_laporan }}", None, align=C, indent_cm=indent, space_after=0),
              para(doc, "{{ profil.%s_jabatan }}," % who, None, align=C, indent_cm=indent, space_after=48)):
        p.paragraph_format.keep_with_next = True  # the signature block stays on one page
    para(doc, "{{ profil.%s_nama }}" % who, None, bold=True, align=C, indent_cm=indent, space_after=0).paragraph_format.keep_with_next = True
    tag(doc, "{%%p if profil.%s_pangkat %%}" % who)
    para(doc, "{{ profil.%s_pangkat }}" % who, None, align=C, indent_cm=indent, space_after=0)
    tag(doc, "{%p endif %}")
    tag(doc, "{%%p if profil.%s_nip %%}" % who)
    para(doc, "NIP. {{ profil.%s_nip }}" % who, None, align=C, indent_cm=indent, space_after=0)
    tag(doc, "{%p endif %}")


def _bottom_rule(p) -> None:
    """A rule under the paragraph (a bottom border, in schema order within pPr)."""
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", "1F4E78")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    # pBdr comes before shd, tabs, spacing, ind, jc
    anchor = next((ppr.find(qn(n)) for n in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc")
                   if ppr.find(qn(n)) is not None), None)
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def _frame(section) -> None:
    """A thin double frame around the page (w:pgBorders, after pgMar in schema order)."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        b = OxmlElement(f"w:{side}")
        for k, v in (("w:val", "double"), ("w:sz", "6"), ("w:space", "24"), ("w:color", "1F4E78")):
            b.set(qn(k), v)
        borders.append(b)
    section._sectPr.find(qn("w:pgMar")).addnext(borders)


def set_page(section) -> None:
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)


def page_numbers(section, fmt: str, start: int | None) -> None:
    sect = section._sectPr
    pg = sect.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        sect.find(qn("w:pgMar")).addnext(pg)  # schema order: pgSz, pgMar, ..., pgNumType, cols, ..., docGrid
    pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))


def pk_signatures(doc, *, perubahan: bool = False) -> None:
    """Both signatures of a Perjanjian Kinerja in a borderless two-column table (one row: never split)."""
    C = WD_ALIGN_PARAGRAPH.CENTER
    tanggal = "{{ profil.tanggal_pk_perubahan }}" if perubahan else "{{ profil.tanggal_pk }}"
    sig = doc.add_table(rows=1, cols=2)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    sig.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # both signatures on one page
    left, right = sig.rows[0].cells
    lines_left = ["", "Pihak Kedua,", "{{ profil.atasan_jabatan }},", "", "", "", "{{ profil.atasan_nama }}", "{{ profil.atasan_pangkat }}",
                  "{% if profil.atasan_nip %}NIP. {{ profil.atasan_nip }}{% endif %}"]
    lines_right = ["{{ profil.kota }}, " + tanggal, "Pihak Pertama,", "{{ profil.kepala_jabatan }},", "", "", "",
                   "{{ profil.kepala_nama }}", "{{ profil.kepala_pangkat }}", "{% if profil.kepala_nip %}NIP. {{ profil.kepala_nip }}{% endif %}"]
    for cell, lines in ((left, lines_left), (right, lines_right)):
        cell.paragraphs[0].text = lines[0]
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            if i:
                run = p.add_run(line)
                run.bold = i == 6 or None
            p.alignment = C
            p.paragraph_format.space_after = Pt(0)


def daftar_pages(doc) -> None:
    """Daftar Isi, Daftar Tabel and Daftar Gambar (TOC fields lkjip fills), then the body's section, numbered
    from 1 in arabic numerals (the report and the recap alike)."""
    h(doc, "DAFTAR ISI", 1)
    field_paragraph(doc, 'TOC \\o "1-2" \\h \\z \\u', "Daftar isi", "toc 1")
    h(doc, "DAFTAR TABEL", 1)
    field_paragraph(doc, 'TOC \\h \\z \\t "Judul Tabel,3"', "Daftar tabel", "toc 3")
    h(doc, "DAFTAR GAMBAR", 1)
    field_paragraph(doc, 'TOC \\h \\z \\t "Judul Gambar,3"', "Daftar gambar", "toc 3")
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(body)
    page_numbers(body, "decimal", 1)


def _cover_space(doc, cm: float) -> None:
    """An empty cover paragraph `cm` high (its space before; the line itself 1 pt)."""
    p = para(doc, "", None, space_after=0)
    p.paragraph_format.space_before = Cm(cm)
    p.paragraph_format.line_spacing = Pt(1)
    p.paragraph_format.keep_with_next = True


def finish_document(doc, title: str) -> None:
    """What every lkjip template sets once it is built: Word refreshes the Daftar Isi / Tabel / Gambar
    fields on opening (updateFields before compat, schema order), no preview picture, Indonesian
    language and number separators, Word 2013+ layout (no "Compatibility Mode"), fixed core properties."""
    settings = doc.settings.element
    upd = OxmlElement("w:updateFields")
    upd.set(qn("w:val"), "true")
    settings.find(qn("w:compat")).addprevious(upd)
    el = settings.find(qn("w:savePreviewPicture"))
    if el is not None:
        settings.remove(el)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "id-ID")
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")
    for name, val in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        el = settings.find(qn(name))
        if el is not None:
            el.set(qn("w:val"), val)
    cp = doc.core_properties
    cp.title = title
    cp.author = cp.last_modified_by = "lkjip"
    cp.created = cp.modified = dt.datetime(2025, 1, 1)
    cp.revision = 1


def save(doc, out: Path) -> None:
    """Write the template as a deterministic package (the same bytes on every run)."""
    sys.path.insert(0, str(HERE.parent))
    from generator.docx.docx_package import normalize_zip, prune

    prune(doc)  # no preview picture of an empty page, no stale stylesWithEffects
    doc.save(out)
    out.write_bytes(normalize_zip(out.read_bytes()))
    print(f"wrote {out}")


def build() -> Document:
    doc = Document()
    setup_styles(doc)
    C = WD_ALIGN_PARAGRAPH.CENTER
    sec = doc.sections[0]
    set_page(sec)

    # ------------------------------------------------------------ cover
    # Title at the top, the logo (or an equal space) in the middle, the instansi block at the
    # foot: the page looks finished with or without a logo.
    para(doc, "LAPORAN KINERJA", None, bold=True, align=C, size=26, space_after=4).paragraph_format.space_before = Cm(2)
    para(doc, "INSTANSI PEMERINTAH (LKjIP)", None, bold=True, align=C, size=16, space_after=4)
    rule = para(doc, "TAHUN {{ profil.tahun }}", None, bold=True, align=C, size=16, space_after=0)
    _bottom_rule(rule)
    tag(doc, "{%p if ada.logo %}")
    logo = tag(doc, '{{ sisip_gambar("logo") }}')
    logo.paragraph_format.space_before = Cm(2.5)
    logo.paragraph_format.alignment = C
    _cover_space(doc, 8.0)  # the instansi block at the foot, under the logo
    tag(doc, "{%p else %}")
    _cover_space(doc, 6.0)  # no logo: the instansi block in the middle of the page, its address at the foot
    tag(doc, "{%p endif %}")
    block = para(doc, "{{ profil.pemerintah|upper }}", None, bold=True, align=C, size=14, space_after=2)
    block.paragraph_format.keep_with_next = True
    para(doc, "{{ profil.instansi|upper }}", None, bold=True, align=C, size=20, space_after=6).paragraph_format.keep_with_next = True
    tag(doc, "{%p if not ada.logo %}")
    _cover_space(doc, 8.5)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if profil.alamat %}")
    para(doc, "{{ profil.alamat }}", None, align=C, size=10, space_after=0)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if profil.telepon %}")
    para(doc, "Telepon {{ profil.telepon }}", None, align=C, size=10, space_after=0)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if profil.kota %}")
    para(doc, "{{ profil.kota|upper }}", None, bold=True, align=C, size=11, space_after=0)
    tag(doc, "{%p endif %}")

    # ------------------------------------------------------------ front matter (roman pages)
    front = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(front)
    front.footer.is_linked_to_previous = False
    fp = front.footer.paragraphs[0]
    fp.alignment = C
    _field(fp, "PAGE", "i")
    page_numbers(front, "lowerRoman", 1)
    # the cover (section 0) has an empty footer of its own
    sec.footer.is_linked_to_previous = False

    h(doc, "KATA PENGANTAR", 1)
    tag(doc, '{{ sisip_teks("kata_pengantar") }}')
    para(doc, "", None)
    signature(doc)

    h(doc, "RINGKASAN EKSEKUTIF", 1)
    tag(doc, '{{ sisip_teks("ringkasan_eksekutif") }}')

    daftar_pages(doc)

    # ------------------------------------------------------------ BAB I
    h(doc, "BAB I PENDAHULUAN{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Latar Belakang", 2)
    tag(doc, '{{ sisip_teks("latar_belakang") }}')
    h(doc, "{{ huruf() }}. Maksud dan Tujuan", 2)
    tag(doc, '{{ sisip_teks("maksud_tujuan") }}')
    h(doc, "{{ huruf() }}. Dasar Hukum", 2)
    tag(doc, '{{ sisip_teks("dasar_hukum") }}')
    tag(doc, "{%p if ada.teks_tugas_fungsi or ada.teks_struktur_organisasi or ada.struktur_organisasi or ada.bagan %}")
    h(doc, "{{ huruf() }}. Tugas, Fungsi dan Struktur Organisasi", 2)
    tag(doc, '{{ sisip_teks("tugas_fungsi") }}')
    tag(doc, '{{ sisip_teks("struktur_organisasi") }}')
    tag(doc, '{{ sisip_gambar("struktur_organisasi") }}')
    tag(doc, "{%p if ada.bagan %}")  # no picture given: drawn from the Pegawai sheet
    tag(doc, '{{ sisip_bagan("struktur_organisasi") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.teks_gambaran_umum or ada.sdm or ada.gambar_peta_wilayah or ada.gambar_gambaran_umum %}")
    h(doc, "{{ huruf() }}. Gambaran Umum", 2)
    tag(doc, '{{ sisip_teks("gambaran_umum") }}')
    tag(doc, '{{ sisip_gambar("peta_wilayah") }}')
    tag(doc, '{{ sisip_gambar("gambaran_umum") }}')
    tag(doc, "{%p if ada.sdm %}")
    para(doc, "{{ ringkas.kalimat_sdm }}")
    tag(doc, '{{ sisip_tabel("sdm_golongan") }}')
    tag(doc, '{{ sisip_tabel("sdm_eselon") }}')
    tag(doc, "{%p endif %}")
    tag(doc, '{{ sisip_teks("sumber_daya") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.teks_isu_strategis %}")
    h(doc, "{{ huruf() }}. Isu Strategis", 2)
    tag(doc, '{{ sisip_teks("isu_strategis") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Sistematika Penyajian", 2)
    tag(doc, '{{ sisip_teks("sistematika") }}')

    # ------------------------------------------------------------ BAB II
    h(doc, "BAB II PERENCANAAN KINERJA{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Rencana Strategis", 2)
    tag(doc, "{%p if ada.visi %}")
    para(doc, "Visi yang menjadi acuan {{ profil.instansi }} adalah:")
    para(doc, "\u201c{{ profil.visi }}\u201d", bold=True, align=C)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.misi %}")
    para(doc, "Misi untuk mewujudkan visi tersebut:")
    tag(doc, "{%p for m in profil.misi %}")
    misi = para(doc, "{{ loop.index }}.\t{{ m }}", indent_cm=1.2)  # a hanging number: wrapped lines under the text
    misi.paragraph_format.first_line_indent = Cm(-0.6)
    misi.paragraph_format.tab_stops.add_tab_stop(Cm(1.2))
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, '{{ sisip_teks("tujuan_sasaran") }}')
    tag(doc, '{{ sisip_tabel("renstra") }}')
    tag(doc, "{%p if ada.rpjmd %}")  # issue 23: only when the Kinerja column Sasaran RPJMD is filled
    para(doc, "Keselarasan sasaran Renstra dengan sasaran RPJMD {{ profil.pemerintah }} yang didukungnya disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_tabel("rpjmd") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.teks_strategi or ada.teks_arah_kebijakan %}")
    h(doc, "{{ huruf() }}. Strategi dan Arah Kebijakan", 2)
    tag(doc, '{{ sisip_teks("strategi") }}')
    tag(doc, '{{ sisip_teks("arah_kebijakan") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Indikator Kinerja Utama", 2)
    para(doc, "Indikator Kinerja Utama (IKU) {{ profil.instansi }} yang menjadi ukuran keberhasilan pencapaian sasaran strategis disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_teks("iku") }}')
    tag(doc, '{{ sisip_tabel("iku") }}')
    # issue 20.12: printed when the Kinerja sheet puts programs under the sasaran; else it would repeat Lampiran A
    tag(doc, "{%p if ada.rkt %}")
    h(doc, "{{ huruf() }}. Rencana Kinerja Tahunan", 2)
    para(doc, "Rencana Kinerja Tahunan {{ profil.tahun }} menjabarkan sasaran strategis ke dalam indikator dan target "
              "tahun ini beserta program dan pagu yang mendukung setiap sasaran, sebagaimana disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_tabel("rkt") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Perjanjian Kinerja Tahun {{ profil.tahun }}", 2)
    # one paragraph: the PK tables are printed once, in the signed Lampiran, and named in the same sentence group
    # (a second paragraph repeating "sasaran, indikator …" left Bab II ending with two lines on a page of their own)
    para(doc, "{{ ringkas.kalimat_pk }}{% if not ada.tabel_ganda %} Naskahnya disajikan pada Lampiran A (Perjanjian "
              "Kinerja Tahun {{ profil.tahun }}).{% endif %}")
    tag(doc, "{%p if ada.tabel_ganda %}")
    tag(doc, '{{ sisip_tabel("pk_kinerja") }}')
    tag(doc, '{{ sisip_tabel("pk_anggaran") }}')
    tag(doc, "{%p else %}")
    tag(doc, "{%p if ringkas.kalimat_pagu_saat_ini %}")
    para(doc, "{{ ringkas.kalimat_pagu_saat_ini }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    # ------------------------------------------------------------ BAB III
    h(doc, "BAB III AKUNTABILITAS KINERJA{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Capaian Kinerja Organisasi", 2)
    h(doc, "1. Kerangka Pengukuran Kinerja", 3)
    tag(doc, '{{ sisip_teks("pengukuran") }}')
    tag(doc, '{{ sisip_tabel("skala") }}')
    h(doc, "2. Capaian Indikator Kinerja Tahun {{ profil.tahun }}", 3)
    tag(doc, "{%p if ringkas.kalimat_capaian_tujuan %}")  # tujuan-level indicators, before the sasaran
    para(doc, "{{ ringkas.kalimat_capaian_tujuan }}")
    tag(doc, '{%p if "capaian_tujuan" in tabel %}')
    tag(doc, '{{ sisip_tabel("capaian_tujuan") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    para(doc, "Capaian indikator kinerja sasaran {{ profil.instansi }} tahun {{ profil.tahun }} disajikan pada tabel berikut. "
              "{{ ringkas.kalimat_capaian_instansi }}")
    tag(doc, '{{ sisip_tabel("capaian") }}')
    tag(doc, '{%p if "capaian" in grafik %}')
    tag(doc, '{{ sisip_grafik("capaian") }}')
    tag(doc, "{%p endif %}")
    h(doc, "3. Analisis Capaian per Sasaran", 3)
    tag(doc, "{%p for s in sasaran %}")
    para(doc, "Sasaran {{ s.nomor }}: {{ s.uraian }}", "Judul Sasaran")
    para(doc, "{{ s.kalimat_rata }}")
    tag(doc, "{{ sisip_tabel(s.tabel) }}")
    tag(doc, "{%p for i in s.indikator %}")
    para(doc, "{{ i.kalimat_capaian }}")
    tag(doc, "{%p if i.tabel_indeks %}")
    tag(doc, "{{ sisip_tabel(i.tabel_indeks) }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ i.kalimat_tren }} {{ i.kalimat_renstra }} {{ i.kalimat_standar }}")
    tag(doc, "{%p if i.analisis %}")
    para(doc, "Penyebab keberhasilan/kegagalan:", bold=True)
    tag(doc, "{{ sisip_teks(i.analisis) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if i.solusi %}")
    para(doc, "Upaya/solusi yang telah dilakukan:", bold=True)
    tag(doc, "{{ sisip_teks(i.solusi) }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ s.kalimat_efisiensi }}")
    para(doc, "{{ s.kalimat_program }}")
    tag(doc, "{%p for pr in s.program %}")
    doc.add_paragraph("{{ pr }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    h(doc, "4. Perbandingan dengan Tahun-Tahun Sebelumnya", 3)
    para(doc, "{{ ringkas.kalimat_tren }}")
    tag(doc, '{{ sisip_tabel("tren") }}')
    tag(doc, '{%p if "tren" in grafik %}')
    tag(doc, '{{ sisip_grafik("tren") }}')
    tag(doc, "{%p endif %}")
    h(doc, "5. Perbandingan dengan Target Akhir Renstra", 3)
    para(doc, "{{ ringkas.kalimat_renstra_akhir }}")
    tag(doc, '{{ sisip_tabel("renstra_akhir") }}')
    h(doc, "6. Perbandingan dengan Standar Nasional", 3)
    tag(doc, "{%p if ada.standar %}")
    para(doc, "Perbandingan realisasi indikator kinerja dengan standar nasional disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_tabel("standar") }}')
    tag(doc, "{%p elif ada.standar_kosong %}")
    para(doc, "Standar nasional untuk indikator kinerja {{ profil.instansi }} belum dicantumkan, sehingga perbandingan realisasi dengan standar nasional belum dapat disajikan.")
    tag(doc, "{%p else %}")
    para(doc, "Belum terdapat standar nasional untuk indikator kinerja {{ profil.instansi }}, sehingga perbandingan dengan standar nasional tidak dapat disajikan.")
    tag(doc, "{%p endif %}")
    h(doc, "7. Analisis Penyebab Keberhasilan/Kegagalan dan Solusi", 3)
    tag(doc, "{%p if ada.teks_permasalahan %}")
    para(doc, "Permasalahan dan kendala yang dihadapi:", bold=True)
    tag(doc, '{{ sisip_teks("permasalahan") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.teks_solusi %}")
    para(doc, "Solusi yang telah dilakukan:", bold=True)
    tag(doc, '{{ sisip_teks("solusi") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if tabel.analisis.baris and ada.tabel_ganda or not (tabel.analisis.baris or ada.teks_permasalahan or ada.teks_solusi) %}")
    para(doc, "{{ ringkas.kalimat_analisis }}")
    tag(doc, '{{ sisip_tabel("analisis") }}')
    tag(doc, "{%p elif tabel.analisis.baris %}")  # printed once, under each sasaran
    para(doc, "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya diuraikan pada analisis capaian "
              "per sasaran (angka 3 di atas).")
    tag(doc, "{%p endif %}")
    h(doc, "8. Analisis Efisiensi Penggunaan Sumber Daya", 3)
    tag(doc, '{{ sisip_teks("efisiensi") }}')
    tag(doc, '{{ sisip_tabel("efisiensi") }}')
    h(doc, "9. Program dan Kegiatan Pendukung", 3)
    tag(doc, "{%p if ada.program %}")
    para(doc, "Program dan kegiatan yang menunjang pencapaian kinerja, beserta efisiensi masing-masing terhadap capaian "
              "kinerja yang didukungnya, disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_tabel("program") }}')
    tag(doc, "{%p else %}")
    para(doc, "Program dan kegiatan pendukung belum dirinci per sasaran.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.program_kinerja %}")
    h(doc, "10. Capaian Indikator Program, Kegiatan dan Sub Kegiatan", 3)
    para(doc, "Capaian indikator program, kegiatan dan sub kegiatan yang mendukung setiap sasaran, beserta anggaran "
              "masing-masing, disajikan pada tabel berikut.")
    tag(doc, "{%p for k in program_kinerja %}")
    para(doc, "{{ k }}")
    tag(doc, "{%p endfor %}")
    tag(doc, '{{ sisip_tabel("program_kinerja") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Realisasi Anggaran", 2)
    tag(doc, '{{ sisip_teks("realisasi_anggaran") }}')
    tag(doc, "{%p if ada.belanja %}")
    para(doc, "{{ ringkas.kalimat_belanja }}")
    tag(doc, '{{ sisip_tabel("belanja") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ringkas.kalimat_satu_unit %}")  # one unit: a sentence, not a one-row table
    para(doc, "{{ ringkas.kalimat_satu_unit }}")
    tag(doc, "{%p else %}")
    para(doc, "Anggaran dan realisasi per unit disajikan pada tabel berikut. {{ ringkas.kalimat_unit }}")
    tag(doc, '{{ sisip_tabel("anggaran_unit") }}')
    tag(doc, "{%p endif %}")
    tag(doc, '{{ sisip_grafik("anggaran") }}')
    para(doc, "Rincian realisasi anggaran per program, kegiatan dan sub kegiatan disajikan pada tabel berikut.")
    tag(doc, '{{ sisip_tabel("anggaran_rinci") }}')

    # ------------------------------------------------------------ BAB IV
    h(doc, "BAB IV PENUTUP{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Kesimpulan", 2)
    tag(doc, '{{ sisip_teks("kesimpulan") }}')
    h(doc, "{{ huruf() }}. Saran dan Langkah ke Depan", 2)
    tag(doc, '{{ sisip_teks("saran") }}')

    # ------------------------------------------------------------ Lampiran
    h(doc, "LAMPIRAN{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Perjanjian Kinerja Tahun {{ profil.tahun }}", 2)
    para(doc, "PERJANJIAN KINERJA TAHUN {{ profil.tahun }}", None, bold=True, align=C, size=12)
    para(doc, "{{ profil.kepala_jabatan|upper }}", None, bold=True, align=C, size=12)
    para(doc, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, "
              "kami yang bertanda tangan di bawah ini:")
    for who, sebutan in (("kepala", "selanjutnya disebut Pihak Pertama."),
                         ("atasan", "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua.")):
        para(doc, "Nama\t: {{ profil.%s_nama }}" % who, indent_cm=0.6, space_after=0)
        para(doc, "Jabatan\t: {{ profil.%s_jabatan }}" % who, indent_cm=0.6, space_after=2)
        para(doc, sebutan)
    para(doc, "Pihak Pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
              "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
              "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.")
    para(doc, "Pihak Kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari "
              "perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.")
    tag(doc, '{{ sisip_tabel("lampiran_pk_kinerja") }}')
    tag(doc, '{{ sisip_tabel("lampiran_pk_anggaran") }}')
    # left-aligned: a long amount in a justified line of the signed page stretched its first line
    para(doc, "{{ ringkas.kalimat_pagu_pk }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    pk_signatures(doc)
    tag(doc, '{%p if "lampiran_pk_perubahan" in tabel %}')  # a revised PK, signed again (issue 20.4)
    h(doc, "{{ huruf() }}. Perjanjian Kinerja Perubahan Tahun {{ profil.tahun }}", 2).paragraph_format.page_break_before = True
    para(doc, "{{ ringkas.kalimat_pk_perubahan }}")
    tag(doc, '{{ sisip_tabel("lampiran_pk_perubahan") }}')
    pk_signatures(doc, perubahan=True)
    tag(doc, "{%p endif %}")
    # each lampiran after the signed PK starts a page of its own; the IKU is printed once, in Bab II
    tag(doc, "{%p if ada.tabel_ganda %}")
    h(doc, "{{ huruf() }}. Indikator Kinerja Utama", 2).paragraph_format.page_break_before = True
    tag(doc, '{{ sisip_tabel("lampiran_iku") }}')
    tag(doc, "{%p endif %}")
    tag(doc, '{%p if "cascading" in tabel %}')  # the performance tree, tujuan to sub kegiatan
    h(doc, "{{ huruf() }}. Matriks Cascading Kinerja", 2).paragraph_format.page_break_before = True
    para(doc, "Keterkaitan tujuan, sasaran, program, kegiatan dan sub kegiatan beserta indikator kinerja dan target "
              "tahun {{ profil.tahun }} masing-masing disajikan pada matriks berikut.")
    tag(doc, '{{ sisip_tabel("cascading") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.rencana_aksi %}")
    h(doc, "{{ huruf() }}. Rencana Aksi", 2).paragraph_format.page_break_before = True
    tag(doc, '{{ sisip_tabel("rencana_aksi") }}')
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ada.gambar_dokumentasi or ada.gambar_lampiran %}")
    h(doc, "{{ huruf() }}. Dokumentasi", 2).paragraph_format.page_break_before = True
    tag(doc, '{{ sisip_gambar("dokumentasi") }}')
    tag(doc, '{{ sisip_gambar("lampiran") }}')
    tag(doc, "{%p endif %}")

    _frame(doc.sections[0])  # the cover's own section (python-docx's first Section, once all are added)
    finish_document(doc, "Laporan Kinerja Instansi Pemerintah")
    return doc


def main() -> None:
    save(build(), HERE / "lkjip.docx")


if __name__ == "__main__":
    main()
