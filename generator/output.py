"""Safe output: every file lkjip writes is written to a temporary file beside its target, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .problems import LkjipError


class OutputError(LkjipError):
    """The output file could not be written (message is Indonesian, for the user)."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    A failure at any point leaves the previous file untouched and no temporary file behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"Folder keluaran {folder} tidak dapat dibuat: sudah ada berkas bernama sama. Pakai --out dengan folder lain.")
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"Folder keluaran {folder} tidak dapat dibuat: {exc.strerror or exc}.") from exc
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"Tidak dapat menulis di folder {folder}: {exc.strerror or exc}. Periksa izin tulis folder itu."
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise OutputError(
                f"Berkas {path} tidak dapat diganti (mungkin sedang dibuka di Word atau bersifat baca-saja). "
                "Tutup berkas itu lalu jalankan lagi, atau pakai --out dengan nama lain."
            ) from exc
        except OSError as exc:
            raise OutputError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}.") from exc
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
