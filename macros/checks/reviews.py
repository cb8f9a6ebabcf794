"""Review: SOP AP monitoring every six months."""

from __future__ import annotations

from collections.abc import Iterator

from .. import labels, monev
from ..loader import SopRecord
from .base import Context, Item, _at, check


@check("REVIEW-001", "warning")
def reviewed_within_six_months(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """SOP dimonitor paling lambat enam bulan sejak monitoring terakhir, atau sejak tanggal efektif bila belum pernah dimonitor.

    Monitoring SOP AP dilakukan setiap enam bulan (PermenPAN-RB 35/2012, Tabel 7). Catat hasilnya di
    sop_data/<satker>/monev/<tahun>.yaml (`sop pantau` menuliskan kerangkanya); peninjauan yang dicatat di
    `peninjauan` pada berkas SOP juga dihitung.
    """
    st = monev.review_status(ctx.book, record, ctx.today)
    if not st.overdue:
        return
    if st.since is None or st.due is None:  # no review and no effective date (basis None)
        yield (
            *_at(record, "tanggal"),
            "belum pernah dimonitor dan tanggal efektif tidak tercetak, sehingga jatuh tempo monitoring tidak "
            "dapat dihitung; monitor SOP ini dan catat hasilnya di catatan monev satkernya (`sop pantau`)",
        )
    elif (row := monev.of(ctx.book, record).last_monitoring) is not None and row.tanggal == st.since:
        yield (
            row.record.path,
            row.record.line_of("monitoring", row.m, "tanggal"),
            ("monitoring", row.m, "tanggal"),
            f"monitoring terakhir SOP '{row.hasil.sop}' {labels.tanggal(st.since)} ({row.period.label}); seharusnya "
            f"dimonitor lagi paling lambat {labels.tanggal(st.due)} (terlambat {st.days} hari)",
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
            f"belum pernah dimonitor sejak efektif {labels.tanggal(st.since)}; seharusnya dimonitor paling lambat "
            f"{labels.tanggal(st.due)} (terlambat {st.days} hari)",
        )
