"""Read one YAML file into plain data plus the line of every field.

Why not ``yaml.safe_load``: it silently keeps the last of two duplicate keys,
reads ``no``/``on`` as booleans, ``1:30`` as 90, ``010`` as 8 and bare dates as
dates, expands alias bombs, and recurses (RecursionError near depth 1,000).
Here the document is built from PyYAML's event stream with an explicit stack,
so depth, size and node count are bounded, and:

* every plain scalar stays the text the maintainer typed (``no`` is "no");
  only an empty value, ``~`` and ``null`` mean "no value". The models decide
  whether a text must be a number or a date, so the meaning never shifts.
* duplicate keys, anchors/aliases, explicit tags, non-text keys and several
  documents in one file are errors with a line and a field.
* hidden characters (``hygiene``) are masked before parsing and reported
  with their real line and field, never as a PyYAML error at line 1.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

import yaml

from . import hygiene, labels
from .findings import DataPath

Path: TypeAlias = DataPath  # a field path: keys (str) and list indexes (int, 0-based)
# Plain data as read: every scalar is the text typed (None for an empty value), in lists and mappings.
Value: TypeAlias = "str | None | list[Value] | dict[str, Value]"
Container: TypeAlias = "list[Value] | dict[str, Value]"
# (line, field path, character) of one hidden character.
Hidden: TypeAlias = tuple[int, Path, str]

# Field paths of every compacted line map (Source.compact), each with its id; bounded.
_PATH_IDS: dict[Path, int] = {}
_PATH_IDS_MAX = 1_000_000

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000

# libyaml's parser (when PyYAML was built with it) reads the same events about 25 times faster.
if TYPE_CHECKING:
    # types-PyYAML declares libyaml's loader unconditionally; at run time it is there only when
    # PyYAML was built with libyaml, and the pure-Python SafeLoader has the same methods.
    _LOADER = yaml.CSafeLoader
else:
    _LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(~|null|Null|NULL)?$")
# The same words as a set, for plain scalars (which never end in a line break, where "$" would differ).
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


class _ComposeLoader(_LOADER):
    """libyaml's composer without PyYAML's implicit typing: values stay the text typed, so the
    resolver (a Python call for every scalar) has nothing to decide."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool] | None) -> str:
        return "tag:yaml.org,2002:str"

    # The composer tells the resolver where it is, for every node; with no path resolvers that is
    # nothing to do, and a builtin that takes the same arguments does it without a Python frame.
    # The stubs declare these hooks as returning None; the composer discards what they return.
    descend_resolver = staticmethod(slice)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


