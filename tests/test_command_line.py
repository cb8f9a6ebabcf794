"""The `sop` command says what it did: exit statuses, paths it checks, and a split that never writes
where it must not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ENV, ROOT, make_project

from macros import nasional


def sop(root: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros", "--root", str(root), *args],
        capture_output=True, text=True, env=ENV, cwd=cwd, check=False, timeout=300,
    )  # fmt: skip


def test_help_documents_every_exit_status():
    result = subprocess.run([sys.executable, "-m", "macros", "--help"], capture_output=True, text=True, env=ENV)
    assert "Status keluar: 0" in " ".join(result.stdout.split()) and "1 ada temuan" in result.stdout
    for command in ("check", "impor", "baru", "pecah"):
        sub = subprocess.run(
            [sys.executable, "-m", "macros", command, "--help"], capture_output=True, text=True, env=ENV
        )
        assert "Keluar 0" in sub.stdout or "Status keluar: 0" in " ".join(sub.stdout.split()), command


# --- sop check PATH ---------------------------------------------------------------------------


def test_check_of_a_folder_checks_exactly_its_records(project):
    palu = project / "sop_data/kpu-kota-palu"
    result = sop(project, "check", str(palu), "--format", "json")
    assert result.returncode == 0, result.stderr
    import json

    files = {f["file"] for f in json.loads(result.stdout)}
    assert files and all(f.startswith("sop_data/kpu-kota-palu/") for f in files)
    # The same findings as naming the file itself.
    (record,) = palu.glob("*.yaml")
    alone = json.loads(sop(project, "check", str(record), "--format", "json").stdout)
    assert {f["file"] for f in alone} == files


def test_check_of_a_folder_finds_an_error_in_it(project):
    (record,) = (project / "sop_data/kpu-kota-palu").glob("*.yaml")
    record.write_text(record.read_text(encoding="utf-8").replace("langkah:", "langkah: 5\nlain:", 1), encoding="utf-8")
    result = sop(project, "check", str(record.parent))
    assert result.returncode == 1
    assert f"{record.relative_to(project).as_posix()}:" in result.stdout


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("sop_data/kpu-kota-palu/tidak-ada.yaml", "tidak ada"),
        ("sop_data/folder-tidak-ada", "tidak ada"),
        ("docs/index.md", "tidak berada di"),
        ("docs", "tidak berada di"),
    ],
)
def test_check_of_a_path_that_is_not_a_record_is_a_usage_error(project, target, message):
    result = sop(project, "check", str(project / target))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("sop: ") and message in line
    assert "0 kesalahan" not in result.stdout + result.stderr  # never an empty check called clean


def test_check_of_an_empty_folder_is_a_usage_error(project):
    (project / "sop_data/kpu-kota-kosong").mkdir()
    result = sop(project, "check", str(project / "sop_data/kpu-kota-kosong"))
    assert result.returncode == 2 and "tidak ada berkas YAML" in result.stderr


def test_a_project_without_records_is_a_usage_error(tmp_path):
    result = sop(tmp_path, "check")
    assert result.returncode == 2 and "tidak ada folder sop_data/" in result.stderr


# --- sop pecah ----------------------------------------------------------------------------------


@pytest.mark.parametrize("inside", ["sop_data/nasional", "docs/nasional", "sumber/x", "schema/x", "."])
def test_pecah_refuses_to_write_into_the_project_itself(project, inside):
    before = sorted(p.relative_to(project) for p in project.rglob("*") if "node_modules" not in p.parts)
    result = sop(project, "pecah", str(project / inside))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("sop: ") and "Traceback" not in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*") if "node_modules" not in p.parts) == before


def test_pecah_refuses_a_folder_it_did_not_write_and_rewrites_one_it_did(project, tmp_path):
    foreign = tmp_path / "milik-orang"
    foreign.mkdir()
    (foreign / "catatan.txt").write_text("jangan dihapus", encoding="utf-8")
    refused = sop(project, "pecah", str(foreign))
    assert refused.returncode == 2 and "bukan hasil `sop pecah`" in refused.stderr
    assert (foreign / "catatan.txt").read_text(encoding="utf-8") == "jangan dihapus"

    out = tmp_path / "nasional"
    assert sop(project, "pecah", str(out)).returncode == 0
    (out / "provinsi" / "usang").mkdir()  # left from an earlier split
    again = sop(project, "pecah", str(out))
    assert again.returncode == 0, again.stderr
    assert not (out / "provinsi" / "usang").exists() and (out / "mkdocs.yml").is_file()


def _satker(project: Path, edit) -> None:
    path = project / "sop_data/satker.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data["satker"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_pecah_names_two_provinces_that_would_share_a_folder(project, tmp_path):
    def edit(satker):
        first, second = list(satker)[:2]
        satker[first]["provinsi"] = "Sulawesi Selatan"
        satker[second]["provinsi"] = "SULAWESI--Selatan!"

    _satker(project, edit)
    result = sop(project, "pecah", str(tmp_path / "nasional"))
    assert result.returncode == 2
    assert (
        "'SULAWESI--Selatan!'" in result.stderr
        and "'Sulawesi Selatan'" in result.stderr
        and "sulawesi-selatan" in result.stderr
    )
    assert not (tmp_path / "nasional" / "provinsi").exists()


def test_pecah_refuses_a_province_with_no_letters(project, tmp_path):
    _satker(project, lambda satker: satker[next(iter(satker))].update(provinsi="—"))
    result = sop(project, "pecah", str(tmp_path / "nasional"))
    assert result.returncode == 2 and "provinsi '—'" in result.stderr


def test_province_folder_names_are_never_empty_and_keep_their_letters():
    assert nasional.slug("Daerah Istimewa Yogyakarta") == "daerah-istimewa-yogyakarta"
    assert nasional.slug("Nanggroe Acèh") == "nanggroe-aceh"
    assert nasional.slug("—") == ""  # which provinces() refuses, naming it


def test_pecah_reads_satker_through_the_loader_with_file_line_and_field(project, tmp_path):
    path = project / "sop_data/satker.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("tingkat: kabupaten_kota", "tingkat: kecamatan_raya", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    result = sop(project, "pecah", str(tmp_path / "nasional"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "ValidationError" not in result.stderr
    line = broken.split("\n").index(next(x for x in broken.split("\n") if "kecamatan_raya" in x)) + 1
    assert f"sop_data/satker.yaml:{line}: SKEMA-001 error: satker." in result.stderr


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")
