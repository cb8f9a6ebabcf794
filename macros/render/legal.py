"""Pages about the legal basis: the Dasar Hukum index, one page per regulation, the auditor report.

Pure: handbook and findings in, Markdown/HTML out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import export, labels, legal
from ..findings import Finding
from ..loader import Handbook
from .reports import rule_href
from .templating import render

EXPORT_DIR = "ekspor"
EXPORT_CSV = f"{EXPORT_DIR}/kutipan-dasar-hukum.csv"
EXPORT_JSON = f"{EXPORT_DIR}/buku-pedoman.json"
EXPORT_SCHEMA = f"{EXPORT_DIR}/buku-pedoman.schema.json"

# Auditor report sections: the check codes whose findings each lists.
REPORT_SECTIONS = [
    ("revoked", ["DH-009"]),
    ("amended", ["DH-010"]),
    ("mismatch", ["DH-002", "DH-003", "DH-005", "DH-008"]),
    ("duplicate", ["DH-001", "DH-004"]),
    ("not_regulation", ["DH-007", "DH-006"]),
]


def regulasi_url(reg_id: str) -> str:
    return f"regulasi/{reg_id}/"


@dataclass(frozen=True)
class Link:
    name: str
    href: str


@dataclass(frozen=True)
class RegView:
    """A regulation as a citation shows it: its name, page, status, and what replaced or amended it."""

    id: str
    name: str
    href: str
    status: str
    revoked_by: list[Link] = field(default_factory=list)
    amended_by: list[Link] = field(default_factory=list)  # for an amendment: the later amendments
    is_amendment: bool = False


def _link(book: Handbook, reg_id: str, base: str) -> Link:
    return Link(legal.short_name(book.regulasi_map[reg_id]), base + regulasi_url(reg_id))


def reg_view(book: Handbook, reg_id: str, base: str) -> RegView | None:
    registry = book.regulasi_map
    reg = registry.get(reg_id)
    if reg is None:
        return None
    base_id, amendments = legal.family(registry, reg_id)
    later = amendments[amendments.index(reg_id) + 1:] if reg_id in amendments else amendments
    return RegView(
        reg_id, legal.short_name(reg), base + regulasi_url(reg_id), reg.status,
        revoked_by=[_link(book, r, base) for r in legal.replacements(registry, reg_id)],
        amended_by=[_link(book, a, base) for a in later],
        is_amendment=base_id != reg_id,
    )


def _sop_link(book: Handbook, record, base: str, sop_url) -> dict:
    satker = book.satker_map.get(record.satker)
    return dict(title=record.data.nama, nomor=record.data.nomor, href=base + sop_url(record.id),
                satker=satker.nama if satker else record.satker)


def index_page(book: Handbook, base: str, sop_url) -> str:
    cited = legal.cited_by(book)
    rows = []
    for reg_id in legal.oldest_first(book.regulasi_map, book.regulasi_map):
        reg = book.regulasi_map[reg_id]
        wordings: dict[str, list] = {}
        for c in cited.get(reg_id, []):
            wordings.setdefault(c.teks, []).append(_sop_link(book, c.record, base, sop_url))
        rows.append(dict(view=reg_view(book, reg_id, base), reg=reg,
                         count=len({c.record.id for c in cited.get(reg_id, [])}), wordings=wordings))
    rows.sort(key=lambda r: list(labels.REGULASI_JENIS).index(r["reg"].jenis))
    return render("html", "regulasi_index.md.j2", rows=rows, base=base, **_exports(base))


def regulation_page(book: Handbook, reg_id: str, base: str, sop_url) -> str:
    registry = book.regulasi_map
    reg = registry[reg_id]
    base_id, amendments = legal.family(registry, reg_id)
    chain = [_link(book, r, base) for r in [base_id, *amendments]] if amendments else []
    relations = {kind: [_link(book, t, base) for t in legal.oldest_first(registry, targets) if t in registry]
                 for kind, targets in reg.relasi}
    cites = [dict(sop=_sop_link(book, c.record, base, sop_url), item=c.item + 1, teks=c.teks)
             for c in legal.cited_by(book).get(reg_id, [])]
    return render("html", "regulasi.md.j2", reg=reg, view=reg_view(book, reg_id, base), chain=chain,
                  current=base + regulasi_url(reg_id), relations=relations, cites=cites, base=base)


_ITEM = re.compile(r"^dasar_hukum\[(\d+)\]")


def report_page(book: Handbook, findings: list[Finding], today: dt.date, base: str, sop_url) -> str:
    by_file = {r.path: r for r in book.sops.values()}
    sections = []
    for key, codes in REPORT_SECTIONS:
        rows = []
        for f in findings:
            if f.code in codes and f.file in by_file:
                item = _ITEM.match(f.field)
                rows.append(dict(sop=_sop_link(book, by_file[f.file], base, sop_url), code=f.code,
                                 item=item.group(1) if item else "", message=f.message))
        sections.append(dict(title=labels.LAPORAN["sections"][key], rows=rows))
    no_basis = [_sop_link(book, r, base, sop_url) for r in sorted(book.sops.values(), key=lambda r: r.id)
                if not r.data.dasar_hukum]
    cited = legal.cited_by(book)
    uncited = [reg_view(book, reg_id, base) for reg_id in legal.oldest_first(book.regulasi_map, book.regulasi_map)
               if not cited.get(reg_id)]
    return render("html", "laporan.md.j2", sections=sections, no_basis=no_basis, uncited=uncited, base=base,
                  rule_href=rule_href, today=today, **_exports(base))


def _exports(base: str) -> dict:
    return dict(export_csv=base + EXPORT_CSV, export_json=base + EXPORT_JSON, export_schema=base + EXPORT_SCHEMA,
                export_format=export.FORMAT, export_version=export.VERSION)