class SourceError(Exception):
    """A file that cannot be read as a YAML mapping; carries its line and path."""

    def __init__(self, message: str, line: int = 1, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


@dataclass
class Source:
    """Plain data of one file and the 1-based line where each field starts."""

    data: dict[str, Value] | None  # None once a model holds the values (loader.load_record)
    lines: dict[Path, int] = field(default_factory=dict)
    # (line, field path, character) of each hidden character (see hygiene), in file order.
    hidden: list[Hidden] = field(default_factory=list)
    # Whether the text has a `sop baru` placeholder ("[isi ...]"), so ISI-001 looks only there.
    placeholder: bool = True

    # After ``compact``: the line map as two arrays, path ids (sorted) and their lines.
    _ids: array[int] | None = field(default=None, repr=False, compare=False)
    _at: array[int] | None = field(default=None, repr=False, compare=False)

    def line_of(self, path: Path) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            line = self._line(path)
            if line is not None:
                return line
            path = path[:-1]
        return self._line(()) or 1

    def _line(self, path: Path) -> int | None:
        if self._ids is None or self._at is None:
            return self.lines.get(path)
        wanted = _PATH_IDS.get(path)
        if wanted is None:
            return None
        i = bisect_left(self._ids, wanted)
        return self._at[i] if i < len(self._ids) and self._ids[i] == wanted else None

    def compact(self) -> None:
        """Keep the line map in two arrays of numbers instead of a dict: a tenth of the memory.

        A record's line map outlives its parsing (every finding asks it for a line), and at 10,000
        records the dicts came to a seventh of `sop check`'s memory. Field paths repeat from record
        to record, so each gets one id for the whole process. A file with unusually many paths of
        its own keeps its dict, so that the ids stay bounded.
        """
        if len(_PATH_IDS) + len(self.lines) > _PATH_IDS_MAX:
            return
        pairs = sorted((_PATH_IDS.setdefault(path, len(_PATH_IDS)), line) for path, line in self.lines.items())
        self._ids = array("I", [i for i, _ in pairs])
        self._at = array("I", [line for _, line in pairs])
        self.lines = {}


def read_text(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise SourceError(labels.ERR["too_big"].format(size=len(raw), limit=MAX_BYTES))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(labels.ERR["not_utf8"], line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise SourceError(labels.ERR["empty"])
    return text


class _Frame:
    """An open mapping or list of the event path: where it is, and a mapping's key waiting for its value."""

    __slots__ = ("container", "path", "key", "key_line")

    def __init__(self, container: Container, path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_line = 0


class _Builder:
    """Turns events into data with an explicit stack (no recursion)."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.root: Value = None
        self.root_seen = False
        self.lines: dict[Path, int] = {}
        self.nodes = 0
        self.hidden: list[tuple[int, Path, list[str]]] = []  # (first line of the scalar, its path, [characters])

    def next_path(self) -> Path:
        """The path the next node will take (for errors raised before it is placed)."""
        if not self.stack:
            return ()
        container, path, key = self.stack[-1].container, self.stack[-1].path, self.stack[-1].key
        if isinstance(container, list):
            return path + (len(container),)
        return path + (key,) if key is not None else path

    def _place(self, value: Value, line: int, is_container: bool) -> Path:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise SourceError(labels.ERR["too_many_nodes"].format(limit=MAX_NODES), line)
        if not self.stack:
            if self.root_seen:
                raise SourceError(labels.ERR["multi_doc"], line)
            self.root, self.root_seen = value, True
            self.lines[()] = line
            return ()
        frame = self.stack[-1]
        container, path = frame.container, frame.path
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            self.lines[child] = line
            return child
        if frame.key is None:  # this node is a key
            if is_container or not isinstance(value, str) or value is None:
                raise SourceError(labels.ERR["bad_key"], line, path)
            if value in container:
                raise SourceError(
                    labels.ERR["duplicate_key"].format(key=value, first=self.lines[path + (value,)]),
                    line,
                    path + (value,),
                )
            frame.key, frame.key_line = value, line
            return path + (value,)  # the key's own field
        key, key_line = frame.key, frame.key_line
        frame.key = None
        child = path + (key,)
        container[key] = value
        self.lines[child] = key_line
        return child

    def feed(self, event: yaml.Event) -> None:
        mark = event.start_mark  # a parser gives every event its mark; the stubs allow an event without
        line = mark.line + 1 if mark is not None else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SourceError(labels.ERR["alias"], line, self.next_path())
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag, _ = hygiene.clean(tag)
            raise SourceError(labels.ERR["tag"].format(tag=tag), line, self.next_path())
        if isinstance(event, yaml.ScalarEvent):
            text, hidden = hygiene.clean(event.value)
            # libyaml reports a plain scalar's style as '' and PyYAML as None: both mean unquoted.
            # Null is judged on the text as written: a value that was only a hidden character is
            # an empty text (and the hidden character is reported), not "no value".
            value = None if not event.style and _NULL.match(event.value) else text
            path = self._place(value, line, False)
            if hidden:
                self.hidden.append((line, path, hidden))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise SourceError(labels.ERR["too_deep"].format(limit=MAX_DEPTH), line)
            container: Container = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self._place(container, line, True)
            self.stack.append(_Frame(container, path))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()


# A record with none of these is read through libyaml's own composer (the nodes are built in C),
# which is several times faster than feeding events to Python; any other file takes the event path,
# which finds anchors, aliases and tags, and bounds depth without recursion. An anchor starts a
# node: after a space, a colon, a line's start or a flow indicator, with its name right after ("&a");
# "Sarana & Prasarana" in a text is none. Aliases need no pattern: an alias names an anchor, so a
# file with an alias has an anchor too, or libyaml stops at the undefined alias and the event path
# reads the file and names the alias. (A pattern for "*" sent every record whose text writes "'*'"
# down the slow path.) Any "!" that could start a tag (even a lone "! ") takes the event path.
_SLOW_PATH = re.compile(r"(?:^|[\s\[{,:])(?:!|&[^\s,\[\]{}])", re.M)
_FAST_MAX_BRACKETS = 200
_FAST_MAX_INDENT = 2 * MAX_DEPTH


_DEEP_INDENT = " " * (_FAST_MAX_INDENT + 1)


def _fast_ok(text: str) -> bool:
    # Substring tests first: most records have no "!" or "&" at all, and scanning 10 KB with the
    # pattern costs more than composing it did (a third of a millisecond a file).
    if ("!" in text or "&" in text) and _SLOW_PATH.search(text):
        return False
    if text.count("[") + text.count("{") > _FAST_MAX_BRACKETS:
        return False
    return not (text.startswith(_DEEP_INDENT) or "\n" + _DEEP_INDENT in text)


# Field paths repeat from record to record (("langkah", 0, "kegiatan") is in every SOP): one tuple
# each, shared by every file's line map, instead of one per file. Bounded, in case of odd files.
_PATHS: dict[Path, Path] = {}
_PATHS_MAX = 200_000


def _shared(path: Path) -> Path:
    found = _PATHS.get(path)
    if found is not None:
        return found
    if len(_PATHS) < _PATHS_MAX:
        _PATHS[path] = path
    return path


def _compose(text: str) -> Source | None:
    """The fast path: libyaml composes the document; Python only walks it for values and lines.

    Returns None when the document has anything the event path must judge (more than one
    document, a syntax error): the event path then gives the exact error.
    """
    loader = _ComposeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode):
        return None
    lines: dict[Path, int] = {(): node.start_mark.line + 1}
    # (offset in the text, line, path, characters): the stack visits a flow mapping's values last
    # first, so the list is put in file order (as the event path reads it) by offset at the end.
    hidden: list[tuple[int, int, Path, list[str]]] = []
    # No hidden character was masked (or we would not be here); one can still come from an escape
    # ("\u202e") in a double-quoted scalar, so values are cleaned only when the text has a backslash.
    escapes = "\\" in text
    count = 0
    # (node, path, value container): an explicit stack, like the event path. The loop below is the
    # hot path of `sop check` (some 700 nodes a record): values are read inline, not by a call each.
    root: dict[str, Value] = {}
    stack: list[tuple[yaml.Node, Path, Container]] = [(node, (), root)]
    scalar, mapping, null = yaml.ScalarNode, yaml.MappingNode, _NULL_WORDS
    while stack:
        current, path, target = stack.pop()
        count += len(current.value)
        if count > MAX_NODES:
            raise SourceError(labels.ERR["too_many_nodes"].format(limit=MAX_NODES), current.start_mark.line + 1)
        is_mapping = isinstance(target, dict)
        # Mapping nodes hold (key node, value node) pairs; sequences are read as (index, item node).
        items: Iterable[tuple[Any, yaml.Node]] = current.value if is_mapping else enumerate(current.value)
        for key_node, value_node in items:
            if is_mapping:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, scalar):
                    raise SourceError(labels.ERR["bad_key"], line, path)
                key, chars = hygiene.clean(key_node.value) if escapes else (key_node.value, None)
                key = sys.intern(key)  # the same few dozen keys in every record: one copy each
                if not key_node.style and key in null:
                    raise SourceError(labels.ERR["bad_key"], line, path)
                if key in target:
                    raise SourceError(
                        labels.ERR["duplicate_key"].format(key=key, first=lines[path + (key,)]), line, path + (key,)
                    )
                child = _shared(path + (key,))
                lines[child] = line
                if chars:
                    hidden.append((key_node.start_mark.index, line, child, chars))
            else:
                child = _shared(path + (key_node,))  # key_node is the item's index here
                lines[child] = value_node.start_mark.line + 1
            value: Value
            if isinstance(value_node, scalar):
                raw = value_node.value
                if not value_node.style and raw in null:
                    value = None
                elif escapes:
                    value, chars = hygiene.clean(raw)
                    if chars:
                        hidden.append((value_node.start_mark.index, value_node.start_mark.line + 1, child, chars))
                else:
                    # Offices write the same wording again and again (a Waktu, an output, a citation,
                    # a role): one copy of each is a sixth of `sop check`'s memory at 10,000 SOPs.
                    value = sys.intern(raw)
            else:
                if len(child) >= MAX_DEPTH:
                    raise SourceError(labels.ERR["too_deep"].format(limit=MAX_DEPTH), value_node.start_mark.line + 1)
                value = {} if isinstance(value_node, mapping) else []
                stack.append((value_node, child, value))
            if isinstance(target, dict):
                target[key] = value
            else:
                target.append(value)
    hidden.sort(key=lambda h: h[0])
    return Source(root, lines, _hidden([h[1:] for h in hidden], []))


_PLACEHOLDER = re.compile(r"\[isi\b", re.IGNORECASE)


def parse(raw: bytes) -> Source:
    """Parse bytes of one YAML file; raise SourceError with a line on any problem."""
    text = read_text(raw)
    text, masked = hygiene.mask(text) if hygiene.may_hide(raw) else (text, [])
    source = _compose(text) if not masked and _fast_ok(text) else None
    if source is None:
        source = _parse_events(text, masked)
    source.placeholder = bool(_PLACEHOLDER.search(text))
    return source


def _parse_events(text: str, masked: list[tuple[int, str]]) -> Source:
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SourceError(
            labels.ERR["syntax"].format(problem=_syntax_problem(exc, text)),
            (mark.line + 1) if mark else 1,
        ) from None
    except yaml.YAMLError as exc:  # reader errors carry no mark (hidden characters are masked before this)
        raise SourceError(labels.ERR["syntax"].format(problem=_translate(str(exc)))) from None
    if not isinstance(builder.root, dict):
        raise SourceError(labels.ERR["not_mapping"], builder.lines.get((), 1))
    return Source(builder.root, builder.lines, _hidden(builder.hidden, masked))


def _hidden(scalars: list[tuple[int, Path, list[str]]], masked: list[tuple[int, str]]) -> list[Hidden]:
    """(line, path, character) for every hidden character: the line where it really stands
    (from the masked text), the field from the scalar that holds it. A character in a
    comment belongs to no field; one written as an escape has its scalar's first line."""
    out: list[Hidden] = []
    unclaimed = list(masked)
    for i, (start, path, chars) in enumerate(scalars):
        end = scalars[i + 1][0] if i + 1 < len(scalars) else float("inf")
        for ch in chars:
            hit = next((m for m in unclaimed if m[1] == ch and start <= m[0] <= end), None)
            if hit:
                unclaimed.remove(hit)
            out.append((hit[0] if hit else start, path, ch))
    out.extend((line, (), ch) for line, ch in unclaimed)
    return sorted(out, key=lambda h: h[0])


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or exc.context or "?"
    mark = exc.problem_mark
    # libyaml does not name the character it cannot read; a Tab is by far the usual one.
    lines = text.splitlines()
    if (
        mark is not None
        and "cannot start any token" in problem
        and mark.line < len(lines)
        and lines[mark.line][mark.column : mark.column + 1] == "\t"
    ):
        return labels.YAML_PROBLEMS["found character '\\t' that cannot start any token"]
    return _translate(problem)


def _translate(problem: str) -> str:
    for english, indonesian in labels.YAML_PROBLEMS.items():
        if english in problem:
            return indonesian
    return labels.YAML_PROBLEM_OTHER
