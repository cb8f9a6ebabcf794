"""Flow: one start, every step reachable, an end reachable from every step, well-formed decisions."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from ..findings import DataPath
from ..flow import edges
from ..loader import SopRecord
from ..model import Langkah, Sop
from .base import Context, Item, _at, _text, check


def _starts(sop: Sop) -> list[Langkah]:
    return [s for s in sop.langkah if s.jenis == "mulai"]


def _graph(sop: Sop) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {s.no: [] for s in sop.langkah}
    for e in edges(sop):
        if e.target in out:
            out[e.source].append(e.target)
    return out


def _reach(graph: dict[int, list[int]], seeds: Collection[int]) -> set[int]:
    seen, todo = set(seeds), list(seeds)
    while todo:
        for nxt in graph.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _reversed(graph: dict[int, list[int]]) -> dict[int, list[int]]:
    backward: dict[int, list[int]] = {}
    for source, targets in graph.items():
        for target in targets:
            backward.setdefault(target, []).append(source)
    return backward


def _index(sop: Sop, no: int) -> int:
    return next(i for i, s in enumerate(sop.langkah) if s.no == no)


@check("FLOW-001", "error")
def one_start(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Diagram alir punya tepat satu langkah `mulai`.

    Terminator awal menandai satu-satunya titik masuk prosedur.
    """
    sop = record.data
    starts = _starts(sop)
    if not starts:
        yield (*_at(record, "langkah"), "tidak ada langkah berjenis 'mulai'")
    for step in starts[1:]:
        yield (
            *_at(record, "langkah", _index(sop, step.no), "jenis"),
            f"langkah {step.no} adalah 'mulai' kedua (yang pertama langkah {starts[0].no})",
        )


