"""Figures each benchmark keeps for the summary `make bench` prints last (benchmarks/tabel.py).

One JSON file per measurement under build/bench/ (ignored by git), named by what was measured
and the record shape, so a later run of one benchmark replaces only its own figures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIR = Path(os.environ.get("SOP_BENCH_HASIL", ROOT / "build" / "bench"))


def keep(name: str, shape: str, **figures: Any) -> None:
    DIR.mkdir(parents=True, exist_ok=True)
    figures |= {"bentuk": shape, "diukur": dt.datetime.now().isoformat(timespec="minutes"), "inti": os.cpu_count()}
    (DIR / f"{name}-{shape}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")


def read(name: str, shape: str) -> dict[str, Any] | None:
    path = DIR / f"{name}-{shape}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
