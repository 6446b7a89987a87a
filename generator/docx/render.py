"""Render the context into the Word template with docxtpl; the only module that imports docxtpl.

The template places content with four insert functions — `sisip_teks("bagian")`,
`sisip_tabel("id")`, `sisip_grafik("id")`, `sisip_gambar("bagian")` — each alone in a
paragraph. They render to one-time marker tokens (a random nonce per render, so workbook
text cannot forge one); `finish` then replaces each marker paragraph with generated content
and `docx_package` writes the package deterministically.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
from importlib import resources
from pathlib import Path

from ..base.formatting import FILTERS
from ..base.problems import LkjipError
from ..base.specs import Grafik
from . import ooxml


class RenderError(LkjipError):
    """The template could not be rendered (message in Indonesian, for the user)."""


def shipped_template(name: str) -> Path:
    """A template shipped with lkjip: the checkout's templates/ beside this package when there is
    one (a source checkout or a worktree run with PYTHONPATH), else the package data
    `generator.templates` of an installed lkjip."""
    checkout = Path(__file__).resolve().parents[2] / "templates" / name
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("generator.templates").joinpath(name)))


def default_template() -> Path:
    """The report template `lkjip.docx`."""
    return shipped_template("lkjip.docx")


def _sanitize(value):
    """Context safe for XML: control characters removed from every string.

    Table specs are left as they are: `ooxml` cleans every cell it writes.
    """
    if isinstance(value, str):
        return ooxml.clean(value)
    if isinstance(value, Grafik):
        return Grafik(_sanitize(value.judul), value.jenis, _sanitize(value.data))
    if isinstance(value, dict):
        return {k: (v if k == "tabel" else _sanitize(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v) for v in value]
    return value


def _marker_functions(context: dict, nonce: str, markers: dict):
    """The template's insert functions, plus `huruf()` / `huruf_ulang()` for A., B., C. headings."""
    from ..base.contract import BAGIAN_NARASI

    extra_teks = {"pengukuran", "tujuan_sasaran"}
    counter = {"n": 0}

    def make(kind: str, pool: str):
        def fn(key) -> str:
            if kind == "teks" and isinstance(key, list):
                anon = f"_{len(markers)}"
                context["teks"][anon] = key
                key = anon
            if not isinstance(key, str):
                raise RenderError(f"sisip_{kind}() menerima nama {kind}, bukan {type(key).__name__}.")
            if kind == "tabel" and key not in context["tabel"]:
                raise RenderError(f"Template memanggil sisip_tabel(\"{key}\"), tetapi tabel '{key}' tidak ada. "
                                  f"Yang tersedia: {', '.join(sorted(context['tabel']))}.")
            if kind == "grafik" and key not in context["grafik"]:
                raise RenderError(f"Template memanggil sisip_grafik(\"{key}\"), tetapi grafik '{key}' tidak ada. "
                                  f"Yang tersedia: {', '.join(sorted(context['grafik'])) or '-'}.")
            if kind == "teks" and key not in context["teks"] and key not in BAGIAN_NARASI and key not in extra_teks:
                raise RenderError(f"Template memanggil sisip_teks(\"{key}\"), tetapi bagian '{key}' tidak dikenal.")
            token = f"\u27e6{nonce}:{kind}:{key}\u27e7"
            markers[token] = (kind, key)
            return token
        return fn

    def huruf() -> str:
        counter["n"] += 1
        return chr(64 + counter["n"]) if counter["n"] <= 26 else str(counter["n"])

    def huruf_ulang() -> str:
        counter["n"] = 0
        return ""

    return {
        "sisip_teks": make("teks", "teks"),
        "sisip_tabel": make("tabel", "tabel"),
        "sisip_grafik": make("grafik", "grafik"),
        "sisip_gambar": make("gambar", "gambar"),
        "sisip_bagan": make("bagan", "bagan"),
        "huruf": huruf,
        "huruf_ulang": huruf_ulang,
    }


def cache_folder() -> Path | None:
    """The user's cache folder for lkjip (`%LOCALAPPDATA%\\lkjip\\Cache` on Windows, `$XDG_CACHE_HOME/lkjip` or
    `~/.cache/lkjip` elsewhere), made private to the user; None when it cannot be made (no cache then)."""
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
        folder = Path(base, "lkjip", "Cache") if base else None
    else:
        base = os.environ.get("XDG_CACHE_HOME") or ""
        folder = Path(base if os.path.isabs(base) else Path.home() / ".cache", "lkjip")
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except (OSError, RuntimeError):  # read-only home, no home at all
        return None
    return folder


CACHE_KEEP = 32  # compiled templates kept: each template (and each version of it) leaves one file


