"""Nothing transcribed is silently unpublished: every string of every SOP record reaches its page.

A value is on the page as written (white space folded), or in the form the page gives it: a date
as an Indonesian date, a kind (`jenis`) as its label, a regulation id as the link to its page,
a lane id as the lane's name. Role ids are published on the role pages, not the SOP page.
"""

from __future__ import annotations

import collections
import datetime as dt
import html
import re

import pytest
from conftest import ROOT, SEEDS, page_file, page_html

from macros import labels
from macros.findings import field_path
from macros.model import Sop

pytestmark = pytest.mark.build
IDS = sorted(SEEDS.sops)
_INLINE = re.compile(r"</?(abbr|a|span|strong|em|small|code)\b[^>]*>")


def visible_text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", _INLINE.sub("", html.unescape(page))).split())


def strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def expected_forms(path: tuple, value: str, record) -> list[str]:
    """What a reader finds on the page for this value (any one of them is enough)."""
    key = [p for p in path if isinstance(p, str)][-1]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return [labels.tanggal(dt.date.fromisoformat(value))]
    if key == "jenis" and path[0] == "catatan_transkripsi":
        return [labels.TRANSKRIPSI["jenis"][value]]
    if key == "jenis" and path[0] == "keterkaitan":
        return [labels.KETERKAITAN_JENIS[value]]
    if key == "jenis" and path[0] == "langkah":
        return [labels.STEP_KIND[value]]
    if path[0] == "baris_tanggal":
        return [labels.IDENTITY[value]]
    if path[0] == "pelaksana" and key == "id" or path[0] == "langkah" and key == "pelaksana":
        return [" ".join(lane.nama.split()) for lane in record.data.pelaksana if lane.id == value]
    return [" ".join(value.split())]


def unpublished(record, raw: str, site) -> list:
    """(path, value) of each string of the record that the page ``raw`` does not show."""
    text = visible_text(raw)
    missing = []
    for path, value in strings(record.data.model_dump(mode="json", exclude_none=True)):
        if path[0] == "dasar_hukum" and path[2:3] == ("regulasi",):
            found = f'href="../../regulasi/{value}.html"' in raw
        elif path[0] == "dokumen_sumber":  # linked as Dokumen sumber, to the page that shows it
            found = f'href="../../{value}.html"' in raw and (site / value).is_file()
        elif path[-1] == "penomoran":  # a list's lettering: its style, not a string
            found = value == "angka" or 'class="sop-huruf"' in raw
        elif path[0] == "pelaksana" and path[-1] == "jabatan":
            found = page_file(site, f"jabatan/{value}").is_file()  # published on the role's page
        else:
            found = any(form in text for form in expected_forms(path, value, record))
        if not found:
            missing.append((path, value))
    return missing


@pytest.mark.parametrize("sop_id", IDS, ids=IDS)
def test_every_string_of_the_record_reaches_its_page(built_site, sop_id):
    record = SEEDS.sops[sop_id]
    assert unpublished(record, page_html(built_site, f"sop/{sop_id}"), built_site) == []


def test_the_check_finds_a_step_text_the_page_leaves_out(built_site):
    """The check can fail: the Palu page with step 3's text taken out is reported at exactly that field."""
    record = SEEDS.sops["kpu-kota-palu/penyusunan-laporan-kinerja"]
    kegiatan = record.data.langkah[2].kegiatan
    raw = page_html(built_site, "sop/kpu-kota-palu/penyusunan-laporan-kinerja")
    assert kegiatan in raw
    assert unpublished(record, raw.replace(kegiatan, ""), built_site) == [(("langkah", 2, "kegiatan"), kegiatan)]


def identity_rows(site, sop_id: str) -> dict[str, str]:
    raw = page_html(site, f"sop/{sop_id}")
    table = raw[
        raw.index('<table class="sop-identity"') : raw.index("</table>", raw.index('<table class="sop-identity"'))
    ]
    return {
        visible_text(th): visible_text(td) for th, td in re.findall(r"<th>(.*?)</th><td>(.*?)</td>", table, re.DOTALL)
    }


