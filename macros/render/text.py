"""Escaping at the boundary: untrusted YAML text becomes inert text.

A maintainer's text can land in Markdown, raw HTML, a Jinja page and a Mermaid
diagram. Rather than escape the syntax of each (and miss one), every
character outside a small safe set is written as a numeric character
reference, which no stage reads as syntax: not Markdown (``*``, ``[``, `````),
not superfences (a line of backticks), not HTML (``<``, ``&``), not Jinja
(``{{``), and not Mermaid (``"``, ``#``, ``end``, ``%%``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .. import labels
from ..findings import parse_field

_HTML_SAFE = set(" .,:;-/()?%'")
# ASCII letters, digits and the safe set pass untouched; every other character is looked at.
_HTML_LOOK = re.compile(r"[^0-9A-Za-z .,:;\-/()?%']")


def _html_char(match: re.Match[str]) -> str:
    ch: str = match.group()
    if ch.isalnum():  # a letter or digit outside ASCII (é, ½ is not): kept
        return ch
    if ch == "\n":
        return "<br>"
    return f"&#{ord(ch)};"


@lru_cache(maxsize=1 << 16)  # labels, lane names and registry names repeat on every page
def html_text(value: str) -> str:
    """Text for HTML and Markdown: ``&#N;`` for anything not plainly safe; newline as <br>."""
    return _HTML_LOOK.sub(_html_char, value)


def mermaid_text(value: str) -> str:
    """Text for a quoted Mermaid label: ``#N;`` for everything but ASCII letters, digits, space.

    ``html.escape`` is not enough: Mermaid reads ``#`` and ``'`` itself, and its
    ``strict`` security level sanitises HTML instead of encoding it.
    """
    out = []
    for ch in value:
        if ch == " " or (ch.isascii() and ch.isalnum()):
            out.append(ch)
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out)


def place(path: str | Sequence[str | int]) -> str:
    """A field as a reader names it: ('langkah', 2, 'mutu_baku', 'waktu') or 'langkah[3].mutu_baku.waktu'
    -> 'Langkah 3 › Mutu Baku › Waktu'. The raw path is maintainer detail."""
    if isinstance(path, str):
        path = parse_field(path)
    words: list[str] = []
    for part in path:
        if isinstance(part, int) and words:
            words[-1] += f" {part + 1}"
        elif isinstance(part, str):
            words.append(labels.FIELD_WORDS.get(part, part.replace("_", " ")))
    return " › ".join(words)
