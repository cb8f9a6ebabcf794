"""Finished HTML blocks skip Python-Markdown's HTML parser and come back unchanged."""

from __future__ import annotations

import markdown
import pytest
from conftest import SEEDS

from macros import site, urls
from macros.render import page as pages

EXTENSIONS = ["tables", "md_in_html", "attr_list", "toc", "pymdownx.superfences"]


class Page:
    """What set_html_aside keeps on a page: a plain object stands in for MkDocs' Page."""


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize("sop_id", sorted(SEEDS.sops))
def test_a_page_set_aside_renders_exactly_as_the_page_parsed_whole(sop_id):
    source = pages.sop_page(SEEDS.sops[sop_id], SEEDS, urls.source_link)
    page = Page()
    shortened = site.set_html_aside(source, page)
    assert len(page.sop_html_blocks) >= 5  # the identity, the steps, the search copies, ...
    assert len(shortened) < len(source) / 2
    # Byte for byte, but for a newline at the very end of the page.
    assert site.on_page_content(convert(shortened), page, None, None).rstrip("\n") == convert(source).rstrip("\n")


def test_blocks_with_markdown_inside_or_left_open_stay_for_markdown():
    page = Page()
    text = '<div markdown="1">\n\n*a*\n\n</div>\n\n<div class="x">\n<p>open\n\n<table><tr><td>1</td></tr></table>'
    out = site.set_html_aside(text, page)
    assert page.sop_html_blocks == ["<table><tr><td>1</td></tr></table>"]
    assert '<div markdown="1">' in out and '<div class="x">\n<p>open' in out
