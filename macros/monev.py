"""Monitoring and evaluation (monev) of SOP AP: what each SOP's records say, computed once per handbook.

Lampiran PermenPAN-RB 35/2012, "Monitoring dan Evaluasi Penerapan SOP AP": every SOP AP is monitored
every six months (Tabel 7) and evaluated against seven criteria, which may conclude that it must be
revised. The records live in sop_data/<satker>/monev/<tahun>.yaml (model.Monev); the checks
(checks/monev.py), the SOP pages, the dashboards and the exports all read them through ``index``.
The clock is a parameter, as in ``review``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import model, review
from .loader import Handbook, MonevRecord, SopRecord

# The yearly evaluation: an SOP is evaluated at least once in twelve months.
EVALUATION_MONTHS = 12


@dataclass(frozen=True)
class Period:
    """A monitoring period: a half of a calendar year."""

    tahun: int
    periode: str  # one of model.PERIODS

    @property
    def order(self) -> tuple[int, int]:
        return self.tahun, model.PERIODS.index(self.periode)

    @property
    def label(self) -> str:
        return f"{self.periode} {self.tahun}"

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.tahun, 6, 30) if self.periode == model.PERIODS[0] else dt.date(self.tahun, 12, 31)

    def previous(self) -> Period:
        if self.periode == model.PERIODS[1]:
            return Period(self.tahun, model.PERIODS[0])
        return Period(self.tahun - 1, model.PERIODS[1])

    def next(self) -> Period:
        if self.periode == model.PERIODS[0]:
            return Period(self.tahun, model.PERIODS[1])
        return Period(self.tahun + 1, model.PERIODS[0])


def period_of(day: dt.date) -> Period:
    return Period(day.year, model.PERIODS[0] if day.month <= 6 else model.PERIODS[1])


def parse_period(text: str) -> Period:
    """'Semester I 2026' -> Period(2026, 'Semester I'); ValueError with the expected form otherwise."""
    words = text.split()
    name, year = " ".join(words[:-1]), words[-1] if words else ""
    if name not in model.PERIODS or not year.isdigit() or not model.YEAR_MIN <= int(year) <= model.YEAR_MAX:
        raise ValueError(f"periode '{text}' tidak dikenal; tulis mis. 'Semester I 2026' atau 'Semester II 2026'")
    return Period(int(year), name)


@dataclass(frozen=True)
class Row:
    """One SOP's row of one period's Tabel 7."""

    record: MonevRecord
    m: int  # index in record.data.monitoring
    r: int  # index in that monitoring's hasil
    period: Period
    monitoring: model.Monitoring
    hasil: model.HasilMonitoring

    @property
    def tanggal(self) -> dt.date | None:
        """The monitoring date, or None while it is a placeholder."""
        day = self.monitoring.tanggal
        return day if isinstance(day, dt.date) else None

    @property
    def judged(self) -> bool:
        """A real judgement on a real date: what counts as monitored."""
        return self.tanggal is not None and not model.is_isian(self.hasil.penilaian)

    @property
    def action_open(self) -> bool:
        return self.hasil.tindakan is not None and self.hasil.tindakan_selesai is None

    def path(self, *rest: str | int) -> tuple[str | int, ...]:
        return ("monitoring", self.m, "hasil", self.r, *rest)


@dataclass(frozen=True)
class Eval:
    """One evaluation of one SOP."""

    record: MonevRecord
    e: int  # index in record.data.evaluasi
    evaluasi: model.Evaluasi

    def path(self, *rest: str | int) -> tuple[str | int, ...]:
        return ("evaluasi", self.e, *rest)


@dataclass
class SopMonev:
    """Everything the records say about one SOP, oldest first."""

    rows: list[Row] = field(default_factory=list)
    evals: list[Eval] = field(default_factory=list)

    @property
    def judged(self) -> list[Row]:
        return [row for row in self.rows if row.judged]

    @property
    def last_monitoring(self) -> Row | None:
        """The latest judged row by its monitoring date (what the six-monthly review counts from)."""
        return max(self.judged, key=lambda row: row.tanggal or dt.date.min, default=None)

    @property
    def last_monitored(self) -> dt.date | None:
        last = self.last_monitoring
        return last.tanggal if last else None

    @property
    def last_evaluation(self) -> Eval | None:
        return self.evals[-1] if self.evals else None

    def monitored_in(self, period: Period) -> bool:
        return any(row.judged and row.period == period for row in self.rows)

    def evaluated_in(self, year: int) -> bool:
        return any(ev.evaluasi.tanggal.year == year for ev in self.evals)

    @property
    def open_actions(self) -> list[Row]:
        return [row for row in self.rows if row.action_open]


def rows(records: Iterable[MonevRecord]) -> Iterator[Row]:
    for record in records:
        for m, mon in enumerate(record.data.monitoring):
            period = Period(record.tahun, mon.periode)
            for r, hasil in enumerate(mon.hasil):
                yield Row(record, m, r, period, mon, hasil)


def evals(records: Iterable[MonevRecord]) -> Iterator[Eval]:
    for record in records:
        for e, ev in enumerate(record.data.evaluasi):
            yield Eval(record, e, ev)


def sop_id(record: MonevRecord, name: str) -> str:
    """The handbook id of an SOP a satker's record names by its file name."""
    return f"{record.satker}/{name}"


