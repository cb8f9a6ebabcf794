"""`sop impor`: draft records from the SOPs offices already have: Word, PDF, scans, extracted text.

The pipeline, one module each:

- ``readers/`` one reader per format (``text``, ``docx``, ``doc`` through LibreOffice, ``pdf`` with
  pdfplumber, ``scan`` with Tesseract) turning a document into the same ``grid``: paragraphs and
  tables of cells with their spans and what is drawn in them;
- ``interpret``: the SOP AP form read from that grid (identity, boxes, step table, signer);
- ``draft``: the record built from it, with a note for every value the importer is not sure of;
- ``write``: the YAML, written as the records are.

``import_document`` runs them for one file; ``import_folder`` for every document of a folder.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Jabatan, Regulasi, Satker
from .draft import Report, find_satker, satker_entry, to_record
from .interpret import interpret
from .readers import SUFFIXES, ReadError, read
from .write import SCHEMA_LINE, to_yaml

__all__ = ["SCHEMA_LINE", "SUFFIXES", "NotAnSop", "ReadError", "Report", "import_document", "to_yaml"]


class NotAnSop(ReadError):
    """A document that was read, but holds nothing of the SOP AP form."""


def import_document(
    path: Path,
    registry: dict[str, Regulasi],
    satker: dict[str, Satker],
    satker_id: str | None = None,
    roles: dict[str, Jabatan] | None = None,
) -> tuple[str | None, dict[str, object], Report]:
    """Read ``path`` into (satker id, draft record, report); ReadError when it cannot be read."""
    document = read(Path(path))
    reading = interpret(document)
    if not (reading.identity or reading.boxes or reading.steps):
        raise NotAnSop("tidak tampak seperti SOP AP: tidak ada Nomor SOP, kotak SOP, maupun tabel langkah yang terbaca")
    report = Report(format=document.kind, source=Path(path).name)
    report.satker = satker_id or find_satker(reading, satker)
    if report.satker is None and (entry := satker_entry(reading)):
        report.satker_entry = {entry[0]: entry[1]}
    record = to_record(
        reading,
        document,
        f"{Path(path).name} (diimpor dengan `sop impor`)",
        registry,
        report,
        satker.get(report.satker or ""),
        roles,
    )
    return report.satker, record, report
