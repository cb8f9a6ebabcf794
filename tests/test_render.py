"""Renderers: snapshots of the seeds' Mermaid and step tables, and escaping of hostile text."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS as BOOK
from conftest import assert_snapshot

from macros import waktu
from macros.model import Sop
from macros.render import mermaid, page
from macros.render.text import html_text, mermaid_text

IDS = sorted(BOOK.sops)

HOSTILE = [
    'Ketua "Tim" #1',
    "end",
    "a --> b; click x call alert(1)",
    "<img src=http://example.invalid/x.png onerror=alert(1)>",
    "`**tebal**` _miring_ [tautan](javascript:alert(1))",
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    "%%{init: {\"theme\": \"dark\"}}%%",
    "baris\n```mermaid\ngraph TD\n```",
    "50% & 'kutip' ~ ; : ]) }} ((",
]


def snapshot_name(sop_id: str, suffix: str) -> str:
    return sop_id.replace("/", "__") + suffix


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_mermaid_matches_snapshot(sop_id):
    assert_snapshot(snapshot_name(sop_id, ".mmd"), mermaid.diagram(BOOK.sops[sop_id].data))


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_step_table_matches_snapshot(sop_id):
    assert_snapshot(snapshot_name(sop_id, ".steps.html"), page.step_table(BOOK.sops[sop_id].data))


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_swimlane_has_one_lane_per_pelaksana_in_printed_order(sop_id):
    sop = BOOK.sops[sop_id].data
    source = mermaid.diagram(sop)
    assert source.splitlines()[1] == "swimlane-beta TB"
    lanes = re.findall(r'^  subgraph (L\d+) \["(.*)"\]$', source, re.M)
    assert [label for _, label in lanes] == [mermaid_text(p.nama) for p in sop.pelaksana]
    assert [lane_id for lane_id, _ in lanes] == [f"L{n}" for n in range(1, len(sop.pelaksana) + 1)]


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_every_step_is_drawn_in_every_lane_it_involves(sop_id):
    sop = BOOK.sops[sop_id].data
    source = mermaid.diagram(sop)
    for n, step in enumerate(sop.langkah, 1):
        for actor in step.pelaksana:
            lane = 1 + [p.id for p in sop.pelaksana].index(actor)
            assert re.search(rf"^    S{n}L{lane}[\[\(\{{]", source, re.M), (step.no, actor)


def _sop(lane_name: str, text: str) -> Sop:
    return Sop.model_validate(
        {
            "sumber": "uji",
            "nomor": "1",
            "nama": text,
            "pelaksana": [{"id": "a", "nama": lane_name}, {"id": "b", "nama": "B"}],
            "langkah": [
                {"no": 1, "jenis": "mulai", "kegiatan": text, "pelaksana": ["a", "b"]},
                {
                    "no": 2,
                    "jenis": "keputusan",
                    "kegiatan": text,
                    "pelaksana": ["b"],
                    "cabang": [{"label": text, "ke": 1}, {"label": "Ya", "ke": 3}],
                },
                {"no": 3, "jenis": "selesai", "kegiatan": "Selesai", "pelaksana": ["a"]},
            ],
        }
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_mermaid_syntax(text):
    source = mermaid.diagram(_sop(text, text))
    body = "\n".join(source.splitlines()[1:])
    # Only generated ids, keywords, arrows and quoted, encoded labels remain.
    for line in body.splitlines():
        assert re.fullmatch(
            r'swimlane-beta TB|  subgraph L\d+ \["[A-Za-z0-9 #;]*"\]|  end'
            r'|    S\d+L\d+(\(\["[A-Za-z0-9 #;]*"\]\)|\["[A-Za-z0-9 #;]*"\]|\{"[A-Za-z0-9 #;]*"\})'
            r'|    C\d+@\{ shape: notch-pent, label: "[A-Za-z0-9 #;]*" \}|    H\d+\[" "\]'
            r'|  H\d+ ~~~ (S\d+L\d+|C\d+)|  classDef spacer fill:none,stroke:none|  class H\d+(,H\d+)* spacer'
            r'|  (S\d+L\d+|C\d+) (-->(\|"[A-Za-z0-9 #;]*"\|)?|-\.-) (S\d+L\d+|C\d+)'
            r'|  click (S\d+L\d+|C\d+) href "#langkah-\d+"',
            line,
        ), line


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_html_is_inert(text):
    encoded = html_text(text)
    assert not set(encoded.replace("<br>", "")) & set("<>\"`{}[]*_~#&") - {"&", "#"}
    assert re.fullmatch(r"([\w .,:;\-/()?%']|&#\d+;|<br>)*", encoded)


def test_labels_read_back_exactly():
    for text in HOSTILE:
        decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), mermaid_text(text))
        assert decoded == text.replace("\n", " ")


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("30 Menit", 30),
        ("2 Hari", 960),
        ("120 menit", 120),
        ("1 JAM", 60),
        ("3 Minggu", 7200),
        ("3 Hari 7 Jam 15 Menit", 3 * 480 + 7 * 60 + 15),
        ("1 bulan", 9600),
        ("1,5 jam", 90),  # decimal comma
        ("5 hari kerja", 2400),
        ("1 (satu) hari", 480),  # a number word in brackets, as on letters
        ("½ hari", 240),
        ("1½ jam", 90),
        ("1 x 24 jam", 480),  # clock time, counted as one working day
        ("30-60 menit", 60),  # a range adds its upper bound to the total
        ("2 s.d. 3 hari", 1440),
    ],
)
def test_waktu_parses(text, minutes):
    assert waktu.parse(text) == minutes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30-60 menit", waktu.Duration(30, 60)),
        ("2 sampai 3 hari", waktu.Duration(960, 1440)),
        ("1 x 24 jam", waktu.Duration(480, 480, calendar=True)),
        ("60 menit/dokumen", waktu.Duration(60, 60, per_item=True)),
        ("10 menit per berkas", waktu.Duration(10, 10, per_item=True)),
    ],
)
def test_waktu_reads_ranges_clock_time_and_times_per_item(text, expected):
    assert waktu.read(text) == expected


def test_a_time_per_item_is_read_but_never_summed():
    assert waktu.read("60 menit/dokumen") is not None and waktu.parse("60 menit/dokumen") is None


@pytest.mark.parametrize(
    "text",
    ["Januari", "Januari- Februari", "TR", "", None, "2 Minggu lagi", "Tentatif", "Sesuai jadwal", "60-30 menit"],
)
def test_waktu_that_is_not_a_duration_is_not_guessed(text):
    assert waktu.parse(text) is None


def test_total_time_of_bengkulu_utara_shows_computed_and_stated():
    total = waktu.total(BOOK.sops["kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja"].data)
    assert total.unparsed == [1, 14]
    assert total.minutes == 3 * 480 + 3 * 60 + 165  # 2 hari + 1 hari, 3 jam, nine steps of minutes
    assert total.stated == "3 Hari 7 Jam 15 Menit"


def test_code_spans_escape_first_then_mark_backticks():
    from macros.render.templating import code_spans

    assert code_spans("isi `pelaksana` <b>") == "isi <code>pelaksana</code> &#60;b&#62;"
    assert code_spans("`<script>`") == "<code>&#60;script&#62;</code>"


def test_total_counts_a_range_by_its_upper_bound_and_leaves_items_out():
    sop = BOOK.sops["kpu-kota-palu/penyusunan-laporan-kinerja"].data
    steps = [
        s.model_copy(update={"mutu_baku": s.mutu_baku.model_copy(update={"waktu": w})})
        for s, w in zip(sop.langkah[:3], ["30-60 menit", "60 menit/dokumen", "1 x 24 jam"], strict=True)
    ]
    total = waktu.total(sop.model_copy(update={"langkah": steps}))
    assert (total.minutes, total.ranges, total.per_item, total.unparsed) == (60 + 480, [1], [2], [])


def test_a_step_text_longer_than_a_diagram_box_is_cut_there_and_kept_whole_in_the_table():
    """A 1.9 MB Kegiatan once pushed the diagram past Mermaid's text limit: it was not drawn, and
    nothing said so. The box now holds the first DIAGRAM_LABEL_CHARS characters and "…" (BATAS-001
    tells the maintainer); the step table keeps every word."""
    from macros.flow import DIAGRAM_LABEL_CHARS

    record = BOOK.sops["kpu-kota-palu/penyusunan-laporan-kinerja"]
    long_text = "Memeriksa berkas " * 120_000 + "AKHIR"
    steps = [s.model_copy(update={"kegiatan": long_text}) if i == 1 else s for i, s in enumerate(record.data.langkah)]
    sop = record.data.model_copy(update={"langkah": steps})
    source = str(mermaid.diagram(sop))
    assert len(source) < 20_000  # far inside Mermaid's maxTextSize (50,000 by default; sop.js allows 500,000)
    label = mermaid_text("2. " + " ".join(long_text.split())[:DIAGRAM_LABEL_CHARS].rstrip() + "…")
    assert label in source and "AKHIR" not in source
    assert "AKHIR" in page.step_table(sop)
