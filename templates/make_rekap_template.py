"""Build templates/rekap.docx, the docxtpl template of `lkjip gabung --docx`.

Run from the project root after changing it:  python templates/make_rekap_template.py
Same styles, page set-up, captions and insert functions as the OPD report (make_template.py):
the recap reads as one more chapter and appendix of the kabupaten's own LKjIP.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_template import (  # noqa: E402
    _bottom_rule,
    _field,
    _frame,
    daftar_pages,
    finish_document,
    h,
    page_numbers,
    para,
    save,
    set_page,
    setup_styles,
    tag,
)


def build() -> Document:
    doc = Document()
    setup_styles(doc)
    C = WD_ALIGN_PARAGRAPH.CENTER
    sec = doc.sections[0]
    set_page(sec)

    # ------------------------------------------------------------ cover
    para(doc, "REKAPITULASI", None, bold=True, align=C, size=26, space_after=4).paragraph_format.space_before = Cm(2)
    para(doc, "CAPAIAN KINERJA PERANGKAT DAERAH", None, bold=True, align=C, size=16, space_after=4)
    _bottom_rule(para(doc, "TAHUN {{ profil.tahun }}", None, bold=True, align=C, size=16, space_after=0))
    para(doc, "", None).paragraph_format.space_before = Cm(6.5)
    block = para(doc, "{{ profil.pemerintah|upper }}", None, bold=True, align=C, size=16, space_after=6)
    block.paragraph_format.space_before = Cm(8.5)
    block.paragraph_format.keep_with_next = True
    para(doc, "{{ rekap.sumber }}", None, align=C, size=10, space_after=0)

    # ------------------------------------------------------------ front matter (roman pages)
    front = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(front)
    front.footer.is_linked_to_previous = False
    fp = front.footer.paragraphs[0]
    fp.alignment = C
    _field(fp, "PAGE", "i")
    page_numbers(front, "lowerRoman", 1)
    sec.footer.is_linked_to_previous = False
    daftar_pages(doc)

    # ------------------------------------------------------------ BAB I: the part of the kabupaten's Bab III
    h(doc, "BAB I CAPAIAN KINERJA PERANGKAT DAERAH{{ huruf_ulang() }}", 1)
    para(doc, "{{ rekap.pengantar }}")
    h(doc, "{{ huruf() }}. Pengumpulan Laporan Kinerja Perangkat Daerah", 2)
    para(doc, "{{ rekap.kalimat_status }}")
    tag(doc, '{{ sisip_tabel("status") }}')
    h(doc, "{{ huruf() }}. Capaian Kinerja per Perangkat Daerah", 2)
    para(doc, "{{ rekap.kalimat_capaian }}")
    tag(doc, '{{ sisip_tabel("rekap_opd") }}')
    tag(doc, "{%p for key in rekap.grafik_capaian %}")
    tag(doc, "{{ sisip_grafik(key) }}")
    tag(doc, "{%p endfor %}")
    h(doc, "{{ huruf() }}. Sebaran Predikat Capaian Indikator", 2)
    para(doc, "{{ rekap.kalimat_predikat }}")
    tag(doc, '{{ sisip_tabel("predikat") }}')
    tag(doc, "{%p if ada.grafik_predikat %}")
    tag(doc, '{{ sisip_grafik("predikat") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Keselarasan Sasaran Perangkat Daerah dengan Sasaran RPJMD", 2)
    para(doc, "{{ rekap.kalimat_cascading }}")
    tag(doc, '{{ sisip_tabel("cascading") }}')
    tag(doc, "{%p if ada.pemda %}")
    h(doc, "{{ huruf() }}. Capaian Indikator Kinerja Utama Pemerintah Daerah", 2)
    para(doc, "{{ rekap.kalimat_iku }}")
    tag(doc, '{{ sisip_tabel("iku_pemda") }}')
    tag(doc, "{%p endif %}")
    h(doc, "{{ huruf() }}. Realisasi Anggaran per Perangkat Daerah", 2)
    para(doc, "{{ rekap.kalimat_anggaran }}")
    tag(doc, '{{ sisip_tabel("anggaran_opd") }}')
    tag(doc, '{{ sisip_tabel("anggaran_urusan") }}')

    # ------------------------------------------------------------ Lampiran
    h(doc, "LAMPIRAN{{ huruf_ulang() }}", 1)
    h(doc, "{{ huruf() }}. Capaian Indikator Kinerja Sasaran Perangkat Daerah", 2)
    tag(doc, '{{ sisip_tabel("lampiran_capaian") }}')

    _frame(doc.sections[0])
    finish_document(doc, "Rekapitulasi Capaian Kinerja Perangkat Daerah")
    return doc


def main() -> None:
    save(build(), HERE / "rekap.docx")


if __name__ == "__main__":
    main()
