"""Bad files never crash the checker: each gets a clear error naming it, in bounded time and memory,
and the SOP beside it is still checked.

Each case runs `sop check` in a child process under a 1 GB address-space limit and a
60 s timeout; a parser that expanded an alias bomb or recursed without bound would hit one.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest
from conftest import ENV, MKDOCS
from fixture_sop import GOOD, REL, registries_only, write

MEMORY_LIMIT = 1024**3
TIME_LIMIT = 60
BAD = "sop_data/kpu-kota-palu/rusak.yaml"


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


CASES = {
    "empty": (b"", "kosong"),
    "not-utf8": (b"nama: \xff\xfe\xfd\n", "UTF-8"),
    "list-at-top": (b"- a\n- b\n", "pemetaan"),
    "ten-megabytes": (b"nama: x\n# " + b"a" * (10 * 1024 * 1024) + b"\n", "terlalu besar"),
    "many-nodes": (b"catatan:\n" + b"- a\n" * 450_000, "terlalu banyak"),
    "nested-flow-100k-deep": (b"a: " + b"[" * 100_000 + b"]" * 100_000, "terlalu dalam"),
    "nested-block-1500-deep": ("".join(" " * i + "a:\n" for i in range(1500)).encode(), "terlalu dalam"),
    "alias-bomb": (_alias_bomb(), "alias"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_reported_and_the_rest_still_checked(tmp_path, name):
    content, needle = CASES[name]
    root = registries_only(tmp_path)
    write(root, REL, GOOD)
    (root / BAD).write_bytes(content)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "macros",
            "--root",
            str(root),
            "check",
            "--format",
            "json",
            "--tanggal-acuan",
            "2030-01-01",
        ],  # late enough that the good SOP is due for review: proof it was checked
        env=ENV,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limits,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 1
    found = json.loads(result.stdout)
    bad = [f for f in found if f["file"] == BAD]
    assert len(bad) == 1 and bad[0]["code"] == "BERKAS-001" and bad[0]["level"] == "error", bad
    assert needle in bad[0]["message"]
    good = [f for f in found if f["file"] == REL]
    assert [f["code"] for f in good] == ["MONEV-001", "REVIEW-001"]  # judged years after GOOD took effect


@pytest.mark.build
@pytest.mark.parametrize("name", ["alias-bomb", "nested-flow-100k-deep", "ten-megabytes"])
def test_bad_file_fails_the_build_with_its_name_not_a_traceback(project, tmp_path, name):
    content, needle = CASES[name]
    (project / BAD).write_bytes(content)
    result = subprocess.run(
        MKDOCS + ["build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limits,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{BAD}:" in output and "BERKAS-001 error" in output and needle in output
    assert "Traceback" not in output
