"""A finding: one problem, pointing at a file, a line and a field."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from operator import attrgetter
from typing import Any, Literal, TypeAlias

# "error" stops the build; "warning" is published with the SOP.
Level: TypeAlias = Literal["error", "warning"]
# A place in a record's data: keys and 0-based list indexes, e.g. ("langkah", 2, "pelaksana").
DataPath: TypeAlias = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One finding of the loader or a check. Also the finding type of the JSON export."""

    file: str  # relative to the project root, e.g. sop_data/kpu-kota-palu/x.yaml
    line: int  # 1-based line in that file
    field: str  # the field path as a maintainer reads it: langkah[3].cabang (items counted from 1)
    code: str  # the rule's code, e.g. FLOW-003
    level: Level
    message: str
    # The same place as data: keys and 0-based list indexes, so that code never parses `field` back.
    path: DataPath = dataclass_field(default=(), compare=False)

    @classmethod
    def at(cls, file: str, line: int, path: Sequence[str | int], code: str, level: Level, message: str) -> Finding:
        return cls(file, line, field_path(path), code, level, message, tuple(path))

    def format(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {self.code} {self.level}: {where}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def format_github(self) -> str:
        """A GitHub Actions workflow command, so CI shows the finding on the changed line of the pull request."""
        kind = "error" if self.level == "error" else "warning"
        title = f"{self.code} {self.field}".strip()
        return (
            f"::{kind} file={_gh_property(self.file)},line={self.line},title={_gh_property(title)}"
            f"::{_gh_data(self.message)}"
        )


# The order of Finding's compared fields, as one key: sorting 100,000 findings by it takes a tenth of
# the time comparing the dataclasses pair by pair does.
_ORDER = attrgetter("file", "line", "field", "code", "level", "message")


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` in their natural order (file, line, field, code…), as ``sorted`` would give it."""
    return sorted(findings, key=_ORDER)


def gitlab_report(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """GitLab's Code Quality report (a subset of Code Climate's format): merge requests show each
    finding on its line."""
    out: list[dict[str, Any]] = []
    for f in findings:
        fingerprint = hashlib.sha256(f"{f.code}|{f.file}|{f.field}|{f.message}".encode()).hexdigest()
        out.append(
            {
                "description": f"{f.code} {f.field}: {f.message}".replace(" : ", ": "),
                "check_name": f.code,
                "fingerprint": fingerprint,
                "severity": "major" if f.level == "error" else "minor",
                "location": {"path": f.file, "lines": {"begin": max(f.line, 1)}},
            }
        )
    return out


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def field_path(path: Iterable[str | int]) -> str:
    """('langkah', 2, 'pelaksana') -> 'langkah[3].pelaksana' (items counted from 1, as on the form)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")


def parse_field(text: str) -> DataPath:
    """'langkah[3].pelaksana' -> ('langkah', 2, 'pelaksana'): the inverse of field_path."""
    return tuple(key if key else int(index) - 1 for key, index in _PART.findall(text))


def group_by(findings: Iterable[Finding], attribute: Literal["file", "code"]) -> dict[str, list[Finding]]:
    """Findings grouped by one of their fields ("file", "code"), each group in the given order."""
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(getattr(f, attribute), []).append(f)
    return out


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]
