"""The `sop` MkDocs plugin: loads and checks the handbook, adds its pages, and keeps the build's state.

Registered by entry point (pyproject.toml: `mkdocs.plugins`, name ``sop``) and configured in
mkdocs.yml (``site.config.SopConfig``). Events whose order matters say so with their priority:

- ``on_page_markdown`` at -100: after mkdocs-macros (priority 0) has expanded the page's macros,
  the finished HTML blocks they wrote are set aside (``aside``);
- ``on_page_content`` at 100: those blocks are back before any other plugin reads the page;
- ``on_post_page`` at 50 and -50: mkdocs-mermaid2 (priority 0) runs between them on a skeleton
  of the page (``mermaid``).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import tempfile
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .. import core, labels, nasional, settings
from ..findings import Finding, errors
from ..loader import Handbook
from . import nav, pages
from .aside import Aside
from .config import SopConfig
from .mermaid import Mermaid2Skeleton
from .repo import Repo, last_changed
from .state import Build
from .vendor import vendor

log = logging.getLogger("mkdocs.plugins.sop")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def preview_only(root: Path, wanted: str | None) -> set[str] | None:
    """The one SOP file a preview builds (``preview``: `<satker>/<nama>` or a path), or None for all."""
    if not wanted:
        return None
    rel = wanted if wanted.endswith(".yaml") else f"sop_data/{wanted}.yaml"
    path = Path(rel) if Path(rel).is_absolute() else root / rel
    if not path.is_file():
        raise PluginError(
            f"pratinjau SOP={wanted}: berkas {path} tidak ada; sebutkan <satker>/<nama-berkas> di sop_data/"
        )
    return {path.resolve().relative_to(root.resolve()).as_posix()}


def warnings_summary(findings: list[Finding]) -> str | None:
    warnings = [f for f in findings if f.level != "error"]
    if not warnings:
        return None
    return labels.SITE["warnings_summary"].format(count=len(warnings), files=len({f.file for f in warnings}))


# mkdocs' BasePlugin.__init_subclass__ has no annotations, so mypy calls the class statement untyped.
class SopPlugin(BasePlugin[SopConfig]):  # type: ignore[no-untyped-call]
    """The handbook's MkDocs plugin. State lives on the instance, made anew by every build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.build: Build | None = None
        self.aside = Aside()
        self.skeleton = Mermaid2Skeleton()
        self.pdf_dir: tempfile.TemporaryDirectory[str] | None = None

    # --- Configuration and loading ---------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = project_root(config)
        vendor(root, Path(config.docs_dir))
        # mkdocs-mermaid2 logs two lines for every page with a diagram; a build of the handbook stays
        # quiet (its own warnings are one summary line) unless asked for detail.
        logging.getLogger("mkdocs.plugins.mermaid2").setLevel(logging.DEBUG if self.config.verbose else logging.WARNING)
        self.aside = Aside()
        self.skeleton = Mermaid2Skeleton()
        # What the pages' scripts say, from the one place labels live (overrides/main.html writes it out).
        config.extra["sop_skrip"] = dict(labels.SKRIP)
        today = self.config.reference_date or dt.date.today()
        if self.config.national:
            # The national site reads its handbook from the provinces' exports once Material's
            # projects plugin has built them (on_pre_build); its nav is written in its mkdocs.yml.
            self.build = Build(Handbook(root), [], today, national=self.config.national)
            return config
        only = preview_only(root, self.config.preview)
        if only:
            log.info("Pratinjau: hanya %s", ", ".join(sorted(only)))
        book, findings = core.load(root, today, only)
        if self.command == "build":
            # A build ends when the pages are written: the handbook lives until then, so the cyclic
            # collector need not scan its millions of objects again on every page. (Not in `serve`,
            # where each rebuild's handbook must be collectable.)
            gc.freeze()
        self.build = Build(book, findings, today, repo=self._repo(), changed=last_changed(root))
        if config.nav is not None:
            config.nav = nav.expand(config.nav, book)
        return config

    def _repo(self) -> Repo | None:
        url = self.config.repo_url
        if url is None:
            return None
        return Repo(url, self.config.repo_branch, settings.platform(self.config.repo_platform, url))

    def current(self) -> Build:
        if self.build is None:
            raise PluginError("plugin sop belum membaca buku pedoman (on_config belum berjalan)")
        return self.build

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        build = self.current()
        if build.national:
            root = project_root(config)
            slugs = sorted(p.parent.name for p in (root / build.national).glob("*/mkdocs.yml"))
            build.book, build.findings, build.elsewhere = nasional.load_exports(Path(config.site_dir), slugs)
            build.regroup()
            log.info("Nasional: %d SOP dari %d provinsi", len(build.book.sops), len(slugs))
            return  # each province's build has already judged its own records
        verbose = self.config.verbose
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

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self.current()
        pages.add_pages(build, files, config)
        if self.config.pdf and not build.national:
            from .. import pdf  # WeasyPrint: only builds that publish PDFs load it

            self.pdf_dir = tempfile.TemporaryDirectory(prefix="sop-pdf-")
            try:
                made = pdf.write_all(build.book, project_root(config), Path(self.pdf_dir.name))
            except pdf.PdfError as exc:
                raise PluginError(str(exc)) from None
            pages.add_pdfs(build, files, config, {m.sop_id: str(m.path) for m in made})
            log.info("PDF: %d SOP", len(made))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pdf_dir is not None:  # the PDFs are in site/ now
            self.pdf_dir.cleanup()
            self.pdf_dir = None

    # --- Pages -----------------------------------------------------------------------------------

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if target := self.config.dump_markdown:
            self._dump(Path(target), page, markdown, config)
        return self.aside.set_aside(markdown, page.file.src_uri)

    @event_priority(100)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.aside.put_back(html, page.file.src_uri)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext:
        """Material's edit button: an SOP page's source is its YAML file, a written page its Markdown."""
        build = self.current()
        if build.repo is None:
            return context
        sop_id = build.page_sops.get(page.file.src_uri)
        if sop_id is not None:
            page.edit_url = build.repo.edit_attribute(build.book.sops[sop_id].path)
        elif not page.file.generated_by:
            page.edit_url = build.repo.edit_attribute(f"{Path(config.docs_dir).name}/{page.file.src_uri}")
        else:
            page.edit_url = None  # a generated page has no file of its own to edit
        return context

    @event_priority(50)
    def _before_mermaid2(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.skeleton.before(output, page.file.src_uri)

    @event_priority(-50)
    def _after_mermaid2(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.skeleton.after(output, page.file.src_uri)

    on_post_page = CombinedEvent(_before_mermaid2, _after_mermaid2)

    def _dump(self, target: Path, page: Page, markdown: str, config: MkDocsConfig) -> None:
        """`make bench` builds bare Material on the very pages this handbook renders."""
        path = target / "docs" / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
        nav_file = target / "nav.json"
        if not nav_file.exists():
            nav_file.write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")
