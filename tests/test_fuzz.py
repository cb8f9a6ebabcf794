"""Fuzzing `sop check` and the build with records Hypothesis writes.

Two kinds of file: a valid SOP whose every text is random (letters of several scripts, markup of
every stage the text passes: HTML, Markdown, Jinja, Mermaid, YAML), and a valid file corrupted at
random (a line dropped, repeated or cut, characters inserted, indentation shifted). Whatever the
file, `sop check` never raises, and every finding names a file, a line and a message. A tiny
handbook of random valid SOPs builds, and no text of them arrives in the page as markup.

`make test` runs a few hundred examples; `make fuzz` (SOP_FUZZ=3000) thousands.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import build, make_project
from fixture_sop import GOOD, REL, TODAY, registries_only, write
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from macros import core, hygiene

EXAMPLES = int(os.environ.get("SOP_FUZZ", "250"))
BUILDS = max(2, EXAMPLES // 100)
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of every syntax the text crosses on its way to the page. Each carries "fz" so a test can
# find whether any was read as syntax: a live tag <fzt>, Markdown bold <strong>fzb, Jinja's output
# of {{ "FZ" ~ 7*7 }} ("FZ49": upper case, so no heading's slug can spell it), and so on.
MARKUP = [
    "<fzt>",
    "</td></tr><fzt onclick=x>",
    "**fzb**",
    "`fzc`",
    "[fzl](http://contoh.invalid)",
    '{{ "FZ" ~ 7*7 }}',
    "{% raw %}",
    "{#",
    "-->",
    "end",
    "%%{init: {}}%%",
    'A["fz"]',
    "#fz;",
    "&amp;",
    "&#60;fzt&#62;",
    ": ",
    "- ",
    "# ",
    "'",
    '"',
    "\\",
    "|",
    "\n",
    "\t",
    "👩\u200d💻",
    "é",
    "ب",
    "中",
]
# A text with something visible in it: one of only hidden characters is empty once they are left
# out, and an empty Kegiatan is the schema's error ("tidak boleh kosong"), as it should be.
TEXT = (
    st.lists(st.one_of(st.sampled_from(MARKUP), st.text(min_size=1, max_size=12)), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: hygiene.clean(t)[0].strip() != "")
)
# Text a record may hold without an error of its own: no control, format, private-use or separator
# characters, and none the loader's hygiene names (U+FFFE is unassigned, not a control, yet hidden
# text all the same, tested above), so the build goes through.
PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda t: not hygiene.clean(t)[1])
CLEAN_TEXT = st.lists(st.one_of(st.sampled_from(MARKUP), PRINTABLE), min_size=1, max_size=8).map("".join)
# What a page may never hold if the text stayed text.
LIVE = re.compile(r"<fzt|<strong>fzb|<code>fzc|href=\"http://contoh\.invalid|FZ49")


@st.composite
def random_sop(draw, text: st.SearchStrategy[str] = TEXT) -> dict:
    """GOOD with every text a maintainer writes replaced by random text; structure kept."""
    TEXT = text  # noqa: N806 (the module's strategy, or the one asked for)
    sop = copy.deepcopy(GOOD)
    sop["nama"] = draw(TEXT)
    for key in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
        sop[key] = draw(st.lists(TEXT, min_size=0, max_size=3))
    sop["dasar_hukum"][0]["teks"] = draw(TEXT)
    sop["keterkaitan"][0]["teks"] = draw(TEXT)
    for lane in sop["pelaksana"]:
        lane["nama"] = draw(TEXT)
    for step in sop["langkah"]:
        step["kegiatan"] = draw(TEXT)
        for key in ("kelengkapan", "output", "waktu"):
            step["mutu_baku"][key] = draw(TEXT)
        if draw(st.booleans()):
            step["keterangan"] = draw(TEXT)
    for branch, word in zip(sop["langkah"][2]["cabang"], ("Ya", "Tidak"), strict=True):
        branch["label"] = f"{draw(TEXT)} {word}"  # two branches may not share a label (FLOW-004)
    return sop


def corrupt(text: str, data: st.DataObject) -> str:
    """One to three random edits of a valid file's text."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(["drop", "repeat", "cut", "insert", "indent", "dedent"]))
        if edit == "drop" and len(lines) > 1:
            del lines[i]
        elif edit == "repeat":
            lines.insert(i, lines[i])
        elif edit == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        elif edit == "insert":
            at = data.draw(st.integers(0, len(lines[i])))
            lines[i] = (
                lines[i][:at]
                + data.draw(st.sampled_from(MARKUP + ["\x07", "\u202e", ":", "[", "{", "&a", "*b", "!t"]))
                + lines[i][at:]
            )
        elif edit == "indent":
            lines[i] = "  " + lines[i]
        elif edit == "dedent":
            lines[i] = lines[i][2:]
    return "\n".join(lines)


def assert_named(findings) -> None:
    for f in findings:
        assert f.file and f.line >= 1 and f.message and f.code, f
        assert "Traceback" not in f.message


@pytest.fixture(scope="module")
def registries(tmp_path_factory) -> Path:
    return registries_only(tmp_path_factory.mktemp("fuzz"))


def _check(root: Path, text: str) -> list:
    (root / REL).parent.mkdir(parents=True, exist_ok=True)
    (root / REL).write_text(text, encoding="utf-8")
    _, findings = core.load(root, TODAY, {REL})
    return findings


@FAST
@given(sop=random_sop())
def test_random_text_in_a_valid_record_is_checked_without_a_traceback(registries, sop):
    findings = _check(registries, yaml.safe_dump(sop, allow_unicode=True, sort_keys=False))
    assert_named(findings)
    # Random text never makes a record unloadable: no schema or file error, whatever it says.
    assert not [f for f in findings if f.code.startswith(("SKEMA", "BERKAS", "YAML"))], [f.format() for f in findings]


@FAST
@given(data=st.data())
def test_a_corrupted_record_is_an_error_with_a_file_and_a_line_never_a_traceback(registries, data):
    text = yaml.safe_dump(GOOD, allow_unicode=True, sort_keys=False)
    findings = _check(registries, corrupt(text, data))
    assert_named(findings)


@pytest.mark.build
# No shrinking: each example is a build of seconds; the failing handbook is printed as it was.
@settings(max_examples=BUILDS, deadline=None, suppress_health_check=list(HealthCheck), phases=[Phase.generate])
@given(sops=st.lists(random_sop(CLEAN_TEXT), min_size=3, max_size=3))
def test_a_handbook_of_random_records_builds_and_keeps_every_text_as_text(tmp_path_factory, sops):
    root = make_project(tmp_path_factory.mktemp("fuzzbuild") / "project")
    shutil.rmtree(root / "sop_data" / "kpu-kota-palu")
    for sop_dir in (root / "sop_data").iterdir():
        if sop_dir.is_dir():
            shutil.rmtree(sop_dir)
    for n, sop in enumerate(sops, 1):
        sop = dict(sop, nomor=f"{n}/FUZZ/2024", dokumen_sumber=None)
        sop.pop("dokumen_sumber")
        write(root, f"sop_data/kpu-kota-palu/acak-{n}.yaml", sop)
    result = build(root, root / "site", SOP_TANGGAL_ACUAN=dt.date(2024, 3, 1).isoformat())
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    for page in (root / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not LIVE.search(html), (page.name, LIVE.search(html))
