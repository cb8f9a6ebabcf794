"""Pages of the handbook as Markdown with HTML blocks. Pure: records in, text out.

``link`` (see ``urls``) turns a page's source path into an href from the page
being rendered; nothing here computes a URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from .. import glossary, labels, monev, urls, waktu
from ..findings import Finding
from ..flow import Edge, edges
from ..loader import Handbook, SopRecord, in_order
from ..model import Sop, TidakDiketahui
from ..urls import Link
from . import form, legal, reports
from . import monev as monev_view
from .mermaid import Part, diagrams, step_line
from .templating import render
from .text import html_text, place


def _next_steps(sop: Sop) -> dict[int, list[Edge]]:
    out: dict[int, list[Edge]] = {}
    for e in edges(sop):
        out.setdefault(e.source, []).append(e)
    return out


T = TypeVar("T")


def _plain(value: T) -> T:
    return value


def step_table(
    sop: Sop, parts: list[Part] | None = None, abbr: Callable[[str | TidakDiketahui | None], object] = _plain
) -> str:
    """The Uraian Prosedur table: No, Kegiatan, Pelaksana, Mutu Baku (3 columns), Keterangan.
    Each row links to the diagram part that draws its step."""
    lanes = {lane.id: lane.nama for lane in sop.pelaksana}
    part_of = {no: part.number for part in (parts or diagrams(sop)) for no in range(part.first, part.last + 1)}
    return render(
        "html",
        "steps.html.j2",
        sop=sop,
        lanes=lanes,
        next_steps=_next_steps(sop),
        unknown=TidakDiketahui,
        part_of=part_of,
        abbr=abbr,
    )


def form_view(sop: Sop, abbr: Callable[[str | TidakDiketahui | None], object] = _plain, links: bool = True) -> str:
    """The official SOP AP flowchart table (render.form), page by page; each symbol links to its
    step's row in the step table when ``links`` (on the SOP page; not in a PDF of the form alone)."""
    numbers = {step.no for step in sop.langkah}

    def step_href(no: int) -> str | None:
        return "#" + urls.step_anchor(no) if links and no in numbers else None

    return render(
        "html", "form.html.j2", sop=sop, form=form.layout(sop), abbr=abbr, unknown=TidakDiketahui, step_href=step_href
    )


@dataclass(frozen=True)
class Glance:
    """One step as the procedure at a glance lists it: number, kind, what is done and by whom."""

    no: int
    jenis: str
    kegiatan: str
    siapa: list[str]


def glance(sop: Sop) -> list[Glance]:
    """The steps for the top of the page: the Kegiatan on one line as the diagram has it, the
    rincian left to the step card."""
    names = {lane.id: lane.nama for lane in sop.pelaksana}
    return [Glance(s.no, s.jenis, step_line(s), [names.get(a, a) for a in s.pelaksana]) for s in sop.langkah]


@dataclass(frozen=True)
class Source:
    """The SOP's YAML file in version control: when it last changed, where to edit it and see its history."""

    updated: dt.date | None = None
    edit: str | None = None
    history: str | None = None


def sop_page(
    record: SopRecord,
    book: Handbook,
    link: Link,
    findings: Iterable[Finding] = (),
    today: dt.date | None = None,
    source: Source = Source(),
    pdf_href: str | None = None,
) -> str:
    """One SOP's page; ``findings`` are this SOP's, ``today`` the day its review is judged from,
    ``pdf_href`` its PDF when the build makes them."""
    sop = record.data
    found = list(findings)
    parts = diagrams(sop)
    abbr = glossary.Marker(book.istilah_map, html_text)
    return render(
        "html",
        "sop.md.j2",
        **_box_context(record, book, link, abbr),
        record=record,
        satker=book.satker_map.get(record.satker),
        satker_href=link(urls.satker_page(record.satker)),
        regulasi=book.regulasi_map,
        document_href=link(urls.source_page(sop.dokumen_sumber)) if sop.dokumen_sumber else None,
        steps=Markup(step_table(sop, parts, abbr)),
        glance=glance(sop),
        kerja_key=f"{record.id}@{sop.tanggal.revisi or sop.tanggal.efektif or sop.tanggal.pembuatan or ''}",
        parts=parts,
        form=Markup(form_view(sop, abbr).rstrip("\n")),  # no blank line inside its HTML block
        pdf_href=pdf_href,
        total=waktu.total(sop),
        rules=labels.TIME["rules"].format(
            hours_per_day=waktu.HOURS_PER_DAY,
            days_per_week=waktu.DAYS_PER_WEEK,
            days_per_month=waktu.DAYS_PER_MONTH,
        ),
        unknown=TidakDiketahui,
        findings=Markup(reports.findings_table(found, link, reader=True)) if found else None,
        place=place,
        lanes={lane.id: lane.nama for lane in sop.pelaksana},
        text=lambda v: labels.SITE["unknown"] if isinstance(v, TidakDiketahui) else v,
        finding_count=len(found),
        review=monev.review_status(book, record, today or dt.date.today()),
        source=source,
        monev=Markup(monev_view.sop_section(book, record, today or dt.date.today(), link)),
        revision_due=monev.revision_due(book, record),
    )


