"""Each file in sop_data/ is its own test case: it loads, validates and passes the error checks."""

from __future__ import annotations

import pytest
from conftest import ROOT
from conftest import SEED_FINDINGS as FINDINGS
from conftest import SEEDS as BOOK

from macros.loader import DATA_DIR

FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / DATA_DIR).rglob("*.yaml"))


def test_there_are_five_seed_sops_at_least():
    assert len(BOOK.sops) >= 5


@pytest.mark.parametrize("path", FILES, ids=FILES)
def test_file_loads_without_errors(path):
    errors = [f.format() for f in FINDINGS if f.file == path and f.level == "error"]
    assert errors == []
    loaded = {r.path for r in BOOK.sops.values()} | {
        BOOK.satker.path,
        BOOK.regulasi.path,
        BOOK.jabatan.path,
        BOOK.istilah.path,
    }
    assert path in loaded


@pytest.mark.parametrize("path", [f for f in FILES if f.count("/") == 2], ids=lambda p: p)
def test_sop_file_starts_with_schema_modeline(path):
    first = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/sop.schema.json"
