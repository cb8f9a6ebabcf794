"""Site glue: MkDocs hook functions and the state the macros read.

The handbook is loaded once per build in ``on_config`` (``mkdocs serve``
reloads the config on every rebuild, so a YAML edit is picked up); the
build stops in ``on_pre_build`` if any finding is an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from . import checks, export, labels, review, schema
from .findings import errors, group_by
from .loader import Handbook, load_handbook
from .render import page as pages
from .render.text import html_text
from .render import legal as legal_pages
from .render import reports

log = logging.getLogger("mkdocs.sop")

SOP_DIR = "sop"
SATKER_DIR = "satker"
REGULASI_DIR = "regulasi"
# The Mermaid bundle the site serves itself; version and checksum pinned here and in package-lock.json.
MERMAID_VERSION = "12.3.0"
MERMAID_SHA256 = "336df803d87a38b70a01e736e666c8f7601d2ce42f5e47c8fafe5d721074b9a3"
MERMAID_SOURCE = "node_modules/mermaid/dist/mermaid.min.js"
MERMAID_TARGET = "assets/vendor/mermaid/mermaid.min.js"


class State:
    book: Handbook | None = None
    findings: list = []
    findings_by_file: dict = {}
    today: dt.date | None = None


STATE = State()


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendor_mermaid(root: Path, docs_dir: Path) -> None:
    """Put the pinned Mermaid bundle under docs/ (mermaid2 requires it there), checksum-verified."""
    target = docs_dir / MERMAID_TARGET
    if target.is_file() and _sha256(target) == MERMAID_SHA256:
        return
    source = root / MERMAID_SOURCE
    if not source.is_file():
        raise PluginError(
            f"Mermaid {MERMAID_VERSION} tidak ditemukan di {MERMAID_SOURCE}; jalankan `make install` (npm ci)."
        )
    if _sha256(source) != MERMAID_SHA256:
        raise PluginError(
            f"{MERMAID_SOURCE} bukan Mermaid {MERMAID_VERSION} yang dipatok (checksum berbeda); jalankan `npm ci`."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def load(root: Path, today: dt.date | None = None) -> tuple[Handbook, list]:
    """The handbook under ``root`` and every finding about it, judged as of ``today``."""
    book = load_handbook(root)
    findings = sorted(book.findings + checks.run(book, today or review.reference_date()))
    return book, findings


def nav(book: Handbook) -> list:
    by_level: dict = {}
    for satker_id, satker in sorted(book.satker_map.items(), key=lambda kv: kv[1].nama):
        # Nav titles are printed as HTML by MkDocs and Material: a satker's name is YAML text,
        # so it is escaped here, at the boundary, like every other value.
        title = html_text(satker.nama)
        by_level.setdefault(satker.tingkat, []).append({title: f"{SATKER_DIR}/{satker_id}.md"})
    sections = [{labels.TINGKAT[level]: by_level[level]} for level in labels.TINGKAT if level in by_level]
    return sections


def on_config(config, **kwargs):
    root = project_root(config)
    vendor_mermaid(root, Path(config.docs_dir))
    try:
        STATE.today = review.reference_date()
    except review.BadReferenceDate as exc:
        raise PluginError(labels.ERR["bad_reference_date"].format(var=review.ENV_VAR, value=exc)) from None
    STATE.book, STATE.findings = load(root, STATE.today)
    # Each SOP page shows its own findings: grouped once here, not searched for on every page.
    STATE.findings_by_file = group_by(STATE.findings, "file")
    if config.nav is not None:
        # The nav lists satker pages, never every SOP: Material copies the whole nav
        # into every page, so listing SOPs would grow the site with the square of their number.
        expanded = []
        for item in config.nav:
            if item == "SATKER":
                expanded.extend(nav(STATE.book))
            else:
                expanded.append(item)
        config.nav = expanded
    return config


def on_pre_build(config, **kwargs):
    for finding in STATE.findings:
        (log.error if finding.level == "error" else log.info)(finding.format())
    bad = errors(STATE.findings)
    if bad:
        raise PluginError(
            f"{len(bad)} kesalahan di sop_data/; perbaiki berkas yang disebut di atas "
            f"(jalankan `sop check` untuk daftar yang sama)."
        )


def on_files(files, config, **kwargs):
    book = STATE.book
    for sop_id in book.sops:
        files.append(File.generated(config, f"{SOP_DIR}/{sop_id}.md",
                                    content="{{ halaman_sop(%s) }}\n" % json.dumps(sop_id)))
    for satker_id in book.satker_map:
        files.append(File.generated(config, f"{SATKER_DIR}/{satker_id}.md",
                                    content="{{ halaman_satker(%s) }}\n" % json.dumps(satker_id)))
    for reg_id in book.regulasi_map:
        files.append(File.generated(config, f"{REGULASI_DIR}/{reg_id}.md",
                                    content="{{ halaman_regulasi(%s) }}\n" % json.dumps(reg_id)))
    # The exports are built with the site, from the same validated data the pages show.
    files.append(File.generated(config, legal_pages.EXPORT_CSV, content=export.citations_csv(book)))
    files.append(File.generated(config, legal_pages.EXPORT_JSON,
                                content=export.handbook_json(book, STATE.findings, STATE.today, pages.sop_url)))
    files.append(File.generated(config, legal_pages.EXPORT_SCHEMA, content=schema.generate(export.BukuPedomanEkspor)))
    return files


def base_url(page) -> str:
    """Relative path from ``page`` to the site root."""
    depth = page.url.count("/") if page is not None else 0
    return "../" * depth


def sop_markdown(sop_id: str, page) -> str:
    record = STATE.book.sops[sop_id]
    return pages.sop_page(record, STATE.book, base_url(page), STATE.findings_by_file.get(record.path, []), STATE.today)


def findings_markdown(page) -> str:
    return reports.findings_page(STATE.book, STATE.findings, STATE.today, base_url(page), pages.sop_url)


def rules_markdown(page) -> str:
    return reports.rules_page(base_url(page))


def regulation_index_markdown(page) -> str:
    return legal_pages.index_page(STATE.book, base_url(page), pages.sop_url)


def regulation_markdown(reg_id: str, page) -> str:
    return legal_pages.regulation_page(STATE.book, reg_id, base_url(page), pages.sop_url)


def auditor_report_markdown(page) -> str:
    return legal_pages.report_page(STATE.book, STATE.findings, STATE.today, base_url(page), pages.sop_url)


def review_markdown(page) -> str:
    return reports.review_page(STATE.book, STATE.today, base_url(page), pages.sop_url)


def satker_markdown(satker_id: str, page) -> str:
    return pages.satker_page(STATE.book, satker_id, base_url(page), STATE.findings_by_file)


def home_markdown(page) -> str:
    return pages.home(STATE.book, base_url(page), STATE.findings_by_file)
