"""Site glue: MkDocs hook functions, and the macros' view of one build.

Each build gets its own ``Build`` (made in ``on_config``, kept on the config
object that MkDocs makes anew for every build and every ``mkdocs serve``
rebuild), so no state survives from one build to the next. The handbook is
loaded through ``core.load``; the build stops in ``on_pre_build`` on any error.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import core, export, labels, nasional, review, schema, urls
from . import repo as repo_links
from .findings import Finding, errors, group_by
from .loader import Handbook
from .render import legal as legal_pages
from .render import page as pages
from .render import reports, roles
from .render.text import html_text

log = logging.getLogger("mkdocs.sop")


@dataclass(frozen=True)
class Vendored:
    """A front-end file the site serves itself (no CDN), from an npm package pinned in package-lock.json."""

    name: str
    version: str
    source: str  # under the project root (node_modules/...)
    target: str  # under docs/
    sha256: str


# Mermaid draws the diagrams; iframe-worker lets Material's search worker run from file:// (the
# offline plugin would otherwise point every page at a CDN copy of it).
# Mermaid's "tiny" build: the same library without the diagram types and extras an SOP never uses
# (mindmaps, architecture, KaTeX ...), half the bytes of the full build (0.78 MB against 1.59 MB
# gzipped), which is most of what a reader downloads to see a diagram.
MERMAID = Vendored(
    "@mermaid-js/tiny",
    "12.0.0",
    "node_modules/@mermaid-js/tiny/dist/mermaid.tiny.js",
    "assets/vendor/mermaid/mermaid.tiny.js",
    "9f2807e402479d2864bfd9a95052076fc69d0ff45a0b25148b84b70fc33425b9",
)
IFRAME_WORKER = Vendored(
    "iframe-worker",
    "1.0.4",
    "node_modules/iframe-worker/shim/index.js",
    "assets/vendor/iframe-worker/shim.js",
    "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609",
)
# tablesort lets a reader sort the SOP list by any column (Material's documentation shows the same).
TABLESORT = Vendored(
    "tablesort",
    "5.7.1",
    "node_modules/tablesort/dist/tablesort.min.js",
    "assets/vendor/tablesort/tablesort.min.js",
    "ee99f17ebc985170899a004e9f6bf09e7f60eb4b459b6bfe6683cf0140352c63",
)
TABLESORT_NUMBER = Vendored(
    "tablesort",
    "5.7.1",
    "node_modules/tablesort/dist/sorts/tablesort.number.min.js",
    "assets/vendor/tablesort/tablesort.number.min.js",
    "e25dad08c53361182db670d0f670e85eea0f57e5d3bad0439831c75e1842096c",
)
VENDORED = (MERMAID, IFRAME_WORKER, TABLESORT, TABLESORT_NUMBER)
# Set to 1 to log every warning of the data on each build instead of one summary line.
VERBOSE_VAR = "SOP_RINCIAN"
CONFIG_KEY = "sop_build"
# An SOP page outranks the lists that mention its number or name (home, satker, reports).
SOP_SEARCH_BOOST = 4
# A role's page outranks the SOPs whose lanes or steps merely name the role.
ROLE_SEARCH_BOOST = 4


@dataclass
class Build:
    """Everything one build knows about the handbook."""

    book: Handbook
    findings: list[Finding]
    today: dt.date
    findings_by_file: dict = field(default_factory=dict)
    files: Files | None = None
    repo: repo_links.Repo | None = None  # where the records are edited (SOP_REPO_URL)
    changed: dict = field(default_factory=dict)  # record path -> date of its last commit
    page_sops: dict = field(default_factory=dict)  # an SOP page's source path -> the SOP's id
    national: str | None = None  # the national site: its provinces' projects folder (extra.sop_nasional)
    elsewhere: dict = field(default_factory=dict)  # national: SOP/satker page -> URL in its province site

    def source(self, record) -> pages.Source:
        """An SOP page's links to its YAML file, and when that file last changed."""
        return pages.Source(
            updated=self.changed.get(record.path),
            edit=self.repo.edit(record.path) if self.repo else None,
            history=self.repo.history(record.path) if self.repo else None,
        )

    def link_from(self, page) -> urls.Link:
        """A ``urls.Link`` for ``page``: hrefs from MkDocs' own File objects, relative to the page."""
        files = self.files

        def link(src: str, anchor: str | None = None) -> str:
            target = files.get_file_from_path(src)
            if target is None and src in self.elsewhere:  # national: the page is in its province's site
                here = posixpath.dirname(page.file.url)
                return urls.href(posixpath.relpath(self.elsewhere[src], here or "."), anchor)
            if target is None:
                # A renderer asked for a page the site does not have: fail the build, never publish a 404.
                raise PluginError(f"tautan ke halaman yang tidak ada: {src} (dari {page.file.src_uri})")
            return urls.href(target.url_relative_to(page.file), anchor)

        return link

    def url(self, src: str) -> str:
        """A page's URL relative to the site root (for the JSON export)."""
        if src in self.elsewhere:
            return self.elsewhere[src]
        return self.files.get_file_from_path(src).url


