"""Consistency checks over the whole handbook.

Each check is a small documented function registered with a stable code and a
level: an ``error`` stops the build, a ``warning`` is published with the SOP.
The docstring's first line is the rule as shown on the handbook's rules page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from pydantic import BaseModel

from .findings import Finding, field_path
from .loader import Handbook, SopRecord


@dataclass(frozen=True)
class Check:
    code: str
    level: str
    scope: str  # "sop": runs once per SOP; "handbook": once over everything
    func: Callable

    @property
    def rule(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0]


CHECKS: list[Check] = []


def check(code: str, level: str, scope: str = "sop"):
    def register(func):
        CHECKS.append(Check(code, level, scope, func))
        return func
    return register


def run(book: Handbook) -> list[Finding]:
    """All findings of every check; a check never sees a file that failed to load."""
    out: list[Finding] = []
    for c in CHECKS:
        if c.scope == "sop":
            for record in book.sops.values():
                out.extend(_stamp(c, record.path, c.func(book, record)))
        else:
            out.extend(_stamp(c, None, c.func(book)))
    return sorted(out)


def _stamp(c: Check, default_file, items) -> Iterator[Finding]:
    for file, line, path, message in items:
        yield Finding(file or default_file, line, field_path(path), c.code, c.level, message)


def _at(record, *path):
    return record.path, record.line_of(*path), path


# --- References --------------------------------------------------------------


@check("REF-001", "error", "sop")
def satker_declared(book: Handbook, record: SopRecord):
    """The folder of an SOP names a satker declared in sop_data/satker.yaml."""
    if book.satker is not None and record.satker not in book.satker_map:
        yield record.path, 1, (), (
            f"folder '{record.satker}' bukan satuan kerja yang terdaftar di sop_data/satker.yaml"
        )


@check("REF-002", "error")
def pelaksana_declared(book: Handbook, record: SopRecord):
    """Every pelaksana of a step is one of the SOP's declared lanes."""
    sop = record.data
    lanes = {p.id for p in sop.pelaksana}
    for i, step in enumerate(sop.langkah):
        for j, actor in enumerate(step.pelaksana):
            if actor not in lanes:
                yield (*_at(record, "langkah", i, "pelaksana", j), f"pelaksana '{actor}' tidak dideklarasikan di daftar pelaksana "
                       f"(yang ada: {', '.join(sorted(lanes))})")


@check("REF-003", "error")
def targets_exist(book: Handbook, record: SopRecord):
    """Every next step (lanjut) and branch target (cabang.ke) is a step of the same SOP."""
    sop = record.data
    numbers = {s.no for s in sop.langkah}
    for i, step in enumerate(sop.langkah):
        for j, target in enumerate(step.lanjut or []):
            if target not in numbers:
                yield (*_at(record, "langkah", i, "lanjut", j), f"langkah {target} tidak ada")
        for j, branch in enumerate(step.cabang):
            if branch.ke not in numbers:
                yield (*_at(record, "langkah", i, "cabang", j, "ke"),
                       f"cabang '{branch.label}' menuju langkah {branch.ke} yang tidak ada")


@check("REF-004", "error")
def dasar_hukum_registered(book: Handbook, record: SopRecord):
    """Every Dasar Hukum item refers to entries of sop_data/regulasi.yaml."""
    if book.regulasi is None:
        return
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg in enumerate(item.regulasi):
            if reg not in book.regulasi_map:
                yield (*_at(record, "dasar_hukum", i, "regulasi", j),
                       f"regulasi '{reg}' tidak terdaftar di sop_data/regulasi.yaml")


@check("REF-005", "error")
def keterkaitan_resolves(book: Handbook, record: SopRecord):
    """A Keterkaitan item of jenis `sop` links to an SOP of this handbook; other kinds carry no link."""
    for i, item in enumerate(record.data.keterkaitan):
        if item.jenis == "sop" and item.sop is None:
            yield (*_at(record, "keterkaitan", i), "keterkaitan jenis 'sop' harus mengisi 'sop' (pengenal SOP)")
        elif item.jenis == "sop" and item.sop not in book.sops:
            yield (*_at(record, "keterkaitan", i, "sop"),
                   f"SOP '{item.sop}' tidak ada di buku pedoman")
        elif item.jenis != "sop" and item.sop is not None:
            yield (*_at(record, "keterkaitan", i, "sop"),
                   f"hanya keterkaitan jenis 'sop' yang boleh menautkan SOP (jenis di sini: '{item.jenis}')")


@check("REF-006", "error")
def ids_unique(book: Handbook, record: SopRecord):
    """Lane ids and step numbers are unique within an SOP."""
    sop = record.data
    seen: dict = {}
    for i, lane in enumerate(sop.pelaksana):
        if lane.id in seen:
            yield (*_at(record, "pelaksana", i, "id"),
                   f"pengenal pelaksana '{lane.id}' sudah dipakai di pelaksana[{seen[lane.id] + 1}]")
        seen.setdefault(lane.id, i)
    seen = {}
    for i, step in enumerate(sop.langkah):
        if step.no in seen:
            yield (*_at(record, "langkah", i, "no"),
                   f"nomor langkah {step.no} sudah dipakai di langkah[{seen[step.no] + 1}]")
        seen.setdefault(step.no, i)


@check("REF-007", "error", "handbook")
def relations_resolve(book: Handbook):
    """Every relation of a regulation (mengubah, dicabut oleh ...) points at a registry entry."""
    if book.regulasi is None:
        return
    registry = book.regulasi_map
    for reg_id, reg in registry.items():
        for kind, targets in reg.relasi:
            for j, target in enumerate(targets):
                if target not in registry:
                    path = ("regulasi", reg_id, "relasi", kind, j)
                    yield (book.regulasi.path, book.regulasi.line_of(*path), path,
                           f"regulasi '{target}' tidak terdaftar")


@check("REF-008", "error")
def transcription_notes_point_somewhere(book: Handbook, record: SopRecord):
    """Every transcription note names a field that exists in the record."""
    for i, note in enumerate(record.data.catatan_transkripsi):
        if not _resolves(record.data, note.bidang):
            yield (*_at(record, "catatan_transkripsi", i, "bidang"),
                   f"bagian '{note.bidang}' tidak ditemukan di berkas ini")


def _resolves(obj, dotted: str) -> bool:
    """Does a field path like ``langkah[3].mutu_baku.waktu`` name a field of the model?

    A field left empty still resolves: a note may explain why it is empty.
    """
    current = obj
    for name, index in re.findall(r"([a-z_]+)|\[(\d+)\]", dotted):
        if name:
            if not isinstance(current, BaseModel) or name not in type(current).model_fields:
                return False
            current = getattr(current, name)
        else:
            k = int(index) - 1
            if not isinstance(current, list) or not 0 <= k < len(current):
                return False
            current = current[k]
    return True
