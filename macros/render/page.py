"""Pages of the handbook as Markdown with HTML blocks. Pure: records in, text out.

``base`` is the relative URL from the page being rendered to the site root
(e.g. ``../../../``), so links work under any host path and offline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .. import labels, review, waktu
from ..loader import Handbook, SopRecord
from ..model import Sop, TidakDiketahui
from ..flow import edges
from . import legal, reports
from .mermaid import diagram
from .templating import render


def sop_url(sop_id: str) -> str:
    return f"sop/{sop_id}/"


def satker_url(satker_id: str) -> str:
    return f"satker/{satker_id}/"


@dataclass(frozen=True)
class TimeTotal:
    minutes: int
    parts: list
    unparsed: list  # step numbers whose Waktu was not read as a duration
    stated: str | None


def total_time(sop: Sop) -> TimeTotal:
    minutes, unparsed = 0, []
    for step in sop.langkah:
        value = waktu.parse(step.mutu_baku.waktu)
        if value is None:
            unparsed.append(step.no)
        else:
            minutes += value
    return TimeTotal(minutes, waktu.split(minutes), unparsed, sop.waktu_total_tercetak)


def _next_steps(sop: Sop) -> dict:
    out: dict = {}
    for e in edges(sop):
        out.setdefault(e.source, []).append(e)
    return out


def step_table(sop: Sop) -> str:
    """The Uraian Prosedur table: No, Kegiatan, Pelaksana, Mutu Baku (3 columns), Keterangan."""
    lanes = {lane.id: lane.nama for lane in sop.pelaksana}
    return render("html", "steps.html.j2", sop=sop, lanes=lanes, next_steps=_next_steps(sop),
                  unknown=TidakDiketahui)


def sop_page(record: SopRecord, book: Handbook, base: str, findings=(), today: dt.date | None = None) -> str:
    """One SOP's page; ``findings`` are this SOP's, ``today`` the day its review is judged from."""
    sop = record.data
    findings = list(findings)
    return render(
        "html",
        "sop.md.j2",
        sop=sop,
        record=record,
        satker=book.satker_map.get(record.satker),
        satker_href=base + satker_url(record.satker),
        regulasi=book.regulasi_map,
        reg_views={reg_id: legal.reg_view(book, reg_id, base)
                   for item in sop.dasar_hukum for reg_id in item.regulasi if reg_id in book.regulasi_map},
        sops=book.sops,
        base=base,
        steps=Markup(step_table(sop)),
        flowchart=Markup(diagram(sop)),
        total=total_time(sop),
        rules=labels.TIME["rules"].format(
            hours_per_day=waktu.HOURS_PER_DAY,
            days_per_week=waktu.DAYS_PER_WEEK,
            days_per_month=waktu.DAYS_PER_MONTH,
        ),
        unknown=TidakDiketahui,
        sop_url=sop_url,
        findings=Markup(reports.findings_table(findings, base)) if findings else None,
        finding_count=len(findings),
        review=review.status(sop, today or dt.date.today()),
    )


def _rows(book: Handbook, records, base: str, findings_by_file=None):
    findings_by_file = findings_by_file or {}
    rows = []
    for rec in records:
        satker = book.satker_map.get(rec.satker)
        rows.append(dict(
            href=base + sop_url(rec.id),
            nomor=rec.data.nomor,
            nama=rec.data.nama,
            satker=satker.nama if satker else rec.satker,
            satker_href=base + satker_url(rec.satker),
            efektif=rec.data.tanggal.efektif,
            langkah=len(rec.data.langkah),
            temuan=len(findings_by_file.get(rec.path, [])),
        ))
    return rows


def _order(records):
    return sorted(records, key=lambda r: (r.satker, r.data.nama.casefold(), r.id))


def home(book: Handbook, base: str, findings_by_file=None) -> str:
    """Every SOP of the handbook: Nomor, Nama, Satker, Tanggal Efektif, and how many findings it has."""
    rows = _rows(book, _order(book.sops.values()), base, findings_by_file)
    return render("html", "sop_list.html.j2", rows=rows, show_satker=True)


def satker_page(book: Handbook, satker_id: str, base: str, findings_by_file=None) -> str:
    satker = book.satker_map[satker_id]
    records = _order(r for r in book.sops.values() if r.satker == satker_id)
    table = render("html", "sop_list.html.j2", rows=_rows(book, records, base, findings_by_file), show_satker=False)
    return render("html", "satker.md.j2", satker=satker, table=Markup(table), count=len(records))
