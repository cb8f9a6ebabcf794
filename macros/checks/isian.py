"""Isian: a record made by `sop baru` still holds the skeleton's placeholders."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..findings import DataPath
from ..loader import SopRecord
from .base import Context, Item, _at, check


def strings(data: object, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every text of a record's data (a model dump), with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


@check("ISI-001", "warning")
def no_placeholder_left(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tidak ada isian kerangka `sop baru` yang tertinggal.

    `sop baru` menulis kerangka SOP dengan isian seperti `[isi uraian kegiatan]`. Isian yang masih
    ada berarti bagian itu belum diisi dari dokumen SOP yang ditandatangani.
    """
    if not record.source.placeholder:
        return  # the file's text has no "[isi" at all
    for path, value in strings(record.data.model_dump(mode="python", exclude_none=True)):
        if model.is_isian(value):  # the skeleton's placeholders: "[isi ...]" (see macros/baru.py)
            yield (*_at(record, *path), f"masih berisi isian kerangka '{value}'")
