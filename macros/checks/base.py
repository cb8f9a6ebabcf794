"""The check registry: how a check is declared, run, and turned into findings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .. import labels
from ..findings import Finding
from ..loader import Handbook


@dataclass(frozen=True)
class Check:
    code: str
    level: str
    scope: str  # "sop": runs once per SOP; "handbook": once over everything
    func: Callable

    @property
    def rule(self) -> str:
        return self._doc[0]

    @property
    def explanation(self) -> str:
        return " ".join(line.strip() for line in self._doc[1:] if line.strip())

    @property
    def _doc(self) -> list[str]:
        return (self.func.__doc__ or "").strip().splitlines()

    @property
    def group(self) -> str:
        return self.code.split("-")[0]


@dataclass(frozen=True)
class Context:
    book: Handbook
    today: dt.date


CHECKS: list[Check] = []


def check(code: str, level: str, scope: str = "sop"):
    def register(func):
        assert code not in {c.code for c in CHECKS}, code
        CHECKS.append(Check(code, level, scope, func))
        return func

    return register


def run(book: Handbook, today: dt.date) -> list[Finding]:
    """All findings of every check; a check never sees a file that failed to load."""
    ctx = Context(book, today)
    out: list[Finding] = []
    for c in CHECKS:
        if c.scope == "sop":
            for record in book.sops.values():
                out.extend(_stamp(c, record.path, c.func(ctx, record)))
        else:
            out.extend(_stamp(c, None, c.func(ctx)))
    return sorted(out)


def _stamp(c: Check, default_file, items) -> Iterator[Finding]:
    for file, line, path, message in items:
        yield Finding.at(file or default_file, line, path, c.code, c.level, message)


def _at(record, *path):
    return record.path, record.line_of(*path), path


def registry_at(ctx: Context, *path):
    """File, line and path of a place in sop_data/regulasi.yaml, for a finding about the registry."""
    return ctx.book.regulasi.path, ctx.book.regulasi.line_of(*path), path


def _text(value) -> str | None:
    """The printed text of a field, or None if it is empty or unreadable."""
    return value if isinstance(value, str) else None


_MONTHS = re.compile(r"\b(" + "|".join(labels.MONTHS) + r")\b", re.IGNORECASE)


def months_in(text) -> list[str]:
    """Month names in a text: a schedule ("Januari-Februari"), never a duration."""
    if not isinstance(text, str):
        return []
    found = {m.group(1).casefold() for m in _MONTHS.finditer(text)}
    return [m for m in labels.MONTHS if m.casefold() in found]
