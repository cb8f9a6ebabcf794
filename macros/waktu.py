"""Waktu: from the text a form prints ("30 Menit", "2 Hari") to minutes of work.

The conversion rules are stated on every SOP page, because a total is only as
meaningful as the rules behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .model import Sop

HOURS_PER_DAY = 8  # one working day
DAYS_PER_WEEK = 5  # working days
DAYS_PER_MONTH = 20  # four working weeks

MINUTES: dict[str, float] = {
    "detik": 1 / 60,
    "menit": 1,
    "jam": 60,
    "hari": HOURS_PER_DAY * 60,
    "minggu": DAYS_PER_WEEK * HOURS_PER_DAY * 60,
    "bulan": DAYS_PER_MONTH * HOURS_PER_DAY * 60,
}
# A number as offices print it: 2, 1,5 (decimal comma), ½, 1½; an Indonesian number word in
# brackets may follow it, as on letters ("1 (satu) hari").
_NUM = r"\d+\s*½|\d+(?:,\d+)?|½"
_WORDS = r"(?:\s*\([a-z\s]+\))?"
_UNIT = r"(detik|menit|jam|hari(?:\s+kerja)?|minggu|bulan)"
_PART = re.compile(rf"({_NUM}){_WORDS}\s*(?:(?:-|–|s\.?\s?d\.?|sampai)\s*({_NUM}){_WORDS}\s*)?{_UNIT}\b", re.IGNORECASE)
_FILLER = re.compile(r"^[\s,;]*(dan)?[\s,;]*$", re.IGNORECASE)
# "1 x 24 jam": clock time, as letters promise replies; counted as that many working days.
_TIMES_24 = re.compile(r"^\s*(\d+)\s*[x×]\s*24\s*jam\s*$", re.IGNORECASE)
# "60 menit/dokumen", "10 menit per berkas": a time per item, not the step's total.
_PER_ITEM = re.compile(r"\s*(?:/|\bper\b)\s*[a-z]+\.?\s*$", re.IGNORECASE)
# Words before a duration that bound or round it, and leave it a duration: "Maks. 2 hari kerja",
# "Paling lama 10 hari", "± 2 menit". The bound is what is counted.
_QUALIFIER = re.compile(
    r"^\s*(?:maks(?:imal|imum)?\.?|paling\s+(?:lama|lambat)|selambat-lambatnya|±|\+/-|kurang\s+lebih|"
    r"lebih\s+kurang|kurleb\.?|sekitar|kira-kira|min(?:imal|imum)?\.?)\s*",
    re.IGNORECASE,
)
# Why a Waktu is not a duration, in the order they are told apart.
_NUMBER_ONLY = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
_SCHEDULE = re.compile(
    r"jadwal|^\s*h\s*[+-]\s*\d+|\bsetiap\b|\btiap\b|\btanggal\b|\bakhir\b|\bawal\b|triwulan|semester|"
    r"\btahunan\b|\bbulanan\b|\bmingguan\b|\bharian\b|\bperiode\b|\bjam\s+kerja\b|\bpukul\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"^\s*(?:sesuai|disesuaikan|menyesuaikan|tentatif|kondisional|situasional|tergantung|bergantung|"
    r"bervariasi|fleksibel)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A Waktu as read: ``low``..``high`` minutes of work (equal unless the form prints a range)."""

    low: float
    high: float
    per_item: bool = False  # a time per document or item: not added to the SOP's total
    calendar: bool = False  # "N x 24 jam": counted as N working days

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def _number(text: str) -> float:
    text = text.replace(" ", "")
    if text.endswith("½"):
        return (float(text[:-1]) if text[:-1] else 0) + 0.5
    return float(text.replace(",", "."))


def read(text: object) -> Duration | None:
    """The duration a Waktu text states, or None when it is not (wholly) a duration.

    "3 Hari 7 Jam 15 Menit" has three parts; anything else left over ("Januari", "TR",
    "Sesuai jadwal") makes the whole text unread rather than half-read: it is never guessed.
    """
    found = reading(text)
    return found if isinstance(found, Duration) else None


Reason = Literal["jadwal", "bersyarat", "tanpa_satuan", "tidak_jelas"]


