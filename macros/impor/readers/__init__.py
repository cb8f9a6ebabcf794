"""One reader per format, each turning a document into the same ``grid.Document``.

``read`` chooses the reader by what the file is (its first bytes), not only by its name: a .docx that
is not a zip, a PDF named .txt or binary data named .txt get a plain error naming the file and why,
never a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..grid import Document


class ReadError(Exception):
    """A document that cannot be read; the message says why, in a maintainer's words."""


IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
SUFFIXES = {".txt", ".md", ".docx", ".doc", ".pdf", ".odt", ".rtf", *IMAGE_SUFFIXES}
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # the container of old Word (.doc) files


def kind_of(path: Path) -> str:
    """What the file is: docx, doc, pdf, gambar or teks, judged from its content first."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_OLE):
        return "doc"
    if head.startswith(b"PK"):
        if path.suffix.casefold() in (".odt",):
            return "doc"  # LibreOffice turns it into .docx like an old Word file
        return "docx"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")):
        return "gambar"
    if head.startswith(b"{\\rtf"):
        return "doc"
    return "teks"


def read(path: Path) -> Document:
    """The document at ``path`` as paragraphs and tables; ReadError if it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ReadError("berkas tidak ada")
    if path.stat().st_size == 0:
        raise ReadError("berkas kosong")
    kind = kind_of(path)
    if kind == "teks" and path.suffix.casefold() in (".docx", ".pdf", ".doc"):
        raise ReadError(f"bukan dokumen {path.suffix.lstrip('.').upper()} yang sah (isinya bukan berkas {path.suffix})")
    if kind == "docx":
        if not zipfile.is_zipfile(path):
            raise ReadError("berkas .docx rusak: bukan arsip zip yang utuh")
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" not in z.namelist():
                raise ReadError("arsip zip ini bukan dokumen Word (.docx): tidak ada word/document.xml")
        from . import docx

        return docx.read(path)
    if kind == "doc":
        from . import doc

        return doc.read(path)
    if kind == "pdf":
        from . import pdf

        return pdf.read(path)
    if kind == "gambar":
        from . import scan

        return scan.read_image(path)
    from . import text

    return text.read(path)