def current(config) -> Build:
    return config[CONFIG_KEY]


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor(root: Path, docs_dir: Path) -> None:
    """Put each pinned front-end file under docs/ (MkDocs serves only what is there), checksum-verified."""
    for asset in VENDORED:
        target = docs_dir / asset.target
        if target.is_file() and _sha256(target) == asset.sha256:
            continue
        source = root / asset.source
        label = f"{asset.name} {asset.version}"
        if not source.is_file():
            raise PluginError(f"{label} tidak ditemukan di {asset.source}; jalankan `make install` (npm ci).")
        if _sha256(source) != asset.sha256:
            raise PluginError(f"{asset.source} bukan {label} yang dipatok (checksum berbeda); jalankan `npm ci`.")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def nav(book: Handbook) -> list:
    by_level: dict = {}
    for satker_id, satker in sorted(book.satker_map.items(), key=lambda kv: kv[1].nama):
        # Nav titles are printed as HTML by MkDocs and Material: a satker's name is YAML text,
        # so it is escaped here, at the boundary, like every other value.
        title = html_text(satker.nama)
        by_level.setdefault(satker.tingkat, []).append({title: urls.satker_page(satker_id)})
    return [{labels.TINGKAT[level]: by_level[level]} for level in labels.TINGKAT if level in by_level]


# `make pratinjau SOP=<satker>/<nama>`: the site with the registries and that one SOP, so that
# `mkdocs serve` rebuilds in about a second however large the handbook is (see README).
PREVIEW_ENV = "SOP_PRATINJAU"


def preview_only(root: Path) -> set[str] | None:
    wanted = os.environ.get(PREVIEW_ENV, "").strip()
    if not wanted:
        return None
    rel = wanted if wanted.endswith(".yaml") else f"sop_data/{wanted}.yaml"
    path = Path(rel) if Path(rel).is_absolute() else root / rel
    if not path.is_file():
        raise PluginError(f"{PREVIEW_ENV}={wanted}: berkas {path} tidak ada")
    return {path.resolve().relative_to(root.resolve()).as_posix()}


_command = {"name": None}  # what MkDocs was asked to do (on_startup): "build", "serve", "gh-deploy"


def on_startup(command, dirty, **kwargs):
    _command["name"] = command


def on_config(config, **kwargs):
    root = project_root(config)
    vendor(root, Path(config.docs_dir))
    if national := config.extra.get("sop_nasional"):
        # The national site reads its handbook from the provinces' exports once Material's
        # projects plugin has built them (on_pre_build); its nav is written in its mkdocs.yml.
        config[CONFIG_KEY] = Build(Handbook(root), [], review.reference_date(), national=national)
        return config
    try:
        today = review.reference_date()
    except review.BadReferenceDate as exc:
        raise PluginError(labels.ERR["bad_reference_date"].format(var=review.ENV_VAR, value=exc)) from None
    only = preview_only(root)
    if only:
        log.info("Pratinjau: hanya %s (%s)", ", ".join(sorted(only)), PREVIEW_ENV)
    book, findings = core.load(root, today, only)
    # Each SOP page shows its own findings: grouped once here, not searched for on every page.
    if _command["name"] == "build":
        # A build ends when the pages are written: the handbook lives until then, so the cyclic
        # collector need not scan its millions of objects again on every page. (Not in `serve`,
        # where each rebuild's handbook must be collectable.)
        gc.freeze()
    config[CONFIG_KEY] = Build(
        book,
        findings,
        today,
        group_by(findings, "file"),
        repo=repo_links.from_env(),
        changed=repo_links.last_changed(root),
    )
    if config.nav is not None:
        # The nav lists satker pages, never every SOP: Material copies the whole nav
        # into every page, so listing SOPs would grow the site with the square of their number.
        expanded = []
        for item in config.nav:
            if item == "SATKER":
                expanded.extend(nav(book))
            else:
                expanded.append(item)
        config.nav = expanded
    return config


