"""Every link of the built site resolves: to a file that exists and, with a #fragment, to an element with that id.

MkDocs' --strict checks Markdown links only; the handbook's tables are raw
HTML, so this walks the built HTML itself. It runs on the seed site and on a
generated handbook of several hundred SOPs.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import SEEDS, build, generate_handbook, make_project

pytestmark = pytest.mark.build
GENERATED_COUNT = 300


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (attribute, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src") and value is not None:
                self.links.append((f"<{tag} {name}>", value))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path) -> list[str]:
    """'page: url (why)' for every href/src in the site's HTML that leads nowhere."""
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    problems = []
    for path, page in pages.items():
        for where, url in page.links:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto", "data") or url.startswith("//"):
                continue
            if parts.scheme:  # javascript:, file:, anything else has no place in the handbook
                problems.append(f"{path.relative_to(site)}: {where} {url} (skema {parts.scheme}:)")
                continue
            if parts.path.startswith("/"):
                # Only the error page may link from the server root: a server shows it at any URL,
                # so MkDocs writes its links absolute (for a site at the root when site_url is unset).
                if path.name != "404.html":
                    problems.append(f"{path.relative_to(site)}: {where} {url} (alamat absolut)")
                    continue
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or not target.resolve().is_relative_to(site.resolve()):
                problems.append(f"{path.relative_to(site)}: {where} {url} (tidak ada berkas)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    problems.append(f"{path.relative_to(site)}: {where} {url} (tidak ada #{fragment})")
    return problems


def pages_match_sources(root: Path, site: Path) -> list[str]:
    """Each SOP file has its page and each SOP page its file."""
    files = {p.relative_to(root / "sop_data").with_suffix("").as_posix() for p in (root / "sop_data").glob("*/*.yaml")}
    pages = {p.relative_to(site / "sop").with_suffix("").as_posix() for p in (site / "sop").glob("*/*.html")}
    return sorted(f"tanpa halaman: {x}" for x in files - pages) + sorted(f"tanpa berkas: {x}" for x in pages - files)


def test_every_link_of_the_seed_site_resolves(built_site):
    assert broken_links(built_site) == []


def test_every_seed_sop_has_its_page_and_every_page_its_source(built_site):
    from conftest import ROOT

    assert pages_match_sources(ROOT, built_site) == []
    assert len(SEEDS.sops) == 5


def test_every_link_of_a_generated_handbook_resolves(tmp_path):
    project = make_project(tmp_path / "project")
    made = generate_handbook(project, GENERATED_COUNT)
    assert len(made) == GENERATED_COUNT - 5
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert pages_match_sources(project, tmp_path / "site") == []
    assert broken_links(tmp_path / "site") == []


def test_the_link_check_finds_a_broken_link_and_a_missing_anchor(tmp_path):
    """The checker itself can fail: each kind of dead link is reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<p id="ada"></p><a href="#ada">1</a><a href="#tiada">2</a>'
        '<a href="../b/">3</a><a href="javascript:alert(1)">4</a><a href="/a/">5</a>',
        encoding="utf-8",
    )
    problems = broken_links(tmp_path)
    assert [p.split(" (")[1] for p in problems] == [
        "tidak ada #tiada)",
        "tidak ada berkas)",
        "skema javascript:)",
        "alamat absolut)",
    ]
