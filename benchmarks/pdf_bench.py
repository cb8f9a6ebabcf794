"""PDF cost: `sop pdf` over a synthetic handbook, in one process and over every core.

Goal (issue 19): at most 0.5 s per SOP per core at 1,000 generated SOPs. Prints, for one process and
for all cores: wall seconds for the whole command, seconds per SOP, seconds per SOP per core, and
the PDFs' mean size and pages.

Usage: python benchmarks/pdf_bench.py [--sintetis 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402


def run(project: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "macros", "pdf", "--keluar", str(out), "--proses", str(workers)],
        cwd=project, env=ENV, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=1000)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan", help="record shape (sintetis.py)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        generate(project, args.sintetis, shape=args.bentuk)
        count = len(list((project / "sop_data").glob("*/*.yaml")))
        print("| proses | SOP | detik | detik per SOP | detik per SOP per inti | sasaran |\n|---|---|---|---|---|---|")
        runs = []
        for workers in sorted({1, cores}):
            out = Path(tmp) / f"pdf-{workers}"
            seconds = run(project, out, workers)
            runs.append({"workers": workers, "seconds": seconds})
            per = seconds / count
            print(f"| {workers} | {count:,} | {seconds:.1f} | {per:.3f} | {per * workers:.3f} | ≤ 0.5 |")
        if args.sintetis == 1000:
            hasil.keep("pdf-1000", args.bentuk, sops=count, runs=runs)
        files = sorted(out.rglob("*.pdf"))
        sizes = [f.stat().st_size for f in files]
        pages = [len(pypdf.PdfReader(f).pages) for f in files[:200]]
        print(
            f"\nPDF: {len(files):,} berkas, rata-rata {statistics.mean(sizes) / 1024:.0f} KB "
            f"(terbesar {max(sizes) / 1024:.0f} KB), {statistics.mean(pages):.1f} halaman (200 pertama)"
        )


if __name__ == "__main__":
    main()
