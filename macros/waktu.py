"""Waktu: from the text a form prints ("30 Menit", "2 Hari") to minutes of work.

The conversion rules are stated on every SOP page, because a total is only as
meaningful as the rules behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HOURS_PER_DAY = 8  # one working day
DAYS_PER_WEEK = 5  # working days
DAYS_PER_MONTH = 20  # four working weeks

MINUTES = {
    "menit": 1,
    "jam": 60,
    "hari": HOURS_PER_DAY * 60,
    "minggu": DAYS_PER_WEEK * HOURS_PER_DAY * 60,
    "bulan": DAYS_PER_MONTH * HOURS_PER_DAY * 60,
}
_PART = re.compile(r"(\d+)\s*(menit|jam|hari|minggu|bulan)\b", re.IGNORECASE)
_FILLER = re.compile(r"^[\s,;]*(dan)?[\s,;]*$", re.IGNORECASE)


def parse(text) -> int | None:
    """Minutes in ``text``, or None when it is not (wholly) a duration.

    "3 Hari 7 Jam 15 Menit" has three parts; anything else left over ("Januari",
    "TR") makes the whole text unparsed rather than half-read.
    """
    if not isinstance(text, str):
        return None
    total, end, found = 0, 0, False
    for match in _PART.finditer(text):
        if not _FILLER.match(text[end : match.start()]):
            return None
        total += int(match.group(1)) * MINUTES[match.group(2).lower()]
        end, found = match.end(), True
    if not found or not _FILLER.match(text[end:]):
        return None
    return total


def split(minutes: int) -> list[tuple[int, str]]:
    """Minutes as working days, hours and minutes (never weeks: days add up plainly)."""
    out = []
    for unit in ("hari", "jam", "menit"):
        amount, minutes = divmod(minutes, MINUTES[unit])
        if amount:
            out.append((amount, unit))
    return out


@dataclass(frozen=True)
class Total:
    """The time of a whole SOP: the sum of its steps' Waktu, and what could not be counted."""

    minutes: int
    unparsed: list  # step numbers whose Waktu was not read as a duration
    stated: str | None  # the total as the form prints it, if it does

    @property
    def parts(self) -> list[tuple[int, str]]:
        return split(self.minutes)


def total(sop) -> Total:
    """The one place the total time of an SOP is computed (page and TIME-003 both read it)."""
    minutes, unparsed = 0, []
    for step in sop.langkah:
        value = parse(step.mutu_baku.waktu)
        if value is None:
            unparsed.append(step.no)
        else:
            minutes += value
    return Total(minutes, unparsed, sop.waktu_total_tercetak)
