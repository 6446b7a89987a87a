"""generator/base/sistem.py: what the operating system refused, in Indonesian, one wording for every step."""

from __future__ import annotations

import errno

import pytest

from generator.base.sistem import os_why


@pytest.mark.parametrize("code, reading, expected", [
    (errno.EACCES, False, "izin ditolak"),
    (errno.EACCES, True, "izin baca ditolak"),
    (errno.ENOSPC, False, "disk penuh"),
    (errno.EROFS, False, "disk hanya-baca"),
    (errno.EIO, True, "galat baca perangkat"),
    (errno.EIO, False, "galat perangkat"),
    (errno.ENAMETOOLONG, True, "nama atau jalurnya terlalu panjang untuk sistem operasi"),
])
def test_by_errno(code, reading, expected):
    assert os_why(OSError(code, "English text"), reading=reading).startswith(expected)


def test_no_english_and_no_path():
    why = os_why(PermissionError(errno.EACCES, "Permission denied", "/rahasia/laporan.docx"))
    assert "Permission" not in why and "/rahasia" not in why


def test_other_causes():
    assert "NUL" in os_why(ValueError("embedded null byte"))
    assert "berputar" in os_why(RuntimeError("Symlink loop from '/a'"))
    assert os_why(OSError(errno.EPROTO, "Protocol error")) == "sistem operasi menolaknya (EPROTO)"
    assert os_why(OSError("no errno")) == "sistem operasi menolaknya (OSError)"
