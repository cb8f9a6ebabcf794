"""National benchmark: one 10,000-SOP handbook over 10 provinces, built as one site and as a CI matrix would.

Generates the handbook (benchmarks/sintetis.py, seeded), builds it as a single site, splits it
with `sop pecah`, then builds what a CI matrix builds: each province on its own (one job each,
timed one after another so that no two share the cores), then the national pages from their
sites (`SOP_BANGUN_PROVINSI=false`, the national job). The critical path a matrix sees is the
split, the slowest province, then the split again and the national pages. Prints wall time and
peak RSS (largest process) of each command, and checks that a sample of SOP pages is the same in
the single site and in the provinces' sites.

Usage: python benchmarks/national.py [--sintetis 10000] [--provinsi 10] [--bentuk ringan|benih]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from bench import timed  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402


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
        tmp = Path(tmp)
        source = make_project(tmp / "sumber")
        generate(source, args.sintetis, args.provinsi, shape=args.bentuk)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
        single_s, single_rss = timed([*mkdocs, "--site-dir", str(tmp / "single")], source)
        print(f"... single site {single_s:.0f} s", file=sys.stderr, flush=True)
        shutil.rmtree(tmp / "single" / "pdf", ignore_errors=True)
        split_s, split_rss = timed(
            [sys.executable, "-m", "macros", "--root", str(source), "pecah", str(tmp / "nas")], ROOT
        )
        site = tmp / "nas" / "site"
        provinces = []
        for project in sorted((tmp / "nas" / "provinsi").iterdir()):
            sops = len(list((project / "sop_data").glob("*/*.yaml")))
            seconds, peak = timed([*mkdocs, "--site-dir", str(site / project.name)], project)
            provinces.append({"name": project.name, "sops": sops, "seconds": seconds, "peak_mb": peak})
            print(f"... {project.name}: {sops} SOPs, {seconds:.0f} s", file=sys.stderr, flush=True)
        national_s, national_rss = timed(mkdocs, tmp / "nas", {**ENV, "SOP_BANGUN_PROVINSI": "false"})
        pages = sorted((tmp / "single" / "sop").rglob("*.html"))
        sample = random.Random(1).sample(pages, min(200, len(pages)))
        same = sum(
            article(p) == article(next(site.glob(f"*/{p.relative_to(tmp / 'single').as_posix()}"))) for p in sample
        )
    largest = max(provinces, key=lambda p: p["seconds"])
    critical = split_s + largest["seconds"] + split_s + national_s
    total = args.sintetis + 5
    print(f"{total:,} SOPs ({args.bentuk}) over {len(provinces)} province projects (the seeds' provinces included)")
    print("\n| command | SOPs | wall s | peak RSS MB |\n|---|---|---|---|")
    print(f"| single site (`mkdocs build`) | {total:,} | {single_s:.1f} | {single_rss:.0f} |")
    print(f"| `sop pecah` | {total:,} | {split_s:.1f} | {split_rss:.0f} |")
    for p in provinces:
        print(f"| province {p['name']} | {p['sops']:,} | {p['seconds']:.1f} | {p['peak_mb']:.0f} |")
    print(
        f"| national pages (`SOP_BANGUN_PROVINSI=false`) | {total:,} listed | {national_s:.1f} | {national_rss:.0f} |"
    )
    print(f"| provinces one after another (sum) | | {sum(p['seconds'] for p in provinces):.1f} | |")
    print(
        f"\nCritical path of a CI matrix (split, slowest province {largest['name']}, split, national pages): "
        f"{critical:.1f} s, {critical / single_s:.2f}× the single site's {single_s:.1f} s."
    )
    print(f"Same SOP page in both: {same} of {len(sample)} sampled.")
    hasil.keep(
        f"national-{args.sintetis}",
        args.bentuk,
        single={"seconds": single_s, "peak_mb": single_rss},
        split={"seconds": split_s, "peak_mb": split_rss},
        provinces=provinces,
        national={"seconds": national_s, "peak_mb": national_rss},
        critical_s=critical,
        same=same,
        sampled=len(sample),
    )


if __name__ == "__main__":
    main()
