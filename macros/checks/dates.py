"""Dates: in order, not in the future, and the same on the signing sheet as in the identity box."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import labels
from ..findings import DataPath
from ..loader import SopRecord
from .base import Context, Item, _at, check

_DATE_ORDER = ("pembuatan", "pengesahan", "efektif")


@check("DATE-001", "warning")
def dates_in_order(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tanggal pembuatan ≤ tanggal pengesahan ≤ tanggal efektif.

    SOP disusun, lalu disahkan, lalu mulai berlaku.
    """
    t = record.data.tanggal
    present = [(name, getattr(t, name)) for name in _DATE_ORDER if getattr(t, name)]
    for (a, da), (b, db) in zip(present, present[1:], strict=False):
        if da > db:
            yield (
                *_at(record, "tanggal", b),
                f"tanggal {b} ({labels.tanggal(db)}) lebih awal dari tanggal {a} ({labels.tanggal(da)})",
            )


@check("DATE-002", "warning")
def revision_after_creation(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tanggal revisi tidak lebih awal dari tanggal pembuatan."""
    t = record.data.tanggal
    if t.revisi and t.pembuatan and t.revisi < t.pembuatan:
        yield (
            *_at(record, "tanggal", "revisi"),
            f"tanggal revisi ({labels.tanggal(t.revisi)}) lebih awal dari tanggal pembuatan ({labels.tanggal(t.pembuatan)})",
        )


@check("DATE-003", "warning")
def dates_not_in_future(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tidak ada tanggal yang jatuh setelah tanggal acuan pemeriksaan (hari ini).

    Tanggal di masa depan biasanya salah ketik tahun. Tanggal acuan dapat diatur dengan SOP_TANGGAL_ACUAN.
    """
    sop = record.data
    dates: list[tuple[DataPath, dt.date | None]] = [
        (("tanggal", name), getattr(sop.tanggal, name)) for name in ("pembuatan", "revisi", "efektif", "pengesahan")
    ]
    if sop.lembar_pengesahan:
        dates.append((("lembar_pengesahan", "tanggal"), sop.lembar_pengesahan.tanggal))
    dates += [(("peninjauan", i, "tanggal"), r.tanggal) for i, r in enumerate(sop.peninjauan)]
    for path, day in dates:
        if day and day > ctx.today:
            yield (
                *_at(record, *path),
                f"tanggal {labels.tanggal(day)} jatuh setelah tanggal acuan {labels.tanggal(ctx.today)}",
            )


@check("DATE-004", "warning")
def signing_dates_agree(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Tanggal pada Lembar Pengesahan sama dengan tanggal pengesahan di kotak identitas."""
    sop = record.data
    lp = sop.lembar_pengesahan
    if lp and lp.tanggal and sop.tanggal.pengesahan and lp.tanggal != sop.tanggal.pengesahan:
        yield (
            *_at(record, "lembar_pengesahan", "tanggal"),
            f"Lembar Pengesahan bertanggal {labels.tanggal(lp.tanggal)}, kotak identitas "
            f"{labels.tanggal(sop.tanggal.pengesahan)}",
        )
