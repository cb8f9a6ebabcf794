"""Waktu as offices write it: every cell of the collected table gets the reading written beside it.

The table (tests/korpus/waktu-*.yaml) holds Waktu cells seen in real public SOPs of other offices
(waktu-a.yaml, waktu-b.yaml, each with the address it was seen at) and in the import corpus
(waktu-korpus.yaml), each with its reading worked out by hand: a duration, a range, a time per item,
or a finding with its reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros import waktu

KORPUS = Path(__file__).parent / "korpus"
TABLE = [
    row
    for name in ("waktu-a.yaml", "waktu-b.yaml", "waktu-korpus.yaml")
    for row in yaml.safe_load((KORPUS / name).read_text(encoding="utf-8"))
]


def expected(reading: waktu.Duration | waktu.Unread) -> dict:
    """A reading in the table's own words."""
    if isinstance(reading, waktu.Unread):
        return {"jenis": "temuan", "alasan": reading.reason}
    if reading.per_item:
        return {"jenis": "per_butir", "menit": reading.high}
    if reading.is_range:
        return {"jenis": "rentang", "menit": [reading.low, reading.high]}
    return {"jenis": "durasi", "menit": reading.high}


def test_the_table_is_large_and_drawn_from_many_sops():
    real = [row for row in TABLE if str(row["sumber"]).startswith("http")]
    assert len(TABLE) >= 150 and len(real) >= 150
    assert len({row["sumber"] for row in real}) >= 20


@pytest.mark.parametrize("row", TABLE, ids=[f"{i}:{r['teks']}" for i, r in enumerate(TABLE)])
def test_every_waktu_cell_reads_as_written_beside_it(row):
    assert expected(waktu.reading(row["teks"])) == row["bacaan"]


def test_a_reading_is_not_a_guess():
    """What is not wholly a duration is not half-read: '2 hari lalu diarsipkan' is not 2 days."""
    assert isinstance(waktu.reading("2 hari lalu diarsipkan"), waktu.Unread)
    assert waktu.read("Maks. 2 hari kerja") == waktu.Duration(960, 960)
    assert waktu.parse("30 detik") == 0.5
