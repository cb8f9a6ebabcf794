"""The flow of an SOP as a graph: which step follows which, and under what label."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Sop

# The longest Kegiatan a diagram box holds (checks: BATAS-001). Longer text is cut there with "…" in
# the diagram only; with it, a 25-step part stays far inside Mermaid's text limit however the text
# encodes. The table keeps every word.
DIAGRAM_LABEL_CHARS = 300
# More steps than any one procedure has (checks: BATAS-002): published, and said.
STEPS_LIMIT = 500


@dataclass(frozen=True)
class Edge:
    source: int  # step number
    target: int
    label: str | None = None  # a decision branch's label


def edges(sop: Sop) -> list[Edge]:
    """Edges in step order. A step without ``lanjut`` goes on to the next listed step,
    except an end terminator and a decision (whose branches say where it goes)."""
    out: list[Edge] = []
    steps = sop.langkah
    for i, step in enumerate(steps):
        if step.jenis == "keputusan":
            out.extend(Edge(step.no, b.ke, b.label) for b in step.cabang)
            out.extend(Edge(step.no, t) for t in step.lanjut or [])
        elif step.lanjut is not None:
            out.extend(Edge(step.no, t) for t in step.lanjut)
        elif step.jenis != "selesai" and i + 1 < len(steps):
            out.append(Edge(step.no, steps[i + 1].no))
    return out
