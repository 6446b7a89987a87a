"""generator/base/xml_aman.py: the characters XML 1.0 cannot hold, removed the same way by every writer."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from generator.base.xml_aman import clean_xml


def test_what_goes_and_what_stays():
    assert clean_xml("a\x00b\x0bc\x0cd\x1fe\ufffef\uffffg\ud800h") == "abcdefgh"
    assert clean_xml("tab\tbaris\nCR\r é ✓ 😀") == "tab\tbaris\nCR\r é ✓ 😀"
    assert clean_xml(12) == "12"


@given(st.text())
def test_the_result_is_always_well_formed_xml(text):
    cleaned = clean_xml(text)
    from xml.sax.saxutils import escape

    ET.fromstring(f"<t>{escape(cleaned)}</t>".encode("utf-8", "surrogatepass"))
