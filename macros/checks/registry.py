"""The regulation registry itself: relations, cycles, and the source of every status claim."""

from __future__ import annotations

from collections.abc import Iterator

from .. import legal
from .base import Context, Item, check, registry_at


@check("REG-001", "error", "handbook")
def no_relation_cycle(ctx: Context) -> Iterator[Item]:
    """Rantai perubahan dan pencabutan di register tidak berputar (A mengubah B, B mengubah A).

    Peraturan yang lebih baru mengubah atau mencabut yang lebih lama, sehingga putaran selalu kekeliruan pencatatan.
    """
    if ctx.book.regulasi is None:
        return
    cycle = legal.relation_cycle(ctx.book.regulasi_map)
    if cycle:
        yield (
            *registry_at(ctx, "regulasi", cycle[0], "relasi"),
            f"rantai perubahan/pencabutan berputar: {' → '.join(cycle)}",
        )


@check("REG-002", "error", "handbook")
def relations_mirrored(ctx: Context) -> Iterator[Item]:
    """Setiap relasi dicatat di kedua entri: `mengubah` dengan `diubah_oleh`, `mencabut` dengan `dicabut_oleh`."""
    if ctx.book.regulasi is None:
        return
    registry = ctx.book.regulasi_map
    for reg_id, kind, j, target in legal.relations(registry):
        other = registry.get(target)
        if other is not None and reg_id not in getattr(other.relasi, legal.MIRROR[kind]):
            yield (
                *registry_at(ctx, "regulasi", reg_id, "relasi", kind, j),
                f"{target} tidak mencatat '{legal.MIRROR[kind]}: [{reg_id}]'",
            )


@check("REG-003", "error", "handbook")
def status_matches_relations(ctx: Context) -> Iterator[Item]:
    """Status sesuai relasinya: `dicabut` bila dan hanya bila ada `dicabut_oleh`; `diubah` memerlukan `diubah_oleh`."""
    if ctx.book.regulasi is None:
        return
    for reg_id, reg in ctx.book.regulasi_map.items():
        r = reg.relasi
        problem = None
        if r.dicabut_oleh and reg.status != "dicabut":
            problem = f"dicabut oleh {', '.join(r.dicabut_oleh)}, tetapi berstatus '{reg.status}'"
        elif reg.status == "dicabut" and not r.dicabut_oleh:
            problem = "berstatus 'dicabut' tanpa 'dicabut_oleh'"
        elif reg.status == "diubah" and not r.diubah_oleh:
            problem = "berstatus 'diubah' tanpa 'diubah_oleh'"
        elif r.diubah_oleh and reg.status not in ("diubah", "dicabut"):
            problem = f"diubah oleh {', '.join(r.diubah_oleh)}, tetapi berstatus '{reg.status}'"
        if problem:
            yield (*registry_at(ctx, "regulasi", reg_id, "status"), problem)


@check("REG-004", "error", "handbook")
def status_has_a_source(ctx: Context) -> Iterator[Item]:
    """Setiap status selain `tidak_diketahui` disertai `catatan_status` yang menyebut sumbernya."""
    if ctx.book.regulasi is None:
        return
    for reg_id, reg in ctx.book.regulasi_map.items():
        if reg.status != "tidak_diketahui" and not reg.catatan_status:
            yield (
                *registry_at(ctx, "regulasi", reg_id, "status"),
                f"status '{reg.status}' tanpa catatan_status yang menyebut sumbernya",
            )
