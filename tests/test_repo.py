"""Edit and history links on SOP pages, and the date of the YAML file's last commit."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ENV, make_project, page_html
from conftest import build as conftest_build

from macros import repo

pytestmark = pytest.mark.build
PALU = "sop/kpu-kota-palu/penyusunan-laporan-kinerja"
BANTEN = "sop/kpu-provinsi-banten/penyusunan-laporan-kinerja"


def git(root, *args, date="2024-03-05T10:00:00+07:00"):
    env = {**ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def build(root, site, **env):
    result = conftest_build(root, site, **env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sop_page_links_its_yaml_file_and_shows_its_last_commit_date(tmp_path):
    root = make_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "utama")
    git(root, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.go.id", "add", "-A")
    git(root, "-c", "user.name=Uji", "-c", "user.email=uji@contoh.go.id", "commit", "-q", "-m", "awal")
    palu = root / "sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    palu.write_text(palu.read_text(encoding="utf-8") + "# ditinjau\n", encoding="utf-8")
    git(
        root,
        "-c",
        "user.name=Uji",
        "-c",
        "user.email=uji@contoh.go.id",
        "commit",
        "-qam",
        "ubah",
        date="2025-02-10T09:00:00+07:00",
    )
    build(root, tmp_path / "site", SOP_REPO_URL="https://gitlab.contoh.go.id/kpu/sop", SOP_REPO_CABANG="utama")
    page = page_html(tmp_path / "site", PALU)
    assert "Terakhir diperbarui 10 Februari 2025" in page
    assert "Terakhir diperbarui 5 Maret 2024" in page_html(tmp_path / "site", BANTEN)
    yaml_path = "sop&#95;data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml"
    assert f'href="https://gitlab.contoh.go.id/kpu/sop/-/edit/utama/{yaml_path}"' in page
    assert f'href="https://gitlab.contoh.go.id/kpu/sop/-/commits/utama/{yaml_path}"' in page
    # Material's own edit button opens the YAML file too, not a generated page that is in no repository.
    assert (
        'href="https://gitlab.contoh.go.id/kpu/sop/-/edit/utama/sop_data/kpu-kota-palu/penyusunan-laporan-kinerja.yaml" title="Ubah halaman ini"'
        in page
    )
    written = page_html(tmp_path / "site", "pemeliharaan")
    assert 'href="https://gitlab.contoh.go.id/kpu/sop/-/edit/utama/docs/pemeliharaan.md"' in written


def test_with_no_git_history_and_no_repository_the_page_says_nothing(tmp_path):
    root = make_project(tmp_path / "project")  # a plain copy, as from a tarball: no .git
    build(root, tmp_path / "site")
    page = page_html(tmp_path / "site", PALU)
    assert "Terakhir diperbarui" not in page and "sop-source" not in page
    assert "md-content__button" not in page


@pytest.mark.parametrize(
    ("env", "edit"),
    [
        ({"SOP_REPO_URL": "https://github.com/kpu/sop"}, "https://github.com/kpu/sop/edit/main/a.yaml"),
        (
            {"SOP_REPO_URL": "https://gitlab.kpu.go.id/x/sop/", "SOP_REPO_CABANG": "utama"},
            "https://gitlab.kpu.go.id/x/sop/-/edit/utama/a.yaml",
        ),
        (
            {"SOP_REPO_URL": "https://git.kpu.go.id/x/sop", "SOP_REPO_JENIS": "gitlab"},
            "https://git.kpu.go.id/x/sop/-/edit/main/a.yaml",
        ),
        ({"SOP_REPO_URL": "javascript:alert(1)"}, None),  # only a web address makes a link
        ({}, None),
    ],
)
def test_repository_from_the_environment(env, edit):
    found = repo.from_env(env)
    assert (found.edit("a.yaml") if found else None) == edit
