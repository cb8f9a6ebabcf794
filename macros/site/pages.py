"""The pages and files the handbook adds to the site: one page per SOP, satker, role, regulation and
source document, and the exports. A generated page is one macro call, so mkdocs-macros renders
every page of the handbook, and the same macros serve hand-written pages (``authoring``)."""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .. import export, schema, urls
from .state import Build

# An SOP page outranks the lists that mention its number or name (home, satker, reports).
SOP_SEARCH_BOOST = 4
# A role's page outranks the SOPs whose lanes or steps merely name the role.
ROLE_SEARCH_BOOST = 4


def macro_page(macro: str, record_id: str, boost: float | None = None, searched: bool = True) -> str:
    """A generated page: one macro call. The id is a JSON (= Jinja) string literal, never YAML text.
    ``boost`` ranks the page's search results above other pages that mention the same words."""
    front = ""
    if boost or not searched:
        front = "---\nsearch:\n" + (f"  boost: {boost}\n" if boost else "") + ("  exclude: true\n" if not searched else "")
        front += "---\n"
    return front + "{{ " + macro + "(" + json.dumps(record_id) + ") }}\n"


def _add(config: MkDocsConfig, files: Files, file: File) -> None:
    if files.get_file_from_path(file.src_uri) is not None:
        # The loader rejects reserved names; this is the guard that nothing else ever shadows a page.
        raise PluginError(f"halaman {file.src_uri} dibuat dua kali; nama ini sudah dipakai oleh halaman lain")
    files.append(file)


def add_pages(build: Build, files: Files, config: MkDocsConfig) -> None:
    """Every page and file the handbook generates, added to ``files``."""
    book = build.book

    def page(src: str, content: str) -> None:
        _add(config, files, File.generated(config, src, content=content))

    if not build.national:
        for sop_id in book.sops:
            page(urls.sop_page(sop_id), macro_page("halaman_sop", sop_id, boost=SOP_SEARCH_BOOST))
            build.page_sops[urls.sop_page(sop_id)] = sop_id
        for satker_id in book.satker_map:
            page(urls.satker_page(satker_id), macro_page("halaman_satker", satker_id))
            # Monitoring and evaluation: tables of the satker's SOPs, which readers find on their own pages.
            page(urls.monev_page(satker_id), macro_page("halaman_monev", satker_id, searched=False))
            page(urls.tabel7_page(satker_id), macro_page("tabel_7", satker_id, searched=False))
            page(urls.evaluation_page(satker_id), macro_page("formulir_evaluasi", satker_id, searched=False))
            page(urls.monev_csv(satker_id), export.monev_csv(book, satker_id))
        for document in sorted({r.data.dokumen_sumber for r in book.sops.values() if r.data.dokumen_sumber}):
            # The document itself, and a page that shows it (text) or offers it (any other file).
            _add(config, files, File.generated(config, document, abs_src_path=str(book.root / document)))
            page(urls.source_page(document), macro_page("halaman_sumber", document, searched=False))
    for role_id in book.jabatan_map:
        page(urls.jabatan_page(role_id), macro_page("halaman_jabatan", role_id, boost=ROLE_SEARCH_BOOST))
    for reg_id in book.regulasi_map:
        page(urls.regulasi_page(reg_id), macro_page("halaman_regulasi", reg_id))
    build.files = files
    # The exports are built with the site, from the same validated data the pages show.
    page(urls.EXPORT_CSV, export.citations_csv(book))
    page(urls.EXPORT_JSON, export.handbook_json(book, build.findings, build.today, build.url))
    page(urls.EXPORT_SCHEMA, schema.generate(export.BukuPedomanEkspor))


def add_pdfs(build: Build, files: Files, config: MkDocsConfig, made: dict[str, str]) -> None:
    """The SOPs' PDFs (sop_id -> the file made, outside the docs), published at urls.sop_pdf."""
    for sop_id, path in made.items():
        _add(config, files, File.generated(config, urls.sop_pdf(sop_id), abs_src_path=path))
        build.pdfs.add(sop_id)
