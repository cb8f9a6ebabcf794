"""National benchmark: one 10,000-SOP handbook over 10 provinces, built as one site and split.

Generates the handbook (benchmarks/sintetis.py, seeded), builds it as a single site, then
`sop pecah` and the national build (Material's projects plugin builds the provinces two at a
time, then the national pages read their exports). Prints wall time and peak RSS of each, and
checks that a sample of SOP pages is the same in both.

Usage: python benchmarks/national.py [--sintetis 10000] [--provinsi 10] [--bentuk ringan|benih]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402


def timed(args, cwd, env=None) -> tuple[float, float]:
    """Wall seconds, and the peak RSS of the largest process of this command (GNU time's %M)."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args], cwd=cwd, env=env or ENV, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return time.perf_counter() - start, int(result.stderr.strip().splitlines()[-1]) / 1024


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=10_000)
    parser.add_argument("--provinsi", type=int, default=10)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan", help="record shape (sintetis.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = make_project(Path(tmp) / "sumber")
        generate(source, args.sintetis, args.provinsi, shape=args.bentuk)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
        single_s, single_rss = timed([*mkdocs, "--site-dir", str(Path(tmp) / "single")], source)
        split_s, _ = timed(
            [sys.executable, "-m", "macros", "--root", str(source), "pecah", str(Path(tmp) / "nas")], ROOT
        )
        national_s, national_rss = timed(mkdocs, Path(tmp) / "nas")
        site = Path(tmp) / "nas" / "site"
        pages = sorted((Path(tmp) / "single" / "sop").rglob("*.html"))
        sample = random.Random(1).sample(pages, min(200, len(pages)))
        same = sum(
            article(p) == article(next(site.glob(f"*/{p.relative_to(Path(tmp) / 'single').as_posix()}")))
            for p in sample
        )
        total = args.sintetis + 5
        print(f"{total:,} SOPs ({args.bentuk}) over {args.provinsi} provinces (+ the seeds' provinces), 2 cores")
        print(f"single site:     {single_s:7.1f} s   peak RSS {single_rss:6.0f} MB (largest process)")
        print(f"sop pecah:       {split_s:7.1f} s")
        print(f"national build:  {national_s:7.1f} s   peak RSS {national_rss:6.0f} MB (largest process)")
        print(f"same SOP page in both: {same} of {len(sample)} sampled")


if __name__ == "__main__":
    main()
