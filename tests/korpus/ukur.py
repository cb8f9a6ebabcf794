"""How much of each corpus document `sop impor` reads as printed: `make impor-tabel`.

Every value the document prints (its ground truth, kebenaran.yaml) is a slot, counted once:

- exact: the draft holds it as printed;
- flagged: the draft holds something else or nothing, and a `catatan_transkripsi` (or an
  `[isi ...]` / `tidak_diketahui`) says so at that field;
- silent-wrong: the draft holds something else or nothing, and says nothing;
- invented: the draft holds a value the document does not print (an extra item, step, date), and
  says nothing about it.

By kind (identitas, tanggal, pengesah, kotak, lajur, langkah, kegiatan, waktu, output, keputusan,
lajur_langkah) and by format (docx, pdf, pindaian), with the goals beside them. `python
tests/korpus/ukur.py [--format docx] [ID ...]` from the project root prints the tables.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from macros import core, model  # noqa: E402
from macros.impor import import_document  # noqa: E402

KORPUS = Path(__file__).resolve().parent
sys.path.insert(0, str(KORPUS))
DOCUMENTS = KORPUS / "dokumen"
FORMATS = {"docx": "dokumen.docx", "pdf": "dokumen.pdf", "pindaian": "pindaian.pdf"}
KINDS = (
    "identitas", "tanggal", "pengesah", "kotak", "dasar_hukum_ref", "lajur", "langkah", "kegiatan",
    "waktu", "output", "mutu_lain", "keputusan", "lajur_langkah",
)  # fmt: skip
OUTCOMES = ("exact", "flagged", "silent", "invented")
GOALS = {"exact": 0.90, "silent": 0, "invented": 0, "lanes_drawn": 0.95, "folder_seconds_50": 60}


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: a key `no:` (a step's number) stays the text 'no'."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def truths() -> dict[str, dict[str, Any]]:
    return {p.parent.name: load_yaml(p) for p in sorted(DOCUMENTS.glob("*/kebenaran.yaml"))}


def layout(doc_id: str) -> dict[str, Any]:
    return load_yaml(DOCUMENTS / doc_id / "tata-letak.yaml") or {}


def registries() -> tuple[dict[str, model.Regulasi], dict[str, model.Satker], dict[str, model.Jabatan]]:
    """The handbook's registries with the corpus offices and their regulations added, as an office
    adopting the handbook would have them."""
    book, _ = core.load(ROOT, dt.date(2026, 11, 23))
    registry = dict(book.regulasi_map)
    satker = dict(book.satker_map)
    for truth in truths().values():
        for reg_id, entry in (truth.get("regulasi_baru") or {}).items():
            entry = {k: v for k, v in entry.items() if k != "catatan"}
            try:
                registry.setdefault(reg_id, model.Regulasi.model_validate(entry))
            except Exception:  # a jenis the registry does not know yet: the item stays untraced
                continue
        entry = dict(truth["satker"])
        satker_id = entry.pop("id")
        satker[satker_id] = model.Satker.model_validate(entry)
    return registry, satker, dict(book.jabatan_map)


# --- Comparing a draft with its truth ---------------------------------------------------------------


def norm(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split()) if value is not None else ""


def _parse(field_path: str) -> list[str | int]:
    return [int(i) if i else n for n, i in re.findall(r"([a-z_]+)|\[(\d+)\]", field_path)]


@dataclass
class Score:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    wrong: list[str] = field(default_factory=list)  # what was silent-wrong or invented, for the reader
    lanes_drawn: Counter[str] = field(default_factory=Counter)  # placed from a mark: right / wrong

    def add(self, other: Score) -> None:
        for kind in KINDS:
            self.counts[kind].update(other.counts[kind])
        self.wrong.extend(other.wrong)
        self.lanes_drawn.update(other.lanes_drawn)

    def total(self) -> Counter[str]:
        out: Counter[str] = Counter()
        for kind in KINDS:
            out.update(self.counts[kind])
        return out


class Comparison:
    def __init__(self, doc_id: str, truth: dict[str, Any], draft: dict[str, Any]) -> None:
        self.doc_id, self.truth, self.draft = doc_id, truth, draft
        self.layout = layout(doc_id)
        self.notes = [(n["bidang"], n["jenis"]) for n in draft.get("catatan_transkripsi", [])]
        self.score = Score()

    def covered(self, field_path: str, kind: str) -> bool:
        """Does a note stand at this field, or at its step or box item? A note on a whole list
        ("langkah", "dasar_hukum") covers only what such a note speaks of: a box not found, the flow."""
        target = _parse(field_path)
        for bidang, _ in self.notes:
            path = _parse(bidang)
            if target[: len(path)] != path:
                continue
            if len(path) >= 2 or path == target or bidang not in LISTS:
                return True  # at the field, its step or box item, or a single field's part (disahkan_oleh.nama)
            if kind == "keputusan" or bidang in LIST_NOTES:
                return True
        return False

    def slot(self, kind: str, field_path: str, want: Any, got: Any) -> None:
        if got is not None and norm(want) == norm(got):
            outcome = "exact"
        elif (
            isinstance(got, dict) and "tidak_diketahui" in got or "[isi " in norm(got) or self.covered(field_path, kind)
        ):
            outcome = "flagged"
        else:
            outcome = "silent"
            self.score.wrong.append(f"{self.doc_id}: {field_path}: tercetak {norm(want)!r}, draf {norm(got)!r}")
        self.score.counts[kind][outcome] += 1

    def extra(self, kind: str, field_path: str, got: Any) -> None:
        if got in (None, "", [], {}):
            return
        if isinstance(got, dict) and "tidak_diketahui" in got or "[isi " in norm(got) or self.covered(field_path, kind):
            self.score.counts[kind]["flagged"] += 1
        else:
            self.score.counts[kind]["invented"] += 1
            self.score.wrong.append(f"{self.doc_id}: {field_path}: tidak tercetak, draf {norm(got)!r}")

    def items(self, kind: str, key: str, want: list[Any], got: list[Any], part: str = "") -> None:
        for i, value in enumerate(want):
            self.slot(kind, f"{key}[{i + 1}]{part}", value, got[i] if i < len(got) else None)
        for i in range(len(want), len(got)):
            self.extra(kind, f"{key}[{i + 1}]{part}", got[i])

    def run(self) -> Score:
        t, d = self.truth, self.draft
        for key in ("nomor", "nama", "unit", "jumlah_pelaksana", "judul_tabel", "waktu_total_tercetak"):
            if t.get(key) is not None:
                self.slot("identitas", key, t[key], d.get(key))
            else:
                self.extra("identitas", key, d.get(key))
        self.items("identitas", "kop", t.get("kop", []), d.get("kop", []))
        self.items("identitas", "keterangan_gambar", t.get("keterangan_gambar", []), d.get("keterangan_gambar", []))
        self._dates()
        self._signer()
        for key in BOX_KEYS:
            want = [i["teks"] if isinstance(i, dict) else i for i in t.get(key, [])]
            got = [i["teks"] if isinstance(i, dict) else i for i in d.get(key, [])]
            self.items("kotak", key, want, got)
        for i, item in enumerate(t.get("dasar_hukum", [])):
            got = d.get("dasar_hukum", [])
            self.slot(
                "dasar_hukum_ref",
                f"dasar_hukum[{i + 1}].regulasi",
                item["regulasi"],
                got[i]["regulasi"] if i < len(got) else None,
            )
        self.items(
            "lajur",
            "pelaksana",
            [p["nama"] for p in t["pelaksana"]],
            [p["nama"] for p in d.get("pelaksana", [])],
            ".nama",
        )
        self._steps()
        return self.score

    def _dates(self) -> None:
        want = self.truth.get("tanggal") or {}
        got = self.draft.get("tanggal") or {}
        printed = set(map(norm, want.values()))
        for key in ("pembuatan", "revisi", "efektif", "pengesahan"):
            if key in want:
                self.slot("tanggal", f"tanggal.{key}", want[key], got.get(key))
            elif key in got and norm(got[key]) not in printed:
                self.extra("tanggal", f"tanggal.{key}", got[key])
        rows = self.truth.get("baris_tanggal")
        if rows is not None:
            self.slot("tanggal", "baris_tanggal", rows, self.draft.get("baris_tanggal"))

    def _signer(self) -> None:
        t = self.truth.get("disahkan_oleh") or (self.truth.get("lembar_pengesahan") or {}).get("penandatangan") or {}
        d = self.draft.get("disahkan_oleh") or (self.draft.get("lembar_pengesahan") or {}).get("penandatangan") or {}
        for key in ("jabatan", "nama", "pangkat", "nip"):
            if t.get(key) is not None:
                self.slot("pengesah", f"disahkan_oleh.{key}", t[key], d.get(key))
            else:
                self.extra("pengesah", f"disahkan_oleh.{key}", d.get(key))

    def _steps(self) -> None:
        want, got = self.truth["langkah"], self.draft.get("langkah", [])
        t_order = [p["id"] for p in self.truth["pelaksana"]]
        d_order = [p["id"] for p in self.draft.get("pelaksana", [])]
        by_no = {s["no"]: s for s in got}
        drawn = self.draft_lane_marks()
        for i, step in enumerate(want):
            place = f"langkah[{i + 1}]"
            other = got[i] if i < len(got) and got[i]["no"] == step["no"] else by_no.get(step["no"])
            self.slot("langkah", f"{place}.no", step["no"], other["no"] if other else None)
            if other is None:
                continue
            place = f"langkah[{got.index(other) + 1}]"
            kegiatan = " ".join([norm(step["kegiatan"]), *map(norm, step.get("rincian", []))])
            other_kegiatan = (
                other["kegiatan"]
                if isinstance(other["kegiatan"], dict)
                else " ".join([norm(other["kegiatan"]), *map(norm, other.get("rincian", []))])
            )
            self.slot("kegiatan", f"{place}.kegiatan", kegiatan, other_kegiatan)
            mutu, other_mutu = step.get("mutu_baku", {}), other.get("mutu_baku", {})
            for key, kind in (("waktu", "waktu"), ("output", "output"), ("kelengkapan", "mutu_lain")):
                if mutu.get(key) is not None:
                    self.slot(kind, f"{place}.mutu_baku.{key}", mutu[key], other_mutu.get(key))
                else:
                    self.extra(kind, f"{place}.mutu_baku.{key}", other_mutu.get(key))
            printed = printed_keterangan(step, self.layout)
            if printed:
                self.slot("mutu_lain", f"{place}.keterangan", printed, other.get("keterangan"))
            else:
                self.extra("mutu_lain", f"{place}.keterangan", other.get("keterangan"))
            self.slot("keputusan", f"{place}.jenis", step.get("jenis", "proses"), other.get("jenis", "proses"))
            if step.get("cabang"):
                want_branches = sorted((norm(b["label"]), b["ke"]) for b in step["cabang"])
                got_branches = sorted((norm(b["label"]), b["ke"]) for b in other.get("cabang", []))
                self.slot("keputusan", f"{place}.cabang", want_branches, got_branches or None)
            # Placed in the right lanes: by the lanes' places in the table (a misread lane name is
            # the lane's own slot, counted under lajur).
            lanes_want = sorted(t_order.index(a) for a in step["pelaksana"])
            lanes_got = sorted(d_order.index(a) if a in d_order else -1 for a in other["pelaksana"])
            self.slot("lajur_langkah", f"{place}.pelaksana", lanes_want, lanes_got)
            if drawn and f"{place}.pelaksana" not in {b for b, _ in self.notes}:
                self.score.lanes_drawn["right" if lanes_want == lanes_got else "wrong"] += 1
        for step in got:
            if step["no"] not in {s["no"] for s in want}:
                self.extra("langkah", f"langkah[{got.index(step) + 1}]", step["kegiatan"])

    def draft_lane_marks(self) -> bool:
        return True


def printed_keterangan(step: dict[str, Any], plan: dict[str, Any]) -> str:
    """The Keterangan cell as bangun.py prints it: the truth's keterangan, and with `label_cabang:
    keterangan` a last line of branches and jumps unless the keterangan names them already."""
    from bangun import branch_lines, branches_in_keterangan

    table = plan.get("tabel_langkah") or {}
    text = step.get("keterangan") or ""
    has_column = table.get("keterangan", "Keterangan") is not None
    if has_column and table.get("label_cabang") == "keterangan" and not branches_in_keterangan(step):
        lines = branch_lines(step, "keterangan")
        if lines:
            text = " ".join(filter(None, [text, "; ".join(lines)]))
    return text


BOX_KEYS = model.BOX_FIELDS
# A note on a whole list that speaks of its items: a box not found, the kop's last line moved to the unit.
LIST_NOTES = (*BOX_KEYS, "kop")
# Fields that are lists: a note on the whole list does not speak of each of its items.
LISTS = (*BOX_KEYS, "kop", "langkah", "pelaksana", "keterangan_gambar", "baris_tanggal")


@dataclass
class Result:
    doc_id: str
    format: str
    score: Score | None
    seconds: float
    error: str | None = None
    mark: str = ""


def measure(doc_ids: list[str] | None = None, formats: tuple[str, ...] = tuple(FORMATS)) -> list[Result]:
    registry, satker, roles = registries()
    results = []
    for doc_id, truth in truths().items():
        if doc_ids and doc_id not in doc_ids:
            continue
        mark = (layout(doc_id).get("tabel_langkah") or {}).get("tanda_lajur", "bentuk")
        for fmt in formats:
            path = DOCUMENTS / doc_id / FORMATS[fmt]
            if not path.is_file():
                continue
            start = time.perf_counter()
            try:
                _, draft, _ = import_document(path, registry, satker, roles=roles)
            except Exception as exc:  # measured, not hidden: a failure is a row of its own
                results.append(
                    Result(doc_id, fmt, None, time.perf_counter() - start, f"{type(exc).__name__}: {exc}", mark)
                )
                continue
            seconds = time.perf_counter() - start
            results.append(Result(doc_id, fmt, Comparison(doc_id, truth, draft).run(), seconds, mark=mark))
    return results


def share(counter: Counter[str]) -> str:
    n = sum(counter.values())
    return f"{counter['exact']}/{n} ({counter['exact'] / n:.0%})" if n else "—"


def table(results: list[Result]) -> str:
    lines = [
        "| dokumen | format | lajur | " + " | ".join(KINDS) + " | tepat | ditandai | salah diam | karangan | detik |"
    ]
    lines.append("|" + "---|" * (len(KINDS) + 8))
    for r in results:
        if r.score is None:
            lines.append(f"| {r.doc_id} | {r.format} | {r.mark} | galat: {r.error} |")
            continue
        total = r.score.total()
        cells = [share(r.score.counts[k]) for k in KINDS]
        lines.append(
            f"| {r.doc_id} | {r.format} | {r.mark} | "
            + " | ".join(cells)
            + f" | {share(total)} | {total['flagged']} | {total['silent']} | {total['invented']} | {r.seconds:.2f} |"
        )
    return "\n".join(lines)


def summary(results: list[Result]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for fmt in FORMATS:
        mine = [r for r in results if r.format == fmt]
        if not mine:
            continue
        score = Score()
        for r in mine:
            if r.score is not None:
                score.add(r.score)
        total = score.total()
        n = sum(total.values())
        drawn = score.lanes_drawn
        out[fmt] = {
            "documents": len(mine),
            "errors": sum(r.score is None for r in mine),
            "slots": n,
            "exact": total["exact"] / n if n else 0.0,
            "flagged": total["flagged"],
            "silent": total["silent"],
            "invented": total["invented"],
            "lanes_drawn": drawn["right"] / (drawn["right"] + drawn["wrong"]) if drawn else None,
            "seconds": sum(r.seconds for r in mine),
            "wrong": score.wrong,
            "by_kind": {k: dict(score.counts[k]) for k in KINDS},
        }
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    formats = tuple(FORMATS)
    if "--format" in args:
        i = args.index("--format")
        formats = tuple(args[i + 1].split(","))
        del args[i : i + 2]
    results = measure(args or None, formats)
    print(table(results))
    print()
    print("| format | dokumen | nilai | tepat | ditandai | salah diam | karangan | lajur dari simbol | detik |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fmt, s in summary(results).items():
        lanes = f"{s['lanes_drawn']:.0%}" if s["lanes_drawn"] is not None else "—"
        print(
            f"| {fmt} | {s['documents']} (galat {s['errors']}) | {s['slots']} | {s['exact']:.1%} | {s['flagged']} | "
            f"{s['silent']} | {s['invented']} | {lanes} | {s['seconds']:.1f} |"
        )
    print(
        f"\nSasaran: tepat ≥ {GOALS['exact']:.0%}, salah diam {GOALS['silent']}, karangan {GOALS['invented']}, lajur dari simbol ≥ {GOALS['lanes_drawn']:.0%}"
    )
    for fmt, s in summary(results).items():
        for line in s["wrong"][:60]:
            print(f"  [{fmt}] {line}")
