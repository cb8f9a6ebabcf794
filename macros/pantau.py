"""`sop pantau`: a period's monitoring skeleton in sop_data/<satker>/monev/<tahun>.yaml.

Every SOP of the satker is listed with "[isi ...]" where a judgement is needed, so a maintainer fills
the file in from the signed Tabel 7 and opens a pull request. The file is valid from the start; the
check MONEV-007 names each placeholder still left. An existing year's file keeps its text (comments
included): the new period goes at the end of its `monitoring` list.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import loader, model, monev
from .loader import Handbook
from .render.templating import render
from .yamlsource import SourceError, parse


class PantauError(ValueError):
    """Why the skeleton was not written; nothing was written."""


def target(root: Path, satker: str, period: monev.Period) -> Path:
    return root / loader.DATA_DIR / satker / loader.MONEV_DIR / f"{period.tahun}.yaml"


def skeleton(book: Handbook, satker: str, period: monev.Period, header: bool) -> str:
    # In Tabel 7's order (by name), so that the file reads row by row like the signed form.
    records = loader.in_order(r for r in book.sops.values() if r.satker == satker)
    if not records:
        raise PantauError(f"satker '{satker}' belum mempunyai SOP di sop_data/{satker}/")
    slugs = [(r.id.split("/", 1)[1], r.data.nama) for r in records]
    nama = book.satker_map[satker].nama
    return render("yaml", "pantau.yaml.j2", periode=period.periode, satker_nama=nama, slugs=slugs, header=header)


_TOP_KEY = re.compile(r"^[A-Za-z_]+\s*:")


def add_period(text: str, block: str) -> str:
    """``text`` (a year's file) with ``block`` at the end of its `monitoring` list."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^monitoring\s*:", line)), None)
    if start is None:
        return text.rstrip("\n") + "\nmonitoring:\n" + block
    if re.match(r"^monitoring\s*:\s*\[\s*\]\s*(#.*)?$", lines[start]):
        lines[start] = "monitoring:\n"
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # the new period follows the list's last line, before any blank lines
    if lines and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end]) + block + "".join(lines[end:])


def write(book: Handbook, satker: str, period: monev.Period) -> Path:
    """Write (or extend) the year's file; PantauError, and nothing written, when that cannot be done cleanly."""
    if satker not in book.satker_map:
        raise PantauError(f"satker '{satker}' tidak ada di sop_data/satker.yaml")
    path = target(book.root, satker, period)
    rel = path.relative_to(book.root).as_posix()
    if not path.exists():
        text = skeleton(book, satker, period, header=True)
    else:
        existing = next((m for m in book.monev if m.path == rel), None)
        if existing is None:
            raise PantauError(f"{rel} belum lolos pemeriksaan; perbaiki dulu (jalankan `sop check {rel}`)")
        if any(m.periode == period.periode for m in existing.data.monitoring):
            raise PantauError(f"{period.label} sudah tercatat di {rel}")
        text = add_period(path.read_text(encoding="utf-8"), skeleton(book, satker, period, header=False))
    try:
        source = parse(text.encode("utf-8"))
    except SourceError as exc:  # the file was laid out in a way this command cannot extend
        raise PantauError(f"{rel}: tidak dapat menambahkan {period.label} dengan rapi ({exc.message})") from None
    _, found = loader.validate(rel, source, model.Monev)
    if found:
        raise PantauError(f"{rel}: hasilnya tidak lolos skema ({found[0].message}); tidak ada yang ditulis")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
