"""Consistency checks over the whole handbook.

Each check is a small function registered with a stable code and a level: an
``error`` stops the build, a ``warning`` is published with the SOP (in its
Catatan Pemeriksaan box). Defects of a source SOP are warnings, because the
handbook keeps what the source says; errors are for records that cannot be
published as they stand (a reference to nothing, a flow that cannot be drawn).

The docstrings are in Indonesian because the rules page publishes them: the
first line is the rule, the rest explains it to a maintainer or an auditor.
"""

# Importing a group registers its checks (the rules page orders groups by labels.CHECK_GROUPS).
from . import (  # noqa: F401
    dasar_hukum,
    dates,
    durations,
    flow,
    identity,
    isian,
    limits,
    monev,
    references,
    registry,
    reviews,
    roles,
    sop_ap,
)
from .base import CHECKS, Check, Context, check, run

__all__ = ["CHECKS", "Check", "Context", "check", "run"]
