"""Identity: Nomor SOP, the six boxes, the identity dates, the signing sheet's title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import labels
from ..loader import SopRecord
from ..model import BOX_FIELDS
from .base import Context, Item, _at, check


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold()))


@check("IDENT-001", "error", "handbook")
def nomor_unique(ctx: Context) -> Iterator[Item]:
    """Nomor SOP tidak dipakai oleh dua SOP di buku pedoman.

    Nomor adalah pengenal resmi SOP; dua SOP bernomor sama biasanya berkas yang tersalin.
    """
    first: dict[str, SopRecord] = {}
    for record in ctx.book.sops.values():
        key = _norm(record.data.nomor)
        if key in first:
            yield (*_at(record, "nomor"), f"Nomor SOP '{record.data.nomor}' sudah dipakai oleh {first[key].path}")
        else:
            first[key] = record


_ORT = re.compile(r"ORT\.?\s*\d", re.IGNORECASE)


@check("IDENT-002", "warning")
def nomor_has_number(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Nomor SOP berpola ORT (…/ORT.06/…) diawali nomor urutnya.

    Contoh lengkap: 44/ORT.06/7271/2022. Nomor yang diawali garis miring kehilangan nomor urutnya.
    """
    nomor = record.data.nomor.strip()
    if _ORT.search(nomor) and not re.match(r"\d", nomor):
        yield (*_at(record, "nomor"), f"Nomor SOP '{nomor}' tidak diawali nomor urut")


@check("IDENT-003", "warning")
def boxes_filled(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Keenam kotak formulir SOP AP terisi: Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan."""
    for box in BOX_FIELDS:
        if not getattr(record.data, box):
            yield (*_at(record, box), f"kotak {labels.BOX[box]} kosong")


_IDENTITY_FIELDS = (("tanggal", "pembuatan"), ("tanggal", "pengesahan"), ("tanggal", "efektif"), ("disahkan_oleh",))


@check("IDENT-004", "warning")
def identity_filled(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Kotak identitas memuat tanggal pembuatan, tanggal pengesahan, tanggal efektif dan pejabat yang mengesahkan.

    Tanggal revisi hanya diisi bila SOP pernah direvisi.
    """
    sop = record.data
    for path in _IDENTITY_FIELDS:
        value = sop
        for name in path:
            value = getattr(value, name)
        if value is None:
            yield (*_at(record, *path), f"{labels.IDENTITY[path[-1]]} tidak tercetak")


@check("IDENT-005", "warning")
def signing_sheet_names_this_sop(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Judul Lembar Pengesahan/Lampiran menyebut SOP ini (bagian "TENTANG …" sama dengan Nama SOP)."""
    sop = record.data
    lp = sop.lembar_pengesahan
    if not lp or not lp.judul:
        return
    parts = re.split(r"\btentang\b", lp.judul, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) < 2:
        return
    subject, name = _norm(parts[1]), _norm(sop.nama)
    if subject and name and name not in subject and subject not in name:
        yield (
            *_at(record, "lembar_pengesahan", "judul"),
            f"judul menyebut '{parts[1].strip()}', bukan Nama SOP '{sop.nama}'",
        )
