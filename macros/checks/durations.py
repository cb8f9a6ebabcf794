"""Time: Waktu reads as a duration, and the stated total is the sum of the steps."""

from __future__ import annotations

from collections.abc import Iterator

from .. import labels, waktu
from ..loader import SopRecord
from ..model import TidakDiketahui
from .base import Context, Item, _at, check, months_in


def _fmt_minutes(minutes: float) -> str:
    parts = waktu.split(minutes)
    return " ".join(f"{n} {labels.TIME['units'][u]}" for n, u in parts) or "0 menit"


@check("TIME-001", "warning")
def waktu_readable(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Waktu setiap langkah terbaca sebagai lama waktu: angka dengan menit, jam, hari, minggu atau bulan.

    Contoh yang terbaca: "30 Menit", "2 Hari", "1 Hari 2 Jam", "1,5 jam", "½ hari", "5 hari kerja",
    "1 (satu) hari", "1 x 24 jam", "30-60 menit" (rentang), "60 menit/dokumen" (per dokumen). Teks yang
    bukan lama waktu ("Tentatif", "Sesuai jadwal") tidak ditebak. Huruf besar/kecil tidak berpengaruh.
    """
    for i, step in enumerate(record.data.langkah):
        value = step.mutu_baku.waktu
        path = ("langkah", i, "mutu_baku", "waktu")
        if isinstance(value, TidakDiketahui):
            yield (
                *_at(record, *path),
                f"Waktu langkah {step.no} tidak diketahui ({value.tidak_diketahui}); tidak ikut dihitung",
            )
        elif value is not None and waktu.read(value) is None and not months_in(value):
            found = waktu.reading(value)
            why = (
                labels.WAKTU_ALASAN[found.reason]
                if isinstance(found, waktu.Unread)
                else labels.WAKTU_ALASAN["tidak_jelas"]
            )
            yield (*_at(record, *path), f"Waktu langkah {step.no} '{value}': {why}; tidak ikut dihitung")


@check("TIME-002", "warning")
def waktu_not_a_schedule(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Kolom Waktu berisi lama waktu, bukan jadwal (nama bulan).

    "Januari" atau "Januari-Februari" menyatakan kapan langkah dikerjakan, bukan berapa lama;
    tempatnya di kolom Keterangan.
    """
    for i, step in enumerate(record.data.langkah):
        value = step.mutu_baku.waktu
        if isinstance(value, str) and months_in(value) and waktu.read(value) is None:
            yield (
                *_at(record, "langkah", i, "mutu_baku", "waktu"),
                f"Waktu langkah {step.no} '{value}' adalah jadwal (nama bulan), bukan lama waktu; tidak ikut dihitung",
            )


@check("TIME-003", "warning")
def stated_total_matches(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Jumlah waktu yang tercetak sama dengan jumlah Waktu semua langkah.

    Jumlah dihitung dengan aturan yang tertulis di setiap halaman SOP: 1 hari kerja = 8 jam,
    1 minggu = 5 hari kerja, 1 bulan = 20 hari kerja.
    """
    sop = record.data
    if sop.waktu_total_tercetak is None:
        return
    stated = waktu.parse(sop.waktu_total_tercetak)
    path = ("waktu_total_tercetak",)
    if stated is None:
        yield (
            *_at(record, *path),
            f"jumlah waktu tercetak '{sop.waktu_total_tercetak}' tidak terbaca sebagai lama waktu",
        )
        return
    computed = waktu.total(sop)
    if round(computed.minutes) != round(stated):
        missing = ", ".join(map(str, computed.unparsed))
        note = f" (Waktu langkah {missing} tidak terbaca dan tidak dihitung)" if missing else ""
        yield (
            *_at(record, *path),
            f"jumlah waktu tercetak {_fmt_minutes(stated)} berbeda dari jumlah Waktu langkah "
            f"{_fmt_minutes(computed.minutes)}{note}",
        )
