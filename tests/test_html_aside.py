"""Finished HTML blocks skip Python-Markdown's HTML parser and come back unchanged; only what the
handbook's macros wrote is set aside, never a maintainer's own text."""

from __future__ import annotations

import markdown
import pytest
from conftest import SEEDS

from macros import urls
from macros.render import page as pages
from macros.site.aside import Aside

EXTENSIONS = ["tables", "md_in_html", "attr_list", "toc", "pymdownx.superfences"]


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize("sop_id", sorted(SEEDS.sops))
def test_a_page_set_aside_renders_exactly_as_the_page_parsed_whole(sop_id):
    source = pages.sop_page(SEEDS.sops[sop_id], SEEDS, urls.source_link)
    aside = Aside()
    shortened = aside.set_aside(aside.mark(source), "p.md")
    assert len(aside.pages["p.md"]) >= 5  # the identity, the steps, the search copies, ...
    assert len(shortened) < len(source) / 2
    # Byte for byte, but for the blank lines around the marked region.
    assert aside.put_back(convert(shortened), "p.md").strip("\n") == convert(source).strip("\n")
    assert "p.md" not in aside.pages  # each page's blocks are given back once, then forgotten


def test_blocks_with_markdown_inside_or_left_open_stay_for_markdown():
    aside = Aside()
    text = '<div markdown="1">\n\n*a*\n\n</div>\n\n<div class="x">\n<p>open\n\n<table><tr><td>1</td></tr></table>'
    out = aside.set_aside(aside.mark(text), "p.md")
    assert aside.pages["p.md"] == ["<table><tr><td>1</td></tr></table>"]
    assert '<div markdown="1">' in out and '<div class="x">\n<p>open' in out


SAMPLE = """# Contoh

Blok HTML di dalam kode berpagar ditampilkan apa adanya:

```html
<table><tr><td>contoh</td></tr></table>
```

<p>Paragraf HTML yang ditulis pemelihara.</p>
"""


def test_a_maintainers_text_is_never_set_aside_fenced_html_samples_included():
    aside = Aside()
    macro_output = "<table><tr><td>dari makro</td></tr></table>"
    page = SAMPLE + "\n" + aside.mark(macro_output) + "\n"
    out = aside.set_aside(page, "p.md")
    assert aside.pages["p.md"] == [macro_output]  # only the macro's block
    assert out.startswith(SAMPLE)  # the written text, the fenced sample among it, exactly as written
    html = aside.put_back(convert(out), "p.md")
    assert "contoh" in html and "<td>contoh</td>" not in html  # the sample shows as code, not as a table
    assert "<td>dari makro</td>" in html


def test_text_that_imitates_a_marker_is_not_taken_for_one():
    aside, other = Aside(), Aside()  # each build has its own token
    forged = other.mark("<table><tr><td>palsu</td></tr></table>")
    assert aside.set_aside(forged, "p.md") == forged
    assert "p.md" not in aside.pages
