"""`sop impor`: one document or a whole folder into draft records, with a line for each document.

Exit status: 0 every document became a draft; 1 a draft was written but `sop check` finds an error in
it; 2 a document could not be read, or the command was used wrongly (the message says which).
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import baru, core
from ..findings import errors
from ..loader import Handbook
from ..model import SOURCE_DIR, Satker
from . import NotAnSop, ReadError, Report, import_document, to_yaml
from .readers import SUFFIXES

HEADER = (
    "# Draf dari {name} oleh `sop impor`. Tinjau setiap catatan_transkripsi: di sanalah\n"
    "# nilai yang ditebak, direkonstruksi atau tidak ditemukan. Jangan mengarang isi yang tidak tercetak.\n"
)
SUMMARY_FIELDS = [
    "berkas",
    "format",
    "satker",
    "nama",
    "langkah",
    "lajur_dari_simbol",
    "lajur_ditebak",
    "catatan",
    "kata_kurang_pasti",
    "keluaran",
    "galat",
]


class UsageError(Exception):
    """The command was used wrongly; exit status 2."""


@dataclass
class Outcome:
    source: Path
    report: Report | None = None
    written: Path | None = None
    error: str | None = None

    def row(self, root: Path) -> dict[str, Any]:
        r = self.report
        return {
            "berkas": str(self.source),
            "format": r.format if r else "",
            "satker": r.satker or "" if r else "",
            "nama": r.nama or "" if r else "",
            "langkah": r.steps if r else "",
            "lajur_dari_simbol": r.lanes_drawn if r else "",
            "lajur_ditebak": r.lanes_guessed if r else "",
            "catatan": r.notes if r else "",
            "kata_kurang_pasti": r.unsure_words if r else "",
            "keluaran": _shown(self.written, root) if self.written else "",
            "galat": self.error or "",
        }


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def documents(folder: Path) -> list[Path]:
    """The documents in a folder and its subfolders, by name (hidden files and temporary Word files left out)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.casefold() in SUFFIXES and not p.name.startswith((".", "~$"))
    )


class Importer:
    def __init__(
        self,
        root: Path,
        book: Handbook,
        *,
        satker: str | None,
        overwrite: bool,
        add_satker: bool,
        keep_source: bool,
        ask: Callable[[str], bool] | None,
    ) -> None:
        self.root, self.book = root, book
        self.satker, self.overwrite, self.add_satker, self.keep_source = satker, overwrite, add_satker, keep_source
        self.ask = ask
        self.satker_map: dict[str, Satker] = dict(book.satker_map)

    def one(self, source: Path, target: Path | None = None) -> Outcome:
        outcome = Outcome(source)
        try:
            satker, record, report = import_document(
                source, self.book.regulasi_map, self.satker_map, self.satker, self.book.jabatan_map
            )
        except NotAnSop as exc:
            outcome.error = str(exc)
            return outcome
        except ReadError as exc:
            outcome.error = str(exc)
            return outcome
        outcome.report = report
        if satker is None:
            satker = self._new_satker(report)
            if satker is None:
                outcome.error = "satker tidak dikenali dari dokumen; sebutkan dengan --satker, atau tambahkan dengan --tambah-satker"
                return outcome
            report.satker = satker
        nama = str(record["nama"])
        name = baru.file_name(nama if "[isi " not in nama else source.stem)
        path = target if target is not None else self.root / "sop_data" / satker / f"{name}.yaml"
        if path.exists() and not self.overwrite:
            outcome.error = f"{_shown(path, self.root)} sudah ada; pilih --keluar lain atau tambahkan --timpa"
            return outcome
        if self.keep_source and path.is_relative_to(self.root / "sop_data"):
            record = self._with_source(record, source, satker)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml(record, HEADER.format(name=source.name)), encoding="utf-8")
        outcome.written = path
        return outcome

    def _with_source(self, record: dict[str, Any], source: Path, satker: str) -> dict[str, Any]:
        """The document is kept beside the records (sumber/<satker>/), and the draft points at it."""
        safe = baru.file_name(source.stem) + source.suffix.casefold()
        kept = self.root / SOURCE_DIR / satker / safe
        kept.parent.mkdir(parents=True, exist_ok=True)
        if not kept.exists() or self.overwrite:
            shutil.copyfile(source, kept)
        out = {}
        for key, value in record.items():
            out[key] = value
            if key == "sumber":
                out["dokumen_sumber"] = f"{SOURCE_DIR}/{satker}/{safe}"
        return out

    def _new_satker(self, report: Report) -> str | None:
        """An office the registry does not have: its entry, from what the document prints, is added
        to sop_data/satker.yaml when asked to (--tambah-satker) or when the maintainer agrees."""
        if not report.satker_entry:
            return None
        ((key, entry),) = report.satker_entry.items()
        if key in self.satker_map:
            return key
        shown = yaml.safe_dump({key: entry}, allow_unicode=True, sort_keys=False)
        if not self.add_satker and not (
            self.ask and self.ask(f"Satker belum terdaftar. Tambahkan ke sop_data/satker.yaml?\n{shown}")
        ):
            print(f"Usulan entri sop_data/satker.yaml (tambahkan dengan --tambah-satker):\n{shown}", file=sys.stderr)
            return None
        path = self.root / "sop_data" / "satker.yaml"
        text = path.read_text(encoding="utf-8")
        block = f"  # ditambahkan oleh `sop impor` dari kop {report.source}; periksa nama, tingkat dan provinsinya\n"
        block += "".join(f"  {line}\n" for line in shown.rstrip("\n").splitlines())
        path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
        self.satker_map[key] = Satker.model_validate(entry)
        return key


