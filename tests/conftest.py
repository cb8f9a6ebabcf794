"""Shared fixtures: the project root, throwaway copies of it, and one built site."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import core

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).parent / "snapshots"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Reviews are judged from this day in every test, so findings do not change with the calendar.
REFERENCE_DATE = dt.date(2026, 11, 23)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOP_TANGGAL_ACUAN": REFERENCE_DATE.isoformat()}

# The embedded handbook, loaded once for every test module that parametrizes over it.
SEEDS, SEED_FINDINGS = core.load(ROOT, REFERENCE_DATE)

# What a project copy needs to build; node_modules is linked, not copied (5 MB bundle).
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "macros", "sop_data", "schema"]


def make_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "vendor"))
        else:
            shutil.copy(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh, writable copy of the project to break on purpose."""
    return make_project(tmp_path / "project")


def page_html(site_dir: Path, url: str) -> str:
    """The built HTML of the page at ``url`` (e.g. "regulasi" or "sop/<satker>/<slug>")."""
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        MKDOCS + ["build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir, env=ENV, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The handbook on the embedded SOPs, built once with --strict."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def sop(*args) -> subprocess.CompletedProcess:
    """Run the `sop` command as a maintainer would (python -m macros)."""
    return subprocess.run([sys.executable, "-m", "macros", *args], env=ENV, capture_output=True, text=True)


def assert_snapshot(name: str, actual: str) -> None:
    """Compare with tests/snapshots/<name>; SNAPSHOT_UPDATE=1 rewrites it (review the diff)."""
    path = SNAPSHOTS / name
    if os.environ.get("SNAPSHOT_UPDATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}; run with SNAPSHOT_UPDATE=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"
