"""Hidden characters in a maintainer's text: found, named, and kept off the site.

Text pasted from Word or a PDF can carry characters nobody sees: a
right-to-left override makes a name read differently from what it is, a line
separator breaks a line where the file has none (and shifts every line number
PyYAML reports), a zero-width space splits a word so search misses it.

* ``ERROR`` kinds (control characters, direction overrides and isolates,
  line/paragraph separators) change how a text reads or where it breaks: the
  build stops until the maintainer removes them.
* ``WARNING`` kinds (zero-width and other invisible characters) change nothing
  a reader sees but the words themselves: they are reported and left out of
  the published record.

Before parsing, each of these characters is replaced by a private-use stand-in
so that PyYAML neither rejects the file nor counts a separator as a new line;
the reader puts the character back (or leaves an invisible one out) value by
value, so every finding names its field and its real line.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .findings import Level

ERROR: Final = "error"
WARNING: Final = "warning"

_C0 = {chr(c) for c in range(0x20)} - {"\t", "\n", "\r"}
_C1 = {chr(c) for c in range(0x80, 0xA0)}
CONTROL = _C0 | _C1 | {"\x7f", "\ufffe", "\uffff"}
BIDI = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
SEPARATOR = {"\u2028", "\u2029"}
INVISIBLE = {
    "\u00ad",
    "\u180e",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
}

KIND = {
    **{c: "kendali" for c in CONTROL},
    **{c: "arah" for c in BIDI},
    **{c: "pemisah" for c in SEPARATOR},
    **{c: "tak_terlihat" for c in INVISIBLE},
}
LEVEL: dict[str, Level] = {"kendali": ERROR, "arah": ERROR, "pemisah": ERROR, "tak_terlihat": WARNING}

# unicodedata has no names for control characters; these are their Unicode aliases.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}

ZWJ: Final = "\u200d"
# Pictographs an emoji sequence is made of (Unicode's Extended_Pictographic, approximately: Python's
# unicodedata does not carry the property), and what may follow one inside the sequence: variation
# selectors and skin-tone modifiers.
_PICTOGRAPHIC = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF), (0x2190, 0x21FF))
_EMOJI_TAIL = {"\ufe0e", "\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}


def _pictographic(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _PICTOGRAPHIC) or ch in "\u00a9\u00ae\u203c\u2049\u2122\u2139"


def joins_emoji(text: str, i: int) -> bool:
    """A zero-width joiner at ``text[i]`` between two pictographs (👩‍💻) is part of one emoji, not hidden text."""
    j = i - 1
    while j >= 0 and text[j] in _EMOJI_TAIL:
        j -= 1
    return j >= 0 and i + 1 < len(text) and _pictographic(text[j]) and _pictographic(text[i + 1])


# Stand-ins live in Supplementary Private Use Area-A: printable to PyYAML, never in an SOP's text.
_STAND_IN = 0xF0000


def describe(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a finding names a character nobody can see."""
    code = ord(ch)
    name = unicodedata.name(ch, None) or _CONTROL_NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def level(ch: str) -> Level:
    return LEVEL[kind_of(ch)]


def _hidden_class() -> re.Pattern[str]:
    # Any hidden character, or a carriage return not followed by a line feed.
    chars = "".join(re.escape(ch) for ch in KIND if ch != "\r")
    return re.compile(f"[{chars}]|\r(?!\n)")


_HIDDEN = _hidden_class()


# For may_hide: each UTF-8 lead byte that starts a hidden character, with the encodings it starts;
# every other byte, a lone carriage return's aside, is one no hidden character is made of.
_BY_LEAD: dict[int, tuple[bytes, ...]] = {}
for _ch in sorted(KIND):
    if ord(_ch) >= 0x80:
        _code = _ch.encode("utf-8")
        _BY_LEAD[_code[0]] = (*_BY_LEAD.get(_code[0], ()), _code)
# Bytes from 0x80 are parts of longer encodings (only leads matter); "\r" is suspect when alone.
_UNSUSPECT = bytes(b for b in range(256) if b not in _BY_LEAD and not (b < 0x80 and (chr(b) in KIND or b == 0x0D)))


def may_hide(raw: bytes) -> bool:
    """Whether the UTF-8 bytes of a file may hold a hidden character; False only when they cannot.

    ``mask`` searches the decoded text with a pattern, at a tenth of a millisecond a record; most
    files need no search at all, and byte tests tell so in a hundredth of that. Deleting every
    innocent byte leaves the few that could begin a hidden character; each is then looked up by
    the whole encodings it begins.
    """
    left = raw.translate(None, _UNSUSPECT)
    for lead in set(left):
        if lead == 0x0D:
            if raw.count(b"\r") != raw.count(b"\r\n"):
                return True
        elif lead not in _BY_LEAD or any(code in raw for code in _BY_LEAD[lead]):
            return True
    return False


def mask(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Replace each hidden character by its stand-in; return the text and (line, character) of each.

    Lines are counted by "\\n" only, as an editor shows them. A lone carriage return is
    a line break to YAML but not to an editor, so it is masked as well.
    """
    if not _HIDDEN.search(text):
        return text, []  # the usual file: nothing to mask
    out: list[str] = []
    found: list[tuple[int, str]] = []
    line = 1
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n":
            line += 1
        elif (ch in KIND and not (ch == ZWJ and joins_emoji(text, i))) or (
            ch == "\r" and (i + 1 == n or text[i + 1] != "\n")
        ):
            found.append((line, ch))
            out.append(chr(_STAND_IN + ord(ch)))
            continue
        out.append(ch)
    return "".join(out), found


def clean(value: str) -> tuple[str, list[str]]:
    """A scalar as read: stand-ins turned back into their characters, invisible characters left out.

    Returns the value and every hidden character in it (also those written as escapes,
    such as "\\u202e" inside double quotes, which ``mask`` cannot see).
    """
    if value.isascii() and value.isprintable():
        return value, []
    chars: list[str] = []
    out: list[str] = []
    for i, ch in enumerate(value):
        code = ord(ch)
        if _STAND_IN <= code < _STAND_IN + 0x10000 and _masked(chr(code - _STAND_IN)):
            # A stand-in mask() wrote; any other character of that private-use plane is the text's own.
            ch = chr(code - _STAND_IN)
        if ch == ZWJ and joins_emoji(value, i):
            out.append(ch)
            continue
        if ch in KIND or ch == "\r":
            chars.append(ch)
            if level(ch) == WARNING:
                continue
        out.append(ch)
    return "".join(out), chars


def _masked(ch: str) -> bool:
    return ch in KIND or ch == "\r"


def kind_of(ch: str) -> str:
    return KIND.get(ch, "pemisah")  # a lone carriage return breaks a line like a separator
