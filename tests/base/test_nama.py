"""generator/base/nama.py: file names of reports — the slug of an instansi, the names Windows refuses, a staff
`nama_berkas` judged."""

from __future__ import annotations

import pytest

from generator.base.nama import WINDOWS_FORBIDDEN, WINDOWS_RESERVED, nama_berkas_problem, slug


@pytest.mark.parametrize("text, expected", [
    ("Kecamatan Kota Sumenep", "Kecamatan-Kota-Sumenep"),
    ("Dinas Pérez / Bagian: Umum?", "Dinas-Perez-Bagian-Umum"),
    ("  ", "Instansi"),
    ("???", "Instansi"),
])
def test_slug(text, expected):
    assert slug(text) == expected
    assert not WINDOWS_FORBIDDEN.search(slug(text))


def test_nama_berkas_judged():
    assert nama_berkas_problem("") is None
    assert nama_berkas_problem("LKjIP-Alok-2024") is None
    assert "huruf atau angka" in (nama_berkas_problem("!!!") or "")
    assert "nama perangkat di Windows" in (nama_berkas_problem("con") or "")
    assert {"con", "nul", "com1", "lpt9"} <= WINDOWS_RESERVED
