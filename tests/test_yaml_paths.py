"""The two ways `yamlsource` reads a record give the same values, lines and findings.

Most records are read by libyaml's composer (the fast path); anything with anchors, tags or deep
nesting takes the event path, which is the reference. The fast path may decline a file (and hand
it to the event path), but whatever it returns must be exactly what the event path returns:
values, the line of every field, hidden characters, and the error of a file that is wrong.
Checked on every record of the project, the test fixtures, and records Hypothesis writes.
"""

from __future__ import annotations

import string

import pytest
import yaml
from conftest import ROOT
from fixture_sop import GOOD
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_loader_errors import VALID

from macros import hygiene, yamlsource


def read_both(text: str):
    """(fast, slow): each a Source or the SourceError it raised; fast is None where it declines."""

    def attempt(read):
        try:
            return read()
        except yamlsource.SourceError as exc:
            return exc

    masked_text, masked = hygiene.mask(text)
    # As `parse` decides: the fast path only for a file with nothing hidden and nothing it leaves out.
    fast = (
        attempt(lambda: yamlsource._compose(masked_text)) if not masked and yamlsource._fast_ok(masked_text) else None
    )
    slow = attempt(lambda: yamlsource._parse_events(masked_text, masked))
    return fast, slow


def outcome(result):
    if isinstance(result, yamlsource.SourceError):
        return ("error", result.message, result.line, tuple(result.path))
    return ("data", result.data, result.lines, result.hidden)


def assert_same(text: str) -> bool:
    """The fast path, where it reads the text at all, reads it as the event path does. Returns
    whether the fast path took it (so a test can see that it was exercised)."""
    fast, slow = read_both(text)
    if fast is None:
        return False
    assert outcome(fast) == outcome(slow), text
    return True


# Every record and registry of the handbook, and the import corpus's ground truths and layouts.
PROJECT_FILES = sorted([*(ROOT / "sop_data").rglob("*.yaml"), *(ROOT / "tests/korpus/dokumen").glob("*/*.yaml")])


@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_record_of_the_project_reads_the_same_both_ways(path):
    assert_same(path.read_text(encoding="utf-8"))


def test_most_records_of_the_project_take_the_fast_path():
    """(A record with '!' or '&' at a token's start, even inside quotes, is read by the event path.)"""
    taken = [assert_same(p.read_text(encoding="utf-8")) for p in PROJECT_FILES]
    assert sum(taken) >= len(taken) * 3 // 5, (sum(taken), len(taken))


def test_the_test_fixtures_read_the_same_both_ways():
    good = yaml.safe_dump(GOOD, allow_unicode=True, sort_keys=False)
    assert assert_same(VALID) and assert_same(good)
    assert_same(good.replace("\n  ", "\n   "))  # broken indentation: both paths, or the event path alone


# --- Records Hypothesis writes ---------------------------------------------------------------------

# Text as maintainers type it, and what trips YAML up: its own syntax, words it would read as
# something else, escapes, hidden characters, non-Latin letters.
TRICKY = [
    "no", "yes", "on", "off", "~", "null", "Null", "", " ", "1:30", "010", "2023-02-30", "3.0",
    "a: b", "- x", "# komentar", "'", '"', "\\", "\\u202e", "\u202e", "\u200b", "\t", "{a}", "[b]",
    "1. Satu\n2. Dua", "teks\n", "½ hari", "Nomor: 35/2012", "%", "@", "`", "|", ">",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(alphabet=string.ascii_letters + string.digits + " .,;:-/()'\"#\\", max_size=30),
    st.text(max_size=20),  # any character at all
)
KEY = st.one_of(
    st.sampled_from(["nomor", "nama", "kegiatan", "waktu", "no", "yes", "null", "~", "1", "a b", "ä"]),
    st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8),
)
VALUE = st.recursive(
    st.one_of(TEXT, st.none(), st.integers(-5, 2000), st.booleans()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEY, inner, max_size=4)),
    max_leaves=25,
)
RECORD = st.dictionaries(KEY, VALUE, min_size=1, max_size=6)
STYLE = st.sampled_from([None, '"', "'", "|", ">"])


