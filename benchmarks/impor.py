"""Folder import benchmark: `sop impor FOLDER` on 50 documents (issue 18 goal: under a minute).

The folder holds the corpus documents (tests/korpus/dokumen) as Word and text PDF, cycled under
distinct names until there are 50, with the seed registries and no SOP. Each run starts from an
empty sop_data/ and times the whole command (start-up, reading, drafts, `sop check` of them).
Scans are timed apart (`--pindaian`): OCR costs seconds a page.

Usage: python benchmarks/impor.py [--dokumen 50] [--ulang 3] [--pindaian]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KORPUS = ROOT / "tests" / "korpus" / "dokumen"


def folder(dest: Path, count: int, names: tuple[str, ...]) -> list[Path]:
    sources = sorted(p for name in names for p in KORPUS.glob(f"*/{name}"))
    dest.mkdir(parents=True)
    out = []
    for i in range(count):
        source = sources[i % len(sources)]
        out.append(dest / f"{i:02d}-{source.parent.name}{source.suffix}")
        shutil.copy(source, out[-1])
    return out


def project(dest: Path) -> None:
    (dest / "sop_data").mkdir(parents=True)
    for name in ("satker.yaml", "regulasi.yaml", "jabatan.yaml", "istilah.yaml"):
        shutil.copy(ROOT / "sop_data" / name, dest / "sop_data" / name)
    shutil.copytree(ROOT / "schema", dest / "schema")


def run_once(work: Path, documents: Path) -> tuple[float, str]:
    root = work / "proyek"
    shutil.rmtree(root, ignore_errors=True)
    project(root)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(root), "impor", str(documents), "--tambah-satker", "--timpa"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    return seconds, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dokumen", type=int, default=50)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--pindaian", action="store_true", help="time the scans instead (one run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = ("pindaian.pdf",) if args.pindaian else ("dokumen.docx", "dokumen.pdf")
        files = folder(
            work / "kiriman", args.dokumen if not args.pindaian else len(list(KORPUS.glob("*/pindaian.pdf"))), names
        )
        times = []
        for _ in range(1 if args.pindaian else args.ulang):
            seconds, last = run_once(work, work / "kiriman")
            times.append(seconds)
        kinds = ", ".join(sorted({p.suffix for p in files}))
        print("| dokumen | jenis | median detik | per dokumen | sasaran |\n|---|---|---|---|---|")
        median = statistics.median(times)
        goal = "—" if args.pindaian else "< 60 s untuk 50"
        print(
            f"| {len(files)} | {kinds} | {median:.1f} (dari {len(times)}: {', '.join(f'{t:.1f}' for t in times)}) | {median / len(files):.2f} | {goal} |"
        )
        print(last)


if __name__ == "__main__":
    main()
