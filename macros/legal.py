"""The legal basis of the handbook as data: who cites what, and how regulations amend and revoke each other.

Checks, pages and exports all read citations from here, so an auditor sees
the same mapping everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from . import labels
from .loader import Handbook, SopRecord
from .model import Regulasi, Sop

# Relation -> its mirror on the other entry.
MIRROR: dict[str, str] = {
    "mengubah": "diubah_oleh",
    "diubah_oleh": "mengubah",
    "mencabut": "dicabut_oleh",
    "dicabut_oleh": "mencabut",
}


@dataclass(frozen=True)
class Citation:
    """One regulation cited by one Dasar Hukum item of one SOP."""

    record: SopRecord
    item: int  # 0-based index in dasar_hukum
    reg_id: str

    @property
    def teks(self) -> str:
        return self.record.data.dasar_hukum[self.item].teks


def citations(book: Handbook) -> list[Citation]:
    """Every citation, SOPs in id order, items in printed order."""
    out: list[Citation] = []
    for sop_id in sorted(book.sops):
        record = book.sops[sop_id]
        for i, item in enumerate(record.data.dasar_hukum):
            out.extend(Citation(record, i, reg_id) for reg_id in item.regulasi)
    return out


def cited_by(book: Handbook) -> dict[str, list[Citation]]:
    out: dict[str, list[Citation]] = {reg_id: [] for reg_id in book.regulasi_map}
    for c in citations(book):
        out.setdefault(c.reg_id, []).append(c)
    return out


def relations(registry: dict[str, Regulasi]) -> Iterator[tuple[str, str, int, str]]:
    """Every relation in the registry as (entry id, kind, position in its list, target id)."""
    for reg_id, reg in registry.items():
        for kind, targets in reg.relasi:
            for j, target in enumerate(targets):
                yield reg_id, kind, j, target


def short_name(reg: Regulasi) -> str:
    """'Peraturan KPU Nomor 8 Tahun 2019', or the document's title for a non-regulation."""
    if reg.jenis == "dokumen":
        return reg.tentang
    name = labels.REGULASI_JENIS[reg.jenis]
    if reg.penerbit:
        name += f" {reg.penerbit}"
    if reg.nomor:
        name += f" Nomor {reg.nomor}"
    if reg.tahun and not (reg.nomor and str(reg.tahun) in reg.nomor):
        name += f" Tahun {reg.tahun}"
    return name


def oldest_first(registry: dict[str, Regulasi], ids: Iterable[str]) -> list[str]:
    """Oldest first: by year, then by number (3 before 21)."""

    def key(reg_id: str) -> tuple[int, int, str, str]:
        reg = registry.get(reg_id)
        if reg is None:
            return (0, 0, "", reg_id)
        number = int(reg.nomor) if reg.nomor and reg.nomor.isdigit() else 0
        return (reg.tahun or 0, number, reg.nomor or "", reg_id)

    return sorted(ids, key=key)


def family(registry: dict[str, Regulasi], reg_id: str) -> tuple[str, list[str]]:
    """The regulation an amendment belongs to, and all of that regulation's amendments in order.

    For PKPU 4/2021 (which amends PKPU 8/2019): ("pkpu-8-2019", [4/2021, 5/2022, 12/2023]).
    """
    reg = registry[reg_id]
    base = reg.relasi.mengubah[0] if reg.relasi.mengubah and reg.relasi.mengubah[0] in registry else reg_id
    return base, oldest_first(registry, registry[base].relasi.diubah_oleh)


def cited_families(registry: dict[str, Regulasi], cited: set[str]) -> set[str]:
    """Every regulation cited directly or through one of its family: citing an amendment cites the regulation it amends."""
    out = set(cited)
    for reg_id in cited:
        if reg_id in registry:
            base, amendments = family(registry, reg_id)
            out.update([base, *amendments])
    return out


# The SOP's own dates, in the order that says when its content was last decided.
SIGNING_DATES = ("pengesahan", "revisi", "efektif", "pembuatan")


def signed_on(sop: Sop) -> tuple[dt.date, str] | None:
    """When the SOP was signed, and which of its dates says so; None when it prints no date."""
    for key in SIGNING_DATES:
        if (date := getattr(sop.tanggal, key)) is not None:
            return date, key
    return None


Timing: TypeAlias = Literal["sebelum", "sesudah", "tidak_diketahui"]


def timing(reg: Regulasi, signed: dt.date | None) -> Timing:
    """Was ``reg`` enacted before the SOP was signed? From its date, else its year when the year decides."""
    if signed is None:
        return "tidak_diketahui"
    if reg.tanggal_penetapan is not None:
        return "sebelum" if reg.tanggal_penetapan <= signed else "sesudah"
    if reg.tahun is not None and reg.tahun != signed.year:
        return "sebelum" if reg.tahun < signed.year else "sesudah"
    return "tidak_diketahui"


@dataclass(frozen=True)
class AmendmentGap:
    """Amendments of one cited regulation that come after the newest member of its family an SOP cites."""

    item: int  # Dasar Hukum item (0-based) and position of the citation the finding points at
    position: int
    base: str
    cited: list[str]  # the family members the SOP cites, oldest first
    signed: tuple[dt.date, str] | None
    later: dict[Timing, list[str]] = field(default_factory=dict)  # timing -> amendment ids, oldest first


def amendment_gaps(registry: dict[str, Regulasi], sop: Sop) -> list[AmendmentGap]:
    """For each amended regulation the SOP cites (itself or an amendment), the later amendments it does not cite.

    Citing an amendment counts as citing the regulation and the amendments before it: the SOP
    authors chose the newest version they knew. Each later amendment is sorted by whether it was
    enacted before or after the SOP was signed, or whether that cannot be known.
    """
    cited = {r for item in sop.dasar_hukum for r in item.regulasi if r in registry}
    signed = signed_on(sop)
    gaps, seen = [], set()
    for i, item in enumerate(sop.dasar_hukum):
        for j, reg_id in enumerate(item.regulasi):
            if reg_id not in registry:
                continue
            base, amendments = family(registry, reg_id)
            if base in seen or not amendments:
                continue
            seen.add(base)
            members = [m for m in [base, *amendments] if m in cited]
            newest = max((amendments.index(m) for m in members if m in amendments), default=-1)
            later: dict[Timing, list[str]] = {}
            for a in amendments[newest + 1 :]:
                if a in registry:
                    later.setdefault(timing(registry[a], signed[0] if signed else None), []).append(a)
            if later:
                gaps.append(AmendmentGap(i, j, base, members, signed, later))
    return gaps


def later_amendments(registry: dict[str, Regulasi], reg_id: str) -> list[str]:
    """The amendments that came after ``reg_id``: all of them for the regulation, the later ones for an amendment."""
    _, amendments = family(registry, reg_id)
    later = amendments[amendments.index(reg_id) + 1 :] if reg_id in amendments else amendments
    return [a for a in later if a in registry]


def replacements(registry: dict[str, Regulasi], reg_id: str) -> list[str]:
    return oldest_first(registry, [r for r in registry[reg_id].relasi.dicabut_oleh if r in registry])


def relation_cycle(registry: dict[str, Regulasi]) -> list[str] | None:
    """A cycle of 'mengubah'/'mencabut' links (A amends B amends A), or None.

    A later regulation amends or revokes an earlier one, so a cycle is always a mistake.
    """
    graph = {r: [t for t in reg.relasi.mengubah + reg.relasi.mencabut if t in registry] for r, reg in registry.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if state.get(start):
            continue
        path, stack = [start], [iter(graph[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph[nxt]))
    return None