def run(
    root: Path,
    source: Path,
    *,
    satker: str | None = None,
    target: Path | None = None,
    overwrite: bool = False,
    add_satker: bool = False,
    keep_source: bool = True,
    summary: Path | None = None,
    ask: Callable[[str], bool] | None = None,
) -> int:
    if not source.exists():
        raise UsageError(f"{source} tidak ada")
    book, _ = core.load(root, dt.date.today())
    if satker and satker not in book.satker_map:
        raise UsageError(f"satker '{satker}' tidak ada di sop_data/satker.yaml")
    importer = Importer(
        root, book, satker=satker, overwrite=overwrite, add_satker=add_satker, keep_source=keep_source, ask=ask
    )
    if source.is_dir():
        if target is not None:
            raise UsageError("--keluar hanya untuk satu berkas; untuk folder, draf ditulis ke sop_data/<satker>/")
        files = documents(source)
        if not files:
            raise UsageError(f"tidak ada dokumen ({', '.join(sorted(SUFFIXES))}) di {source}")
        outcomes = [importer.one(f) for f in files]
    else:
        outcomes = [importer.one(source, target)]
    return _finish(root, outcomes, summary, single=not source.is_dir())


def _finish(root: Path, outcomes: list[Outcome], summary: Path | None, single: bool) -> int:
    written = [o.written for o in outcomes if o.written is not None]
    inside = {_shown(p, root) for p in written if p.is_relative_to(root / "sop_data")}
    findings = core.load(root, dt.date.today(), inside)[1] if inside else []
    mine = [f for f in findings if f.file in inside]
    if single:
        _print_one(root, outcomes[0], mine)
    else:
        _print_table(root, outcomes, mine)
    if summary is not None:
        with summary.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.DictWriter(f, fieldnames=SUMMARY_FIELDS)
            out.writeheader()
            out.writerows(o.row(root) for o in outcomes)
        print(f"Ringkasan: {summary}")
    if any(o.error for o in outcomes):
        return 2
    return 1 if errors(mine) else 0


def _print_one(root: Path, o: Outcome, findings: list[Any]) -> None:
    if o.error:
        print(f"sop: {o.source}: {o.error}", file=sys.stderr)
        return
    r = o.report
    assert r is not None and o.written is not None
    print(f"Ditulis: {_shown(o.written, root)}")
    print(f"Format: {r.format}")
    print(f"Satker: {r.satker}")
    print(f"Pelaksana ({len(r.lanes)}): " + "; ".join(r.lanes))
    print(
        f"Langkah: {r.steps}, dengan Waktu: {r.waktu}; lajur dari simbol: {r.lanes_drawn}, ditebak: {r.lanes_guessed}"
    )
    print(f"Dasar Hukum: {len(r.dasar_hukum)} butir")
    for text, reg_id in r.dasar_hukum:
        print(f"  {'-> ' + reg_id if reg_id else '?? tidak cocok'}: {text[:90]}")
    if r.suggestions:
        print("Usulan entri baru untuk sop_data/regulasi.yaml (periksa pada sumber resminya):")
        print(to_yaml({"regulasi": r.suggestions}, "", schema="").rstrip("\n"))
    print(f"Catatan transkripsi: {r.notes}")
    if not o.written.is_relative_to(root / "sop_data"):
        print(f"Berkas di luar sop_data/: pindahkan ke sop_data/{r.satker}/ lalu jalankan `sop check`.")
        return
    for f in findings:
        print("  " + f.format())
    n_err = len(errors(findings))
    print(f"sop check: {n_err} kesalahan, {len(findings) - n_err} perhatian di {_shown(o.written, root)}")


def _print_table(root: Path, outcomes: list[Outcome], findings: list[Any]) -> None:
    by_file: dict[str, int] = {}
    for f in errors(findings):
        by_file[f.file] = by_file.get(f.file, 0) + 1
    print("| berkas | format | satker | nama | langkah | lajur simbol/ditebak | catatan | galat |")
    print("|---|---|---|---|---|---|---|---|")
    for o in outcomes:
        r = o.report
        name = o.source.name
        if o.error or r is None:
            print(f"| {name} | {r.format if r else ''} | {r.satker or '' if r else ''} | | | | | {o.error} |")
            continue
        check = by_file.get(_shown(o.written, root), 0) if o.written else 0
        problem = f"sop check: {check} kesalahan" if check else ""
        print(
            f"| {name} | {r.format} | {r.satker} | {(r.nama or '')[:50]} | {r.steps} | {r.lanes_drawn}/{r.lanes_guessed} | {r.notes} | {problem} |"
        )
    ok = sum(1 for o in outcomes if not o.error)
    print(f"{ok} dari {len(outcomes)} dokumen menjadi draf; {len(outcomes) - ok} tidak dapat dibaca.")
