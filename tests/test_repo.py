"""Edit and history links on SOP pages, and the date of the YAML file's last commit."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ENV, make_project, page_html
from conftest import build as conftest_build

from macros import settings
from macros.site.repo import Repo

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
    assert "Terakhir diperbarui" not in page and "Sunting SOP ini" not in page and "Riwayat perubahan" not in page
    assert "md-content__button" not in page
    assert "Dokumen sumber" in page  # the source document is part of the project, history or not


@pytest.mark.parametrize(
    ("url", "branch", "platform", "edit"),
    [
        ("https://github.com/kpu/sop", None, None, "https://github.com/kpu/sop/edit/main/a.yaml"),
        ("https://gitlab.kpu.go.id/x/sop/", "utama", None, "https://gitlab.kpu.go.id/x/sop/-/edit/utama/a.yaml"),
        ("https://git.kpu.go.id/x/sop", None, "gitlab", "https://git.kpu.go.id/x/sop/-/edit/main/a.yaml"),
        (
            "https://git.kpu.go.id:8443/x/sop",
            "fitur/impor-2",
            None,
            "https://git.kpu.go.id:8443/x/sop/edit/fitur/impor-2/a.yaml",
        ),
        (None, None, None, None),  # no repository: no edit links
        ("", "", "", None),  # an unset !ENV variable
    ],
)
def test_repository_from_the_settings(url, branch, platform, edit):
    found = settings.repo_url(url)
    repo = Repo(found, settings.branch(branch), settings.platform(platform, found)) if found else None
    assert (repo.edit("a.yaml") if repo else None) == edit


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        'https://contoh.go.id/x"><img src=x onerror=alert(1)>',
        "https://contoh.go.id/x y",
        "https://contoh.go.id/x?a=1&b=2",
        "https://contoh.go.id/x#frag",
        "ftp://contoh.go.id/x",
        "https://contoh.go.id/x'onmouseover='alert(1)",
    ],
)
def test_a_repository_address_a_link_cannot_carry_is_refused(url):
    with pytest.raises(settings.SettingError, match="bukan alamat repositori"):
        settings.repo_url(url)


@pytest.mark.parametrize(
    "branch",
    ['utama"onmouseover="alert(1)', "a<b>", "a b", "a..b", "/a", "a/", "a.lock", "a@{1}", "-a", True, "a&b"],
)
def test_a_branch_name_a_link_cannot_carry_is_refused(branch):
    with pytest.raises(settings.SettingError, match="bukan nama cabang"):
        settings.branch(branch)


def test_edit_links_for_materials_button_are_escaped_whatever_names_the_file():
    """Material writes page.edit_url into its template as it is: the handbook hands it an escaped
    link, and a file name cannot end the attribute even if the settings were bypassed."""
    repo = Repo("https://github.com/kpu/sop", 'x"<')
    attribute = repo.edit_attribute('docs/a"><img src=x>.md')
    assert '"' not in attribute and "<" not in attribute and ">" not in attribute
    assert attribute == "https://github.com/kpu/sop/edit/x%22%3C/docs/a%22%3E%3Cimg%20src%3Dx%3E.md"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SOP_REPO_URL": 'https://contoh.go.id/x"><img src=x onerror=alert()>'}, "bukan alamat repositori"),
        ({"SOP_REPO_URL": "https://github.com/kpu/sop", "SOP_REPO_CABANG": 'a"b'}, "bukan nama cabang"),
        # (A value shaped like a date but not one, 2026-13-01, never reaches the plugin: MkDocs' !ENV
        # reads it as a YAML date and stops with a traceback; see docs/pemeliharaan.md.)
        ({"SOP_TANGGAL_ACUAN": "13/01/2026"}, "bukan tanggal acuan"),
        ({"SOP_RINCIAN": "mungkin"}, "bukan nilai hidup/mati"),
    ],
)
def test_a_bad_setting_stops_the_build_naming_the_setting(tmp_path, env, message):
    root = make_project(tmp_path / "project")
    result = conftest_build(root, tmp_path / "site", **env)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "plugin" in result.stderr.lower() and "sop" in result.stderr
