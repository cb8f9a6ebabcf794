"""Six-monthly review: due dates, the reference date, and who is listed as due."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys

import pytest
from conftest import ENV, ROOT
from fixture_sop import GOOD, REL, registries_only, write

from macros import core, review, settings
from macros.render import reports


@pytest.mark.parametrize(
    "day, due",
    [
        (dt.date(2024, 1, 20), dt.date(2024, 7, 20)),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),  # no 31 February: the month's last day
        (dt.date(2024, 9, 15), dt.date(2025, 3, 15)),  # across the year
    ],
)
def test_due_is_six_calendar_months_later(day, due):
    assert review.add_months(day, 6) == due


def test_the_reference_date_is_the_plugins_setting_which_ci_fills_from_its_variable(monkeypatch, tmp_path):
    """`sop check` judges as of the same day as the build: the sop plugin's reference_date in mkdocs.yml."""
    monkeypatch.setenv("SOP_TANGGAL_ACUAN", "2025-02-03")
    assert settings.read(ROOT).reference_date == dt.date(2025, 2, 3)
    monkeypatch.delenv("SOP_TANGGAL_ACUAN")
    assert settings.read(ROOT).reference_date is None and settings.read(ROOT).today() == dt.date.today()
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - sop:\n      reference_date: 2024-01-01\n", encoding="utf-8")
    assert settings.read(tmp_path).reference_date == dt.date(2024, 1, 1)
    assert settings.read(tmp_path / "tidak-ada").reference_date is None  # no mkdocs.yml: today
    with pytest.raises(settings.SettingError, match="bukan tanggal acuan"):
        settings.reference_date("1 Januari 2024")


def test_sop_check_takes_its_reference_date_from_the_flag_then_mkdocs_yml(tmp_path):
    root = registries_only(tmp_path)
    write(root, REL, GOOD)  # effective 2024-01-20: due 2024-07-20
    (root / "mkdocs.yml").write_text("plugins:\n  - sop:\n      reference_date: 2024-03-01\n", encoding="utf-8")
    env = {k: v for k, v in ENV.items() if k != "SOP_TANGGAL_ACUAN"}

    def run(*args):
        command = [sys.executable, "-m", "macros", "--root", str(root), "check", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True)

    assert "REVIEW-001" not in run().stdout  # judged on 2024-03-01, from mkdocs.yml
    assert "REVIEW-001" in run("--tanggal-acuan", "2025-03-01").stdout
    bad = run("--tanggal-acuan", "kemarin")
    assert bad.returncode != 0 and "bukan tanggal acuan" in bad.stderr and "Traceback" not in bad.stderr


def test_review_page_lists_overdue_and_due_soon_but_not_recently_reviewed(tmp_path):
    root = registries_only(tmp_path)
    reviewed = copy.deepcopy(GOOD) | {"nomor": "8/ORT.06/7271/2024", "peninjauan": [{"tanggal": "2024-10-01"}]}
    soon = copy.deepcopy(GOOD) | {"nomor": "9/ORT.06/7271/2024", "peninjauan": [{"tanggal": "2024-06-20"}]}
    write(root, REL, GOOD)  # effective 2024-01-20: due 2024-07-20, overdue on 2024-12-01
    write(root, "sop_data/kpu-kota-palu/ditinjau.yaml", reviewed)  # due 2025-04-01
    write(root, "sop_data/kpu-kota-palu/segera.yaml", soon)  # due 2024-12-20: within 30 days
    book, _ = core.load(root, dt.date(2024, 12, 1))
    rows, not_due = reports.review_rows(book, dt.date(2024, 12, 1))
    assert [(r.record.id, r.status.overdue, r.status.days) for r in rows] == [
        ("kpu-kota-palu/contoh", True, 134),
        ("kpu-kota-palu/segera", False, -19),
    ]
    assert not_due == 1