def test_identity_block_shows_the_rows_the_form_prints(built_site):
    palu = identity_rows(built_site, "kpu-kota-palu/penyusunan-laporan-kinerja")
    assert list(palu)[:3] == ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Pengesahan"]
    assert "Tanggal Revisi" not in palu and "Tanggal Efektif" not in palu  # the Palu form has no such rows
    assert palu["Jumlah Pelaksana"] == "Minimal 2 Orang"
    banten = identity_rows(built_site, "kpu-provinsi-banten/penyusunan-laporan-kinerja")
    assert banten["Tanggal Revisi"] == "tidak tercetak"  # printed, left empty
    assert "Jumlah Pelaksana" not in banten  # not on the Banten form
    serang = identity_rows(built_site, "kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja")
    assert "Tanggal Pembuatan" not in serang and serang["Tanggal Pengesahan"] == "2 Januari 2023"


def test_serang_keeps_its_printed_structure_numbers_and_lettering(built_site):
    raw = page_html(built_site, "sop/kpu-kota-serang/pengelolaan-kinerja-dan-penyusunan-laporan-kinerja")
    headings = [visible_text(h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", raw, re.DOTALL)]
    assert "2. PENJELASAN SOP" in headings and "(3) Uraian Prosedur" in headings
    assert headings.index("(1) Ruang Lingkup") == headings.index("2. PENJELASAN SOP") + 1
    assert re.search(r'<h3 id="penjelasan-1-3"', raw)  # a sub-section, one level below
    assert '<ol class="sop-huruf"><li>Pelaksanaan Rapat' in raw
    assert "1. FLOWCHART SOP PENGELOLAAN KINERJA" in raw


# --- As printed: the text seeds against the records ----------------------------------------------

TEXT_SEEDS = {"000", "001", "003", "004"}  # 002 is an OCR scan: its reconstructions are marked in the record


def printed_fields(sop):
    """(field path, value) of the values the form prints in its boxes and step table."""
    for box in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
        for i, value in enumerate(getattr(sop, box)):
            yield (box, i), value
    for i, item in enumerate(sop.dasar_hukum):
        yield ("dasar_hukum", i, "teks"), item.teks
    for i, step in enumerate(sop.langkah):
        yield ("langkah", i, "kegiatan"), step.kegiatan
        for key in ("kelengkapan", "waktu", "output"):
            yield ("langkah", i, "mutu_baku", key), getattr(step.mutu_baku, key)


def seed_of(record) -> str:
    return re.search(r"(\d{3})_[0-9a-f]+\.txt", record.data.dokumen_sumber).group(1)


def seed_text(record) -> str:
    """The document the record was transcribed from: the project's own copy under sumber/."""
    return (ROOT / record.data.dokumen_sumber).read_text(encoding="utf-8")


@pytest.mark.parametrize("sop_id", [i for i in IDS if seed_of(SEEDS.sops[i]) in TEXT_SEEDS], ids=str)
def test_every_printed_value_is_in_the_seed_as_written_or_has_a_transcription_note(sop_id):
    record = SEEDS.sops[sop_id]
    text = " ".join(seed_text(record).replace("\u00a0", " ").split())
    noted = {note.bidang for note in record.data.catatan_transkripsi}
    silent = []
    for path, value in printed_fields(record.data):
        if not isinstance(value, str):
            continue  # TidakDiketahui: unreadable, and says why
        field = field_path(path)
        if " ".join(value.split()) not in text and not _covered(field, noted):
            silent.append((field, value))
    assert silent == []


# --- As scanned: the OCR seed 002 against its record --------------------------------------------

OCR_SOP = "kpu-kabupaten-bengkulu-utara/pengumpulan-data-kinerja"
# Where each part of the form lies in the OCR text (1-based line numbers, inclusive). The scan
# runs the columns of one table row together, so a step's words are checked against its row only.
OCR_REGIONS = {
    "header": (1, 97),  # boxes, then the identity block
    "lanes": (98, 103),
    **{no: span for no, span in enumerate(
        [(104, 109), (110, 120), (121, 133), (134, 142), (143, 149), (150, 157), (158, 166),
         (168, 171), (176, 181), (182, 186), (187, 198), (199, 212), (213, 233), (234, 239)],
        start=1)},
    "total": (241, 241),
}  # fmt: skip
MARK = re.compile(r"\[[^\]]*\]")
WORD = re.compile(r"\w+")


def ocr_words(first: int, last: int) -> collections.Counter:
    (ocr,) = (r for r in SEEDS.sops.values() if seed_of(r) == "002")
    lines = seed_text(ocr).splitlines()[first - 1 : last]
    return collections.Counter(w.lower() for w in WORD.findall("\n".join(lines)))


def take(words: list[str], i: int, pool: collections.Counter) -> int:
    """Use up ``words[i]`` from the scan's words; return how many record words it covered (0: none).

    A word counts as printed as read, as two pieces the scan split at a line end ("Pemilih an"),
    or together with the next word where the scan lost the space between them ("dengandata").
    """
    word = words[i].lower()
    if pool[word] > 0:
        pool[word] -= 1
        return 1
    for j in range(1, len(word)):
        head, tail = word[:j], word[j:]
        if pool[head] > 0 and pool[tail] > 0 and (head != tail or pool[head] > 1):
            pool[head] -= 1
            pool[tail] -= 1
            return 1
    if i + 1 < len(words) and pool[word + words[i + 1].lower()] > 0:
        pool[word + words[i + 1].lower()] -= 1
        return 2
    return 0


def ocr_fields(sop):
    """(region, field path, value) of every value of the OCR record that the scan prints."""
    for i, line in enumerate(sop.kop):
        yield "header", ("kop", i), line
    yield "header", ("nomor",), sop.nomor
    yield "header", ("nama",), sop.nama
    yield "header", ("disahkan_oleh", "jabatan"), sop.disahkan_oleh.jabatan
    for path, value in printed_fields(sop):
        if path[0] != "langkah":
            yield "header", path, value
    for i, item in enumerate(sop.keterkaitan):
        yield "header", ("keterkaitan", i, "teks"), item.teks
    for i, lane in enumerate(sop.pelaksana):
        yield "lanes", ("pelaksana", i, "nama"), lane.nama
    for i, step in enumerate(sop.langkah):
        yield step.no, ("langkah", i, "kegiatan"), step.kegiatan
        for key in ("kelengkapan", "waktu", "output"):
            yield step.no, ("langkah", i, "mutu_baku", key), getattr(step.mutu_baku, key)
    yield "total", ("waktu_total_tercetak",), sop.waktu_total_tercetak


def unmarked_reconstructions(sop) -> list[tuple[str, str]]:
    """(field, word) for each word that the scan does not print where the record puts it, outside [ ]."""
    pools = {region: ocr_words(*span) for region, span in OCR_REGIONS.items()}
    found = []
    for region, path, value in ocr_fields(sop):
        if not isinstance(value, str):
            continue  # TidakDiketahui: unreadable, and says why
        words, i = WORD.findall(MARK.sub(" ", value)), 0
        while i < len(words):
            covered = take(words, i, pools[region])
            if not covered:
                found.append((field_path(path), words[i]))
            i += covered or 1
    return found


def test_every_word_of_the_ocr_record_is_in_the_scan_or_marked_as_reconstructed():
    assert unmarked_reconstructions(SEEDS.sops[OCR_SOP].data) == []


def test_the_ocr_check_finds_an_unmarked_word_and_a_word_used_twice():
    """The check can fail: a word the scan does not print, and a word the scan prints once used twice."""
    data = SEEDS.sops[OCR_SOP].data.model_dump()
    data["langkah"][1]["mutu_baku"]["kelengkapan"] = (
        "Disposisi, [Perjanjian] Kinerja, Rencana Aksi"  # no Rencana in row 2
    )
    data["langkah"][7]["kegiatan"] += " Menerima"  # row 8 prints it once
    sop = Sop.model_validate(data)
    assert unmarked_reconstructions(sop) == [
        ("langkah[2].mutu_baku.kelengkapan", "Rencana"),
        ("langkah[8].kegiatan", "Menerima"),
    ]


# --- The audit's count: printed value slots per seed, exact / noted / silent ---------------------


def slots(sop):
    """(field path, value) of every printed value slot, counted as the audit counted them: one per
    identity value, box item and lane, and per step its number, kegiatan, kelengkapan, waktu, output,
    keterangan and lane."""
    yield ("nomor",), sop.nomor
    yield ("nama",), sop.nama
    for i, line in enumerate(sop.kop):
        yield ("kop", i), line
    for key in ("unit", "judul_dokumen", "judul_tabel", "jumlah_pelaksana", "waktu_total_tercetak"):
        if getattr(sop, key):
            yield (key,), getattr(sop, key)
    for key in ("pembuatan", "revisi", "efektif", "pengesahan"):
        if getattr(sop.tanggal, key):
            yield ("tanggal", key), getattr(sop.tanggal, key)
    if sop.disahkan_oleh:
        yield ("disahkan_oleh", "jabatan"), sop.disahkan_oleh.jabatan
        if sop.disahkan_oleh.nama:
            yield ("disahkan_oleh", "nama"), sop.disahkan_oleh.nama
    for path, value in printed_fields(sop):
        if path[0] != "langkah":
            yield path, value
    for i, item in enumerate(sop.keterkaitan):
        yield ("keterkaitan", i, "teks"), item.teks
    for i, lane in enumerate(sop.pelaksana):
        yield ("pelaksana", i, "nama"), lane.nama
    for i, step in enumerate(sop.langkah):
        yield ("langkah", i, "no"), str(step.no)
        yield ("langkah", i, "kegiatan"), step.kegiatan
        for key in ("kelengkapan", "waktu", "output"):
            yield ("langkah", i, "mutu_baku", key), getattr(step.mutu_baku, key)
        if step.keterangan:
            yield ("langkah", i, "keterangan"), step.keterangan
        # The lane is a symbol in a column, which text extraction loses; it is as printed only when the
        # step's own words name every lane it is put in ("Pelaksana mengumpulkan ...").
        words = " ".join([text_of(step.kegiatan), *step.rincian]).casefold()
        lanes = {lane.id: lane.nama for lane in sop.pelaksana}
        named = all(lanes[a].casefold() in words for a in step.pelaksana if a in lanes)
        yield ("langkah", i, "pelaksana"), "lane-named" if named else None


def text_of(value) -> str:
    return value if isinstance(value, str) else ""


def _covered(field: str, notes: set[str]) -> bool:
    return any(field == n or field.startswith((n + ".", n + "[")) for n in notes)


def classify(record) -> dict[str, list[str]]:
    """Each printed value slot of a seed record as exact (as printed), noted (a transcription note
    covers it) or silent (neither), by field."""
    sop = record.data
    text = " ".join(seed_text(record).replace("\u00a0", " ").split())
    notes = {note.bidang for note in sop.catatan_transkripsi}
    ocr_unmarked = {f for f, _ in unmarked_reconstructions(sop)} if seed_of(record) == "002" else set()
    out: dict[str, list[str]] = {"exact": [], "noted": [], "silent": []}
    for path, value in slots(sop):
        field = field_path(path)
        if value == "lane-named":
            exact = True
        elif value is None or not isinstance(value, (str, dt.date)):
            exact = False  # unreadable (TidakDiketahui) or a lane placed by a lost symbol
        elif isinstance(value, dt.date):
            exact = any(
                form in text
                for form in (labels.tanggal(value), f"{value.day:02d}" + labels.tanggal(value)[len(str(value.day)) :])
            )
        elif seed_of(record) == "002":
            exact = "[" not in value and field not in ocr_unmarked
        else:
            exact = " ".join(value.split()) in text
        kind = "exact" if exact else "noted" if _covered(field, notes) else "silent"
        out[kind].append(field)
    return out


def test_the_count_of_silent_changes_is_zero_for_every_seed():
    """The audit counted 25 values changed with no note; every slot is now as printed or noted."""
    silent = {i: classify(SEEDS.sops[i])["silent"] for i in IDS}
    assert silent == {i: [] for i in IDS}


if __name__ == "__main__":  # `make fidelity`: the audit's table, per seed
    print("| seed | SOP | slots | exact | noted | silent |\n|---|---|---|---|---|---|")
    for sop_id in IDS:
        counts = {k: len(v) for k, v in classify(SEEDS.sops[sop_id]).items()}
        total = sum(counts.values())
        print(
            f"| {seed_of(SEEDS.sops[sop_id])} | {sop_id} | {total} | {counts['exact']} ({counts['exact'] / total:.0%}) | {counts['noted']} | {counts['silent']} |"
        )
