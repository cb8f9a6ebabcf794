"""Build benchmark: this handbook against bare mkdocs-material on the very same pages.

For each size, a synthetic handbook is generated (benchmarks/sintetis.py, seeded), built once
to write each page's final Markdown (SOP_SALIN_MARKDOWN), and then the two variants are built
interleaved, ROUNDS times each, every build in its own process:

- handbook: this project (macros, checks, sop-mermaid2, hooks, Material, search, offline);
- bare: Material with search and offline on the same Markdown and nav, with Material's own
  Mermaid fence, no macros, no hooks, no mermaid2.

Prints one table: wall and CPU seconds (median), peak RSS, site size, search index size, and the
ratios. Usage: python benchmarks/bench.py [COUNT ...] [--rounds N]   (default: 100 1000 3000)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402

BARE_CONFIG = {
    "site_name": "Buku Pedoman SOP (bare Material)",
    "docs_dir": "docs",
    "use_directory_urls": False,
    "theme": {"name": "material", "language": "id", "font": False, "features": ["navigation.prune"]},
    "plugins": ["search", "offline"],
    "markdown_extensions": [
        "tables",
        "md_in_html",
        "attr_list",
        {"toc": {"permalink": False}},
        {
            "pymdownx.superfences": {
                "custom_fences": [
                    {
                        "name": "mermaid",
                        "class": "mermaid",
                        "format": "!!python/name:pymdownx.superfences.fence_code_format",
                    }
                ]
            }
        },
    ],
    "validation": {"nav": {"omitted_files": "ignore", "not_found": "ignore"}, "links": {"not_found": "ignore"}},
}


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds, and the peak RSS in MB of the largest process of one command (GNU time's %M)."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, env=env or ENV, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(" ".join(command) + "\n" + result.stdout[-3000:] + result.stderr[-3000:])
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measured_build(config: Path, site: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/_build.py"), str(config), str(site)],
        cwd=config.parent,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["site_mb"] = size(site) / 1e6
    index = site / "search" / "search_index.json"
    figures["index_mb"] = index.stat().st_size / 1e6 if index.exists() else 0.0
    return figures


def bare_project(handbook: Path, dump: Path) -> Path:
    """Material alone, on the pages and nav the handbook's build wrote to ``dump``."""
    bare = handbook.parent / "bare"
    shutil.copytree(dump / "docs", bare / "docs")
    config = dict(BARE_CONFIG, nav=json.loads((dump / "nav.json").read_text(encoding="utf-8")))
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace(
        "'!!python/name:pymdownx.superfences.fence_code_format'", "!!python/name:pymdownx.superfences.fence_code_format"
    )
    (bare / "mkdocs.yml").write_text(text, encoding="utf-8")
    return bare


def run(count: int, rounds: int, shape: str = "ringan") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        handbook = make_project(Path(tmp) / "handbook")
        generate(handbook, count, shape=shape)
        dump = Path(tmp) / "dump"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(Path(tmp) / "warm")],
            cwd=handbook,
            env={**ENV, "SOP_SALIN_MARKDOWN": str(dump)},
            check=True,
        )
        bare = bare_project(handbook, dump)
        runs: dict[str, list[dict]] = {"handbook": [], "bare": []}
        for _ in range(rounds):  # interleaved, so a slower minute hurts both alike
            runs["handbook"].append(measured_build(handbook / "mkdocs.yml", Path(tmp) / "site-handbook"))
            runs["bare"].append(measured_build(bare / "mkdocs.yml", Path(tmp) / "site-bare"))
        total = count + 5  # the five seeds stay in
        return {
            name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} | {"sops": total} for name, rs in runs.items()
        }


def table(results: dict[int, dict], shape: str = "ringan") -> str:
    lines = [
        f"Records: {'seed-shaped (benchmarks/sintetis.py --bentuk benih)' if shape == 'benih' else 'light'}. "
        "Goal: handbook within 1.1× of bare Material in wall time, 1.5× in memory.",
        "",
        "| SOPs | variant | wall s | CPU s | peak RSS MB | site MB | search index MB | index KB/SOP |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results.values():
        for name in ("handbook", "bare"):
            f = r[name]
            lines.append(
                f"| {f['sops']:,} | {name} | {f['wall']:.1f} | {f['cpu']:.1f} | {f['rss_mb']:.0f} | "
                f"{f['site_mb']:.1f} | {f['index_mb']:.2f} | {f['index_mb'] * 1000 / f['sops']:.2f} |"
            )
        h, b = r["handbook"], r["bare"]
        lines.append(
            f"| {h['sops']:,} | **ratio** | **{h['wall'] / b['wall']:.2f}×** | {h['cpu'] / b['cpu']:.2f}× | "
            f"**{h['rss_mb'] / b['rss_mb']:.2f}×** | {h['site_mb'] / b['site_mb']:.2f}× | "
            f"{h['index_mb'] / b['index_mb']:.2f}× | |"
        )
    per_sop = {c: r["handbook"]["wall"] / r["handbook"]["sops"] for c, r in results.items()}
    if len(per_sop) > 1:
        small, large = min(per_sop), max(per_sop)
        lines.append(
            f"\nPer-SOP build time: {per_sop[small] * 1000:.1f} ms at {small:,}, {per_sop[large] * 1000:.1f} ms at "
            f"{large:,} ({per_sop[large] / per_sop[small]:.2f}×)."
        )
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000, 3000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan", help="record shape (sintetis.py)")
    args = parser.parse_args()
    results = {}
    for count in args.counts:
        results[count] = run(count, args.rounds, args.bentuk)
        hasil.keep(f"build-{count}", args.bentuk, **results[count], rounds=args.rounds)
        print(f"... {count} SOP selesai", file=sys.stderr, flush=True)
    print(table(results, args.bentuk))
