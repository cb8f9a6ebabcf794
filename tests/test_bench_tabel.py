"""The summary `make bench` prints: goals beside figures, and nothing called met that was not measured."""

from __future__ import annotations

import importlib
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture
def bench(monkeypatch, tmp_path):
    monkeypatch.setenv("SOP_BENCH_HASIL", str(tmp_path))
    import hasil
    import tabel

    importlib.reload(hasil)
    return hasil, importlib.reload(tabel)


def _row(table: str, start: str) -> list[str]:
    (line,) = [ln for ln in table.splitlines() if ln.startswith(f"| {start}")]
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_benchmark_not_run_is_not_measured_never_met(bench):
    _, tabel = bench
    table = tabel.table("benih")
    row = _row(table, "`sop check`, 10,000 files")
    assert row[1] == "not measured" and row[3] == "—"
    assert "yes" not in table and "**NO**" not in table


def test_each_goal_is_judged_from_the_kept_figures(bench):
    hasil, tabel = bench
    hasil.keep("check-10000", "benih", seconds=9.4, peak_mb=512.0, files=10_005)
    hasil.keep(
        "build-1000",
        "benih",
        handbook={"wall": 30.0, "rss_mb": 600.0},
        bare={"wall": 25.0, "rss_mb": 500.0},
    )
    table = tabel.table("benih")
    assert _row(table, "`sop check`, 10,000 files: time")[1:] == ["9.4 s", "≤ 10 s", "yes"]
    assert _row(table, "`sop check`, 10,000 files: memory")[1:] == ["512 MB", "≤ 500 MB", "**NO**"]
    assert _row(table, "build, 1,000 SOPs, handbook vs bare Material on the same pages: time")[3] == "**NO**"
    assert _row(table, "build, 1,000 SOPs, handbook vs bare Material on the same pages: memory")[1].startswith("1.20×")
    # Light records keep their own figures: these say nothing about them.
    assert _row(tabel.table("ringan"), "`sop check`, 10,000 files")[1] == "not measured"
