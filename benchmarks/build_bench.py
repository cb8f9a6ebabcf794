"""Build-time benchmark: copies of the seed SOPs at growing counts; prints seconds and site size.

Usage: python benchmarks/build_bench.py [COUNT ...]   (default: 5 100 500)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import build, generate_handbook, make_project, page_file  # noqa: E402


def site_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        seeds = sorted((project / "sop_data").glob("*/*.yaml"))
        generate_handbook(project, count)
        start = time.perf_counter()
        result = build(project, project / "site")
        seconds = time.perf_counter() - start
        if result.returncode:
            raise SystemExit(result.stdout + result.stderr)
        size = site_size(project / "site")
        page = page_file(project / "site", f"sop/{seeds[0].parent.name}/{seeds[0].stem}")
        print(
            f"{count:6d} SOPs  {seconds:7.1f} s  site {size / 1e6:8.1f} MB  "
            f"one SOP page {page.stat().st_size / 1e3:6.1f} KB"
        )


if __name__ == "__main__":
    for count in map(int, sys.argv[1:] or ["5", "100", "500"]):
        run(count)
