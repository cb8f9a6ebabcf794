"""The load-and-check core: one function that every user of the handbook goes through.

`sop check`, the exports, the MkDocs glue and the tests all call ``load``; it
imports nothing of MkDocs, so the data can be checked on a machine (or in a CI
step) that has no site tooling installed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import checks, review
from .findings import Finding
from .loader import Handbook, load_handbook


def load(root: Path, today: dt.date | None = None) -> tuple[Handbook, list[Finding]]:
    """The handbook under ``root`` and every finding about it, judged as of ``today``.

    Never raises on bad content: a file that cannot be read is a finding, and the rest still loads.
    """
    book = load_handbook(root)
    findings = sorted(book.findings + checks.run(book, today or review.reference_date()))
    return book, findings