def _box_context(record: SopRecord, book: Handbook, link: Link, abbr: glossary.Marker) -> dict[str, object]:
    """What the six boxes need (``_kotak.j2``): the SOP, its regulations as citations show them, links."""
    sop = record.data
    return dict(
        sop=sop,
        reg_views={
            reg_id: legal.reg_view(book, reg_id, link)
            for item in sop.dasar_hukum
            for reg_id in item.regulasi
            if reg_id in book.regulasi_map
        },
        sops=book.sops,
        link=link,
        abbr=abbr,
    )


def boxes(record: SopRecord, book: Handbook, link: Link, keys: list[str] | None = None) -> str:
    """An SOP's boxes as its page shows them: all six, or those named (``dasar_hukum`` ...)."""
    abbr = glossary.Marker(book.istilah_map, html_text)
    return render("html", "kotak.md.j2", **_box_context(record, book, link, abbr), keys=keys or list(labels.BOX))


def source_document(book: Handbook, document: str, text: str | None, link: Link) -> str:
    """The page of a source document: which SOPs were transcribed from it, the file, and its text."""
    records = in_order(r for r in book.sops.values() if r.data.dokumen_sumber == document)
    return render(
        "html",
        "sumber.md.j2",
        document=document,
        name=document.rsplit("/", 1)[-1],
        href=link(document),
        text=text,
        sops=[
            dict(href=link(urls.sop_page(r.id)), nama=r.data.nama, nomor=r.data.nomor, sumber=r.data.sumber)
            for r in records
        ],
    )


def _rows(
    book: Handbook,
    records: Iterable[SopRecord],
    link: Link,
    findings_by_file: Mapping[str, list[Finding]] | None = None,
) -> list[dict[str, object]]:
    findings_by_file = findings_by_file or {}
    rows: list[dict[str, object]] = []
    for rec in records:
        satker = book.satker_map.get(rec.satker)
        rows.append(
            dict(
                href=link(urls.sop_page(rec.id)),
                findings_href=link(urls.sop_page(rec.id), urls.ANCHOR_FINDINGS),
                nomor=rec.data.nomor,
                nama=rec.data.nama,
                satker=satker.nama if satker else rec.satker,
                tingkat=labels.TINGKAT[satker.tingkat] if satker else "",
                satker_href=link(urls.satker_page(rec.satker)),
                efektif=rec.data.tanggal.efektif,
                langkah=len(rec.data.langkah),
                temuan=len(findings_by_file.get(rec.path, [])),
            )
        )
    return rows


def home(
    book: Handbook,
    link: Link,
    findings_by_file: Mapping[str, list[Finding]] | None = None,
    satker: str | None = None,
) -> str:
    """Every SOP of the handbook (or of one satker): Nomor, Nama, Satker, Tanggal Efektif, and how
    many findings it has."""
    records = [r for r in book.sops.values() if satker is None or r.satker == satker]
    rows = _rows(book, in_order(records), link, findings_by_file)
    return render("html", "sop_list.html.j2", rows=rows, show_satker=satker is None)


def satker_page(
    book: Handbook, satker_id: str, link: Link, findings_by_file: Mapping[str, list[Finding]] | None = None
) -> str:
    satker = book.satker_map[satker_id]
    records = in_order(r for r in book.sops.values() if r.satker == satker_id)
    table = render("html", "sop_list.html.j2", rows=_rows(book, records, link, findings_by_file), show_satker=False)
    return render(
        "html",
        "satker.md.j2",
        satker=satker,
        table=Markup(table),
        count=len(records),
        monev_href=link(urls.monev_page(satker_id)),
    )
