"""Review pending snapshots: show each tests/snapshots/*.new as a diff and accept it or leave it.

Usage: python tests/review_snapshots.py [--accept-all]   (`make snapshots` runs the tests first)
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def main(argv: list[str]) -> int:
    pending = sorted(SNAPSHOTS.glob("*.new"))
    if not pending:
        print("Tidak ada snapshot yang menunggu ditinjau.")
        return 0
    for new in pending:
        old = new.with_suffix("")
        before = old.read_text(encoding="utf-8").splitlines(True) if old.is_file() else []
        sys.stdout.writelines(
            difflib.unified_diff(
                before, new.read_text(encoding="utf-8").splitlines(True), str(old.name), f"{old.name} (baru)"
            )
        )
        answer = "y" if "--accept-all" in argv else input(f"\nTerima {old.name}? [y/N] ").strip().lower()
        if answer == "y":
            new.replace(old)
            print(f"diterima: {old.name}")
        else:
            print(f"dibiarkan: {new.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
