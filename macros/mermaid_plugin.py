"""mkdocs-mermaid2, without its most expensive step.

mkdocs-mermaid2 parses every finished page that mentions "mermaid" with
BeautifulSoup (html.parser) only to count the diagrams and append two script
tags; at 1,000 SOPs that parse was half the build. It also re-serialises the
whole page. With the superfences custom fence, which this handbook uses,
every diagram is written by mermaid2's own fence function as
``<pre class="mermaid"><code>``, so counting that marker is exact, and the two
script tags can be added before ``</body>`` as text. Everything else (the fence,
the configuration, the script it points at, the tags it writes) is
mkdocs-mermaid2's own. Registered as the MkDocs plugin ``sop-mermaid2``.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re

from mermaid2 import pyjs
from mermaid2.plugin import CUSTOM_FENCE_FN, MarkdownMermaidPlugin

log = logging.getLogger("mkdocs.plugins.sop-mermaid2")

# What mermaid2's fence_mermaid_custom writes for each diagram.
_DIAGRAM = re.compile(r'<pre\s+class="mermaid"><code>')


class SopMermaid2Plugin(MarkdownMermaidPlugin):
    @property
    def activate_custom_loader(self) -> bool:
        # mermaid2's custom fence is a functools.partial to which it gives a __name__, and it reads
        # that name; in a project built by Material's projects plugin (macros/nasional.py, a copy
        # of the configuration in another process) the partial arrives without it.
        config = self.full_config["mdx_configs"].get("pymdownx.superfences") or {}
        formats = [fence.get("format") for fence in config.get("custom_fences", [])]
        if any(not hasattr(f, "__name__") for f in formats):
            self._activate_custom_loader = any(_fence_name(f) == CUSTOM_FENCE_FN for f in formats)
            return self._activate_custom_loader
        return MarkdownMermaidPlugin.activate_custom_loader.fget(self)

    def on_post_page(self, output_content, config, page, **kwargs):
        if not self.activate_custom_loader or self.extra_javascript:
            return super().on_post_page(output_content, config, page, **kwargs)
        count = len(_DIAGRAM.findall(output_content))
        if not count or "</body>" not in output_content:
            return output_content
        log.debug("page %s: %d diagrams", page.url, count)
        javascript = self.javascript.strip()
        if not javascript.startswith("http"):
            javascript = os.path.relpath(javascript, os.path.dirname(page.url))
        self.mermaid_args["startOnLoad"] = False
        tags = (
            f'<script src="{_attribute(javascript)}"></script>'
            f"<script>window.mermaidConfig = {{default: {pyjs.dumps(self.mermaid_args)}}};</script>"
        )
        head, _, tail = output_content.rpartition("</body>")
        return head + tags + "</body>" + tail


def _fence_name(fn) -> str:
    if hasattr(fn, "__name__"):
        return fn.__name__
    if isinstance(fn, functools.partial) and fn.keywords.get("custom") and fn.func.__name__ == "fence_mermaid":
        return CUSTOM_FENCE_FN  # what mermaid2 names fence_mermaid(custom=True)
    return ""


def _attribute(url: str) -> str:
    # A path from mkdocs.yml, made relative: quote what would end the attribute.
    return json.dumps(url)[1:-1].replace("&", "&amp;").replace('"', "&quot;")