@check("FLOW-002", "error")
def reachable_from_start(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Setiap langkah dapat dicapai dari langkah `mulai`.

    Langkah yang tidak dapat dicapai tidak pernah dikerjakan; biasanya `lanjut` atau cabang salah.
    """
    sop = record.data
    starts = _starts(sop)
    if len(starts) != 1:
        return  # FLOW-001 says why
    reached = _reach(_graph(sop), [starts[0].no])
    for i, step in enumerate(sop.langkah):
        if step.no not in reached:
            yield (*_at(record, "langkah", i, "no"), f"langkah {step.no} tidak dapat dicapai dari langkah mulai")


def _loop_of(graph: dict[int, list[int]], no: int) -> list[int]:
    """The steps on a cycle through ``no`` (its strongly connected part), or [] if it is on none."""
    ahead = _reach(graph, graph.get(no, []))
    if no not in ahead:
        return []
    backward = _reversed(graph)
    return sorted(ahead & _reach(backward, backward.get(no, [])))


def _closing_field(step: Langkah, loop: list[int]) -> DataPath:
    """Where a step sends the flow back into its loop: its `lanjut`, its `cabang`, else its number."""
    if step.lanjut and any(t in loop for t in step.lanjut):
        return ("lanjut",)
    for j, branch in enumerate(step.cabang):
        if branch.ke in loop:
            return ("cabang", j, "ke")
    return ("no",)


@check("FLOW-003", "error")
def end_reachable(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Dari setiap langkah ada jalan menuju langkah `selesai` (tidak ada putaran tanpa jalan keluar).

    Langkah yang berputar tanpa jalan keluar dilaporkan di tempat putarannya menutup (`lanjut` atau `cabang`).
    """
    sop = record.data
    ends = [s.no for s in sop.langkah if s.jenis == "selesai"]
    if not ends:
        yield (*_at(record, "langkah"), "tidak ada langkah berjenis 'selesai'")
    graph = _graph(sop)
    finishing = _reach(_reversed(graph), ends)
    for i, step in enumerate(sop.langkah):
        if step.no in finishing:
            continue
        loop = _loop_of(graph, step.no)
        if loop:
            steps = ", ".join(map(str, loop[:-1])) + f" dan {loop[-1]}" if len(loop) > 1 else str(loop[0])
            yield (
                *_at(record, "langkah", i, *_closing_field(step, loop)),
                f"langkah {steps} membentuk putaran tanpa jalan keluar: dari putaran itu tidak ada jalan "
                f"menuju langkah selesai",
            )
        elif ends:
            # Without any end step, that one finding says it all; a dead end is news only when ends exist.
            yield (*_at(record, "langkah", i, "no"), f"dari langkah {step.no} tidak ada jalan menuju langkah selesai")


@check("FLOW-004", "error")
def decisions_branch(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Keputusan punya paling sedikit dua cabang berlabel berbeda; langkah lain tidak bercabang."""
    for i, step in enumerate(record.data.langkah):
        if step.jenis != "keputusan":
            if step.cabang:
                yield (
                    *_at(record, "langkah", i, "cabang"),
                    f"hanya langkah berjenis 'keputusan' yang boleh bercabang (langkah {step.no} berjenis '{step.jenis}')",
                )
            continue
        if len(step.cabang) < 2:
            yield (
                *_at(record, "langkah", i, "cabang"),
                f"keputusan langkah {step.no} harus punya paling sedikit dua cabang (ada {len(step.cabang)})",
            )
        seen: dict[str, int] = {}
        for j, branch in enumerate(step.cabang):
            key = branch.label.casefold().strip()
            if key in seen:
                yield (
                    *_at(record, "langkah", i, "cabang", j, "label"),
                    f"label cabang '{branch.label}' sama dengan cabang ke-{seen[key] + 1}",
                )
            seen.setdefault(key, j)


@check("FLOW-005", "error")
def one_next_step(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Langkah `mulai` dan `proses` punya tepat satu langkah berikutnya; langkah `selesai` tidak punya.

    Bila `lanjut` dikosongkan, langkah berikutnya adalah langkah sesudahnya di daftar.
    """
    sop = record.data
    graph = {s.no: 0 for s in sop.langkah}
    for e in edges(sop):
        graph[e.source] += 1
    for i, step in enumerate(sop.langkah):
        n = graph[step.no]
        where = _at(record, "langkah", i, "lanjut") if step.lanjut is not None else _at(record, "langkah", i)
        if step.jenis == "selesai" and n:
            yield (*where, f"langkah {step.no} berjenis 'selesai' tidak boleh punya langkah berikutnya")
        elif step.jenis in ("mulai", "proses") and n != 1:
            yield (
                *where,
                f"langkah {step.no} harus punya tepat satu langkah berikutnya (ada {n})"
                + ("; langkah terakhir seharusnya berjenis 'selesai'" if n == 0 and i == len(sop.langkah) - 1 else ""),
            )


@check("FLOW-006", "error")
def numbered_in_order(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Nomor langkah berurutan 1, 2, 3 … n sesuai urutan di berkas, tanpa lompatan."""
    for i, step in enumerate(record.data.langkah):
        if step.no != i + 1:
            yield (*_at(record, "langkah", i, "no"), f"langkah ke-{i + 1} bernomor {step.no}; seharusnya {i + 1}")
            return  # one mis-numbering shifts all that follow; the first says enough


# Someone a step hands the work to: "mengembalikan kepada X", "menyerahkan ke X", "memerintahkan X untuk".
_HANDOVER = re.compile(
    r"\b(?:(?:mengembalikan|menyerahkan|dikembalikan|diserahkan)\b[^,.;]{0,60}?\b(?:kepada|ke)"
    r"|memerintahkan)\s+(?P<who>[^,.;:()]+)",
    re.IGNORECASE,
)
_WHO_END = re.compile(r"\s+\b(?:untuk|guna|agar|supaya|dan|serta|jika|apabila|yang|bila)\b.*$", re.IGNORECASE)
_ABBREVIATIONS = {
    "ka": ["kepala"],
    "kasubbag": ["kepala", "subbagian"],
    "kasubag": ["kepala", "subbagian"],
    "kabag": ["kepala", "bagian"],
    "subbag": ["subbagian"],
    "subag": ["subbagian"],
    "kasub": ["kepala", "sub"],
    "bag": ["bagian"],
    "plt": [],
    "pit": [],
    "pt": [],
}


# Words that name another institution: handing work to it is the end of this SOP, not a lane.
_OUTSIDE = {"kpu", "ri", "inspektorat", "biro", "kementerian", "setjen", "bpk", "instansi"}


def person_words(text: str) -> set[str]:
    """Words naming a person or office, with the usual abbreviations spelled out."""
    words = []
    for w in re.findall(r"[a-z]+", text.casefold()):
        words.extend(_ABBREVIATIONS.get(w, [w]))
    joined = " ".join(words).replace("sub bagian", "subbagian")
    return set(joined.split())


@check("FLOW-007", "warning")
def handover_to_a_lane(ctx: Context, record: SopRecord) -> Iterator[Item]:
    """Orang yang disebut menerima pekerjaan ("mengembalikan kepada X", "menyerahkan ke X", "memerintahkan X") adalah lajur SOP ini.

    Bila teks menyebut pejabat yang tidak punya lajur, diagram alir tidak menggambarkan apa yang dikatakan teks.
    """
    sop = record.data
    lanes = [person_words(lane.nama) for lane in sop.pelaksana]
    for i, step in enumerate(sop.langkah):
        texts: list[tuple[DataPath, str | None]] = [(("langkah", i, "kegiatan"), _text(step.kegiatan))]
        texts += [(("langkah", i, "rincian", j), t) for j, t in enumerate(step.rincian)]
        for path, text in texts:
            for match in _HANDOVER.finditer(text or ""):
                who = _WHO_END.sub("", match.group("who")).strip()
                words = person_words(who)
                if not words or words & _OUTSIDE or any(words <= lane or lane <= words for lane in lanes if lane):
                    continue
                yield (*_at(record, *path), f"langkah {step.no} menyebut '{who}', yang bukan pelaksana (lajur) SOP ini")
