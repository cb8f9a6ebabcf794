"""Finished HTML blocks kept out of Python-Markdown's HTML parser, and put back unchanged.

Python-Markdown (md_in_html) parses each raw HTML block only to stash it and paste it back as it
was; the handbook's blocks are large tables, so that was most of a page's Markdown time. Only what
the handbook's own macros wrote is set aside: each macro's output is fenced by a marker with a
token made anew for every build, so text a maintainer wrote in a page (a fenced HTML sample
among it) is never touched, and no page text can forge the marker.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

# A block the templates render as finished HTML: one paragraph (the templates keep blank lines
# between blocks only), opening with a block tag and closing it, with no markdown="1" inside.
_HTML_BLOCK = re.compile(r"^<(table|div|p|nav|ol|ul|dl|details)\b(?![^\n]*\bmarkdown=)[\s\S]*</\1>$")
_MARKDOWN_OPEN = re.compile(r"<(?:div|section|details)\b[^>]*\bmarkdown=")
_CLOSE = re.compile(r"^</(?:div|section|details)>\s*$", re.M)


@dataclass
class Aside:
    """One build's set-aside: the marker around macro output, and the blocks taken from each page."""

    token: str = field(default_factory=lambda: secrets.token_hex(8))
    pages: dict[str, list[str]] = field(default_factory=dict)  # page source path -> its blocks

    def mark(self, markdown: str) -> str:
        """A macro's output, marked as the handbook's own (blank lines keep it a block of its own)."""
        return f"<!--sop-aside:{self.token}-->\n\n{markdown}\n\n<!--/sop-aside:{self.token}-->"

    def set_aside(self, markdown: str, src: str) -> str:
        """Take the finished HTML blocks out of the marked regions, leaving a placeholder in each
        place; the markers go. Text outside the markers stays exactly as written."""
        opening, closing = f"<!--sop-aside:{self.token}-->", f"<!--/sop-aside:{self.token}-->"
        if opening not in markdown:
            return markdown
        blocks: list[str] = []
        out: list[str] = []
        rest = markdown
        while (start := rest.find(opening)) != -1 and (end := rest.find(closing, start)) != -1:
            out.append(rest[:start])
            out.append(self._blocks(rest[start + len(opening) : end].strip("\n"), blocks))
            rest = rest[end + len(closing) :]
        out.append(rest)
        if blocks:
            self.pages[src] = blocks
        return "".join(out)

    def put_back(self, html: str, src: str) -> str:
        """The page's HTML with each placeholder replaced by its block, as it was written."""
        blocks = self.pages.pop(src, None)
        if not blocks:
            return html
        return re.sub(rf"<!--sop-html:{self.token}:(\d+)-->", lambda m: blocks[int(m.group(1))], html)

    def _blocks(self, markdown: str, blocks: list[str]) -> str:
        depth = 0  # open markdown="1" containers: md_in_html re-serializes what is inside them, so it stays

        def aside(chunk: str) -> str:
            nonlocal depth
            opened = len(_MARKDOWN_OPEN.findall(chunk))
            closed = len(_CLOSE.findall(chunk)) if depth or opened else 0
            inside = depth > 0
            depth = max(0, depth + opened - (closed if opened == 0 else min(closed, opened)))
            if inside or opened or not _HTML_BLOCK.match(chunk):
                return chunk
            blocks.append(chunk)
            return f"<!--sop-html:{self.token}:{len(blocks) - 1}-->"

        return "\n\n".join(aside(chunk) for chunk in markdown.split("\n\n"))
