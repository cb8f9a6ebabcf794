"""Roles (jabatan) and terms (istilah): every lane names its role, every entry of both registries is used."""

from __future__ import annotations

from collections.abc import Iterator

from .. import glossary
from ..loader import SopRecord
from .base import Context, Item, _at, check


@check("JAB-001", "error")
def role_declared(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Jabatan setiap lajur (`pelaksana[].jabatan`) terdaftar di sop_data/jabatan.yaml."""
    for i, lane in enumerate(record.data.pelaksana):
        if lane.jabatan is not None and lane.jabatan not in ctx.book.jabatan_map:
            yield (
                *_at(record, "pelaksana", i, "jabatan"),
                f"jabatan '{lane.jabatan}' tidak terdaftar di sop_data/jabatan.yaml",
            )


@check("JAB-002", "warning")
def lane_has_role(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap lajur dipetakan ke satu jabatan.

    Dengan jabatan, lajur yang ditulis berbeda-beda ("Ka. Sub Bag Perencanaan", "Kasubbag
    Perencanaan, Data dan Informasi") tercantum di satu halaman Tugas per Jabatan. Lajur yang
    jabatannya tidak jelas dari sumber dibiarkan tanpa jabatan dan dilaporkan di sini.
    """
    for i, lane in enumerate(record.data.pelaksana):
        if lane.jabatan is None:
            yield (*_at(record, "pelaksana", i), f"lajur '{lane.nama}' belum dipetakan ke jabatan")


@check("JAB-003", "warning", "handbook")
def role_used(ctx: Context) -> Iterator[Item]:
    """Setiap jabatan di sop_data/jabatan.yaml dipakai oleh paling sedikit satu lajur."""
    registry = ctx.book.jabatan
    if registry is None:
        return
    used = {lane.jabatan for r in ctx.book.sops.values() for lane in r.data.pelaksana}
    for role_id in ctx.book.jabatan_map:
        if role_id not in used:
            yield (
                registry.path,
                registry.line_of("jabatan", role_id),
                ("jabatan", role_id),
                f"jabatan '{role_id}' tidak dipakai lajur mana pun",
            )


@check("IST-001", "warning", "handbook")
def term_used(ctx: Context) -> Iterator[Item]:
    """Setiap istilah di sop_data/istilah.yaml tertulis di paling sedikit satu SOP, kecuali yang ditandai `umum`.

    Glosarium memuat istilah SOP; istilah yang tidak tertulis di SOP mana pun biasanya salah ketik atau sisa.
    """
    registry = ctx.book.istilah
    if registry is None:
        return
    for term_id, term in ctx.book.istilah_map.items():
        if not term.umum and not glossary.used_in(ctx.book, term_id):
            yield (
                registry.path,
                registry.line_of("istilah", term_id),
                ("istilah", term_id),
                f"istilah '{term.istilah}' tidak tertulis di SOP mana pun",
            )


@check("IST-002", "error", "handbook")
def term_defined_once(ctx: Context) -> Iterator[Item]:
    """Setiap istilah (dan setiap ejaannya) dijelaskan di satu entri sop_data/istilah.yaml saja.

    Bila "SAKIP" dijelaskan di dua entri, arti mana yang tampil saat istilah disentuh tidak dapat
    ditentukan; satukan kedua entri, atau hapus ejaan yang keliru.
    """
    registry = ctx.book.istilah
    if registry is None:
        return
    first: dict[str, str] = {}
    for term_id, term in ctx.book.istilah_map.items():
        for word in dict.fromkeys(glossary.spellings(term)):
            if word in first and first[word] != term_id:
                other = first[word]
                yield (
                    registry.path,
                    registry.line_of("istilah", term_id),
                    ("istilah", term_id),
                    f"'{word}' sudah dijelaskan di entri '{other}' (baris {registry.line_of('istilah', other)});"
                    " satu istilah, satu arti",
                )
            first.setdefault(word, term_id)
