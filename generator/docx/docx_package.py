"""The one deterministic zip writer: the finished .docx, the embedded chart workbooks, the template.

Same input, same bytes: entries in a stable order with a fixed time, fixed permissions,
fixed compression. Long generated tables are spliced into the serialized document as text
(they never pass through lxml), which keeps very long reports linear in their size.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "application/vnd.openxmlformats-package.relationships+xml"
_XML = "application/xml"
_SPLICE = re.compile("<w:p><w:r><w:t>(\u27e6[^<]*?:splice:\\d+\u27e7)</w:t></w:r></w:p>".encode("utf-8"))


class ZipWriter:
    """A zip archive whose bytes depend only on what is put in it."""

    def __init__(self) -> None:
        self.buf = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buf, "w", zipfile.ZIP_DEFLATED)

    def put(self, name: str, blob: bytes, *, fast: bool = False) -> None:
        info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob, compresslevel=1 if fast else 6)

    def put_pieces(self, name: str, pieces, *, fast: bool = False) -> None:
        """An entry written piece by piece (same bytes as `put` of the joined pieces, without the join)."""
        info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        level = 1 if fast else 6
        if hasattr(info, "compress_level"):  # Python 3.13+
            info.compress_level = level
        else:
            info._compresslevel = level  # the same field before 3.13 (what writestr sets)
        with self.zip.open(info, "w") as dest:
            batch: list[bytes] = []
            size = 0
            for piece in pieces:  # about 1 MB a write: one compressor call per row would cost more than the rows
                batch.append(piece)
                size += len(piece)
                if size >= 1 << 20:
                    dest.write(b"".join(batch))
                    batch, size = [], 0
            dest.write(b"".join(batch))

    def close(self) -> bytes:
        self.zip.close()
        return self.buf.getvalue()


def normalize_zip(data: bytes, patch=None) -> bytes:
    """Repack a zip (docx/xlsx) with fixed entry times and a stable order, for byte-identical builds.

    `patch(name, blob)` may change an entry on the way.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    z = ZipWriter()
    # [Content_Types].xml first (Word requires nothing else, but keep convention), then sorted.
    for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
        blob = src.read(name)
        z.put(name, patch(name, blob) if patch else blob)
    return z.close()


def fixed_xlsx(blob: bytes) -> bytes:
    """An embedded workbook with its creation time fixed, so builds stay byte-identical."""
    def fix(name: str, data: bytes) -> bytes:
        if name == "docProps/core.xml":
            return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
        return data

    return normalize_zip(blob, fix)


def content_types(parts) -> bytes:
    """`[Content_Types].xml` for the parts: a Default per known extension, an Override per other part."""
    from docx.opc.spec import default_content_types

    defaults = {"rels": _RELS, "xml": _XML}
    overrides = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    body = "".join(f"<Default Extension={quoteattr(ext)} ContentType={quoteattr(defaults[ext])}/>" for ext in sorted(defaults))
    body += "".join(f"<Override PartName={quoteattr(name)} ContentType={quoteattr(overrides[name])}/>" for name in sorted(overrides))
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<Types xmlns=\"{_CT_NS}\">{body}</Types>").encode("utf-8")


def splice(blob: bytes, splices: dict[str, list[bytes]]) -> list[bytes]:
    """The serialized document, in pieces, with each splice placeholder paragraph replaced by its XML."""
    pieces = []
    pos = 0
    if splices:
        for m in _SPLICE.finditer(blob):
            token = m.group(1).decode("utf-8")
            if token in splices:
                pieces.append(blob[pos:m.start()])
                pieces.extend(splices[token])
                pos = m.end()
    pieces.append(blob[pos:])
    return pieces


@dataclass(frozen=True)
class Metadata:
    """What file managers and Word's File > Info show: the report's title, the instansi, its date."""

    title: str
    author: str  # the instansi (also the company)
    date: str  # ISO date of the report (`tanggal_laporan`): created and modified, so builds stay deterministic

    def core_xml(self) -> bytes:
        stamp = f"{self.date}T00:00:00Z"
        return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{escape(self.title)}</dc:title><dc:creator>{escape(self.author)}</dc:creator>"
                f"<cp:lastModifiedBy>{escape(self.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
                f'<dc:language>id-ID</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>').encode("utf-8")

    def app_xml(self) -> bytes:
        return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                "<Application>lkjip</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                f"<Company>{escape(self.author)}</Company><LinksUpToDate>false</LinksUpToDate>"
                "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")


# Parts a template may carry that would be stale in the report: the preview picture of the
# (empty) template, and Word 2010's copy of the styles that no longer matches styles.xml.
_STALE = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
          "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")


def prune(doc) -> None:
    """Drop the thumbnail and stylesWithEffects relationships (their parts are then not written)."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _STALE]:
            rels.pop(rid)


def package(doc, splices: dict[str, list[bytes]], meta: Metadata | None = None) -> bytes:
    """Write a python-docx document in one pass, the generated tables spliced in as text."""
    from docx.opc.oxml import serialize_part_xml
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

    pkg = doc.part.package
    prune(doc)
    if meta is not None:
        doc.core_properties  # noqa: B018 (python-docx adds the core part when a template has none)
    own = {"/docProps/core.xml": meta.core_xml(), "/docProps/app.xml": meta.app_xml()} if meta else {}
    parts = list(pkg.iter_parts())
    for part in parts:
        part.before_marshal()
    z = ZipWriter()
    z.put(CONTENT_TYPES_URI.membername, content_types(parts))
    z.put(PACKAGE_URI.rels_uri.membername, pkg.rels.xml)
    for part in parts:
        if part is doc.part:
            pieces = splice(serialize_part_xml(part.element), splices)
            # the document of a very long report compresses fast at level 1 (same input, same bytes)
            z.put_pieces(part.partname.membername, pieces, fast=sum(map(len, pieces)) > 8 * 1024 * 1024)
        else:
            z.put(part.partname.membername, own.get(str(part.partname)) or part.blob)
        if len(part.rels):
            z.put(part.partname.rels_uri.membername, part.rels.xml)
    return z.close()
