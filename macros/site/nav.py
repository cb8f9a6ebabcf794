"""The navigation: the satker, grouped by level, where mkdocs.yml writes ``SATKER``."""

from __future__ import annotations

from typing import Any

from .. import labels, urls
from ..loader import Handbook
from ..render.text import html_text

# The nav item mkdocs.yml writes where the satker pages go.
PLACEHOLDER = "SATKER"


def satker_groups(book: Handbook) -> list[dict[str, Any]]:
    by_level: dict[str, list[dict[str, str]]] = {}
    for satker_id, satker in sorted(book.satker_map.items(), key=lambda kv: kv[1].nama):
        # Nav titles are printed as HTML by MkDocs and Material: a satker's name is YAML text,
        # so it is escaped here, at the boundary, like every other value.
        title = html_text(satker.nama)
        by_level.setdefault(satker.tingkat, []).append({title: urls.satker_page(satker_id)})
    return [{labels.TINGKAT[level]: by_level[level]} for level in labels.TINGKAT if level in by_level]


def expand(nav: list[Any], book: Handbook) -> list[Any]:
    """The nav with its placeholder replaced by the satker pages.

    The nav lists satker pages, never every SOP: Material copies the whole nav into every page, so
    listing SOPs would grow the site with the square of their number.
    """
    expanded: list[Any] = []
    for item in nav:
        if item == PLACEHOLDER:
            expanded.extend(satker_groups(book))
        else:
            expanded.append(item)
    return expanded
