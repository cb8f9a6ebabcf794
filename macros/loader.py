"""Load sop_data/ into a Handbook: validated records, and findings for the rest.

Nothing is dropped silently: every file under sop_data/ is either loaded or
named in a finding. One broken file never stops the others from loading.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypedDict, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import forked, hygiene, labels, model, urls
from .findings import DataPath, Finding, Level
from .yamlsource import Source, SourceError, Value, parse

if TYPE_CHECKING:
    from .monev import SopMonev

DATA_DIR = "sop_data"
SATKER_FILE = "satker.yaml"
REGULASI_FILE = "regulasi.yaml"
JABATAN_FILE = "jabatan.yaml"
ISTILAH_FILE = "istilah.yaml"
# The registries at the top of sop_data/: file, model, and the Handbook attribute that holds it.
REGISTRIES: tuple[tuple[str, type[BaseModel], str], ...] = (
    (SATKER_FILE, model.SatkerRegister, "satker"),
    (REGULASI_FILE, model.RegulasiRegister, "regulasi"),
    (JABATAN_FILE, model.JabatanRegister, "jabatan"),
    (ISTILAH_FILE, model.IstilahRegister, "istilah"),
)
# Files in sop_data/ that are documentation, not data.
DOC_FILES = {"README.md"}
_NAME = re.compile(model.ID_PATTERN)

CODE_FILE = "BERKAS-001"
CODE_SCHEMA = "SKEMA-001"
CODE_HIDDEN: dict[Level, str] = {hygiene.ERROR: "TEKS-001", hygiene.WARNING: "TEKS-002"}

# The model of a record: an SOP or one of the registries.
M = TypeVar("M", bound=BaseModel)


@dataclass
class Record(Generic[M]):
    """One validated file: its model, its source lines, its path for messages."""

    path: str
    source: Source
    data: M

    def line_of(self, *path: str | int) -> int:
        return self.source.line_of(path)


@dataclass
class SopRecord(Record[model.Sop]):
    id: str = ""
    satker: str = ""


# One satker's monitoring and evaluation of one year: sop_data/<satker>/monev/<tahun>.yaml.
MONEV_DIR = "monev"
_MONEV_NAME = re.compile(r"^(\d{4})\.yaml$")


@dataclass
class MonevRecord(Record[model.Monev]):
    satker: str = ""
    tahun: int = 0


class Derived(TypedDict, total=False):
    """What checks and pages derive from the whole handbook, computed once per load."""

    glossary: dict[str, list[SopRecord]]  # each term -> the SOPs that write it (glossary.usage)
    monev: dict[str, SopMonev]  # each SOP id -> its monitoring and evaluation (monev.index)


@dataclass
class Handbook:
    root: Path
    sops: dict[str, SopRecord] = field(default_factory=dict)
    monev: list[MonevRecord] = field(default_factory=list)  # by satker, then year
    satker: Record[model.SatkerRegister] | None = None
    regulasi: Record[model.RegulasiRegister] | None = None
    jabatan: Record[model.JabatanRegister] | None = None
    istilah: Record[model.IstilahRegister] | None = None
    findings: list[Finding] = field(default_factory=list)
    # What checks and pages derive from the whole handbook (e.g. where each term is written),
    # computed once per load: see glossary.usage.
    derived: Derived = field(default_factory=Derived, repr=False, compare=False)

    @property
    def satker_map(self) -> dict[str, model.Satker]:
        return self.satker.data.satker if self.satker else {}

    @property
    def regulasi_map(self) -> dict[str, model.Regulasi]:
        return self.regulasi.data.regulasi if self.regulasi else {}

    @property
    def jabatan_map(self) -> dict[str, model.Jabatan]:
        return self.jabatan.data.jabatan if self.jabatan else {}

    @property
    def istilah_map(self) -> dict[str, model.Istilah]:
        return self.istilah.data.istilah if self.istilah else {}


def in_order(records: Iterable[SopRecord]) -> list[SopRecord]:
    """SOPs as every list shows them (pages, Tabel 7, dashboards): by satker, then name."""
    return sorted(records, key=lambda r: (r.satker, r.data.nama.casefold(), r.id))


_VOCABULARY = sorted(
    {
        name
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel)
        for name in getattr(cls, "model_fields", {})
    }
)


def _data_path(loc: Sequence[str | int], data: Value) -> DataPath:
    """Turn a pydantic error location into a path through the data.

    Union branches add tag names to ``loc`` that are not keys of the data;
    those are dropped. A missing key is kept as the last element.
    """
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if part == "[key]":  # pydantic's marker for "the key itself", which is already the last part
            continue
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif i == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            path.append(part)  # a missing key
    return tuple(path)


def _message(err: ErrorDetails, path: DataPath) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        guess = difflib.get_close_matches(key, _VOCABULARY, n=1, cutoff=0.75)
        hint = labels.ERR["maybe"].format(guess=guess[0]) if guess else ""
        return labels.ERR["extra_forbidden"].format(key=key, hint=hint)
    if kind == "literal_error":
        return labels.ERR["literal_error"].format(value=err.get("input"), expected=ctx.get("expected", ""))
    if kind in ("too_short",):
        return labels.ERR["too_short"].format(min=ctx.get("min_length", 1))
    if kind == "string_pattern_mismatch":
        return labels.ERR["string_pattern_mismatch"].format(value=err.get("input"))
    if kind == "greater_than_equal":
        return labels.ERR["greater_than_equal"].format(ge=ctx.get("ge"))
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind in labels.ERR:
        return labels.ERR[kind]
    return labels.ERR["other"].format(detail=err["msg"])


def validate(rel: str, source: Source, cls: type[M]) -> tuple[M | None, list[Finding]]:
    try:
        return cls.model_validate(source.data), []
    except ValidationError as exc:
        out: list[Finding] = []
        seen: set[tuple[DataPath, str]] = set()
        for err in exc.errors(include_url=False):
            path = _data_path(err["loc"], source.data)
            message = _message(err, path)
            if (path, message) in seen:
                continue
            seen.add((path, message))
            out.append(Finding.at(rel, source.line_of(path), path, CODE_SCHEMA, "error", message))
        return None, sorted(out)


def read(path: Path, rel: str) -> tuple[Source | None, list[Finding]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Finding(rel, 1, "", CODE_FILE, "error", labels.ERR["unreadable"].format(reason=exc.strerror))]
    try:
        source = parse(raw)
    except SourceError as exc:
        return None, [Finding.at(rel, exc.line, exc.path, CODE_FILE, "error", exc.message)]
    return source, [_hidden_finding(rel, line, path, ch) for line, path, ch in source.hidden]


def _hidden_finding(rel: str, line: int, path: DataPath, ch: str) -> Finding:
    level = hygiene.level(ch)
    message = labels.ERR["hidden_char"].format(
        char=hygiene.describe(ch),
        kind=labels.HIDDEN_KIND[hygiene.kind_of(ch)],
        advice=labels.HIDDEN_ADVICE[level],
    )
    return Finding.at(rel, line, path, CODE_HIDDEN[level], level, message)


def load_record(path: Path, rel: str, cls: type[M]) -> tuple[Record[M] | None, list[Finding]]:
    return _record(rel, *read(path, rel), cls)


def _record(
    rel: str, source: Source | None, hidden: list[Finding], cls: type[M]
) -> tuple[Record[M] | None, list[Finding]]:
    """The record of a file that was read: validated, its line map made small."""
    if source is None:
        return None, hidden
    data, found = validate(rel, source, cls)
    if data is None:
        return None, hidden + found
    source.data = None  # the model holds the values now; the source keeps only the lines
    source.compact()
    model.share_fields_sets(data)
    return Record(rel, source, data), hidden + found


def _walk(data_dir: Path) -> Iterator[tuple[Path, tuple[str, ...], str | None]]:
    """Every entry under ``data_dir`` as (path, relative parts, problem or None), in a stable order.

    Symbolic links are not followed: a linked folder is reported (its files would otherwise
    vanish without a word), and a linked file is read only if it stays inside sop_data/.
    """
    inside = data_dir.resolve()
    for folder, dirs, files in os.walk(data_dir):
        dirs.sort()
        for name in list(dirs):
            path = Path(folder) / name
            if path.is_symlink():
                dirs.remove(name)
                yield path, path.relative_to(data_dir).parts, labels.ERR["symlink_dir"]
        for name in sorted(files):
            path = Path(folder) / name
            problem = None
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                problem = labels.ERR["symlink_outside"]
            yield path, path.relative_to(data_dir).parts, problem


def _is_monev(parts: tuple[str, ...]) -> bool:
    return len(parts) == 3 and parts[1] == MONEV_DIR


def _placement_problem(parts: tuple[str, ...]) -> str | None:
    if not parts[-1].endswith(".yaml"):
        return labels.ERR["not_yaml"]
    if _is_monev(parts):
        found = _MONEV_NAME.match(parts[2])
        if not found or not model.YEAR_MIN <= int(found[1]) <= model.YEAR_MAX:
            return labels.ERR["bad_monev_name"]
        return None if _NAME.match(parts[0]) else labels.ERR["bad_filename"].format(name=parts[0])
    if len(parts) != 2:
        return labels.ERR["misplaced"]
    for name in (parts[0], parts[1][: -len(".yaml")]):
        if not _NAME.match(name):
            return labels.ERR["bad_filename"].format(name=name)
        if name in urls.RESERVED_NAMES:
            return labels.ERR["reserved_name"].format(name=name)
    return None


def _companions(only: set[str]) -> tuple[set[str], set[str]]:
    """The satker whose monitoring records go with ``only``, and those whose SOPs do.

    A file left out of ``only`` is read all the same when it belongs with one in it: a satker's
    monitoring records go with its SOPs (an SOP's due monitoring is judged from them), and its SOPs
    with its records (a record names them).
    """
    records_of: set[str] = set()
    sops_of: set[str] = set()
    for rel in only:
        parts = tuple(rel.split("/")[1:])  # without sop_data/
        if len(parts) == 2:
            records_of.add(parts[0])
        elif _is_monev(parts):
            sops_of.add(parts[0])
    return records_of, sops_of


def load_handbook(root: Path, only: set[str] | None = None, workers: int = 1) -> Handbook:
    """Load every file under ``root/sop_data``; never raises on bad content.

    With ``only`` (SOP files, relative to ``root``), the registries and just those SOPs: a quick
    preview of one SOP, or `sop check` on the files a change touches. With ``workers`` > 1 and a
    large handbook, a second process parses part of the files (see _read_all).
    """
    root = Path(root)
    data_dir = root / DATA_DIR
    book = Handbook(root=root)
    # In the order of REGISTRIES, so that their findings are too.
    book.satker = _load_registry(book, data_dir, SATKER_FILE, model.SatkerRegister)
    book.regulasi = _load_registry(book, data_dir, REGULASI_FILE, model.RegulasiRegister)
    book.jabatan = _load_registry(book, data_dir, JABATAN_FILE, model.JabatanRegister)
    book.istilah = _load_registry(book, data_dir, ISTILAH_FILE, model.IstilahRegister)
    records_of, sops_of = _companions(only) if only is not None else (set(), set())

    wanted: list[tuple[Path, str, tuple[str, ...]]] = []
    for path, parts, problem in _walk(data_dir):
        rel = f"{DATA_DIR}/{'/'.join(parts)}"
        if problem is None and (
            parts[-1] in DOC_FILES or (len(parts) == 1 and parts[0] in {name for name, _, _ in REGISTRIES})
        ):
            continue
        if only is not None and rel not in only:
            if not (parts[0] in records_of if _is_monev(parts) else len(parts) == 2 and parts[0] in sops_of):
                continue
        problem = problem or _placement_problem(parts)
        if problem:
            book.findings.append(Finding(rel, 1, "", CODE_FILE, "error", problem))
            continue
        wanted.append((path, rel, parts))

    for (_, rel, parts), (source, hidden) in zip(wanted, _read_all(wanted, workers), strict=True):
        if _is_monev(parts):
            monev, found = _record(rel, source, hidden, model.Monev)
            book.findings.extend(found)
            if monev is not None:
                book.monev.append(
                    MonevRecord(monev.path, monev.source, monev.data, satker=parts[0], tahun=int(parts[2][:4]))
                )
            continue
        record, found = _record(rel, source, hidden, model.Sop)
        book.findings.extend(found)
        if record is not None:
            satker, slug = parts[0], parts[1][: -len(".yaml")]
            book.sops[f"{satker}/{slug}"] = SopRecord(
                record.path, record.source, record.data, id=f"{satker}/{slug}", satker=satker
            )
    return book


# The share of the files a second process parses: this process also validates every file, the
# second one's included, so it parses fewer (0.7 measured best on 10,000 seed-shaped SOPs).
_CHILD_SHARE = 0.7


def _read(entry: tuple[Path, str, tuple[str, ...]]) -> tuple[Source | None, list[Finding]]:
    return read(entry[0], entry[1])


def _read_all(
    wanted: Sequence[tuple[Path, str, tuple[str, ...]]], workers: int
) -> Iterator[tuple[Source | None, list[Finding]]]:
    """Each wanted file read and parsed, in order, one at a time.

    Parsing is most of the time of `sop check`; on a large handbook a fork parses most of the
    files, in blocks spread among this process's own, and sends back plain values and line maps,
    which pickle ten times faster than validated models (so validation stays here).
    """
    if forked.available(workers, len(wanted)):
        return forked.map_shared(_read, wanted, _CHILD_SHARE)
    return map(_read, wanted)


def _load_registry(book: Handbook, data_dir: Path, name: str, cls: type[M]) -> Record[M] | None:
    """One registry file of sop_data/, or None (and a finding) when it is missing or cannot be read."""
    rel = f"{DATA_DIR}/{name}"
    if not (data_dir / name).is_file():
        book.findings.append(Finding(rel, 1, "", CODE_FILE, "error", labels.ERR["registry_missing"]))
        return None
    if (data_dir / name).is_symlink() and not (data_dir / name).resolve().is_relative_to(data_dir.resolve()):
        book.findings.append(Finding(rel, 1, "", CODE_FILE, "error", labels.ERR["symlink_outside"]))
        return None
    record, found = load_record(data_dir / name, rel, cls)
    book.findings.extend(found)
    return record
