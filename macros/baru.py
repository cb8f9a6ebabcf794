"""`sop baru`: a new SOP's skeleton, valid from the start, that says in Indonesian what to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from .render.templating import render


def lane_ids(names: list[str]) -> list[dict[str, str]]:
    lanes: list[dict[str, str]] = []
    seen: set[str] = set()
    for name in names:
        base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "pelaksana"
        lane_id, n = base, 2
        while lane_id in seen:
            lane_id, n = f"{base}-{n}", n + 1
        seen.add(lane_id)
        lanes.append({"id": lane_id, "nama": name})
    return lanes


def file_name(nama: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", nama.casefold()).strip("-")[:80] or "sop-baru"


def skeleton(nama: str, nomor: str, lanes: list[str], steps: int, sumber: str) -> str:
    if not lanes:
        raise ValueError("sedikitnya satu pelaksana (lajur)")
    if steps < 1:
        raise ValueError("sedikitnya satu langkah")
    return render("yaml", "baru.yaml.j2", nama=nama, nomor=nomor, sumber=sumber, lanes=lane_ids(lanes), steps=steps)


def target(root: Path, satker: str, nama: str) -> Path:
    return root / "sop_data" / satker / f"{file_name(nama)}.yaml"
