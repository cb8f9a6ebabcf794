"""What one build knows: the handbook, its findings, and how its pages link to each other.

A ``Build`` is made by the plugin for every build (and every `mkdocs serve` rebuild) and kept on
the plugin instance until the next one, so nothing survives from one build to the next.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import urls
from ..findings import Finding, group_by
from ..loader import Handbook, SopRecord
from ..render import page as pages
from .repo import Repo


@dataclass
class Build:
    """Everything one build knows about the handbook."""

    book: Handbook
    findings: list[Finding]
    today: dt.date
    files: Files | None = None
    repo: Repo | None = None  # where the records are edited (repo_url)
    changed: dict[str, dt.date] = field(default_factory=dict)  # record path -> date of its last commit
    page_sops: dict[str, str] = field(default_factory=dict)  # an SOP page's source path -> the SOP's id
    national: str | None = None  # the national site: its provinces' projects folder
    elsewhere: dict[str, str] = field(default_factory=dict)  # national: SOP/satker page -> URL in its province
    pdfs: set[str] = field(default_factory=set)  # the SOPs whose PDF this build publishes
    findings_by_file: dict[str, list[Finding]] = field(init=False)

    def __post_init__(self) -> None:
        self.regroup()

    def regroup(self) -> None:
        """Each file's findings, grouped once: every SOP page shows its own."""
        self.findings_by_file = group_by(self.findings, "file")

    def source(self, record: SopRecord) -> pages.Source:
        """An SOP page's links to its YAML file and its source document, and when the YAML last changed."""
        return pages.Source(
            updated=self.changed.get(record.path),
            edit=self.repo.edit(record.path) if self.repo else None,
            history=self.repo.history(record.path) if self.repo else None,
        )

    def link_from(self, page: Page) -> urls.Link:
        """A ``urls.Link`` for ``page``: hrefs from MkDocs' own File objects, relative to the page."""
        files = self.files
        assert files is not None, "links are made once the files are known (on_files)"

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
        assert self.files is not None
        target = self.files.get_file_from_path(src)
        if target is None:
            raise PluginError(f"tautan ke halaman yang tidak ada: {src} (ekspor)")
        return target.url
