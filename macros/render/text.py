"""Escaping at the boundary: untrusted YAML text becomes inert text.

A maintainer's text can land in Markdown, raw HTML, a Jinja page and a Mermaid
diagram. Rather than escape the syntax of each (and miss one), every
character outside a small safe set is written as a numeric character
reference, which no stage reads as syntax: not Markdown (``*``, ``[``, `````),
not superfences (a line of backticks), not HTML (``<``, ``&``), not Jinja
(``{{``), and not Mermaid (``"``, ``#``, ``end``, ``%%``).
"""

from __future__ import annotations

_HTML_SAFE = set(" .,:;-/()?%'")


def html_text(value: str) -> str:
    """Text for HTML and Markdown: ``&#N;`` for anything not plainly safe; newline as <br>."""
    out = []
    for ch in value:
        if ch.isalnum() or ch in _HTML_SAFE:
            out.append(ch)
        elif ch == "\n":
            out.append("<br>")
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


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


def shorten(value: str, limit: int) -> str:
    """Cut a long label at a word boundary, marking the cut with an ellipsis."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + " …"
