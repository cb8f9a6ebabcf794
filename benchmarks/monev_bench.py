"""Build benchmark: a handbook with monitoring and evaluation records against the same handbook without.

The same synthetic handbook (benchmarks/sintetis.py, same seed and shape) is generated into two project
copies, and one of them also gets ``--monev N`` years of records (sintetis.monev: both six-monthly
monitorings of every SOP and about one evaluation per SOP a year). Each copy is built once unmeasured
(a warm-up), then both are built ROUNDS times, the order alternating each round, every build in its own
process and measured as bench.py measures (bench.measured_build: wall and CPU seconds, peak RSS, with
NO_MKDOCS_2_WARNING=1 and SOP_TANGGAL_ACUAN=2026-11-23 from tests/conftest.py's ENV).

Prints one Markdown table of medians and the ratio. Goal: the records cost at most 1.1× the wall time.
Usage: python benchmarks/monev_bench.py [--sintetis 1000] [--rounds 3] [--bentuk ringan|benih] [--monev 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from bench import measured_build  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import MONEV_LAST_YEAR, generate, monev  # noqa: E402

GOAL = 1.1
VARIANTS = ("without", "with")


def projects(tmp: Path, count: int, shape: str, years: int) -> tuple[dict[str, Path], list[Path]]:
    """The two project copies, the same handbook; only ``with`` has monev records. Returns them and its records."""
    out = {}
    for name in VARIANTS:
        out[name] = make_project(tmp / name)
        generate(out[name], count, shape=shape)
    records = monev(out["with"], list(range(MONEV_LAST_YEAR - years + 1, MONEV_LAST_YEAR + 1)))
    return out, records


def build(name: str, project: Path, site: Path) -> dict:
    try:
        return measured_build(project / "mkdocs.yml", site)
    except SystemExit:
        print(f"build '{name}' failed ({project}):", file=sys.stderr)
        raise


def run(count: int, rounds: int, shape: str, years: int) -> tuple[dict[str, dict], dict]:
    with tempfile.TemporaryDirectory() as tmp:
        copies, records = projects(Path(tmp), count, shape, years)
        facts = {
            "files": len(records),
            "kb": sum(p.stat().st_size for p in records) / 1024,
            "rows": sum(p.read_text("utf-8").count("\n      - sop: ") for p in records),
            "evals": sum(p.read_text("utf-8").count("\n  - sop: ") for p in records),
        }
        for name in VARIANTS:  # warm-up, not measured: first-build effects hit both alike
            build(name, copies[name], Path(tmp) / f"site-{name}")
        runs: dict[str, list[dict]] = {name: [] for name in VARIANTS}
        for i in range(rounds):  # alternating, so a slower minute or a build's position hurts both alike
            for name in VARIANTS if i % 2 == 0 else VARIANTS[::-1]:
                runs[name].append(build(name, copies[name], Path(tmp) / f"site-{name}"))
                print(f"... round {i + 1} {name}: {runs[name][-1]['wall']:.1f} s", file=sys.stderr, flush=True)
    medians = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    for name, rs in runs.items():
        medians[name]["rss_max"] = max(r["rss_mb"] for r in rs)
    return medians, facts


def table(results: dict[str, dict], facts: dict, count: int, rounds: int, shape: str, years: int) -> str:
    first, last = MONEV_LAST_YEAR - years + 1, MONEV_LAST_YEAR
    lines = [
        f"{count + 5:,} SOPs ({count:,} generated, {shape}, seed 2026, plus the five seeds); `with`: {years} years of "
        f"monev records ({first}-{last}): {facts['files']} files, {facts['kb']:,.0f} KB, {facts['rows']:,} "
        f"monitoring rows, {facts['evals']:,} evaluations. Medians of {rounds} rounds (after one warm-up build "
        f"each). Goal: `with` ≤ {GOAL}× `without` in wall time.",
        "",
        "| variant | wall s | CPU s | peak RSS MB (median) | peak RSS MB (max) | site MB |",
        "|---|---|---|---|---|---|",
    ]
    for name in VARIANTS:
        f = results[name]
        lines.append(
            f"| {name} | {f['wall']:.1f} | {f['cpu']:.1f} | {f['rss_mb']:.0f} | {f['rss_max']:.0f} | {f['site_mb']:.1f} |"
        )
    w, wo = results["with"], results["without"]
    ratio = w["wall"] / wo["wall"]
    lines.append(
        f"| **ratio** | **{ratio:.3f}×** (goal ≤ {GOAL}×) | {w['cpu'] / wo['cpu']:.3f}× | "
        f"{w['rss_mb'] / wo['rss_mb']:.3f}× | {w['rss_max'] / wo['rss_max']:.3f}× | {w['site_mb'] / wo['site_mb']:.3f}× |"
    )
    lines.append(f"\nWall-time goal {'met' if ratio <= GOAL else 'NOT met'}: {ratio:.3f}× (≤ {GOAL}×).")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=1000, help="synthetic SOPs to generate")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan", help="record shape (sintetis.py)")
    parser.add_argument("--monev", type=int, default=2, metavar="N", help="years of records in `with`")
    args = parser.parse_args()
    print(f"(builds with SOP_TANGGAL_ACUAN={ENV['SOP_TANGGAL_ACUAN']})", file=sys.stderr)
    results, facts = run(args.sintetis, args.rounds, args.bentuk, args.monev)
    if args.sintetis == 1000:
        ratio = results["with"]["wall"] / results["without"]["wall"]
        hasil.keep("monev-1000", args.bentuk, ratio=ratio, results=results, facts=facts, rounds=args.rounds)
    print(table(results, facts, args.sintetis, args.rounds, args.bentuk, args.monev))
