"""The official SOP AP flowchart table (render.form): the record's rows, lanes and symbols, connectors
that end on their symbols, pages that fit A4 landscape; snapshots of the seeds' form."""

from __future__ import annotations

import math

import pytest
from conftest import SEEDS, assert_snapshot
from fixture_sop import long_sop
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.model import Sop
from macros.render import form
from macros.render.page import form_view

SOP_IDS = sorted(SEEDS.sops)
KIND = {"mulai": "terminator", "selesai": "terminator", "keputusan": "keputusan", "proses": "proses"}


def records() -> list[tuple[str, Sop]]:
    out = [(sop_id, SEEDS.sops[sop_id].data) for sop_id in SOP_IDS]
    out.append(("panjang-60", Sop.model_validate(long_sop(60))))
    return out


@pytest.mark.parametrize(("sop_id", "sop"), records(), ids=[i for i, _ in records()])
def test_the_form_has_the_records_rows_lanes_and_symbols(sop_id, sop):
    f = form.layout(sop)
    assert f.lanes == tuple(lane.nama for lane in sop.pelaksana)
    # Every step once, in order, over the pages.
    assert [no for page in f.pages for no in page.steps] == [s.no for s in sop.langkah]
    lane_no = {lane.id: i for i, lane in enumerate(sop.pelaksana)}
    for page in f.pages:
        for step in (r.step for r in page.rows if r.step is not None):
            symbols = [s for s in page.shapes if s.step == step.no and s.kind != "penghubung"]
            # The step's symbol in each lane the record names, of the kind its jenis says, and nowhere else.
            assert sorted(s.lane for s in symbols) == sorted(lane_no[a] for a in step.pelaksana), step.no
            assert {s.kind for s in symbols} <= {KIND[step.jenis]}, step.no
            for s in symbols:
                assert s.lane * f.columns.lane < s.x < (s.lane + 1) * f.columns.lane  # inside its lane's column


def _on_boundary(point, shape, slack=0.6) -> bool:
    x, y = point
    left, right = shape.x - shape.w / 2, shape.x + shape.w / 2
    top, bottom = shape.y - shape.h / 2, shape.y + shape.h / 2
    inside = left - slack <= x <= right + slack and top - slack <= y <= bottom + slack
    edge = min(abs(x - left), abs(x - right), abs(y - top), abs(y - bottom)) <= slack
    return inside and edge


@pytest.mark.parametrize(("sop_id", "sop"), records(), ids=[i for i, _ in records()])
def test_every_connector_leaves_its_symbol_and_ends_on_the_next(sop_id, sop):
    f = form.layout(sop)
    for page in f.pages:
        for c in page.connectors:
            if c.dashed:
                continue
            sources = [s for s in page.shapes if s.step == c.source and s.kind != "penghubung"]
            targets = [s for s in page.shapes if s.step == c.target] + [
                s for s in page.shapes if s.kind == "penghubung" and s.step == c.target
            ]
            sources += [s for s in page.shapes if s.kind == "penghubung" and s.step == c.source]
            assert any(_on_boundary(c.points[0], s) for s in sources), (sop_id, c)
            assert any(_on_boundary(c.points[-1], s) for s in targets), (sop_id, c)
            # Orthogonal: every segment is horizontal or vertical.
            for (x0, y0), (x1, y1) in zip(c.points, c.points[1:], strict=False):
                assert abs(x0 - x1) < 0.05 or abs(y0 - y1) < 0.05, (sop_id, c)


@pytest.mark.parametrize(("sop_id", "sop"), records(), ids=[i for i, _ in records()])
def test_every_flow_of_the_record_is_drawn_once_or_through_connectors(sop_id, sop):
    from macros.flow import edges

    f = form.layout(sop)
    page_of = {no: p.number for p in f.pages for no in p.steps}
    drawn = {(c.source, c.target) for p in f.pages for c in p.connectors if not c.dashed}
    for e in edges(sop):
        if page_of[e.source] == page_of[e.target]:
            assert (e.source, e.target) in drawn
        else:  # to a connector naming the target on one page, from one naming the source on the other
            assert (e.source, e.target) in drawn and (e.source, e.target) in {
                (c.source, c.target) for p in f.pages for c in p.connectors
            }
            pages = {p.number: p for p in f.pages}
            out = [s for s in pages[page_of[e.source]].shapes if s.kind == "penghubung" and s.step == e.target]
            into = [s for s in pages[page_of[e.target]].shapes if s.kind == "penghubung" and s.step == e.source]
            assert out and into, e


@pytest.mark.parametrize(("sop_id", "sop"), records(), ids=[i for i, _ in records()])
def test_every_page_fits_a4_landscape(sop_id, sop):
    f = form.layout(sop)
    for page in f.pages:
        steps = [r for r in page.rows if r.step is not None]
        assert page.height + f.header + form.LINE * 1.6 <= form.PAGE_HEIGHT or len(steps) == 1
    assert f.columns.total <= form.TABLE_WIDTH + 1


def test_a_long_sop_continues_over_pages_with_off_page_connectors():
    f = form.layout(Sop.model_validate(long_sop(60)))
    assert len(f.pages) >= 4
    for page in f.pages[1:]:
        assert page.rows[0].place == "atas"  # every later page starts from a connector row
    for page in f.pages[:-1]:
        assert page.rows[-1].place == "bawah"


def test_wrapping_is_planned_wide_enough():
    """The plan wraps with Arial's widths (and 6 % to spare): a word never overflows its line."""
    assert form.wrapped_lines("", 100) == 1
    assert form.wrapped_lines("kata", 100) == 1
    assert form.wrapped_lines("satu dua tiga empat lima enam tujuh", 60) >= 3
    assert form.wrapped_lines("a\nb\nc", 100) == 3
    long_word = "Penyelenggaraan" * 4
    assert form.wrapped_lines(long_word, 50) >= math.ceil(form.text_width(long_word) / 50)


@settings(max_examples=60, deadline=None)
@given(steps=st.integers(2, 80), seed=st.integers(0, 2**16))
def test_any_flow_is_laid_out_with_connectors_on_their_symbols(steps, seed):
    """Generated SOPs: decisions jumping back and forward, over several lanes and pages."""
    import random

    rnd = random.Random(seed)
    data = long_sop(steps)
    lanes = [lane["id"] for lane in data["pelaksana"]]
    for step in data["langkah"]:
        step["pelaksana"] = rnd.sample(lanes, rnd.choice([1, 1, 1, 2]))
        step["kegiatan"] = " ".join(["kata"] * rnd.randint(1, 60))
        if step.get("jenis") == "keputusan":
            step["cabang"] = [
                {"label": "Ya", "ke": rnd.randint(1, steps)},
                {"label": "Tidak", "ke": rnd.randint(1, steps)},
            ]
            if step["cabang"][0]["ke"] == step["cabang"][1]["ke"] or step["no"] in {b["ke"] for b in step["cabang"]}:
                step.pop("cabang")
                step.pop("jenis")
    sop = Sop.model_validate(data)
    f = form.layout(sop)
    assert [no for page in f.pages for no in page.steps] == [s.no for s in sop.langkah]
    for page in f.pages:
        for c in page.connectors:
            if c.dashed:
                continue
            ends = [s for s in page.shapes if s.step in (c.source, c.target)]
            assert any(_on_boundary(c.points[-1], s) for s in ends), c


@pytest.mark.parametrize("sop_id", SOP_IDS)
def test_form_matches_snapshot(sop_id):
    name = sop_id.replace("/", "__") + ".form.html"
    assert_snapshot(name, form_view(SEEDS.sops[sop_id].data))
