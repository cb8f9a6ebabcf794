"""The summary of `make bench`: each goal beside what the last run of its benchmark measured.

Reads the figures the benchmarks kept (benchmarks/hasil.py); a benchmark not run yet shows as
not measured, never as met. Usage: python benchmarks/tabel.py [--bentuk benih|ringan]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hasil import read  # noqa: E402

Row = tuple[str, str, str, bool | None]  # what, measured, goal, met (None: no goal, or not measured)


def _build(shape: str, count: int) -> list[Row]:
    f = read(f"build-{count}", shape)
    what = f"build, {count:,} SOPs, handbook vs bare Material on the same pages"
    if f is None:
        return [(what, "not measured", "≤ 1.1× time, ≤ 1.5× memory", None)]
    h, b = f["handbook"], f["bare"]
    wall, rss = h["wall"] / b["wall"], h["rss_mb"] / b["rss_mb"]
    return [
        (what + ": time", f"{wall:.2f}× ({h['wall']:.1f} vs {b['wall']:.1f} s)", "≤ 1.1×", wall <= 1.1),
        (what + ": memory", f"{rss:.2f}× ({h['rss_mb']:.0f} vs {b['rss_mb']:.0f} MB)", "≤ 1.5×", rss <= 1.5),
    ]


def _check(shape: str) -> list[Row]:
    f = read("check-10000", shape)
    what = "`sop check`, 10,000 files"
    if f is None:
        return [(what, "not measured", "≤ 10 s, ≤ 500 MB", None)]
    return [
        (what + ": time", f"{f['seconds']:.1f} s", "≤ 10 s", f["seconds"] <= 10),
        (what + ": memory", f"{f['peak_mb']:.0f} MB", "≤ 500 MB", f["peak_mb"] <= 500),
    ]


def _monev(shape: str) -> list[Row]:
    f = read("monev-1000", shape)
    what = "build, 1,000 SOPs with two years of monitoring records vs without"
    if f is None:
        return [(what, "not measured", "≤ 1.1×", None)]
    return [(what, f"{f['ratio']:.3f}×", "≤ 1.1×", f["ratio"] <= 1.1)]


def _pdf(shape: str) -> list[Row]:
    f = read("pdf-1000", shape)
    what = "PDF per SOP, 1,000 SOPs"
    if f is None:
        return [(what, "not measured", "≤ 0.5 s per SOP per core", None)]
    rows = []
    for run in f["runs"]:
        per_core = run["seconds"] / f["sops"] * run["workers"]
        rows.append(
            (
                f"{what}, {run['workers']} process{'es' if run['workers'] > 1 else ''}",
                f"{run['seconds']:.0f} s, {run['seconds'] / f['sops']:.3f} s per SOP, {per_core:.3f} per core",
                "≤ 0.5 s per SOP per core",
                per_core <= 0.5,
            )
        )
    return rows


def _national(shape: str) -> list[Row]:
    f = read("national-10000", shape)
    what = "national, 10,000 SOPs in 10 provinces"
    if f is None:
        return [(what, "not measured", "reported", None)]
    largest = max(f["provinces"], key=lambda p: p["seconds"])
    return [
        (f"{what}: single site", f"{f['single']['seconds']:.0f} s, {f['single']['peak_mb']:.0f} MB", "reported", None),
        (
            f"{what}: slowest province ({largest['name']}, {largest['sops']:,} SOPs)",
            f"{largest['seconds']:.0f} s, {largest['peak_mb']:.0f} MB",
            "reported",
            None,
        ),
        (
            f"{what}: national pages",
            f"{f['national']['seconds']:.0f} s, {f['national']['peak_mb']:.0f} MB",
            "reported",
            None,
        ),
        (
            f"{what}: critical path of a CI matrix",
            f"{f['critical_s']:.0f} s ({f['critical_s'] / f['single']['seconds']:.2f}× the single site)",
            "reported",
            None,
        ),
    ]


def _zensical(shape: str) -> list[Row]:
    f = read("zensical-1000", shape)
    what = "Zensical vs bare Material, same pages, 1,000 SOPs (reference)"
    if f is None:
        return [(what, "not measured (`make bench-zensical`)", "reported", None)]
    return [(what, f"{f['ratio']:.2f}× time ({f['version']})", "reported", None)]


SECTIONS: list[Callable[[str], list[Row]]] = [
    lambda s: _build(s, 1000),
    lambda s: _build(s, 3000),
    _check,
    _monev,
    _pdf,
    _national,
    _zensical,
]


def table(shape: str) -> str:
    lines = [
        f"Summary ({'seed-shaped records' if shape == 'benih' else 'light records'}; figures of the last run of each "
        "benchmark, under build/bench/)",
        "",
        "| measured | result | goal | met |",
        "|---|---|---|---|",
    ]
    for section in SECTIONS:
        for what, result, goal, met in section(shape):
            mark = "—" if met is None else ("yes" if met else "**NO**")
            lines.append(f"| {what} | {result} | {goal} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="benih")
    args = parser.parse_args(argv)
    print(table(args.bentuk))


if __name__ == "__main__":
    main()
