"""Handbook-wide pages about the checks: findings, rules, reviews. Pure: data in, text out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .. import labels, monev, review, urls
from ..checks import CHECKS
from ..findings import Finding, group_by
from ..loader import Handbook, SopRecord
from ..urls import Link
from .templating import render
from .text import place


@dataclass(frozen=True)
class Rule:
    code: str
    level: str
    rule: str
    explanation: str


def rules() -> list[Rule]:
    out = [Rule(code, level, rule, expl) for code, (level, rule, expl) in labels.LOADER_CHECKS.items()]
    # Grouped in the order of labels.CHECK_GROUPS (not import order), each group in its declaration order.
    order = list(labels.CHECK_GROUPS)
    out += [Rule(c.code, c.level, c.rule, c.explanation) for c in sorted(CHECKS, key=lambda c: order.index(c.group))]
    return out


def findings_table(findings: list[Finding], link: Link, show_file: bool = False, reader: bool = False) -> str:
    return render(
        "html", "findings.html.j2", findings=findings, link=link, show_file=show_file, reader=reader, place=place
    )


def rules_page() -> str:
    groups: dict[str, list[Rule]] = {}
    for r in rules():
        groups.setdefault(r.code.split("-")[0], []).append(r)
    return render("html", "rules.md.j2", groups=groups)


def findings_page(book: Handbook, findings: list[Finding], today: dt.date, link: Link) -> str:
    by_file = group_by(findings, "file")
    sections: list[dict[str, object]] = []
    for record in sorted(book.sops.values(), key=lambda r: r.id):
        found = by_file.pop(record.path, [])
        if found:
            sections.append(
                dict(
                    title=record.data.nama,
                    href=link(urls.sop_page(record.id)),
                    file=record.path,
                    nomor=record.data.nomor,
                    satker=book.satker_map[record.satker].nama if record.satker in book.satker_map else record.satker,
                    table=Markup(findings_table(found, link)),
                )
            )
    for file, found in sorted(by_file.items()):  # registers and files that did not load
        sections.append(
            dict(title=file, href=None, file=file, nomor=None, satker=None, table=Markup(findings_table(found, link)))
        )
    by_code_found = group_by(findings, "code")
    where = {
        r.path: dict(title=f"{r.data.nama} ({r.data.nomor})", href=link(urls.sop_page(r.id)))
        for r in book.sops.values()
    }
    by_code = []
    for r in rules():
        code_found = by_code_found.get(r.code)
        if code_found:
            files = sorted({f.file for f in code_found})
            by_code.append(
                dict(
                    rule=r,
                    count=len(code_found),
                    places=[where.get(file, dict(title=file, href=None)) for file in files],
                )
            )
    n_err = sum(1 for f in findings if f.level == "error")
    return render(
        "html",
        "findings.md.j2",
        sections=sections,
        by_code=by_code,
        link=link,
        sop_count=len(book.sops),
        total=len(findings),
        errors=n_err,
        warnings=len(findings) - n_err,
        today=today,
    )


@dataclass(frozen=True)
class ReviewRow:
    record: SopRecord
    status: review.ReviewStatus


def review_rows(book: Handbook, today: dt.date) -> tuple[list[ReviewRow], int]:
    """SOPs overdue or due soon, the longest overdue first (unknown due dates before all), and how many are not due."""
    rows, not_due = [], 0
    for record in book.sops.values():
        st = monev.review_status(book, record, today)
        if st.overdue or st.due_soon:
            rows.append(ReviewRow(record, st))
        else:
            not_due += 1
    rows.sort(key=lambda r: (r.status.due is not None, r.status.due or dt.date.min, r.record.id))
    return rows, not_due


def review_page(book: Handbook, today: dt.date, link: Link, findings: Sequence[Finding] = ()) -> str:
    """SOPs due for their six-monthly review, and SOPs whose legal basis changed after signing (DH-012)."""
    rows, not_due = review_rows(book, today)
    evaluations = [
        (record, monev.evaluation_status(book, record, today), monev.revision_due(book, record))
        for record in book.sops.values()
    ]
    evaluations = sorted(
        (row for row in evaluations if row[1].overdue or row[2] is not None),
        key=lambda row: (row[1].due is not None, row[1].due or dt.date.min, row[0].id),
    )
    by_file = {r.path: r for r in book.sops.values()}
    law_changed = [(by_file[f.file], f) for f in findings if f.code == "DH-012" and f.file in by_file]
    return render(
        "html",
        "review.md.j2",
        rows=rows,
        not_due=not_due,
        today=today,
        link=link,
        satker=book.satker_map,
        soon=review.DUE_SOON_DAYS,
        law_changed=law_changed,
        evaluations=evaluations,
    )
