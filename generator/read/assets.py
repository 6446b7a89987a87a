"""Images named in the workbook (logo, struktur organisasi, foto): only safe files inside the assets folder."""

from __future__ import annotations

import re
from pathlib import Path

from .xlsx_safety import os_reason

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def safe_asset(raw: str, assets_dir: Path) -> tuple[Path | None, str, str]:
    """Resolve an image path typed in the workbook: (the file, "", "") or (None, the problem code, why).

    Anything outside `assets_dir` (absolute paths, drive letters, `../`, symbolic links
    leading out) is refused; the file must be a PNG or JPEG that Word can read. A path the
    operating system refuses (a name too long, a NUL character, a symlink loop, a folder
    it may not read) is `gambar.tidak-terbaca`, with the reason.
    """
    try:
        path, code = _resolve(raw, assets_dir)
    except (OSError, ValueError, RuntimeError) as exc:
        return None, "gambar.tidak-terbaca", os_reason(exc)
    return path, code, ""


def _resolve(raw: str, assets_dir: Path) -> tuple[Path | None, str]:
    raw = raw.strip().strip('"')
    candidate = Path(raw)
    if candidate.is_absolute() or raw.startswith(("\\", "/")) or re.match(r"^[A-Za-z]:", raw):
        return None, "gambar.di-luar-folder"
    target = (assets_dir / candidate).resolve()
    try:
        target.relative_to(assets_dir)
    except ValueError:
        return None, "gambar.di-luar-folder"
    if not target.is_file():
        return None, "gambar.tidak-ada"
    with open(target, "rb") as fh:
        head = fh.read(8)
    if not head.startswith(_IMAGE_MAGIC) or not image_readable(target):
        return None, "gambar.bukan-gambar"
    return target, ""


def image_readable(path: Path) -> bool:
    """Whether Word's image reader (python-docx) can take the file: headers and size intact."""
    from docx.image.image import Image

    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return False
        img = Image.from_blob(path.read_bytes())
        return img.px_width > 0 and img.px_height > 0
    except Exception:
        return False
