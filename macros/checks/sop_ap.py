"""SOP AP conformance (PermenPAN-RB 35/2012): the five symbols, standard decision labels, Mutu Baku."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..loader import SopRecord
from ..model import Langkah
from .base import Context, Item, _at, check, months_in

_RULE_SYMBOLS = "PermenPAN-RB 35/2012 hanya memakai lima simbol: terminator, proses, keputusan, panah alur dan penghubung antarhalaman"
# Legend wording -> symbol; the first match wins, so "Alur Proses" is an arrow, not a process.
_LEGEND = [
    ("dokumen", re.compile(r"dokumen|document|arsip|data ?base|basis data|input|output|manual|berkas", re.I)),
    ("panah", re.compile(r"alur|arah|panah|garis", re.I)),
    ("terminator", re.compile(r"awal|akhir|mulai|selesai|terminator", re.I)),
    ("keputusan", re.compile(r"keputusan|decision|pilihan", re.I)),
    ("penghubung", re.compile(r"penghubung|konektor|connector|halaman", re.I)),
    ("proses", re.compile(r"proses|kegiatan|aktivitas", re.I)),
]
STANDARD_LABELS = [("ya", "tidak"), ("lengkap", "tidak lengkap"), ("benar", "salah"), ("setuju", "tidak setuju")]


@check("AP-001", "warning")
def five_symbols(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Legenda simbol (Keterangan Gambar) hanya memuat lima simbol SOP AP.

    PermenPAN-RB 35/2012 membatasi diagram alir SOP AP pada terminator, proses, keputusan, panah alur
    dan penghubung antarhalaman. Simbol dokumen dan simbol lain dari diagram alir teknis tidak dipakai.
    """
    for i, entry in enumerate(record.data.keterangan_gambar):
        kind = next((k for k, pattern in _LEGEND if pattern.search(entry)), None)
        if kind == "dokumen":
            yield (*_at(record, "keterangan_gambar", i), f"simbol '{entry}' bukan simbol SOP AP; {_RULE_SYMBOLS}")
        elif kind is None:
            yield (*_at(record, "keterangan_gambar", i), f"simbol '{entry}' tidak dikenali; {_RULE_SYMBOLS}")


@check("AP-002", "warning")
def standard_decision_labels(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Cabang keputusan berlabel pasangan baku: Ya/Tidak, Lengkap/Tidak Lengkap, Benar/Salah, Setuju/Tidak Setuju."""
    for i, step in enumerate(record.data.langkah):
        if step.jenis != "keputusan" or len(step.cabang) < 2:
            continue
        found = {b.label.casefold().strip() for b in step.cabang}
        if not any(found == set(pair) for pair in STANDARD_LABELS):
            shown = " / ".join(b.label for b in step.cabang)
            yield (
                *_at(record, "langkah", i, "cabang"),
                f"label cabang langkah {step.no} ({shown}) bukan pasangan baku Ya/Tidak, Lengkap/Tidak Lengkap, "
                f"Benar/Salah atau Setuju/Tidak Setuju",
            )


@check("AP-003", "warning")
def mutu_baku_present(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap langkah mengisi Mutu Baku (Kelengkapan, Waktu, Output)."""
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.kelengkapan is None and m.waktu is None and m.output is None:
            yield (*_at(record, "langkah", i), f"Mutu Baku langkah {step.no} kosong seluruhnya")


def _schedule_note(step: Langkah) -> str:
    months = months_in(step.keterangan)
    if not months:
        return ""
    return f"; Keterangan '{step.keterangan}' adalah jadwal, bukan lama waktu"


@check("AP-004", "warning")
def waktu_present(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap langkah menuliskan Waktu pada Mutu Baku.

    Tanpa Waktu, jumlah waktu penyelesaian SOP tidak dapat dihitung. Nama bulan pada kolom Keterangan
    adalah jadwal, bukan lama waktu, sehingga tidak menggantikan Waktu.
    """
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.waktu is None and (m.kelengkapan is not None or m.output is not None):
            yield (
                *_at(record, "langkah", i, "mutu_baku", "waktu"),
                f"Waktu langkah {step.no} tidak tertulis{_schedule_note(step)}",
            )


@check("AP-005", "warning")
def output_present(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap langkah menuliskan Output pada Mutu Baku."""
    for i, step in enumerate(record.data.langkah):
        m = step.mutu_baku
        if m.output is None and (m.kelengkapan is not None or m.waktu is not None):
            yield (*_at(record, "langkah", i, "mutu_baku", "output"), f"Output langkah {step.no} tidak tertulis")
