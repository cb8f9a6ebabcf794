"""References: every name an SOP uses points at something that exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel

from .. import legal
from ..loader import SopRecord
from ..model import SOURCE_DIR
from .base import Context, Item, _at, check, registry_at


@check("REF-001", "error", "sop")
def satker_declared(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Folder SOP adalah satuan kerja yang terdaftar di sop_data/satker.yaml.

    Nama folder menentukan satuan kerja pemilik SOP dan halaman tempat SOP itu tercantum.
    """
    if ctx.book.satker is not None and record.satker not in ctx.book.satker_map:
        yield (
            record.path,
            1,
            (),
            (f"folder '{record.satker}' bukan satuan kerja yang terdaftar di sop_data/satker.yaml"),
        )


@check("REF-002", "error")
def pelaksana_declared(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap pelaksana langkah adalah salah satu lajur yang dideklarasikan di `pelaksana`.

    Diagram alir menggambar satu lajur per pelaksana; langkah dengan pelaksana yang tidak
    dideklarasikan tidak dapat digambar.
    """
    sop = record.data
    lanes = {p.id for p in sop.pelaksana}
    for i, step in enumerate(sop.langkah):
        for j, actor in enumerate(step.pelaksana):
            if actor not in lanes:
                yield (
                    *_at(record, "langkah", i, "pelaksana", j),
                    f"pelaksana '{actor}' tidak dideklarasikan di daftar pelaksana "
                    f"(yang ada: {', '.join(sorted(lanes))})",
                )


@check("REF-003", "error")
def targets_exist(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap langkah berikutnya (`lanjut`) dan tujuan cabang (`cabang.ke`) ada di SOP yang sama."""
    sop = record.data
    numbers = {s.no for s in sop.langkah}
    for i, step in enumerate(sop.langkah):
        for j, target in enumerate(step.lanjut or []):
            if target not in numbers:
                yield (*_at(record, "langkah", i, "lanjut", j), f"langkah {target} tidak ada")
        for j, branch in enumerate(step.cabang):
            if branch.ke not in numbers:
                yield (
                    *_at(record, "langkah", i, "cabang", j, "ke"),
                    f"cabang '{branch.label}' menuju langkah {branch.ke} yang tidak ada",
                )


@check("REF-004", "error")
def dasar_hukum_registered(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap butir Dasar Hukum merujuk entri di sop_data/regulasi.yaml.

    Dengan begitu setiap dasar hukum dapat ditelusuri ke peraturannya dan status berlakunya.
    """
    if ctx.book.regulasi is None:
        return
    for i, item in enumerate(record.data.dasar_hukum):
        for j, reg in enumerate(item.regulasi):
            if reg not in ctx.book.regulasi_map:
                yield (
                    *_at(record, "dasar_hukum", i, "regulasi", j),
                    f"regulasi '{reg}' tidak terdaftar di sop_data/regulasi.yaml",
                )


@check("REF-005", "error")
def keterkaitan_resolves(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Keterkaitan berjenis `sop` menautkan SOP yang ada di buku pedoman ini; jenis lain tidak bertaut."""
    for i, item in enumerate(record.data.keterkaitan):
        if item.jenis == "sop" and item.sop is None:
            yield (*_at(record, "keterkaitan", i), "keterkaitan jenis 'sop' harus mengisi 'sop' (pengenal SOP)")
        elif item.jenis == "sop" and item.sop not in ctx.book.sops:
            yield (*_at(record, "keterkaitan", i, "sop"), f"SOP '{item.sop}' tidak ada di buku pedoman")
        elif item.jenis != "sop" and item.sop is not None:
            yield (
                *_at(record, "keterkaitan", i, "sop"),
                f"hanya keterkaitan jenis 'sop' yang boleh menautkan SOP (jenis di sini: '{item.jenis}')",
            )


@check("REF-006", "error")
def ids_unique(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Pengenal lajur dan nomor langkah tidak berulang dalam satu SOP."""
    sop = record.data
    seen_ids: dict[str, int] = {}
    for i, lane in enumerate(sop.pelaksana):
        if lane.id in seen_ids:
            yield (
                *_at(record, "pelaksana", i, "id"),
                f"pengenal pelaksana '{lane.id}' sudah dipakai di pelaksana[{seen_ids[lane.id] + 1}]",
            )
        seen_ids.setdefault(lane.id, i)
    seen_numbers: dict[int, int] = {}
    for i, step in enumerate(sop.langkah):
        if step.no in seen_numbers:
            yield (
                *_at(record, "langkah", i, "no"),
                f"nomor langkah {step.no} sudah dipakai di langkah[{seen_numbers[step.no] + 1}]",
            )
        seen_numbers.setdefault(step.no, i)


@check("REF-007", "error", "handbook")
def relations_resolve(ctx: Context) -> Iterator[Item]:
    """Setiap relasi peraturan (mengubah, diubah oleh, mencabut, dicabut oleh) menunjuk entri register."""
    if ctx.book.regulasi is None:
        return
    registry = ctx.book.regulasi_map
    for reg_id, kind, j, target in legal.relations(registry):
        if target not in registry:
            yield (*registry_at(ctx, "regulasi", reg_id, "relasi", kind, j), f"regulasi '{target}' tidak terdaftar")


@check("REF-008", "error")
def transcription_notes_point_somewhere(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap catatan transkripsi menunjuk bagian yang ada di berkas SOP."""
    for i, note in enumerate(record.data.catatan_transkripsi):
        if not _resolves(record.data, note.bidang):
            yield (
                *_at(record, "catatan_transkripsi", i, "bidang"),
                f"bagian '{note.bidang}' tidak ditemukan di berkas ini",
            )


def _resolves(obj: object, dotted: str) -> bool:
    """Does a field path like ``langkah[3].mutu_baku.waktu`` name a field of the model?

    A field left empty still resolves: a note may explain why it is empty.
    """
    current = obj
    for name, index in _steps(dotted):
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


@check("REF-009", "warning")
def lanes_used(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap lajur yang dideklarasikan dipakai oleh paling sedikit satu langkah.

    Lajur tanpa langkah biasanya tanda pelaksana langkah yang salah tulis.
    """
    used = {actor for step in record.data.langkah for actor in step.pelaksana}
    for i, lane in enumerate(record.data.pelaksana):
        if lane.id not in used:
            yield (*_at(record, "pelaksana", i), f"lajur '{lane.nama}' tidak dipakai oleh langkah mana pun")


@check("REF-010", "error")
def source_document_exists(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Dokumen sumber (`dokumen_sumber`) adalah berkas yang ada di folder sumber/ proyek ini.

    Halaman SOP menautkan dokumen itu agar auditor dapat membandingkan catatan dengan aslinya;
    tautan ke berkas yang tidak ada akan rusak di situs yang diterbitkan.
    """
    wanted = record.data.dokumen_sumber
    if wanted is None:
        return
    path = ctx.book.root / wanted
    inside = (ctx.book.root / SOURCE_DIR).resolve()
    if not path.is_file() or not path.resolve().is_relative_to(inside):
        yield (*_at(record, "dokumen_sumber"), f"berkas '{wanted}' tidak ada di folder {SOURCE_DIR}/ proyek ini")


@lru_cache(maxsize=1 << 12)  # a few dozen note targets recur in every transcribed SOP
def _steps(dotted: str) -> list[tuple[str, str]]:
    return re.findall(r"([a-z_]+)|\[(\d+)\]", dotted)
