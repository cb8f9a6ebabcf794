"""The check registry: how a check is declared, run, and turned into findings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, ParamSpec, TypeAlias, TypeVar

from pydantic import BaseModel

from .. import forked, labels
from ..findings import DataPath, Finding, Level, ordered
from ..loader import Handbook, Record, SopRecord

# Where a finding points: file, line, and the place in the data (see _at).
At: TypeAlias = tuple[str, int, DataPath]
# What a check yields for each problem: where it is, and the message.
Item: TypeAlias = tuple[str, int, DataPath, str]
Scope: TypeAlias = Literal["sop", "handbook"]


@dataclass(frozen=True)
class Check:
    code: str
    level: Level
    scope: Scope  # "sop": runs once per SOP; "handbook": once over everything
    # (ctx, record) for an "sop" check, (ctx) for a "handbook" one; yields an Item per problem.
    func: Callable[..., Iterable[Item]]

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


P = ParamSpec("P")
R = TypeVar("R", bound=Iterable[Item])


def check(code: str, level: Level, scope: Scope = "sop") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register the decorated function as a check; the function itself is returned as it is."""

    def register(func: Callable[P, R]) -> Callable[P, R]:
        assert code not in {c.code for c in CHECKS}, code
        CHECKS.append(Check(code, level, scope, func))
        return func

    return register


def run(book: Handbook, today: dt.date, workers: int = 1) -> list[Finding]:
    """All findings of every check; a check never sees a file that failed to load.

    With ``workers`` > 1 (``sop check`` on a large handbook, on Linux), the per-SOP checks of half
    the records run in a forked copy of this process, which sends back only its findings.
    """
    ctx = Context(book, today)
    records = list(book.sops.values())
    if forked.available(workers, len(records)):
        # The child takes more SOPs: this process also runs the checks over the whole handbook.
        split = len(records) * 3 // 5
        child = lambda: _per_sop(ctx, records[:split])  # noqa: E731
        own = lambda: _handbook(ctx) + _per_sop(ctx, records[split:])  # noqa: E731
        return ordered(forked.in_child(child, own))
    return ordered(_handbook(ctx) + _per_sop(ctx, records))


def _handbook(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for c in CHECKS:
        if c.scope != "sop":
            out.extend(_stamp(c, "", c.func(ctx)))  # a handbook check names the file of each item
    return out


def _per_sop(ctx: Context, records: Sequence[SopRecord]) -> list[Finding]:
    out: list[Finding] = []
    for c in CHECKS:
        if c.scope == "sop":
            for record in records:
                out.extend(_stamp(c, record.path, c.func(ctx, record)))
    return out


def _stamp(c: Check, default_file: str, items: Iterable[Item]) -> Iterator[Finding]:
    for file, line, path, message in items:
        yield Finding.at(file or default_file, line, path, c.code, c.level, message)


M = TypeVar("M", bound=BaseModel)


def _at(record: Record[M], *path: str | int) -> At:
    return record.path, record.line_of(*path), path


def registry_at(ctx: Context, *path: str | int) -> At:
    """File, line and path of a place in sop_data/regulasi.yaml, for a finding about the registry.

    Only the checks of a registry that loaded call this (they return first when it did not)."""
    registry = ctx.book.regulasi
    assert registry is not None, "a registry check runs only once the registry has loaded"
    return _at(registry, *path)


def _text(value: object) -> str | None:
    """The printed text of a field, or None if it is empty or unreadable."""
    return value if isinstance(value, str) else None


_MONTHS = re.compile(r"\b(" + "|".join(labels.MONTHS) + r")\b", re.IGNORECASE)


def months_in(text: object) -> list[str]:
    """Month names in a text: a schedule ("Januari-Februari"), never a duration."""
    if not isinstance(text, str):
        return []
    found = {m.group(1).casefold() for m in _MONTHS.finditer(text)}
    return [m for m in labels.MONTHS if m.casefold() in found]
