"""An SOP as Mermaid ``swimlane-beta`` diagrams: one lane per pelaksana, top to bottom.

A long SOP is cut into parts of at most ``PART_STEPS`` steps, as SOP AP cuts a
flowchart across sheets of paper: a flow that leaves a part ends in an
off-page connector (penghubung antarhalaman) naming the step it continues at,
and the next part starts from a connector naming where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import labels, urls
from ..flow import DIAGRAM_LABEL_CHARS, edges
from ..model import Langkah, Sop, TidakDiketahui
from .templating import render

# Steps per diagram part. Mermaid lays out a 25-step, 7-lane swimlane in well under a second and
# within its text limit; every seed fits in one part.
PART_STEPS = 25


@dataclass(frozen=True)
class Node:
    id: str
    shape: str  # the step's jenis, or "penghubung" for an off-page connector
    label: str
    step: int  # the step row a click leads to

    @property
    def href(self) -> Markup:
        # Made here from a step number, never from YAML: safe as is (Mermaid would mangle an encoded '-').
        return Markup("#" + urls.step_anchor(self.step))


@dataclass(frozen=True)
class Lane:
    id: str
    label: str
    nodes: tuple[Node, ...]

    @property
    def spacer(self) -> str:
        """An invisible first node: Mermaid routes an edge between two top-rank nodes along the
        top of the lanes, through any lane title that wraps onto a second line. With a spacer
        above each lane's first node, every step sits one rank lower and edges pass below the titles."""
        return f"H{self.id[1:]}"


@dataclass(frozen=True)
class Part:
    """One diagram: steps ``first``..``last`` (numbers as printed) and its Mermaid source."""

    number: int
    first: int
    last: int
    source: str


def step_line(step: Langkah) -> str:
    """The Kegiatan on one line, as the diagram and the procedure at a glance show it."""
    # The whole text up to DIAGRAM_LABEL_CHARS (the diagram box scrolls). Past that, cut with "…":
    # the box links to the step's row, where every word is, and BATAS-001 tells the maintainer.
    text = labels.SITE["unknown_title"] if isinstance(step.kegiatan, TidakDiketahui) else step.kegiatan
    text = " ".join(text.split())
    if len(text) > DIAGRAM_LABEL_CHARS:
        text = text[:DIAGRAM_LABEL_CHARS].rstrip() + "…"
    return text


def _label(step: Langkah) -> str:
    return f"{step.no}. " + step_line(step)


def _source(sop: Sop, steps: list[Langkah]) -> Markup:
    """Mermaid for ``steps`` (a run of sop.langkah). Ids are generated (L1, S3L2, C1), never taken
    from the YAML, so a lane called ``end`` or a step text with ``-->`` stays a label."""
    lane_no = {lane.id: n for n, lane in enumerate(sop.pelaksana, 1)}
    index = {step.no: n for n, step in enumerate(sop.langkah, 1)}
    inside = {step.no for step in steps}
    by_no = {step.no: step for step in sop.langkah}

    def node_id(step_no: int, lane_id: str) -> str:
        return f"S{index[step_no]}L{lane_no[lane_id]}"

    def lane_of(step_no: int) -> str | None:
        actors = [a for a in by_no[step_no].pelaksana if a in lane_no]
        return actors[0] if actors else None

    members: dict[str, list[Node]] = {lane.id: [] for lane in sop.pelaksana}
    links: list[tuple[str, str]] = []
    primary: dict[int, str] = {}  # step number -> the id of its node in its first lane
    for step in steps:
        actors = [a for a in step.pelaksana if a in lane_no]
        if not actors:
            continue
        primary[step.no] = node_id(step.no, actors[0])
        for actor in actors:
            members[actor].append(Node(node_id(step.no, actor), step.jenis, _label(step), step.no))
        links.extend((primary[step.no], node_id(step.no, a)) for a in actors[1:])
    flows: list[tuple[str, str, str | None]] = []
    connectors: dict[tuple[str, str], Node] = {}

    def connector(lane_id: str, text: str, step_no: int) -> str:
        key = (lane_id, text)
        if key not in connectors:
            connectors[key] = Node(f"C{len(connectors) + 1}", "penghubung", text, step_no)
            members[lane_id].append(connectors[key])
        return connectors[key].id

    for e in edges(sop):
        src_in, dst_in = e.source in inside, e.target in inside
        if src_in and dst_in and e.source in primary and e.target in primary:
            flows.append((primary[e.source], primary[e.target], e.label))
        elif src_in and not dst_in and e.source in primary and lane_of(e.target):
            text = labels.FLOW["to_step"].format(no=e.target)
            here = lane_of(e.source)
            assert here is not None, "a step with a node (primary) is in a lane"
            flows.append((primary[e.source], connector(here, text, e.target), e.label))
        elif dst_in and not src_in and e.target in primary and lane_of(e.source):
            text = labels.FLOW["from_step"].format(no=e.source)
            here = lane_of(e.target)
            assert here is not None, "a step with a node (primary) is in a lane"
            flows.append((connector(here, text, e.source), primary[e.target], e.label))
    lanes = [Lane(f"L{lane_no[lane.id]}", lane.nama, tuple(members[lane.id])) for lane in sop.pelaksana]
    # Markup: every value in it is already Mermaid-encoded, so the page template embeds it as is.
    return Markup(render("mermaid", "swimlane.mmd.j2", lanes=lanes, flows=flows, links=links))


def diagram(sop: Sop) -> Markup:
    """The whole flow as one diagram (what a part is when the SOP is short)."""
    return _source(sop, list(sop.langkah))


def diagrams(sop: Sop, size: int = PART_STEPS) -> list[Part]:
    """The flow in parts of at most ``size`` steps, in step order."""
    steps = list(sop.langkah)
    if len(steps) <= size:
        return [Part(1, steps[0].no if steps else 0, steps[-1].no if steps else 0, diagram(sop))]
    chunks = [steps[i : i + size] for i in range(0, len(steps), size)]
    return [Part(n, chunk[0].no, chunk[-1].no, _source(sop, chunk)) for n, chunk in enumerate(chunks, 1)]
