"""Pages about the legal basis: the Dasar Hukum index, one page per regulation, the auditor report.

Pure: handbook and findings in, Markdown/HTML out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import export, labels, legal, urls
from ..findings import Finding
from ..loader import Handbook, SopRecord
from ..urls import Link
from .templating import render

# Auditor report sections: the check codes whose findings each lists.
REPORT_SECTIONS = [
    ("revoked", ["DH-009"]),
    ("amended", ["DH-010"]),
    ("amended_since", ["DH-012"]),
    ("mismatch", ["DH-002", "DH-003", "DH-005", "DH-008"]),
    ("duplicate", ["DH-001", "DH-004"]),
    ("not_regulation", ["DH-007", "DH-006"]),
]


@dataclass(frozen=True)
class Named:
    """A link to a regulation's page: its short name and href."""

    name: str
    href: str


@dataclass(frozen=True)
class RegView:
    """A regulation as a citation shows it: its name, page, status, and what replaced or amended it."""

    id: str
    name: str
    href: str
    status: str
    revoked_by: list[Named] = field(default_factory=list)
    amended_by: list[Named] = field(default_factory=list)  # for an amendment: the later amendments
    is_amendment: bool = False
    checked: dt.date | None = None  # when the status was last checked at its source


def _named(book: Handbook, reg_id: str, link: Link) -> Named:
    return Named(legal.short_name(book.regulasi_map[reg_id]), link(urls.regulasi_page(reg_id)))


def reg_view(book: Handbook, reg_id: str, link: Link) -> RegView | None:
    registry = book.regulasi_map
    reg = registry.get(reg_id)
    if reg is None:
        return None
    base_id, _ = legal.family(registry, reg_id)
    later = legal.later_amendments(registry, reg_id)
    return RegView(
        reg_id,
        legal.short_name(reg),
        link(urls.regulasi_page(reg_id)),
        reg.status,
        revoked_by=[_named(book, r, link) for r in legal.replacements(registry, reg_id)],
        amended_by=[_named(book, a, link) for a in later],
        is_amendment=base_id != reg_id,
        checked=reg.status_diperiksa,
    )


def _sop_link(book: Handbook, record: SopRecord, link: Link) -> dict[str, str]:
    satker = book.satker_map.get(record.satker)
    return dict(
        title=record.data.nama,
        nomor=record.data.nomor,
        href=link(urls.sop_page(record.id)),
        satker=satker.nama if satker else record.satker,
    )


def cited_via(book: Handbook, reg_id: str, link: Link, cited: set[str]) -> list[Named]:
    """The members of ``reg_id``'s family that SOPs cite (``cited``: every regulation cited directly),
    when they do not cite ``reg_id`` itself."""
    registry = book.regulasi_map
    if reg_id in cited or reg_id not in legal.cited_families(registry, cited):
        return []
    base, amendments = legal.family(registry, reg_id)
    return [_named(book, r, link) for r in [base, *amendments] if r in cited]


def index_page(book: Handbook, link: Link) -> str:
    cited = legal.cited_by(book)
    cited_ids = {reg_id for reg_id, found in cited.items() if found}
    registry = book.regulasi_map
    # By jenis in the order of the labels, oldest first within each.
    jenis_order = list(labels.REGULASI_JENIS)
    ordered = sorted(legal.oldest_first(registry, registry), key=lambda r: jenis_order.index(registry[r].jenis))
    rows = []
    for reg_id in ordered:
        reg = registry[reg_id]
        wordings: dict[str, list[dict[str, str]]] = {}
        for c in cited.get(reg_id, []):
            wordings.setdefault(c.teks, []).append(_sop_link(book, c.record, link))
        rows.append(
            dict(
                view=reg_view(book, reg_id, link),
                reg=reg,
                count=len({c.record.id for c in cited.get(reg_id, [])}),
                wordings=wordings,
                via=cited_via(book, reg_id, link, cited_ids),
            )
        )
    return render("html", "regulasi_index.md.j2", rows=rows, link=link, **_exports(link))


def regulation_page(book: Handbook, reg_id: str, link: Link) -> str:
    registry = book.regulasi_map
    reg = registry[reg_id]
    base_id, amendments = legal.family(registry, reg_id)
    chain = [_named(book, r, link) for r in [base_id, *amendments]] if amendments else []
    relations = {
        kind: [_named(book, t, link) for t in legal.oldest_first(registry, targets) if t in registry]
        for kind, targets in reg.relasi
    }
    return render(
        "html",
        "regulasi.md.j2",
        reg=reg,
        view=reg_view(book, reg_id, link),
        chain=chain,
        current=link(urls.regulasi_page(reg_id)),
        relations=relations,
        link=link,
        **_cites(book, reg_id, link),
    )


def _cites(book: Handbook, reg_id: str, link: Link) -> dict[str, object]:
    """Every citation of ``reg_id`` as printed, or the family members cited instead of it."""
    cited = legal.cited_by(book)
    return dict(
        cites=[dict(sop=_sop_link(book, c.record, link), item=c.item + 1, teks=c.teks) for c in cited.get(reg_id, [])],
        via=cited_via(book, reg_id, link, {r for r, found in cited.items() if found}),
    )


def citations_table(book: Handbook, reg_id: str, link: Link) -> str:
    """Every SOP citing ``reg_id``, with the item's wording as printed (``kutipan_regulasi``)."""
    return render("html", "kutipan.md.j2", **_cites(book, reg_id, link))


def report_page(book: Handbook, findings: list[Finding], today: dt.date, link: Link) -> str:
    by_file = {r.path: r for r in book.sops.values()}
    sections = []
    for key, codes in REPORT_SECTIONS:
        rows = []
        for f in findings:
            if f.code in codes and f.file in by_file:
                rows.append(
                    dict(sop=_sop_link(book, by_file[f.file], link), code=f.code, item=_item(f), message=f.message)
                )
        sections.append(
            dict(title=labels.LAPORAN["sections"][key], note=labels.LAPORAN["section_notes"].get(key), rows=rows)
        )
    no_basis = [
        _sop_link(book, r, link) for r in sorted(book.sops.values(), key=lambda r: r.id) if not r.data.dasar_hukum
    ]
    cited = legal.cited_families(book.regulasi_map, {c.reg_id for c in legal.citations(book)})
    uncited = [
        reg_view(book, reg_id, link)
        for reg_id in legal.oldest_first(book.regulasi_map, book.regulasi_map)
        if reg_id not in cited
    ]
    return render(
        "html",
        "laporan.md.j2",
        sections=sections,
        no_basis=no_basis,
        uncited=uncited,
        link=link,
        today=today,
        **_exports(link),
    )


def _item(finding: Finding) -> int | str:
    """The Dasar Hukum item (counted from 1) a finding points at, or "" for another place."""
    path = finding.path
    if path[:1] == ("dasar_hukum",) and len(path) > 1 and isinstance(path[1], int):
        return path[1] + 1
    return ""


def _exports(link: Link) -> dict[str, object]:
    return dict(
        export_csv=link(urls.EXPORT_CSV),
        export_json=link(urls.EXPORT_JSON),
        export_schema=link(urls.EXPORT_SCHEMA),
        export_format=export.FORMAT,
        export_version=export.VERSION,
        export_columns=", ".join(export.CSV_COLUMNS),
    )