def warnings_summary(findings: list[Finding]) -> str | None:
    warnings = [f for f in findings if f.level != "error"]
    if not warnings:
        return None
    return labels.SITE["warnings_summary"].format(count=len(warnings), files=len({f.file for f in warnings}))


def on_pre_build(config, **kwargs):
    build = current(config)
    if build.national:
        root = project_root(config)
        slugs = sorted(p.parent.name for p in (root / build.national).glob("*/mkdocs.yml"))
        build.book, build.findings, build.elsewhere = nasional.load_exports(Path(config.site_dir), slugs)
        build.findings_by_file = group_by(build.findings, "file")
        log.info("Nasional: %d SOP dari %d provinsi", len(build.book.sops), len(slugs))
        return  # each province's build has already judged its own records
    verbose = os.environ.get(VERBOSE_VAR) == "1"
    for finding in build.findings:
        if finding.level == "error":
            log.error(finding.format())
        elif verbose:
            log.info(finding.format())
    summary = warnings_summary(build.findings)
    if summary and not verbose:
        log.info(summary)
    bad = errors(build.findings)
    if bad:
        raise PluginError(
            f"{len(bad)} kesalahan di sop_data/; perbaiki berkas yang disebut di atas "
            f"(jalankan `sop check` untuk daftar yang sama)."
        )


def _generated(config, files: Files, src: str, content: str) -> None:
    if files.get_file_from_path(src) is not None:
        # The loader rejects reserved names; this is the guard that nothing else ever shadows a page.
        raise PluginError(f"halaman {src} dibuat dua kali; nama ini sudah dipakai oleh halaman lain")
    files.append(File.generated(config, src, content=content))


def _macro_page(macro: str, record_id: str, boost: float | None = None) -> str:
    """A generated page is one macro call; the id is a JSON (= Jinja) string literal, never YAML text.
    ``boost`` ranks the page's search results above other pages that mention the same words."""
    front = f"---\nsearch:\n  boost: {boost}\n---\n" if boost else ""
    return front + "{{ " + macro + "(" + json.dumps(record_id) + ") }}\n"


def on_files(files, config, **kwargs):
    build = current(config)
    book = build.book
    for sop_id in [] if build.national else book.sops:
        _generated(config, files, urls.sop_page(sop_id), _macro_page("halaman_sop", sop_id, boost=SOP_SEARCH_BOOST))
        build.page_sops[urls.sop_page(sop_id)] = sop_id
    for satker_id in [] if build.national else book.satker_map:
        _generated(config, files, urls.satker_page(satker_id), _macro_page("halaman_satker", satker_id))
    for role_id in book.jabatan_map:
        _generated(
            config, files, urls.jabatan_page(role_id), _macro_page("halaman_jabatan", role_id, boost=ROLE_SEARCH_BOOST)
        )
    for reg_id in book.regulasi_map:
        _generated(config, files, urls.regulasi_page(reg_id), _macro_page("halaman_regulasi", reg_id))
    build.files = files
    # The exports are built with the site, from the same validated data the pages show.
    _generated(config, files, urls.EXPORT_CSV, export.citations_csv(book))
    _generated(config, files, urls.EXPORT_JSON, export.handbook_json(book, build.findings, build.today, build.url))
    _generated(config, files, urls.EXPORT_SCHEMA, schema.generate(export.BukuPedomanEkspor))
    return files


