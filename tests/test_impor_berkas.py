"""`sop impor` on what offices really hand over: broken files, folders, big tables, unknown offices.

A document that cannot be read gets one line naming the file and why, in a maintainer's words, and
exit status 2; the rest of a folder is still imported; a table is never cut short.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

KORPUS = ROOT / "tests" / "korpus" / "dokumen"
WOTU = KORPUS / "puskesmas-wotu-cuti" / "dokumen.docx"  # an office the seed registries do not know
PALU = ROOT / "sumber" / "000_16467f76b5c3e419.txt"


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "proyek"
    (root / "sop_data").mkdir(parents=True)
    for name in ("satker.yaml", "regulasi.yaml", "jabatan.yaml", "istilah.yaml"):
        shutil.copy(ROOT / "sop_data" / name, root / "sop_data" / name)
    shutil.copytree(ROOT / "schema", root / "schema")
    return root


def sop(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(root), "impor", *args],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=600,
    )  # fmt: skip


def _zip_without_word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("catatan.txt", "bukan dokumen Word")
    return path


BROKEN = {
    "biner.txt": (lambda p: p.write_bytes(bytes(range(256)) * 20), "bukan teks UTF-8"),
    "kosong.docx": (lambda p: p.write_bytes(b""), "berkas kosong"),
    "palsu.docx": (lambda p: p.write_text("ini bukan arsip zip", encoding="utf-8"), "bukan dokumen DOCX yang sah"),
    "zip.docx": (_zip_without_word, "bukan dokumen Word (.docx)"),
    "rusak.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "PDF rusak atau terpotong"),
    "palsu.pdf": (lambda p: p.write_text("Nomor SOP 1/2026", encoding="utf-8"), "bukan dokumen PDF yang sah"),
    "surat.txt": (
        lambda p: p.write_text("Yth. Bapak\nMohon hadir.\n", encoding="utf-8"),
        "tidak tampak seperti SOP AP",
    ),
    "gambar.png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\nterpotong"), "gambar rusak atau terpotong"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_document_that_cannot_be_read_gets_one_line_and_exit_status_2(project, tmp_path, name):
    make, reason = BROKEN[name]
    source = tmp_path / name
    make(source)
    result = sop(project, str(source))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"sop: {source}: ") and reason in line, line
    assert not list((project / "sop_data").glob("*/*.yaml"))  # nothing half-written


def test_a_folder_is_imported_past_its_broken_documents_with_a_summary(project, tmp_path):
    folder = tmp_path / "kiriman"
    (folder / "bagian umum").mkdir(parents=True)
    shutil.copy(PALU, folder / "palu.txt")
    shutil.copy(KORPUS / "kpu-kota-pontianak-pemutakhiran-dip" / "dokumen.pdf", folder / "bagian umum" / "dip.pdf")
    BROKEN["rusak.pdf"][0](folder / "rusak.pdf")
    (folder / "~$palu.docx").write_bytes(b"\x00" * 162)  # Word's lock file: not a document
    (folder / "anggaran.xlsx").write_bytes(b"PK\x03\x04")  # not a kind impor reads
    result = sop(project, str(folder), "--ringkasan", str(tmp_path / "ringkasan.csv"), "--tambah-satker")
    assert result.returncode == 2, result.stdout + result.stderr  # one document could not be read
    assert "2 dari 3 dokumen menjadi draf; 1 tidak dapat dibaca." in result.stdout
    with (tmp_path / "ringkasan.csv").open(encoding="utf-8-sig") as f:
        rows = {Path(r["berkas"]).name: r for r in csv.DictReader(f)}
    assert set(rows) == {"palu.txt", "dip.pdf", "rusak.pdf"}
    assert rows["rusak.pdf"]["galat"].startswith("PDF rusak atau terpotong") and not rows["rusak.pdf"]["keluaran"]
    assert rows["palu.txt"]["keluaran"] == "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    assert int(rows["dip.pdf"]["langkah"]) >= 5 and rows["dip.pdf"]["format"] == "pdf"
    for row in (rows["palu.txt"], rows["dip.pdf"]):
        assert (project / row["keluaran"]).is_file()
        kept = yaml.safe_load((project / row["keluaran"]).read_text(encoding="utf-8"))["dokumen_sumber"]
        assert (project / kept).is_file()  # the document is kept beside the records


def test_an_unknown_office_is_proposed_and_added_only_when_asked(project, tmp_path):
    refused = sop(project, str(WOTU))
    assert refused.returncode == 2
    assert "satker tidak dikenali" in refused.stderr and "--tambah-satker" in refused.stderr
    assert "uptd-puskesmas-wotu-kabupaten-luwu-timur:" in refused.stderr  # the entry it would add
    before = (project / "sop_data" / "satker.yaml").read_text(encoding="utf-8")
    assert "wotu" not in before.casefold()

    added = sop(project, str(WOTU), "--tambah-satker")
    assert added.returncode in (0, 1), added.stderr
    after = (project / "sop_data" / "satker.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # appended, nothing else touched
    entry = yaml.safe_load(after)["satker"]["uptd-puskesmas-wotu-kabupaten-luwu-timur"]
    assert entry["nama"] == "UPTD Puskesmas Wotu"
    assert "ditambahkan oleh `sop impor`" in after  # marked for review
    assert list((project / "sop_data" / "uptd-puskesmas-wotu-kabupaten-luwu-timur").glob("*.yaml"))


def test_an_existing_draft_is_not_overwritten_without_timpa(project):
    first = sop(project, str(PALU))
    assert first.returncode == 0, first.stderr
    written = project / "sop_data" / "kpu-kota-palu" / "penyusunan-laporan-kinerja.yaml"
    written.write_text(written.read_text(encoding="utf-8") + "# disunting\n", encoding="utf-8")
    again = sop(project, str(PALU))
    assert again.returncode == 2 and "sudah ada" in again.stderr and "--timpa" in again.stderr
    assert written.read_text(encoding="utf-8").endswith("# disunting\n")
    assert sop(project, str(PALU), "--timpa").returncode == 0
    assert not written.read_text(encoding="utf-8").endswith("# disunting\n")


def _long_text_table(steps: int) -> str:
    """Seed 000's text with its step table grown to `steps` rows."""
    head, _, _ = PALU.read_text(encoding="utf-8").partition("\n1\tMenugaskan")
    rows = [
        f"{n}\tMemeriksa berkas ke-{n}\t\t\t\tBerkas\t{n % 50 + 1} Menit\tBerkas ke-{n}\t" for n in range(1, steps + 1)
    ]
    return head + "\n" + "\n".join(rows) + "\n"


