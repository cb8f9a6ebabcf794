"""`sop check` on a large synthetic handbook: wall seconds and peak memory of the whole command.

Usage: python benchmarks/check_bench.py [--sintetis 10000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import hasil  # noqa: E402
from conftest import ENV, make_project  # noqa: E402
from sintetis import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sintetis", type=int, default=10_000)
    parser.add_argument("--bentuk", choices=["ringan", "benih"], default="ringan", help="record shape (sintetis.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        generate(project, args.sintetis, shape=args.bentuk)
        start = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "macros", "check"],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        peak = int(result.stderr.strip().splitlines()[-1]) / 1024
        if args.sintetis == 10_000:
            hasil.keep("check-10000", args.bentuk, seconds=seconds, peak_mb=peak, files=args.sintetis + 5)
        print(
            f"sop check, {args.sintetis + 5:,} files ({args.bentuk}): {seconds:.1f} s, peak RSS {peak:.0f} MB "
            f"(exit {result.returncode}; goal ≤ 10 s, ≤ 500 MB)"
        )


if __name__ == "__main__":
    main()
