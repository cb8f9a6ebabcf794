"""The maintainer's quick loop: `sop check FILE` and `make pratinjau SOP=...` (one SOP in the site)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ENV, MKDOCS, ROOT, make_project, page_file

PALU = "kpu-kota-palu/penyusunan-laporan-kinerja"


def test_sop_check_on_one_file_reports_that_file_only():
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", f"sop_data/{PALU}.yaml"],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    files = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert files == {f"sop_data/{PALU}.yaml"}
    assert "JAB-003" not in result.stdout and "IST-001" not in result.stdout  # "unused" means nothing here


def test_sop_check_on_a_broken_file_fails_with_its_line(tmp_path):
    root = make_project(tmp_path / "p")
    path = root / "sop_data" / f"{PALU}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pelaksana: [sekretaris]", "pelaksana: [kepala]", 1))
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(root), "check", str(path)],
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"sop_data/{PALU}.yaml:" in result.stdout and "REF-002 error" in result.stdout


@pytest.mark.build
def test_preview_builds_the_one_sop_with_the_registries(tmp_path):
    root = make_project(tmp_path / "p")
    site = tmp_path / "site"
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        env={**ENV, "SOP_PRATINJAU": PALU},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert page_file(site, f"sop/{PALU}").is_file()
    assert sorted(p.relative_to(site / "sop").as_posix() for p in (site / "sop").rglob("*.html")) == [f"{PALU}.html"]
    assert page_file(site, "regulasi/pkpu-4-2021").is_file()  # the registries are whole


@pytest.mark.build
def test_preview_of_a_missing_sop_says_so(tmp_path):
    root = make_project(tmp_path / "p")
    result = subprocess.run(
        [*MKDOCS, "build", "--site-dir", str(tmp_path / "site")],
        cwd=root,
        env={**ENV, "SOP_PRATINJAU": "kpu-kota-palu/tidak-ada"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "SOP=kpu-kota-palu/tidak-ada" in result.stderr and "Traceback" not in result.stderr
