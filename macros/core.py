"""The load-and-check core: one function that every user of the handbook goes through.

`sop check`, the exports, the MkDocs glue and the tests all call ``load``; it
imports nothing of MkDocs, so the data can be checked on a machine (or in a CI
step) that has no site tooling installed.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from . import checks
from .findings import Finding, ordered
from .loader import Handbook, load_handbook


def load(
    root: Path, today: dt.date | None = None, only: set[str] | None = None, workers: int = 1
) -> tuple[Handbook, list[Finding]]:
    """The handbook under ``root`` and every finding about it, judged as of ``today``.

    ``only`` limits the SOPs to those files (see loader.load_handbook); the checks then judge them
    against the registries and each other, not against SOPs left out. ``workers`` > 1 lets the
    loading and the checks use a second process on a large handbook (`sop check`; see
    loader._read_all and checks.base.run).

    Never raises on bad content: a file that cannot be read is a finding, and the rest still loads.
    """
    # Loading makes millions of small objects that all stay alive; the cyclic collector would scan
    # them again and again as they accumulate (a third of the time at 10,000 SOPs). Nothing made
    # here is garbage until the handbook itself is, so the collector waits until the end.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        book = load_handbook(root, only, workers)
        findings = ordered(book.findings + checks.run(book, today or dt.date.today(), workers))
    finally:
        if was_enabled:
            gc.enable()
    return book, findings
