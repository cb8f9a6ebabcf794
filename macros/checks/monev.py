"""Monitoring and evaluation: the records of sop_data/<satker>/monev/<tahun>.yaml (see monev)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import labels, model, monev
from ..loader import MonevRecord, SopRecord
from .base import Context, Item, _at, check
from .isian import strings


def _item(record: MonevRecord, path: tuple[str | int, ...], message: str) -> Item:
    return record.path, record.line_of(*path), path, message


@check("MONEV-001", "warning")
def evaluated_within_a_year(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """SOP dievaluasi paling lambat setahun sejak evaluasi terakhir, atau sejak tanggal efektif bila belum pernah dievaluasi.

    PermenPAN-RB 35/2012 meminta SOP AP dievaluasi menurut tujuh kriterianya, dan evaluasi itulah yang
    menentukan apakah SOP dipertahankan, direvisi atau dicabut. Catat evaluasi di `evaluasi` pada
    sop_data/<satker>/monev/<tahun>.yaml.
    """
    st = monev.evaluation_status(ctx.book, record, ctx.today)
    if not st.overdue:
        return
    last = monev.of(ctx.book, record).last_evaluation
    if st.since is None or st.due is None:
        yield (
            *_at(record, "tanggal"),
            "belum pernah dievaluasi dan tanggal efektif tidak tercetak, sehingga jatuh tempo evaluasi tidak dapat "
            "dihitung; evaluasi SOP ini dan catat hasilnya di catatan monev satkernya",
        )
    elif last is not None:
        yield _item(
            last.record,
            last.path("tanggal"),
            f"evaluasi terakhir SOP '{last.evaluasi.sop}' {labels.tanggal(st.since)}; seharusnya dievaluasi lagi "
            f"paling lambat {labels.tanggal(st.due)} (terlambat {st.days} hari)",
        )
    else:
        yield (
            *_at(record, "tanggal", "efektif"),
            f"belum pernah dievaluasi sejak efektif {labels.tanggal(st.since)}; seharusnya dievaluasi paling lambat "
            f"{labels.tanggal(st.due)} (terlambat {st.days} hari)",
        )


@check("MONEV-002", "warning", "handbook")
def action_when_not_running_well(ctx: Context) -> Iterator[Item]:
    """SOP yang dinilai tidak berjalan dengan baik diberi tindakan yang harus diambil.

    Tabel 7 mencatat tindakan untuk setiap SOP AP yang penerapannya tidak berjalan dengan baik; tanpa
    tindakan, monitoring berhenti pada temuan.
    """
    for row in monev.rows(ctx.book.monev):
        if row.hasil.penilaian == "tidak_berjalan_baik" and row.hasil.tindakan is None:
            yield _item(
                row.record,
                row.path("penilaian"),
                f"SOP '{row.hasil.sop}' dinilai tidak berjalan dengan baik pada {row.period.label}, tetapi "
                "'tindakan' (tindakan yang harus diambil) tidak diisi",
            )


@check("MONEV-003", "warning", "handbook")
def action_done_by_next_monitoring(ctx: Context) -> Iterator[Item]:
    """Tindakan hasil monitoring selesai sebelum monitoring berikutnya atas SOP yang sama.

    Monitoring berikutnya memeriksa apakah tindakan periode lalu sudah dilaksanakan; isi
    `tindakan_selesai` dengan tanggal selesainya.
    """
    for facts in monev.index(ctx.book).values():
        for row, later in zip(facts.rows, facts.rows[1:], strict=False):
            if row.hasil.tindakan is None or later.tanggal is None or later.period == row.period:
                continue
            done = row.hasil.tindakan_selesai
            if done is None or done > later.tanggal:
                state = "belum selesai" if done is None else f"baru selesai {labels.tanggal(done)}"
                yield _item(
                    row.record,
                    row.path("tindakan"),
                    f"tindakan untuk SOP '{row.hasil.sop}' dari {row.period.label} {state} saat monitoring "
                    f"{later.period.label} ({labels.tanggal(later.tanggal)})",
                )


@check("MONEV-004", "warning")
def revised_after_evaluation(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """SOP yang menurut evaluasi terakhirnya harus direvisi mempunyai tanggal revisi sesudah evaluasi itu.

    Evaluasi yang menyimpulkan `direvisi` ditindaklanjuti dengan revisi SOP; catat tanggal revisinya di
    `tanggal.revisi` pada berkas SOP.
    """
    last = monev.revision_due(ctx.book, record)
    if last is not None:
        yield _item(
            last.record,
            last.path("kesimpulan"),
            f"evaluasi {labels.tanggal(last.evaluasi.tanggal)} menyimpulkan SOP '{last.evaluasi.sop}' direvisi, tetapi "
            "SOP itu belum mempunyai tanggal revisi sesudahnya",
        )


def _named_sops(record: MonevRecord) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for row in monev.rows([record]):
        yield row.path("sop"), row.hasil.sop
    for ev in monev.evals([record]):
        yield ev.path("sop"), ev.evaluasi.sop


@check("MONEV-005", "error", "handbook")
def names_known_sop(ctx: Context) -> Iterator[Item]:
    """Setiap SOP yang disebut catatan monitoring dan evaluasi ada di folder satker yang sama.

    Catatan menyebut SOP dengan nama berkasnya (tanpa .yaml); SOP yang sudah diganti nama atau dihapus
    meninggalkan catatan yang tidak menunjuk ke mana pun.
    """
    for record in ctx.book.monev:
        if record.satker not in ctx.book.satker_map:
            yield (record.path, 1, (), f"satker '{record.satker}' tidak ada di sop_data/satker.yaml")
            continue
        for path, name in _named_sops(record):
            if monev.sop_id(record, name) not in ctx.book.sops:
                yield _item(record, path, f"SOP '{name}' tidak ada di sop_data/{record.satker}/")


@check("MONEV-006", "error", "handbook")
def names_known_role(ctx: Context) -> Iterator[Item]:
    """Jabatan setiap penilai ada di sop_data/jabatan.yaml."""
    if ctx.book.jabatan is None:
        return
    for record in ctx.book.monev:
        people = [(("monitoring", m), mon.penilai) for m, mon in enumerate(record.data.monitoring)]
        people += [(("evaluasi", e), ev.penilai) for e, ev in enumerate(record.data.evaluasi)]
        for where, penilai in people:
            if not model.is_isian(penilai.jabatan) and penilai.jabatan not in ctx.book.jabatan_map:
                yield _item(
                    record,
                    (*where, "penilai", "jabatan"),
                    f"jabatan '{penilai.jabatan}' tidak ada di sop_data/jabatan.yaml",
                )


@check("MONEV-007", "warning", "handbook")
def no_placeholder_left(ctx: Context) -> Iterator[Item]:
    """Catatan monitoring dan evaluasi tidak lagi berisi isian `[isi …]`.

    `sop pantau` menulis kerangka monitoring satu periode dengan isian di tempat penilaian diperlukan.
    Baris yang masih berisi isian belum dihitung sebagai sudah dimonitor.
    """
    for record in ctx.book.monev:
        if not record.source.placeholder:
            continue  # the file's text has no "[isi" at all
        for path, value in strings(record.data.model_dump(mode="python", exclude_none=True)):
            if model.is_isian(value):
                yield _item(record, path, f"masih berisi isian '{value}'")


@check("MONEV-008", "warning", "handbook")
def records_in_their_year(ctx: Context) -> Iterator[Item]:
    """Setiap periode dicatat sekali per berkas, setiap SOP sekali per periode, dan tanggalnya di tahun berkas.

    Monitoring Semester II boleh bertanggal awal tahun berikutnya; evaluasi bertanggal di tahun berkasnya.
    """
    for record in ctx.book.monev:
        seen: set[str] = set()
        for m, mon in enumerate(record.data.monitoring):
            if mon.periode in seen:
                yield _item(record, ("monitoring", m, "periode"), f"{mon.periode} dicatat lebih dari sekali")
            seen.add(mon.periode)
            if isinstance(mon.tanggal, dt.date):  # not a placeholder
                allowed = {record.tahun, record.tahun + 1} if mon.periode == model.PERIODS[1] else {record.tahun}
                if mon.tanggal.year not in allowed:
                    yield _item(
                        record,
                        ("monitoring", m, "tanggal"),
                        f"tanggal {labels.tanggal(mon.tanggal)} di luar {mon.periode} {record.tahun}",
                    )
            named: set[str] = set()
            for r, hasil in enumerate(mon.hasil):
                if hasil.sop in named:
                    yield _item(
                        record,
                        ("monitoring", m, "hasil", r, "sop"),
                        f"SOP '{hasil.sop}' dicatat lebih dari sekali pada {mon.periode}",
                    )
                named.add(hasil.sop)
        for e, ev in enumerate(record.data.evaluasi):
            if ev.tanggal.year != record.tahun:
                yield _item(
                    record,
                    ("evaluasi", e, "tanggal"),
                    f"tanggal {labels.tanggal(ev.tanggal)} di luar tahun berkas ({record.tahun})",
                )
