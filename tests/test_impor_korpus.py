"""`sop impor` on the corpus: documents of other offices, as Word, text PDF and scan.

Every value a document prints is a slot (tests/korpus/ukur.py): the draft holds it as printed
(exact), or says it is not sure (flagged); it never holds something else without a word
(silent-wrong), and never something the document does not print (invented). Each document and
format is its own test; the shares over the whole corpus are checked per format.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "korpus"))
import ukur  # noqa: E402

from macros.impor import import_document  # noqa: E402

CASES = [
    (doc_id, fmt)
    for doc_id in ukur.truths()
    for fmt, name in ukur.FORMATS.items()
    if (ukur.DOCUMENTS / doc_id / name).is_file()
]
# Exact shares each format must reach over the corpus. Scans are read by OCR: more is flagged, and
# their floor is lower; silent-wrong and invented are zero for every format.
EXACT = {"docx": ukur.GOALS["exact"], "pdf": ukur.GOALS["exact"], "pindaian": 0.80}


@cache
def registries() -> tuple:
    return ukur.registries()


@cache
def score(doc_id: str, fmt: str) -> ukur.Score:
    registry, satker, roles = registries()
    _, draft, _ = import_document(ukur.DOCUMENTS / doc_id / ukur.FORMATS[fmt], registry, satker, roles=roles)
    return ukur.Comparison(doc_id, ukur.truths()[doc_id], draft).run()


def test_the_corpus_is_many_offices_in_every_format():
    truths = ukur.truths()
    assert len(truths) >= 20
    assert len({t["satker"]["id"] for t in truths.values()}) >= 12
    by_format = {fmt: sum(1 for _, f in CASES if f == fmt) for fmt in ukur.FORMATS}
    assert by_format["docx"] == by_format["pdf"] == len(truths) and by_format["pindaian"] >= 6
    readme = (ROOT / "tests/korpus/README.md").read_text(encoding="utf-8")
    assert all(doc_id in readme for doc_id in truths)  # every document's sources are named


@pytest.mark.parametrize(("doc_id", "fmt"), CASES, ids=[f"{d}-{f}" for d, f in CASES])
def test_nothing_is_silently_wrong_or_invented(doc_id, fmt):
    s = score(doc_id, fmt)
    assert s.total()["silent"] == 0 and s.total()["invented"] == 0, "\n".join(s.wrong)


@pytest.mark.parametrize("fmt", list(ukur.FORMATS))
def test_the_share_of_exact_values_and_lanes_from_symbols_meet_the_goal(fmt):
    total: dict[str, int] = {}
    lanes = {"right": 0, "wrong": 0}
    for doc_id, f in CASES:
        if f != fmt:
            continue
        s = score(doc_id, f)
        for k, v in s.total().items():
            total[k] = total.get(k, 0) + v
        for k in lanes:
            lanes[k] += s.lanes_drawn[k]
    assert total["exact"] / sum(total.values()) >= EXACT[fmt], total
    assert lanes["right"] / (lanes["right"] + lanes["wrong"]) >= ukur.GOALS["lanes_drawn"], lanes


def test_the_measure_can_fail():
    """A draft with a value changed and no note is counted silent-wrong; with a note, flagged."""
    registry, satker, roles = registries()
    doc_id = "puskesmas-wotu-cuti"
    _, draft, _ = import_document(ukur.DOCUMENTS / doc_id / "dokumen.docx", registry, satker, roles=roles)
    draft["langkah"][0]["mutu_baku"]["waktu"] = "6 menit"
    changed = ukur.Comparison(doc_id, ukur.truths()[doc_id], draft).run().total()
    assert changed["silent"] == 1
    draft["catatan_transkripsi"].append(
        {"bidang": "langkah[1].mutu_baku.waktu", "jenis": "disimpulkan", "catatan": "uji"}
    )
    noted = ukur.Comparison(doc_id, ukur.truths()[doc_id], draft).run().total()
    assert noted["silent"] == 0 and noted["flagged"] == changed["flagged"] + 1
    draft["kualifikasi_pelaksana"].append("Butir karangan")
    assert ukur.Comparison(doc_id, ukur.truths()[doc_id], draft).run().total()["invented"] == 1


@pytest.mark.parametrize("doc_id", ["puskesmas-wotu-cuti", "dkp-ntb-cuti"])
def test_an_old_word_document_is_read_through_libreoffice(tmp_path, doc_id):
    """A .doc (here made by LibreOffice from the corpus's .docx, through OpenDocument, as its own
    Word 97 export loses tables with merged cells) reads as the .docx does; the symbols LibreOffice
    flattens into rectangles are not trusted: the step kinds they gave are flagged, not guessed."""
    import shutil
    import subprocess

    office = shutil.which("soffice")
    assert office, "LibreOffice (libreoffice-writer) is installed by `make test`"
    profile = f"-env:UserInstallation=file://{tmp_path / 'profil'}"
    source = tmp_path / f"{doc_id}.docx"
    shutil.copy(ukur.DOCUMENTS / doc_id / "dokumen.docx", source)
    for target in ("odt", "doc:MS Word 97"):
        current = next(tmp_path.glob(f"{doc_id}.{'docx' if target == 'odt' else 'odt'}"))
        subprocess.run(
            [office, profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(current)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    registry, satker, roles = registries()
    _, draft, report = import_document(tmp_path / f"{doc_id}.doc", registry, satker, roles=roles)
    assert report.format == "doc" and report.steps == len(ukur.truths()[doc_id]["langkah"])
    s = ukur.Comparison(doc_id, ukur.truths()[doc_id], draft).run().total()
    assert s["silent"] == 0 and s["invented"] == 0 and s["exact"] / sum(s.values()) >= 0.9, s


def test_an_imported_draft_of_each_format_passes_the_schema(tmp_path):
    """The drafts are records: the models accept them (sop check's SKEMA-001 never fires)."""
    from macros.model import Sop

    registry, satker, roles = registries()
    for fmt in ukur.FORMATS:
        path = ukur.DOCUMENTS / "puskesmas-wotu-cuti" / ukur.FORMATS[fmt]
        _, draft, _ = import_document(path, registry, satker, roles=roles)
        Sop.model_validate(draft)


def test_a_scan_marks_the_words_it_is_not_sure_of():
    registry, satker, roles = registries()
    _, draft, report = import_document(
        ukur.DOCUMENTS / "bps-usul-kenaikan-pangkat" / "pindaian.pdf", registry, satker, roles=roles
    )
    notes = [n for n in draft["catatan_transkripsi"] if n["jenis"] == "tidak_terbaca" and "pindaian" in n["catatan"]]
    assert notes and report.unsure_words > 0
    assert any(
        n["bidang"] == "disahkan_oleh" for n in draft["catatan_transkripsi"]
    )  # a name from a scan is always checked


if __name__ == "__main__":
    print(Path(__file__).name, "is a test module; the table is `make impor-tabel`.")
