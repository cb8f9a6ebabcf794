"""`sop`: check sop_data/ the way the build does, draft records (`impor`, `baru`), keep the schemas current."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import baru, core, monev, pantau, schema, settings
from .findings import errors, gitlab_report

EXIT_STATUS = (
    "Status keluar: 0 selesai tanpa kesalahan; 1 ada temuan tingkat kesalahan (error) di data; "
    "2 perintah keliru, atau berkas/folder yang disebut tidak ada atau tidak terbaca."
)


class UsageError(Exception):
    """The command was used wrongly, or names something that is not there: one line, exit status 2."""


def _root(arg: str) -> Path:
    root = Path(arg).resolve()
    if not (root / "sop_data").is_dir():
        raise UsageError(f"tidak ada folder sop_data/ di {root}")
    return root


def _today(root: Path, given: str | None = None) -> dt.date:
    """The day reviews are judged from: --tanggal-acuan, else the sop plugin's reference_date in
    mkdocs.yml (as the build reads it), else today."""
    try:
        if given:
            return settings.reference_date(given) or dt.date.today()
        return settings.read(root).today()
    except settings.SettingError as exc:
        raise UsageError(str(exc)) from None


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args.root)
    today = _today(root, args.tanggal_acuan)
    only = _relative(root, args.berkas) if args.berkas else None
    _, findings = core.load(root, today, only, workers=min(2, os.cpu_count() or 1))
    if only is not None:
        # Judged without the other SOPs: what is said about these files, and any registry error.
        findings = [f for f in findings if f.file in only or f.level == "error"]
    if args.strict:
        findings = [f.__class__(**{**f.as_dict(), "level": "error"}) for f in findings]
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif args.format == "github":
        for f in findings:
            print(f.format_github())
    elif args.format == "gitlab":
        print(json.dumps(gitlab_report(findings), ensure_ascii=False, indent=1))
    else:
        for f in findings:
            print(f.format())
        n_err = len(errors(findings))
        print(f"{n_err} kesalahan, {len(findings) - n_err} perhatian", file=sys.stderr)
    return 1 if errors(findings) else 0


def _findings_for(root: Path, path: Path) -> int:
    """Check the handbook with the new file in it; print what `sop check` says about that file."""
    _, findings = core.load(root, _today(root))
    rel = path.relative_to(root).as_posix()
    mine = [f for f in findings if f.file == rel]
    for f in mine:
        print("  " + f.format())
    n_err = len(errors(mine))
    print(f"sop check: {n_err} kesalahan, {len(mine) - n_err} perhatian di {rel}")
    return 1 if n_err else 0


def _write_new(path: Path, text: str, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise UsageError(f"{path} sudah ada; pilih nama lain atau tambahkan --timpa")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def cmd_impor(args: argparse.Namespace) -> int:
    from .impor import command

    root = _root(args.root)

    def ask(question: str) -> bool:
        if not sys.stdin.isatty():
            return False
        return input(f"{question}[y/T] ").strip().casefold() in ("y", "ya")

    try:
        return command.run(
            root,
            Path(args.berkas),
            satker=args.satker,
            target=Path(args.keluar).resolve() if args.keluar else None,
            overwrite=args.timpa,
            add_satker=args.tambah_satker,
            keep_source=not args.tanpa_sumber,
            summary=Path(args.ringkasan) if args.ringkasan else None,
            ask=ask,
        )
    except command.UsageError as exc:
        print(f"sop: {exc}", file=sys.stderr)
        return 2


def _ask(value: str | None, prompt: str) -> str:
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"{prompt} belum diberikan (lihat sop baru --help)")
    return input(f"{prompt}: ").strip()


def cmd_baru(args: argparse.Namespace) -> int:
    root = _root(args.root)
    book, _ = core.load(root, dt.date.today())
    satker = _ask(args.satker, "Satker (kunci di sop_data/satker.yaml)")
    if satker not in book.satker_map:
        raise UsageError(f"satker '{satker}' tidak ada di sop_data/satker.yaml")
    nama = _ask(args.nama, "Nama SOP")
    nomor = _ask(args.nomor, "Nomor SOP")
    lanes = args.pelaksana or [
        p.strip() for p in _ask(None, "Pelaksana (pisahkan dengan koma)").split(",") if p.strip()
    ]
    steps = args.langkah or int(_ask(None, "Jumlah langkah"))
    try:
        text = baru.skeleton(nama, nomor, lanes, steps, args.sumber)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    path = baru.target(root, satker, nama)
    _write_new(path, text, args.timpa)
    print(f"Ditulis: {path.relative_to(root)}")
    return _findings_for(root, path)


def cmd_pantau(args: argparse.Namespace) -> int:
    root = _root(args.root)
    today = _today(root)
    try:
        period = monev.parse_period(args.periode) if args.periode else monev.period_of(today)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    book, _ = core.load(root, today)
    try:
        path = pantau.write(book, args.satker, period)
    except pantau.PantauError as exc:
        raise UsageError(str(exc)) from None
    print(f"Ditulis: {path.relative_to(root)} ({period.label}); isi setiap [isi ...], lalu jalankan `sop check`")
    return _findings_for(root, path)


def _relative(root: Path, names: list[str]) -> set[str]:
    """The records named on the command line, as paths from the project root: a file, or every
    YAML file in a folder, under sop_data/. Anything else is a usage error, never an empty check."""
    data = root / "sop_data"
    out: set[str] = set()
    for name in names:
        path = Path(name).resolve()
        if not path.exists():
            raise UsageError(f"{name} tidak ada")
        if not path.is_relative_to(data):
            raise UsageError(f"{name} tidak berada di {data}; sebutkan berkas atau folder di sop_data/")
        found = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        if not found:
            raise UsageError(f"tidak ada berkas YAML di {name}")
        out.update(p.relative_to(root).as_posix() for p in found)
    return out


def cmd_pecah(args: argparse.Namespace) -> int:
    from . import nasional

    root = _root(args.root)
    try:
        if args.daftar:  # for a CI matrix: the provinces, as JSON
            from .loader import load_handbook

            print(json.dumps(sorted(nasional.provinces(load_handbook(root, only=set()).satker_map))))
            return 0
        out = Path(args.keluar).resolve()
        counts = nasional.split(root, out)
    except nasional.SplitError as exc:
        raise UsageError(str(exc)) from None
    for province, count in counts.items():
        print(f"{nasional.PROJECTS_DIR}/{province}: {count} SOP")
    print(f"Proyek nasional: {out / 'mkdocs.yml'} (bangun dengan `mkdocs build` di {out})")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from . import pdf

    root = _root(args.root)
    only = _relative(root, args.berkas) if args.berkas else None
    book, findings = core.load(root, _today(root), only)
    bad = errors(findings)
    if bad:
        for f in bad:
            print(f.format(), file=sys.stderr)
        print(f"{len(bad)} kesalahan; PDF tidak dibuat (jalankan `sop check`)", file=sys.stderr)
        return 1
    out = Path(args.keluar).resolve()
    try:
        made = pdf.write_all(book, root, out, workers=args.proses)
    except pdf.PdfError as exc:
        raise UsageError(str(exc)) from None
    for m in made:
        print(f"{_shown(m.path, root)}: {m.pages} halaman, {m.size / 1024:.0f} KB, {m.seconds:.2f} detik")
    total = sum(m.seconds for m in made)
    print(f"{len(made)} PDF di {_shown(out, root)}; {total / max(len(made), 1):.2f} detik per SOP")
    return 0


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def cmd_schema(args: argparse.Namespace) -> int:
    for path in schema.write(_root(args.root)):
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sop", description="Alat buku pedoman SOP.", epilog=EXIT_STATUS)
    parser.add_argument("--root", default=".", help="folder proyek yang berisi sop_data/ (bawaan: folder ini)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "check", help="periksa semua berkas di sop_data/, atau berkas dan folder yang disebut", epilog=EXIT_STATUS
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "github", "gitlab"],
        default="text",
        help=(
            "text: berkas:baris: KODE tingkat: bagian: pesan; json: daftar temuan; github: anotasi GitHub Actions; "
            "gitlab: laporan Code Quality GitLab"
        ),
    )
    p.add_argument("--strict", action="store_true", help="perlakukan perhatian sebagai kesalahan")
    p.add_argument(
        "berkas",
        nargs="*",
        help="periksa hanya berkas SOP ini, atau semua berkas di folder ini, di bawah sop_data/ (dengan register); bawaan: semua",
    )
    p.add_argument(
        "--tanggal-acuan",
        metavar="TTTT-BB-HH",
        help="tanggal acuan pemeriksaan peninjauan (bawaan: reference_date plugin sop di mkdocs.yml, atau hari ini)",
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser(
        "impor",
        help="buat draf YAML dari SOP yang sudah ada: .docx, .doc, PDF, pindaian (PDF/gambar) atau teks; satu berkas atau satu folder",
        description="Keluar 0: setiap dokumen menjadi draf; 1: ada draf yang ditolak `sop check`; 2: ada dokumen yang tidak dapat dibaca, atau perintah keliru.",
    )
    p.add_argument(
        "berkas", help="dokumen SOP AP (.docx, .doc, .pdf, .png/.jpg, .txt), atau folder berisi dokumen-dokumen itu"
    )
    p.add_argument("--satker", help="kunci satker di sop_data/satker.yaml (bawaan: dikenali dari dokumen)")
    p.add_argument("--keluar", help="berkas YAML tujuan untuk satu dokumen (bawaan: sop_data/<satker>/<nama-sop>.yaml)")
    p.add_argument("--timpa", action="store_true", help="timpa draf yang sudah ada")
    p.add_argument(
        "--tambah-satker",
        action="store_true",
        help="satker yang belum terdaftar ditambahkan ke sop_data/satker.yaml dari kop dokumen",
    )
    p.add_argument(
        "--tanpa-sumber",
        action="store_true",
        help="jangan simpan salinan dokumen di sumber/<satker>/ (bawaan: disimpan dan ditautkan)",
    )
    p.add_argument("--ringkasan", metavar="BERKAS.csv", help="tulis satu baris per dokumen ke CSV ini")
    p.set_defaults(func=cmd_impor)
    p = sub.add_parser("baru", help="buat kerangka SOP baru yang langsung lolos pemeriksaan skema", epilog=EXIT_STATUS)
    p.add_argument("--satker", help="kunci satker di sop_data/satker.yaml")
    p.add_argument("--nama", help="Nama SOP seperti tercetak")
    p.add_argument("--nomor", help="Nomor SOP seperti tercetak")
    p.add_argument("--pelaksana", action="append", help="nama lajur pelaksana; ulangi untuk setiap lajur, berurutan")
    p.add_argument("--langkah", type=int, help="jumlah langkah")
    p.add_argument("--sumber", default="SOP baru (sop baru)", help="asal transkripsi, mis. nama berkas dokumen")
    p.add_argument("--timpa", action="store_true", help="timpa berkas tujuan yang sudah ada")
    p.set_defaults(func=cmd_baru)
    p = sub.add_parser(
        "pantau",
        help="tulis kerangka monitoring satu periode (Tabel 7) untuk setiap SOP satu satker",
        epilog=EXIT_STATUS,
    )
    p.add_argument("satker", help="kunci satker di sop_data/satker.yaml")
    p.add_argument(
        "--periode", help="mis. 'Semester I 2026' (bawaan: periode yang memuat tanggal acuan, yaitu hari ini)"
    )
    p.set_defaults(func=cmd_pantau)
    p = sub.add_parser(
        "pecah", help="pecah buku pedoman per provinsi, dengan situs nasional di atasnya", epilog=EXIT_STATUS
    )
    p.add_argument(
        "keluar",
        nargs="?",
        default="nasional",
        help="folder tujuan: baru, kosong, atau hasil `sop pecah` sebelumnya (ditulis ulang); di luar sop_data/, docs/ dan folder sumber lain; bawaan: nasional",
    )
    p.add_argument("--daftar", action="store_true", help="cetak daftar provinsi (JSON) untuk matriks CI, lalu selesai")
    p.set_defaults(func=cmd_pecah)
    p = sub.add_parser(
        "pdf",
        help="buat PDF setiap SOP: formulir A4 (identitas dan kotak, lalu tabel bagan alir)",
        epilog=EXIT_STATUS,
    )
    p.add_argument(
        "berkas", nargs="*", help="hanya SOP ini, atau semua SOP di folder ini, di bawah sop_data/; bawaan: semua"
    )
    p.add_argument(
        "--keluar", default="pdf", help="folder tujuan, satu PDF per SOP: <satker>/<nama>.pdf (bawaan: pdf/)"
    )
    p.add_argument("--proses", type=int, help="jumlah proses yang membuat PDF bersamaan (bawaan: jumlah CPU)")
    p.set_defaults(func=cmd_pdf)
    p = sub.add_parser("schema", help="tulis ulang JSON Schema di schema/")
    p.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    # What the library logs (a parallel check falling back to one process) reaches the maintainer.
    logging.basicConfig(format="sop: %(message)s", level=logging.WARNING)
    command: Callable[[argparse.Namespace], int] = args.func
    try:
        return command(args)
    except UsageError as exc:
        print(f"sop: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
