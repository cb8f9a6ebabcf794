"""Review: SOP AP monitoring every six months."""

from __future__ import annotations

from collections.abc import Iterator

from .. import labels, review
from ..loader import SopRecord
from .base import Context, Item, _at, check


@check("REVIEW-001", "warning")
def reviewed_within_six_months(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """SOP ditinjau paling lambat enam bulan sejak peninjauan terakhir, atau sejak tanggal efektif bila belum pernah ditinjau.

    Pemantauan SOP AP dilakukan setiap enam bulan. Catat peninjauan di `peninjauan` pada berkas SOP.
    """
    sop = record.data
    st = review.status(sop, ctx.today)
    if not st.overdue:
        return
    if st.since is None or st.due is None:  # no review and no effective date (basis None)
        yield (
            *_at(record, "tanggal"),
            "belum pernah ditinjau dan tanggal efektif tidak tercetak, sehingga jatuh tempo peninjauan tidak "
            "dapat dihitung; tinjau SOP ini dan catat di 'peninjauan'",
        )
    elif st.basis == "peninjauan":
        yield (
            *_at(record, "peninjauan"),
            f"peninjauan terakhir {labels.tanggal(st.since)}; seharusnya ditinjau lagi paling lambat "
            f"{labels.tanggal(st.due)} (terlambat {st.days} hari)",
        )
    else:
        yield (
            *_at(record, "tanggal", "efektif"),
            f"belum pernah ditinjau sejak efektif {labels.tanggal(st.since)}; seharusnya ditinjau paling lambat "
            f"{labels.tanggal(st.due)} (terlambat {st.days} hari)",
        )