# --- What the macros call (macros/__init__.py registers them) ---------------------------------


def sop_markdown(config, page, sop_id: str) -> str:
    build = current(config)
    record = build.book.sops[sop_id]
    return pages.sop_page(
        record,
        build.book,
        build.link_from(page),
        build.findings_by_file.get(record.path, []),
        build.today,
        build.source(record),
    )


# `make bench` builds bare Material on the very pages this handbook renders: with this variable set,
# a build also writes each page's final Markdown (after the macros) and the expanded nav there.
DUMP_ENV = "SOP_SALIN_MARKDOWN"


# A block the templates render as finished HTML: one paragraph (the templates keep blank lines
# between blocks only), opening with a block tag and closing it, with no markdown="1" inside.
_HTML_BLOCK = re.compile(r"^<(table|div|p|nav|ol|ul|dl|details)\b(?![^\n]*\bmarkdown=)[\s\S]*</\1>$")
_PLACEHOLDER = re.compile(r"<!--sop-html:(\d+)-->")
_MARKDOWN_OPEN = re.compile(r"<(?:div|section|details)\b[^>]*\bmarkdown=")
_CLOSE = re.compile(r"^</(?:div|section|details)>\s*$", re.M)


def set_html_aside(markdown: str, page) -> str:
    """Take finished HTML blocks out of the Markdown, leaving a comment in each place.

    Python-Markdown (md_in_html) would parse each block with an HTML parser only to stash it
    and paste it back unchanged; the blocks are large tables, so that was most of a page's
    Markdown time. They go back, as they were, in on_page_content.
    """
    blocks: list[str] = []
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
        return f"<!--sop-html:{len(blocks) - 1}-->"

    out = "\n\n".join(aside(chunk) for chunk in markdown.split("\n\n"))
    page.sop_html_blocks = blocks
    return out


def on_page_content(html, page, config, files, **kwargs):
    blocks = getattr(page, "sop_html_blocks", None)
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def on_page_markdown(markdown, page, config, files, **kwargs):
    if target := os.environ.get(DUMP_ENV):
        path = Path(target) / "docs" / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        nav = Path(target) / "nav.json"
        if not nav.exists():
            nav.write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")
    return set_html_aside(markdown, page)


def on_page_context(context, page, config, nav, **kwargs):
    """Material's edit button: an SOP page's source is its YAML file, a written page its Markdown."""
    build = current(config)
    if build.repo is None:
        return context
    sop_id = build.page_sops.get(page.file.src_uri)
    if sop_id is not None:
        page.edit_url = build.repo.edit(build.book.sops[sop_id].path)
    elif not page.file.generated_by:
        page.edit_url = build.repo.edit(f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    return context


def satker_markdown(config, page, satker_id: str) -> str:
    build = current(config)
    return pages.satker_page(build.book, satker_id, build.link_from(page), build.findings_by_file)


def home_markdown(config, page) -> str:
    build = current(config)
    return pages.home(build.book, build.link_from(page), build.findings_by_file)


def findings_markdown(config, page) -> str:
    build = current(config)
    return reports.findings_page(build.book, build.findings, build.today, build.link_from(page))


def rules_markdown(config, page) -> str:
    return reports.rules_page()


def regulation_index_markdown(config, page) -> str:
    build = current(config)
    return legal_pages.index_page(build.book, build.link_from(page))


def regulation_markdown(config, page, reg_id: str) -> str:
    build = current(config)
    return legal_pages.regulation_page(build.book, reg_id, build.link_from(page))


def auditor_report_markdown(config, page) -> str:
    build = current(config)
    return legal_pages.report_page(build.book, build.findings, build.today, build.link_from(page))


def role_markdown(config, page, role_id: str) -> str:
    build = current(config)
    return roles.role_page(build.book, role_id, build.link_from(page))


def role_index_markdown(config, page) -> str:
    build = current(config)
    return roles.index_page(build.book, build.link_from(page))


def glossary_markdown(config, page) -> str:
    build = current(config)
    return roles.glossary_page(build.book, build.link_from(page))


def review_markdown(config, page) -> str:
    build = current(config)
    return reports.review_page(build.book, build.today, build.link_from(page), build.findings)
