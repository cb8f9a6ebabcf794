"""Six-monthly review: due dates, the reference date, and who is listed as due."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from fixture_sop import GOOD, REL, registries_only, write

from macros import core, review
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


def test_reference_date_comes_from_the_argument_then_the_environment(monkeypatch):
    monkeypatch.setenv(review.ENV_VAR, "2025-02-03")
    assert review.reference_date() == dt.date(2025, 2, 3)
    assert review.reference_date("2024-01-01") == dt.date(2024, 1, 1)
    monkeypatch.delenv(review.ENV_VAR)
    assert review.reference_date() == dt.date.today()
    with pytest.raises(review.BadReferenceDate):
        review.reference_date("1 Januari 2024")


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
