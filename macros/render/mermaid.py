"""An SOP as a Mermaid ``swimlane-beta`` diagram: one lane per pelaksana, top to bottom."""

from __future__ import annotations

from dataclasses import dataclass

from .. import labels
from ..flow import edges
from ..model import Sop, TidakDiketahui
from .templating import render
from .text import shorten

LABEL_LIMIT = {"keputusan": 60}
DEFAULT_LIMIT = 90


@dataclass(frozen=True)
class Node:
    id: str
    shape: str  # the step's jenis
    label: str


@dataclass(frozen=True)
class Lane:
    id: str
    label: str
    nodes: tuple


def _label(step) -> str:
    text = labels.SITE["unknown_title"] if isinstance(step.kegiatan, TidakDiketahui) else step.kegiatan
    return f"{step.no}. " + shorten(text, LABEL_LIMIT.get(step.jenis, DEFAULT_LIMIT))


def diagram(sop: Sop) -> str:
    """Mermaid source for ``sop``. Ids are generated (L1, S3L2), never taken from the YAML,
    so a lane called ``end`` or a step text with ``-->`` stays a label."""
    lane_no = {lane.id: n for n, lane in enumerate(sop.pelaksana, 1)}
    step_index = {step.no: n for n, step in enumerate(sop.langkah, 1)}

    def node_id(step_no, lane_id):
        return f"S{step_index[step_no]}L{lane_no[lane_id]}"

    members = {lane.id: [] for lane in sop.pelaksana}
    links = []  # the same step drawn in several lanes
    primary = {}
    for step in sop.langkah:
        actors = [a for a in step.pelaksana if a in lane_no]
        if not actors:
            continue
        primary[step.no] = node_id(step.no, actors[0])
        for actor in actors:
            members[actor].append(Node(node_id(step.no, actor), step.jenis, _label(step)))
        links.extend((primary[step.no], node_id(step.no, a)) for a in actors[1:])
    lanes = [Lane(f"L{lane_no[lane.id]}", lane.nama, tuple(members[lane.id])) for lane in sop.pelaksana]
    flows = [
        (primary[e.source], primary[e.target], e.label)
        for e in edges(sop)
        if e.source in primary and e.target in primary
    ]
    return render("mermaid", "swimlane.mmd.j2", lanes=lanes, flows=flows, links=links)
