"""Monitoring and evaluation pages: an SOP's history, the dashboards, Tabel 7 and the evaluation forms.

Pure: the handbook, the reference day and a ``Link`` in, text out. The figures come from ``monev``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import labels, model, monev, urls
from ..loader import Handbook, SopRecord, in_order
from ..urls import Link
from .templating import render

# How many six-monthly periods a satker's dashboard charts, the current one last.
TREND_PERIODS = 4


def _records(book: Handbook, satker_id: str) -> list[SopRecord]:
    """The satker's SOPs in the order every list shows them (loader.in_order)."""
    return in_order(r for r in book.sops.values() if r.satker == satker_id)


def sop_section(book: Handbook, record: SopRecord, today: dt.date, link: Link) -> str:
    """An SOP page's monitoring history and latest evaluation (or the honest empty state)."""
    facts = monev.of(book, record)
    paged = record.satker in book.satker_map  # a satker has monitoring pages once it is registered
    return render(
        "html",
        "_monev_sop.j2",
        record=record,
        rows=facts.rows,
        last=facts.last_evaluation,
        evaluation=monev.evaluation_status(book, record, today),
        dashboard_href=link(urls.monev_page(record.satker)) if paged else None,
        form_href=link(urls.evaluation_page(record.satker), urls.evaluation_anchor(record.id)) if paged else None,
        tabel7_href=link(urls.tabel7_page(record.satker)) if paged else None,
        isian=model.is_isian,
    )


@dataclass(frozen=True)
class Group:
    """One bar of the chart and one row of the table: a satker or a level."""

    name: str
    href: str | None
    figures: monev.Summary


def _groups_by_satker(book: Handbook, today: dt.date, link: Link) -> list[Group]:
    by_satker: dict[str, list[SopRecord]] = {}
    for record in book.sops.values():
        by_satker.setdefault(record.satker, []).append(record)
    out = []
    for satker_id, satker in sorted(book.satker_map.items(), key=lambda kv: kv[1].nama):
        records = by_satker.get(satker_id, [])
        if records:
            out.append(Group(satker.nama, link(urls.monev_page(satker_id)), monev.summary(book, records, today)))
    return out


def _groups_by_level(book: Handbook, today: dt.date) -> list[Group]:
    by_level: dict[str, list[SopRecord]] = {}
    for record in book.sops.values():
        satker = book.satker_map.get(record.satker)
        if satker is not None:
            by_level.setdefault(satker.tingkat, []).append(record)
    return [
        Group(labels.TINGKAT[level], None, monev.summary(book, by_level[level], today))
        for level in labels.TINGKAT
        if level in by_level
    ]


def dashboard(book: Handbook, today: dt.date, link: Link) -> str:
    """The whole handbook: where each satker and each level stands."""
    return render(
        "html",
        "monev_dasbor.md.j2",
        satker=None,
        total=monev.summary(book, book.sops.values(), today),
        groups=_groups_by_satker(book, today, link),
        levels=_groups_by_level(book, today),
        rows=[],
        any_records=bool(book.monev),
        **_period(today),
        link=link,
    )


@dataclass(frozen=True)
class SopRow:
    record: SopRecord
    facts: monev.SopMonev
    notes: list[str]  # what is due or open, in words


def _row(book: Handbook, record: SopRecord, today: dt.date) -> SopRow:
    """One SOP of a satker's dashboard, with what is due or open in words."""
    facts = monev.of(book, record)
    words = labels.MONEV
    out = []
    review = monev.review_status(book, record, today)
    if review.overdue:
        out.append(words["state_monitoring_due"])
    evaluation = monev.evaluation_status(book, record, today)
    if evaluation.overdue:
        out.append(words["state_evaluation_due"])
    if facts.open_actions:
        out.append(words["state_actions"].format(n=len(facts.open_actions)))
    if monev.revision_due(book, record) is not None:
        out.append(words["state_revise"])
    return SopRow(record, facts, out)


def satker_dashboard(book: Handbook, satker_id: str, today: dt.date, link: Link) -> str:
    """One satker: its figures, and each SOP's last monitoring and evaluation."""
    records = _records(book, satker_id)
    rows = [_row(book, r, today) for r in records]
    # The satker's trend: each of the last periods as it stood at its end (the current one: today).
    periods = [monev.period_of(today)]
    while len(periods) < TREND_PERIODS:
        periods.insert(0, periods[0].previous())
    trend = [Group(p.label, None, monev.summary(book, records, min(p.last_day, today))) for p in periods]
    return render(
        "html",
        "monev_dasbor.md.j2",
        satker=book.satker_map[satker_id],
        satker_id=satker_id,
        total=monev.summary(book, records, today),
        groups=trend,
        levels=[],
        rows=rows,
        any_records=any(m.satker == satker_id for m in book.monev),
        **_period(today),
        link=link,
    )


def _period(today: dt.date) -> dict[str, object]:
    return dict(today=today, period=monev.period_of(today), year=today.year)


def tabel7(book: Handbook, satker_id: str, today: dt.date, link: Link) -> str:
    """Tabel 7 for the current period, pre-filled with the satker's SOPs (No, Prosedur), to print."""
    return render(
        "html",
        "monev_tabel7.md.j2",
        satker=book.satker_map[satker_id],
        satker_id=satker_id,
        records=_records(book, satker_id),
        period=monev.period_of(today),
        link=link,
    )


def evaluation_forms(book: Handbook, satker_id: str, link: Link) -> str:
    """One evaluation form per SOP of the satker, each on its own printed page."""
    return render(
        "html",
        "monev_evaluasi.md.j2",
        satker=book.satker_map[satker_id],
        satker_id=satker_id,
        records=_records(book, satker_id),
        kriteria=labels.MONEV_KRITERIA,
        link=link,
    )
