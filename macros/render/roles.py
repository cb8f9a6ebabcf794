"""Tugas per Jabatan (for each role, every step it performs) and the Glosarium. Pure: handbook in, text out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import glossary, urls
from ..loader import Handbook, in_order
from ..model import Jabatan, TidakDiketahui
from ..urls import Link
from .templating import render


@dataclass
class SopTasks:
    """One SOP's part in a role's page: its lanes for the role and the steps they perform."""

    title: str
    nomor: str
    satker: str
    href: str
    lanes: list[str] = field(default_factory=list)
    steps: list[dict[str, object]] = field(default_factory=list)


def _text(value: object) -> str:
    """The printed text to look for a role's name in; an unknown value has none."""
    return value if isinstance(value, str) else ""


def _mention_pattern(role: Jabatan) -> re.Pattern[str]:
    """The role's name or any of its spellings, as whole words."""
    words = "|".join(re.escape(w) for w in sorted([role.nama, *role.ejaan], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def tasks(
    book: Handbook, role_id: str, link: Link, mentions: bool = True
) -> tuple[list[SopTasks], list[dict[str, object]]]:
    """Steps the role performs, by SOP (satker, then name), and SOPs that name it only in their text."""
    pattern = _mention_pattern(book.jabatan_map[role_id])
    performed: list[SopTasks] = []
    mentioned: list[dict[str, object]] = []
    for record in in_order(book.sops.values()):
        sop = record.data
        lanes = {lane.id: lane.nama for lane in sop.pelaksana if lane.jabatan == role_id}
        if not lanes and not mentions:
            continue
        satker = book.satker_map.get(record.satker)
        page = urls.sop_page(record.id)
        entry = SopTasks(
            sop.nama, sop.nomor, satker.nama if satker else record.satker, link(page), list(lanes.values())
        )
        numbers = {step.no for step in sop.langkah}
        for step in sop.langkah:
            mine = [lanes[a] for a in step.pelaksana if a in lanes]
            if mine:
                entry.steps.append(
                    dict(
                        no=step.no,
                        href=link(page, urls.step_anchor(step.no)),
                        jenis=step.jenis,
                        # As printed, or unknown with its reason: the template shows each as the SOP page does.
                        kegiatan=step.kegiatan,
                        waktu=step.mutu_baku.waktu,
                        output=step.mutu_baku.output,
                        lanes=mine,
                        # Each branch's label, target step and the link to it (none to a step not in the SOP).
                        cabang=[
                            (b.label, b.ke, link(page, urls.step_anchor(b.ke)) if b.ke in numbers else None)
                            for b in step.cabang
                        ],
                    )
                )
            elif mentions and not lanes and pattern.search(_text(step.kegiatan)):
                mentioned.append(
                    dict(sop=entry, no=step.no, href=link(page, urls.step_anchor(step.no)), kegiatan=step.kegiatan)
                )
        if entry.lanes:
            performed.append(entry)
    return performed, mentioned


def role_page(book: Handbook, role_id: str, link: Link) -> str:
    performed, mentioned = tasks(book, role_id, link)
    return render(
        "html",
        "jabatan.md.j2",
        unknown=TidakDiketahui,
        role=book.jabatan_map[role_id],
        role_id=role_id,
        performed=performed,
        mentioned=mentioned,
        link=link,
    )


def index_page(book: Handbook, link: Link) -> str:
    rows = []
    for role_id, role in sorted(book.jabatan_map.items(), key=lambda kv: kv[1].nama.casefold()):
        performed, _ = tasks(book, role_id, link, mentions=False)
        rows.append(
            dict(
                role=role,
                href=link(urls.jabatan_page(role_id)),
                sops=len(performed),
                lanes=sum(len(p.lanes) for p in performed),
                steps=sum(len(p.steps) for p in performed),
            )
        )
    unmapped = [
        dict(sop=r.data.nama, nomor=r.data.nomor, href=link(urls.sop_page(r.id)), lane=lane.nama)
        for r in sorted(book.sops.values(), key=lambda r: r.id)
        for lane in r.data.pelaksana
        if lane.jabatan is None
    ]
    return render("html", "jabatan_index.md.j2", rows=rows, unmapped=unmapped)


def glossary_page(book: Handbook, link: Link) -> str:
    rows = []
    for term_id, term in sorted(book.istilah_map.items(), key=lambda kv: kv[1].istilah.casefold()):
        sops = []
        for record in glossary.used_in(book, term_id):
            satker = book.satker_map.get(record.satker)
            sops.append(
                dict(
                    title=record.data.nama,
                    nomor=record.data.nomor,
                    href=link(urls.sop_page(record.id)),
                    satker=satker.nama if satker else record.satker,
                )
            )
        rows.append(dict(id=term_id, term=term, sops=sops))
    return render("html", "glosarium.md.j2", rows=rows)
