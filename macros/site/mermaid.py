"""mkdocs-mermaid2 for the diagrams: its fence (escaped), and its script tags at a fraction of the cost.

The fence. mermaid2's superfences formatter writes a diagram's source into ``<pre><code>`` as it
is. The handbook's sources are made safe by the renderer already (every label is encoded), but a
fence must not depend on who calls it: ``fence_mermaid_custom`` escapes the source for HTML (the
browser hands Mermaid the same text back) and then lets mermaid2 write its own markup. mermaid2
recognises its Material mode by this formatter's name, which is why the function has its name.

The script tags. mermaid2 decides, per page, whether it has a diagram and which script tags it
needs (the library, or here the handbook's loader, and its arguments), by parsing the whole
finished page with BeautifulSoup and writing it out again: at 1,000 SOPs that was half the build,
and it rewrites every page's HTML. ``Mermaid2Skeleton`` runs just before mermaid2 on each page
with a diagram and hands it a skeleton with the same diagrams instead; just after, it moves the
tags mermaid2 wrote into the real page, which is otherwise left as written. mermaid2 itself, its
configuration and its output are unchanged; the proposal upstream (count the fences, insert before
</body>) is in docs/pemeliharaan.md.
"""

from __future__ import annotations

import html
import re
from typing import Any

import mermaid2

# What mermaid2's Material-mode fence writes for each diagram (its own spacing varies), and what
# mermaid2 counts.
_DIAGRAM = re.compile(r'<pre\s+class="mermaid"><code>')
MARKER = '<pre class="mermaid"><code>'
_SENTINEL = "<!--sop-mermaid2-->"


def fence_mermaid_custom(source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any) -> str:
    """pymdownx.superfences formatter for ```mermaid fences: mermaid2's own, with the source escaped."""
    escaped = html.escape(source, quote=False)
    return str(mermaid2.fence_mermaid(escaped, language, css_class, options, md, custom=True, **kwargs))


class Mermaid2Skeleton:
    """The pages waiting for mermaid2's tags: the real page kept here while mermaid2 sees a skeleton."""

    def __init__(self) -> None:
        self.waiting: dict[str, str] = {}

    def before(self, output: str, src: str) -> str:
        count = len(_DIAGRAM.findall(output))
        if not count:
            return output
        self.waiting[src] = output
        markers = (MARKER + "</code></pre>") * count
        return f"<html><head></head><body>{markers}{_SENTINEL}</body></html>"

    def after(self, output: str, src: str) -> str:
        page = self.waiting.pop(src, None)
        if page is None:
            return output
        added = output.partition(_SENTINEL)[2].rpartition("</body>")[0]
        head, body_end, tail = page.rpartition("</body>")
        if not body_end:  # a page with no body element (a fragment): the tags go at the end
            return page + added
        return head + added + body_end + tail