def index(book: Handbook) -> dict[str, SopMonev]:
    """Each SOP's monev (SOPs without records are absent), computed once per handbook."""
    cached = book.derived.get("monev")
    if cached is not None:
        return cached
    out: dict[str, SopMonev] = {}
    for row in rows(book.monev):
        out.setdefault(sop_id(row.record, row.hasil.sop), SopMonev()).rows.append(row)
    for ev in evals(book.monev):
        out.setdefault(sop_id(ev.record, ev.evaluasi.sop), SopMonev()).evals.append(ev)
    for facts in out.values():
        facts.rows.sort(key=lambda row: (row.period.order, row.tanggal or dt.date.min))
        facts.evals.sort(key=lambda ev: ev.evaluasi.tanggal)
    book.derived["monev"] = out
    return out


def of(book: Handbook, record: SopRecord) -> SopMonev:
    return index(book).get(record.id) or SopMonev()


def review_status(book: Handbook, record: SopRecord, today: dt.date) -> review.ReviewStatus:
    """The six-monthly review as the records tell it: the SOP's own `peninjauan` and its monitoring."""
    monitored = of(book, record).last_monitored
    return review.status(record.data, today, [monitored] if monitored else [])


def evaluation_status(book: Handbook, record: SopRecord, today: dt.date) -> review.ReviewStatus:
    """The yearly evaluation: due a year after the last one (basis "evaluasi"), else after the effective date."""
    last = of(book, record).last_evaluation
    since = last.evaluasi.tanggal if last else None
    return review.counted(record.data, today, since, "evaluasi", EVALUATION_MONTHS)


def revision_due(book: Handbook, record: SopRecord) -> Eval | None:
    """The evaluation that concluded 'direvisi' and has no newer revision of the SOP yet, if any."""
    last = of(book, record).last_evaluation
    if last is None or last.evaluasi.kesimpulan != "direvisi":
        return None
    revised = record.data.tanggal.revisi
    return last if revised is None or revised <= last.evaluasi.tanggal else None


@dataclass(frozen=True)
class Summary:
    """Where a group of SOPs stands: the dashboard's figures."""

    sops: int
    monitored: int  # monitored in the current period
    evaluated: int  # evaluated in the current year
    open_actions: int  # actions written and not done (rows)
    revision_due: int  # SOPs an evaluation sends back for revision, not yet revised

    def share(self, part: int) -> int:
        """A whole percentage, rounded down: 99.6 % is not yet all."""
        return part * 100 // self.sops if self.sops else 0


def summary(book: Handbook, records: Iterable[SopRecord], today: dt.date) -> Summary:
    period, facts = period_of(today), index(book)
    sops = monitored = evaluated = actions = revise = 0
    for record in records:
        sops += 1
        mine = facts.get(record.id)
        if mine is None:
            continue
        monitored += mine.monitored_in(period)
        evaluated += mine.evaluated_in(today.year)
        actions += len(mine.open_actions)
        revise += revision_due(book, record) is not None
    return Summary(sops, monitored, evaluated, actions, revise)