@dataclass(frozen=True)
class Unread:
    """A Waktu that is not a duration, and why: a schedule ("Sesuai jadwal", "H+2", a month), a
    condition ("Disesuaikan"), a number with no unit ("15"), or something else ("-")."""

    reason: Reason


def reading(text: object) -> Duration | Unread:
    """What a Waktu text says: a duration (maybe a range, or per item), or why it is not one."""
    if not isinstance(text, str):
        return Unread("tidak_jelas")
    return _reading(text)


# A few dozen wordings ("15 Menit", "1 Hari") fill most Waktu cells, and three checks and the page
# read each; both results are frozen, so one reading serves them all.
@lru_cache(maxsize=1 << 12)
def _reading(text: str) -> Duration | Unread:
    calendar = _TIMES_24.match(text)
    if calendar:
        minutes = int(calendar.group(1)) * MINUTES["hari"]
        return Duration(minutes, minutes, calendar=True)
    body = _QUALIFIER.sub("", text, count=1)
    per_item = _PER_ITEM.search(body)
    if per_item:
        body = body[: per_item.start()]
    low = high = 0.0
    end, found = 0, False
    for match in _PART.finditer(body):
        if not _FILLER.match(body[end : match.start()]):
            return _why(text)
        unit = MINUTES[match.group(3).split()[0].lower()]
        low += _number(match.group(1)) * unit
        high += _number(match.group(2) or match.group(1)) * unit
        end, found = match.end(), True
    if not found or not _FILLER.match(body[end:]) or high < low:
        return _why(text)
    return Duration(_whole(low), _whole(high), per_item=bool(per_item))


def _whole(minutes: float) -> float:
    """Whole minutes stay whole numbers (2 hari = 960); a part of a minute (30 detik) stays a part."""
    return round(minutes) if abs(minutes - round(minutes)) < 1e-9 else round(minutes, 4)


def _why(text: str) -> Unread:
    if _NUMBER_ONLY.match(text):
        return Unread("tanpa_satuan")
    if _SCHEDULE.search(text) or _MONTH.search(text):
        return Unread("jadwal")
    if _CONDITIONAL.match(text):
        return Unread("bersyarat")
    return Unread("tidak_jelas")


_MONTH = re.compile(
    r"\b(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember)\b",
    re.IGNORECASE,
)


def parse(text: object) -> float | None:
    """Minutes a Waktu adds to the SOP's total: the upper bound of a range; None when it is not
    a duration or is a time per item (which is not summed)."""
    duration = read(text)
    return None if duration is None or duration.per_item else duration.high


def split(minutes: float) -> list[tuple[int, str]]:
    """Minutes as working days, hours and minutes (never weeks: days add up plainly), to the nearest minute."""
    rest = round(minutes)
    out = []
    for unit in ("hari", "jam", "menit"):
        amount, rest = divmod(rest, int(MINUTES[unit]))
        if amount:
            out.append((amount, unit))
    return out


@dataclass(frozen=True)
class Total:
    """The time of a whole SOP: the sum of its steps' Waktu, and what could not be counted."""

    minutes: float
    unparsed: list[int]  # step numbers whose Waktu was not read as a duration
    stated: str | None  # the total as the form prints it, if it does
    ranges: list[int] = field(default_factory=list)  # step numbers whose Waktu is a range (upper bound counted)
    per_item: list[int] = field(default_factory=list)  # step numbers whose Waktu is per item (not counted)

    @property
    def parts(self) -> list[tuple[int, str]]:
        return split(self.minutes)


def total(sop: Sop) -> Total:
    """The one place the total time of an SOP is computed (page and TIME-003 both read it)."""
    minutes = 0.0
    unparsed: list[int] = []
    ranges: list[int] = []
    per_item: list[int] = []
    for step in sop.langkah:
        duration = read(step.mutu_baku.waktu)
        if duration is None:
            unparsed.append(step.no)
        elif duration.per_item:
            per_item.append(step.no)
        else:
            minutes += duration.high
            if duration.is_range:
                ranges.append(step.no)
    return Total(minutes, unparsed, sop.waktu_total_tercetak, ranges, per_item)
