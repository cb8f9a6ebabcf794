"""A reference for the next engine: Zensical beside bare Material on the very same pre-rendered pages.

The handbook is generated (seed-shaped records by default), built once to write each page's final
Markdown (SOP_SALIN_MARKDOWN), and that Markdown is built by bare mkdocs-material and by Zensical,
interleaved, ROUNDS times each, every build in its own process. Zensical comes from its own venv
(`make bench-zensical` makes `.venv-zensical` from requirements-zensical.txt; 0.0.73 is the newest
release installable from the registries here, see docs/pemeliharaan.md). Wall time is measured
around the process, with its peak RSS from /usr/bin/time (Zensical's work is in its Rust core).

Usage: python benchmarks/zensical_ref.py [--sintetis 1000] [--bentuk benih] [--rounds 2]
       [--zensical .venv-zensical/bin/zensical]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from bench import bare_project, timed  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402

# Zensical 0.0.73 refuses to index a search field past 65,536 token positions; at 1,000 SOPs the
# review schedule's section of regulations changed after signing has about 84,000, and the build
# stops. That page is left out of search for both engines (front matter both honour).
LEFT_OUT_OF_SEARCH = ["pemeriksaan/peninjauan.md"]


def leave_out_of_search(docs: Path) -> None:
    for rel in LEFT_OUT_OF_SEARCH:
        page = docs / rel
        page.write_text("---\nsearch:\n  exclude: true\n---\n\n" + page.read_text("utf-8"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=1000)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="benih")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--zensical", type=Path, default=ROOT / ".venv-zensical" / "bin" / "zensical")
    args = parser.parse_args()
    if not args.zensical.is_file():
        raise SystemExit(f"{args.zensical} tidak ada: jalankan `make bench-zensical`")
    version = subprocess.run([str(args.zensical), "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        handbook = make_project(Path(tmp) / "handbook")
        generate(handbook, args.sintetis, shape=args.bentuk)
        dump = Path(tmp) / "dump"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(Path(tmp) / "warm")],
            cwd=handbook, env={**ENV, "SOP_SALIN_MARKDOWN": str(dump)}, check=True,
        )  # fmt: skip
        bare = bare_project(handbook, dump)
        leave_out_of_search(bare / "docs")
        runs: dict[str, list[tuple[float, float]]] = {"material": [], "zensical": []}
        for _ in range(args.rounds):  # interleaved, so a slower minute hurts both alike
            shutil.rmtree(bare / "site", ignore_errors=True)
            runs["material"].append(timed([sys.executable, "-m", "mkdocs", "build", "-q"], bare))
            shutil.rmtree(bare / "site", ignore_errors=True)
            runs["zensical"].append(timed([str(args.zensical), "build", "--clean"], bare))
        pages = len(list((bare / "site").rglob("*.html")))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    rss = {k: statistics.median(m for _, m in v) for k, v in runs.items()}
    if args.sintetis == 1000:
        ratio = wall["zensical"] / wall["material"]
        hasil.keep("zensical-1000", args.bentuk, ratio=ratio, wall=wall, rss=rss, version=version, pages=pages)
    print(
        f"Zensical {version} beside bare mkdocs-material, {args.sintetis + 5:,} SOPs ({args.bentuk}), {pages:,} pages"
    )
    print("| engine | wall s | peak RSS MB |\n|---|---|---|")
    for k in runs:
        print(f"| {k} | {wall[k]:.1f} | {rss[k]:.0f} |")
    print(f"| **zensical / material** | **{wall['zensical'] / wall['material']:.2f}×** | "
          f"{rss['zensical'] / rss['material']:.2f}× |")  # fmt: skip


if __name__ == "__main__":
    main()