@st.composite
def yaml_text(draw):
    """A record as YAML, in one of the styles editors and dumpers write; sometimes damaged."""
    text = yaml.safe_dump(
        draw(RECORD),
        default_style=draw(STYLE),
        default_flow_style=draw(st.booleans()),
        allow_unicode=draw(st.booleans()),
        width=draw(st.sampled_from([20, 80, 10_000])),
        indent=draw(st.sampled_from([2, 4])),
        sort_keys=False,
    )
    damage = draw(
        st.sampled_from(
            [
                None,
                "duplicate",  # a key written twice
                "second",  # a second document
                "tab",  # a tab where YAML wants spaces
                "colon",  # a stray "key: value: value"
                "cut",  # the file cut in the middle of a line
                "list",  # the top is a list, not a mapping
            ]
        )
    )
    lines = text.splitlines(keepends=True)
    if damage == "duplicate" and lines:
        text += lines[0] if not lines[0].startswith((" ", "-")) else ""
    elif damage == "second":
        text += "---\nnama: lagi\n"
    elif damage == "tab":
        text = text.replace("  ", "\t", 1)
    elif damage == "colon":
        text += "nama: a: b\n"
    elif damage == "cut" and len(text) > 4:
        text = text[: draw(st.integers(1, len(text) - 1))]
    elif damage == "list":
        text = "- " + text.replace("\n", "\n  ")
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_text())
@example("nama: 'null'\nnomor: null\nlain: ~\n")  # quoted null is text; bare null is no value
@example('nama: "\\u202e teks"\n')  # a hidden character written as an escape
@example("a:\n  b:\n    - 1\n    - [2, {c: d}]\n")
@example("nama: a\nnama: b\n")
@example("nama: *a\n")  # an alias with no anchor: libyaml stops, the event path names it
@example("nama: &a teks\nnomor: *a\n")  # an anchor: the event path
@example("catatan: \"tanda '*' dibaca\"\nnama: \"5*3 &\"\n")  # a star and an ampersand in text
@example('{nomor: ["\\x1F"], nama: "\\x1F"}\n')  # two hidden characters on one line: reported in file order
def test_generated_records_read_the_same_both_ways(text):
    assert_same(text)


def test_the_comparison_exercises_the_fast_path():
    """The property above means something only where the fast path takes the file: it does for
    plain records, duplicate keys and syntax errors, and leaves anchors to the event path."""
    assert assert_same(yaml.safe_dump({"a": "b", "c": [1, {"d": None}]}))
    assert assert_same(yaml.safe_dump({"nama": "x"}, default_style='"'))
    assert assert_same("a: b\na: c\n")  # the same duplicate-key error, line and field both ways
    assert not yamlsource._fast_ok("a: &x b\nc: *x\n")


# Text around the three indicators, in the places YAML allows a node property and the places it does not.
_AROUND = st.sampled_from(["", " ", "  ", "- ", ": ", "a: ", "a:", "[", "{", ",", "{a: ", "[x, ", "? ", "x", "PT", "5"])
_AFTER = st.sampled_from(["", " ", "a", "a 1", "x]", "x}", ",", "!str x", "1", " b", "\n  y"])


@given(st.lists(st.tuples(_AROUND, st.sampled_from("&*!"), _AFTER), min_size=1, max_size=4))
@settings(max_examples=600, deadline=None)
@example([("a: ", "&", "x 1")])
@example([("a: Sarana ", "&", " Prasarana")])
def test_the_fast_path_never_reads_text_with_an_anchor_alias_or_tag(parts):
    """libyaml's composer expands aliases and applies tags silently; the event path judges them. So
    whenever the scanner sees an anchor or a tag, the text must not take the fast path; and text
    with an alias never comes out of it (an alias without an anchor stops libyaml's composer)."""
    text = "\n".join(before + mark + after for before, mark, after in parts)
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return  # not YAML: the event path reports the error either way
    if any(isinstance(t, (yaml.AnchorToken, yaml.TagToken)) for t in tokens):
        assert not yamlsource._fast_ok(text), text
    elif any(isinstance(t, yaml.AliasToken) for t in tokens) and yamlsource._fast_ok(text):
        assert yamlsource._compose(text) is None, text


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("catatan: \"OCR 'disposisi *'; tanda '*' dibaca\"\n", True),  # as a seed's note writes it
        ("nama: *a\n", False),  # undefined alias: libyaml declines, the event path reports it
        ("a: &x [1]\nb: *x\n", False),  # anchor: the event path, which refuses it
        ("- &x a\n- *x\n", False),
    ],
)
def test_an_alias_reaches_the_event_path_through_its_anchor(text, fast):
    taken = assert_same(text)
    assert taken is fast
    if not fast:
        _, slow = read_both(text)
        assert isinstance(slow, yamlsource.SourceError) and slow.message == yamlsource.labels.ERR["alias"]


# Characters a record may hold: plain text, Indonesian typography, every hidden kind, and line ends.
_CHARS = st.one_of(
    st.sampled_from(sorted(hygiene.KIND) + ["\r", "\n", "\r\n", "\t", "–", "’", "é", "\u00a0", "👩", "·"]),
    st.characters(codec="utf-8"),
)


@given(st.lists(_CHARS, max_size=30).map("".join))
@settings(max_examples=1500, deadline=None)
@example("a\rb")
@example("Rp\u00a01.000 – 2.000")
@example("a\u2013\u200bb")
def test_the_byte_test_never_calls_a_text_with_a_hidden_character_clean(text):
    """`sop check` skips masking a file whose bytes may_hide clears; so it must clear only text in
    which mask finds nothing, and clear text without any hidden character (or it saves nothing)."""
    has_hidden = bool(hygiene.mask(text)[1]) or bool(hygiene._HIDDEN.search(text))
    assert hygiene.may_hide(text.encode("utf-8")) or not has_hidden
    if "\r" not in text and not any(ch in hygiene.KIND for ch in text):
        assert not hygiene.may_hide(text.encode("utf-8")), text


def test_no_record_of_the_project_needs_masking():
    records = sorted((ROOT / "sop_data").rglob("*.yaml"))
    assert records and not any(hygiene.may_hide(p.read_bytes()) for p in records)
