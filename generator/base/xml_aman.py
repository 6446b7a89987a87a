"""The characters an XML 1.0 document (.docx, .xlsx) cannot hold: one set for every writer of lkjip.

Control characters other than tab, line feed and carriage return, the non-characters U+FFFE/U+FFFF and lone
surrogates. A base module (no lkjip imports): the report (`ooxml`), next year's workbook (`tahun_baru`) and the
recap workbook (`gabung`) remove them with `clean_xml`.
"""

from __future__ import annotations

import re

XML_ILLEGAL_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"  # inside [...] of a pattern
XML_ILLEGAL = re.compile(f"[{XML_ILLEGAL_CLASS}]")


def clean_xml(text: object) -> str:
    """Text safe for XML 1.0 (the characters above removed)."""
    return XML_ILLEGAL.sub("", str(text))
