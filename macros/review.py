"""Review (peninjauan) of SOPs: SOP AP monitoring runs every six months.

The clock is a parameter everywhere, so a build or a test can fix the day it
judges from (the `sop` plugin's ``reference_date`` in mkdocs.yml, see
``settings``); only the command line and the site glue read the real date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from .model import Sop

INTERVAL_MONTHS = 6
# An SOP whose review falls due within this many days is listed as "due soon".
DUE_SOON_DAYS = 30
# What a due date is counted from: the last review (or, for the yearly evaluation, the last
# evaluation), else the effective date.
Basis: TypeAlias = Literal["peninjauan", "evaluasi", "efektif"]


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, or the month's last day (31 Aug + 6 = 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewStatus:
    basis: Basis | None  # None: nothing to count from
    since: dt.date | None  # the last review, or the effective date
    due: dt.date | None
    today: dt.date

    @property
    def overdue(self) -> bool:
        return self.due is None or self.due < self.today

    @property
    def due_soon(self) -> bool:
        return self.due is not None and not self.overdue and (self.due - self.today).days <= DUE_SOON_DAYS

    @property
    def days(self) -> int | None:
        """Days past due (positive) or until due (negative); None when unknown."""
        return None if self.due is None else (self.today - self.due).days


def status(sop: Sop, today: dt.date, monitored: Sequence[dt.date] = ()) -> ReviewStatus:
    """``monitored``: the dates of the SOP's monitoring in the satker's monev records (see monev)."""
    reviewed = [r.tanggal for r in sop.peninjauan] + list(monitored)
    return counted(sop, today, max(reviewed, default=None), "peninjauan", INTERVAL_MONTHS)


def counted(sop: Sop, today: dt.date, last: dt.date | None, basis: Basis, months: int) -> ReviewStatus:
    """Due ``months`` after ``last`` (what ``basis`` names), else after the effective date, else unknown."""
    if last is not None:
        return ReviewStatus(basis, last, add_months(last, months), today)
    if sop.tanggal.efektif:
        return ReviewStatus("efektif", sop.tanggal.efektif, add_months(sop.tanggal.efektif, months), today)
    return ReviewStatus(None, None, None, today)
