"""`sop`: check sop_data/ the way the build does, and keep the schemas current."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import core, labels, review, schema
from .findings import errors


def _root(arg) -> Path:
    root = Path(arg).resolve()
    if not (root / "sop_data").is_dir():
        raise SystemExit(f"sop: tidak ada folder sop_data/ di {root}")
    return root


def cmd_check(args) -> int:
    try:
        today = review.reference_date(args.tanggal_acuan)
    except review.BadReferenceDate as exc:
        raise SystemExit("sop: " + labels.ERR["bad_reference_date"].format(var="--tanggal-acuan", value=exc)) from None
    _, findings = core.load(_root(args.root), today)
    if args.strict:
        findings = [f.__class__(**{**f.as_dict(), "level": "error"}) for f in findings]
    if args.format == "json":
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif args.format == "github":
        for f in findings:
            print(f.format_github())
    else:
        for f in findings:
            print(f.format())
        n_err = len(errors(findings))
        print(f"{n_err} kesalahan, {len(findings) - n_err} perhatian", file=sys.stderr)
    return 1 if errors(findings) else 0


def cmd_schema(args) -> int:
    for path in schema.write(_root(args.root)):
        print(path)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="sop", description="Alat buku pedoman SOP.")
    parser.add_argument("--root", default=".", help="folder proyek yang berisi sop_data/ (bawaan: folder ini)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="periksa semua berkas di sop_data/")
    p.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text: berkas:baris: KODE tingkat: bagian: pesan; json: daftar temuan; github: anotasi GitHub Actions",
    )
    p.add_argument("--strict", action="store_true", help="perlakukan perhatian sebagai kesalahan")
    p.add_argument(
        "--tanggal-acuan",
        metavar="TTTT-BB-HH",
        help=f"tanggal acuan pemeriksaan peninjauan (bawaan: ${review.ENV_VAR} atau hari ini)",
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("schema", help="tulis ulang JSON Schema di schema/")
    p.set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