def prune_cache(folder: Path, keep: int = CACHE_KEEP) -> None:
    """Remove all but the `keep` most recently used compiled templates (a file in use is only ever replaced
    whole, so removing one at worst makes another process compile again)."""
    files = []
    for f in folder.glob("template-*.cache"):
        with contextlib.suppress(OSError):
            files.append((f.stat().st_mtime, f))
    for _t, f in sorted(files, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            f.unlink()


@functools.cache
def environment():
    """The Jinja environment of every render: strict, autoescaping, lkjip's filters, and a compiled-template cache.

    docxtpl compiles the template's XML with `from_string` on every render (~55 ms for the report's);
    here that goes through `get_template`, so Jinja's own bytecode cache keeps the compiled code on
    disk between runs (`cache_folder()`) and the environment keeps it in memory for `serve` and a
    batch. A file that cannot be read or written is compiled again: the cache never fails a build,
    and the same source gives the same code.
    """
    import hashlib

    import jinja2

    class Sources(jinja2.BaseLoader):
        def __init__(self) -> None:
            self.sources: dict[str, str] = {}

        def get_source(self, environment, template):
            return self.sources[template], None, lambda: True

    class Cache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # unreadable, truncated or foreign: compiled again
                bucket.reset()
            if bucket.code is not None:  # used: its time says so, for the pruning below
                with contextlib.suppress(OSError):
                    os.utime(os.path.join(self.directory, self.pattern % (bucket.key,)))

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                return
            prune_cache(Path(self.directory))

    class Environment(jinja2.Environment):
        def from_string(self, source, globals=None, template_class=None):
            if template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            name = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
            self.loader.sources.setdefault(name, source)
            return self.get_template(name, globals=globals)

    folder = cache_folder()
    cache: jinja2.BytecodeCache | None = Cache(str(folder), pattern="template-%s.cache") if folder else None
    env = Environment(undefined=jinja2.StrictUndefined, autoescape=True, loader=Sources(), bytecode_cache=cache)
    env.filters.update(FILTERS)
    return env


@functools.cache
def docx_template_class():
    """docxtpl's DocxTemplate, except that a part whose rendered XML holds no tab, BEL, newline or form feed
    anywhere skips `resolve_listing`: docxtpl turns those characters inside text into Word elements by running
    regular expressions with a callback over every paragraph and run (33 ms for the body of a 20.000-line report),
    which leaves such a part unchanged. A part with one of them goes through docxtpl as before."""
    from docxtpl import DocxTemplate

    class Template(DocxTemplate):
        def resolve_listing(self, xml):
            if "\n" in xml or "\t" in xml or "\a" in xml or "\f" in xml:
                return super().resolve_listing(xml)
            return xml

    return Template


def render_docx(context: dict, template: Path | None = None, halaman: list[str] | None = None) -> bytes:
    """Render the report; returns the .docx bytes (deterministic for the same input).

    `halaman`: the indexes with page numbers as LibreOffice laid out a first rendering
    (`pdf.daftar_halaman`), cached in the Daftar Isi/Tabel/Gambar (`--perbarui-daftar`).
    """
    import jinja2

    from ..report import layout
    from .docx_package import package
    from .finish import Finisher

    path = Path(template) if template else default_template()
    try:
        tpl = docx_template_class()(str(path))
        tpl.init_docx()
    except Exception as exc:
        raise RenderError(f"Template {path.name} tidak dapat dibuka sebagai dokumen Word: {type(exc).__name__}.") from exc
    env = environment()
    nonce = secrets.token_hex(6)
    markers: dict[str, tuple[str, str]] = {}
    ctx = _sanitize(context)
    ctx.update(_marker_functions(ctx, nonce, markers))
    try:
        tpl.render(ctx, jinja_env=env, autoescape=True)
    except RenderError:
        raise
    except jinja2.UndefinedError as exc:
        name = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        what = (name.group(2) or name.group(1)) if name else str(exc)
        raise RenderError(f"Template memakai variabel yang tidak dikenal: '{what}' ({exc}). "
                          "Lihat daftar variabel dengan: lkjip context WORKBOOK") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"Template berisi kesalahan sintaks Jinja: {exc.message} (baris {exc.lineno}).") from exc
    except Exception as exc:
        raise RenderError(f"Template gagal dirender: {type(exc).__name__}: {exc}") from exc
    fin = Finisher(tpl.docx, ctx, nonce)
    with layout.measuring():
        fin.run()
    fin.fill_tocs(halaman)
    return package(tpl.docx, fin.splices, metadata(ctx))


def metadata(context: dict):
    """Title, instansi and date of the report for the package's document properties."""
    from .docx_package import Metadata

    prof = context.get("profil", {})
    instansi, tahun = ooxml.clean(prof.get("instansi") or ""), prof.get("tahun") or ""
    title = f"Laporan Kinerja Instansi Pemerintah {instansi} Tahun {tahun}".replace("  ", " ").strip()
    date = str(prof.get("tanggal_iso") or "") or (f"{int(tahun)}-12-31" if str(tahun).isdigit() else "2000-01-01")
    return Metadata(title, instansi, date)
