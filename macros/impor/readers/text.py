"""Extracted text (copied from Word or a PDF viewer): each line a row, its cells split at tabs or '|'.

Text keeps no columns: an empty cell is often dropped and a merged header is one cell, so the table
is marked not aligned and the interpreter places its cells by what they say.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..grid import Cell, Document, table_from_rows
from . import ReadError

# Only the formatting tags converters leave in extracted text (the seeds have <b>, <i>, <p>): any
# other angle-bracket text is what the document prints, and stays.
_TAG = re.compile(r"</?(?:b|i|u|p|br|strong|em|span|div|font|sup|sub)\b[^<>]*>", re.IGNORECASE)
# Control characters other than tab, line feed, carriage return and form feed: a text file has none
# to speak of, binary data is full of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """A cell as extracted: formatting tags and Markdown bold (from converters) out, white space folded."""
    text = html.unescape(_TAG.sub(" ", text)).replace("**", " ").replace("\u00a0", " ")
    return " ".join(text.split())


def decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError("bukan teks UTF-8 (berkas biner, atau teks dengan pengodean lain)") from None
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise ReadError("bukan teks: berisi banyak karakter kendali (berkas biner?)")
    return text


def read(path: Path) -> Document:
    text = decode(path.read_bytes())
    if not text.strip():
        raise ReadError("berkas tidak berisi teks")
    rows = []
    for line in text.splitlines():
        parts = line.split("\t") if "\t" in line else re.split(r" \| |\|", line)
        rows.append([Cell(clean(part), col=j) for j, part in enumerate(parts)])
    return Document([table_from_rows(rows, aligned=False)], kind="teks")