def test_a_long_step_table_is_read_to_its_last_row(project, tmp_path):
    source = tmp_path / "panjang.txt"
    source.write_text(_long_text_table(5000), encoding="utf-8")
    result = sop(project, str(source))
    assert "Langkah: 5000, dengan Waktu: 5000" in result.stdout, result.stdout + result.stderr
    (written,) = (project / "sop_data").glob("*/*.yaml")
    steps = yaml.safe_load(written.read_text(encoding="utf-8"))["langkah"]
    assert [s["no"] for s in steps] == list(range(1, 5001))
    assert steps[-1]["kegiatan"] == "Memeriksa berkas ke-5000" and steps[-1]["mutu_baku"]["waktu"] == "1 Menit"


def test_a_table_inside_a_word_cell_is_read_and_said(project, tmp_path):
    import docx
    import docx_fixture

    source = docx_fixture.write(tmp_path / "bersarang.docx", marked=False)
    document = docx.Document(str(source))
    steps = document.tables[-1]
    inner = steps.rows[4].cells[7].add_table(rows=2, cols=1)  # step 3's Output as a table in the cell
    inner.rows[0].cells[0].text, inner.rows[1].cells[0].text = "Arsip berlabel", "Daftar isi boks"
    document.save(str(source))
    result = sop(project, str(source))
    assert result.returncode in (0, 1), result.stdout + result.stderr
    data = yaml.safe_load((project / "sop_data/kpu-kota-palu/penataan-arsip-aktif.yaml").read_text(encoding="utf-8"))
    output = data["langkah"][2]["mutu_baku"]["output"]
    assert "Daftar isi boks" in output and "Arsip berlabel" in output  # nothing in the inner table lost
    notes = [n["catatan"] for n in data["catatan_transkripsi"] if n["bidang"] == "langkah[3].mutu_baku.output"]
    assert any("tabel di dalamnya" in n for n in notes), data["catatan_transkripsi"]


def test_document_text_stays_text_in_the_draft(project, tmp_path):
    """Jinja, HTML, Mermaid and YAML syntax printed in a document arrive in the draft as the same characters."""
    hostile = "{{ config }} <script>alert(1)</script> end --> A[x] &anchor *alias ---"
    text = PALU.read_text(encoding="utf-8").replace("Menugaskan untuk menyusun Laporan Kinerja", hostile)
    source = tmp_path / "jahil.txt"
    source.write_text(text, encoding="utf-8")
    result = sop(project, str(source))
    assert result.returncode == 0, result.stdout + result.stderr
    (written,) = (project / "sop_data").glob("*/*.yaml")
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["langkah"][0]["kegiatan"] == hostile


def test_the_summary_file_opens_as_a_spreadsheet(project, tmp_path):
    """UTF-8 with a byte-order mark, so a spreadsheet shows Indonesian letters; a header row."""
    folder = tmp_path / "satu"
    folder.mkdir()
    shutil.copy(PALU, folder / "palu.txt")
    assert sop(project, str(folder), "--ringkasan", str(tmp_path / "r.csv")).returncode == 0
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfberkas,format,satker,nama,langkah")
    assert len(list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))) == 2


def test_at_a_terminal_the_new_office_entry_is_offered_before_it_is_written(project):
    from macros.impor import command

    asked: list[str] = []
    status = command.run(project, WOTU, ask=lambda question: asked.append(question) or False)
    assert status == 2 and len(asked) == 1 and "uptd-puskesmas-wotu-kabupaten-luwu-timur:" in asked[0]
    assert "wotu" not in (project / "sop_data" / "satker.yaml").read_text(encoding="utf-8").casefold()
    status = command.run(project, WOTU, ask=lambda question: True)
    assert status in (0, 1)
    assert "uptd-puskesmas-wotu-kabupaten-luwu-timur:" in (project / "sop_data" / "satker.yaml").read_text(
        encoding="utf-8"
    )
