"""Sizes past what a reader (or the diagram) can take: said, and the SOP still published whole."""

from __future__ import annotations

from collections.abc import Iterator

from ..flow import DIAGRAM_LABEL_CHARS, STEPS_LIMIT
from ..loader import SopRecord
from .base import Context, Item, _at, check


@check("BATAS-001", "warning")
def label_fits_the_diagram(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Kegiatan sebuah langkah muat di kotak bagan alir (paling banyak 300 karakter).

    Kegiatan yang lebih panjang tetap tercetak utuh di tabel langkah; di bagan alir kotaknya
    memuat 300 karakter pertama diikuti "…", dan kotak itu menaut ke baris langkahnya. Teks yang
    sepanjang itu biasanya beberapa langkah yang digabung, atau rincian yang tempatnya di kolom
    Keterangan.
    """
    for i, step in enumerate(record.data.langkah):
        if isinstance(step.kegiatan, str) and len(step.kegiatan) > DIAGRAM_LABEL_CHARS:
            yield (
                *_at(record, "langkah", i, "kegiatan"),
                f"kegiatan langkah {step.no} sepanjang {len(step.kegiatan):,} karakter; bagan alir memuat "
                f"{DIAGRAM_LABEL_CHARS} karakter pertama (teks utuh tetap di tabel langkah)".replace(",", "."),
            )


@check("BATAS-002", "warning")
def steps_within_reason(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Satu SOP paling banyak 500 langkah.

    SOP sepanjang itu tetap diterbitkan, dengan bagan alir yang dipotong per 25 langkah, tetapi
    hampir pasti beberapa prosedur yang seharusnya menjadi SOP sendiri-sendiri (dihubungkan lewat
    Keterkaitan), atau langkah yang tersalin berulang.
    """
    steps = len(record.data.langkah)
    if steps > STEPS_LIMIT:
        yield (
            *_at(record, "langkah"),
            f"SOP ini memuat {steps:,} langkah (batas wajar {STEPS_LIMIT})".replace(",", "."),
        )
