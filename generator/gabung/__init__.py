"""`lkjip gabung`: many OPD workbooks of one kabupaten into one recap (the Bagian Organisasi's/Bappeda's tables).

    rekap = gabung(folder, pemda)          # read every workbook (in parallel), checks across files
    data = workbook_bytes(rekap)           # the recap workbook, byte-identical for the same folder
    data = dokumen_bytes(rekap)            # the recap document (.docx), in the style of the OPD reports

Every figure is taken from `generator.check` — the computation that prints it in the OPD's own
report — rounded and labelled as that report prints it. Built on the public API (`generator`) only.
Names load lazily, so the command line pays for nothing until `gabung` runs.
"""

from __future__ import annotations

from .. import lazy_api

_API = {
    "gabung": "rekap", "baca_pemda": "rekap", "Rekap": "rekap", "PemdaRekap": "rekap", "HENTI": "rekap",
    "MasalahBerkas": "masalah", "CATALOGUE": "masalah",
    "workbook_bytes": "tulis",
    "dokumen_bytes": "dokumen",
}
__all__ = list(_API)


__getattr__ = lazy_api(__name__, _API, globals())
