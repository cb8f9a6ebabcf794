"""The load-and-check core works without MkDocs: `sop check`, the exports and the renderers import none of it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ENV, ROOT

# Any import of mkdocs (or a plugin of it) fails, as on a machine where MkDocs is not installed.
BLOCK_MKDOCS = textwrap.dedent("""\
    import sys
    class NoMkDocs:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "mkdocs_macros", "mermaid2", "material"):
                raise ImportError(f"{name} is blocked in this test")
    sys.meta_path.insert(0, NoMkDocs())
    """)


def run_without_mkdocs(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS + textwrap.dedent(code)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_blocker_really_blocks_mkdocs():
    result = run_without_mkdocs("import mkdocs")
    assert result.returncode != 0 and "blocked in this test" in result.stderr


def test_core_loads_checks_exports_and_renders_without_mkdocs():
    result = run_without_mkdocs("""
        import datetime
        from pathlib import Path
        import macros.core
        from macros import export, urls
        from macros.render import page
        book, findings = macros.core.load(Path("."))
        assert len(book.sops) == 5 and findings
        export.handbook_json(book, findings, datetime.date.today(), urls.source_link)
        export.citations_csv(book)
        for record in book.sops.values():
            page.sop_page(record, book, urls.source_link, [], None)
        assert not [m for m in sys.modules if m.split(".")[0] == "mkdocs"]
        print("ok", len(book.sops))
        """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 5"


def test_sop_check_runs_without_mkdocs():
    result = run_without_mkdocs("""
        from macros.cli import main
        sys.exit(main(["check"]))
        """)
    assert result.returncode == 0, result.stderr
    assert "0 kesalahan" in result.stderr


def test_loading_and_checks_split_over_two_processes_find_exactly_what_one_process_finds(monkeypatch, tmp_path):
    """`sop check` on a large handbook parses part of the files and runs part of the checks in
    forked processes: the same records, in the same order, and the same findings."""
    from conftest import REFERENCE_DATE, make_project

    from macros import core, forked

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sintetis import generate

    project = make_project(tmp_path / "p")
    generate(project, 60, provinces=2)
    # Two broken files, so that findings of reading travel back from the fork as well.
    (project / "sop_data" / "kpu-kota-palu" / "zz-rusak.yaml").write_text("nama: [tidak ditutup\n", encoding="utf-8")
    (project / "sop_data" / "kpu-kota-palu" / "zz-tersembunyi.yaml").write_text("nama: a\u200bb\n", encoding="utf-8")
    alone_book, alone = core.load(project, REFERENCE_DATE)
    forks = []
    real_fork = forked.os.fork
    monkeypatch.setattr(forked, "WORTH_FROM", 10)
    monkeypatch.setattr(forked, "_BATCH", 7)
    monkeypatch.setattr(forked.os, "fork", lambda: forks.append(1) or real_fork())
    split_book, split = core.load(project, REFERENCE_DATE, workers=2)
    assert forks == [1, 1] and len(alone) > 100  # one fork reads, one checks
    assert split == alone
    assert {"BERKAS-001", "TEKS-002"} <= {f.code for f in split if "zz-" in f.file}
    assert list(split_book.sops) == list(alone_book.sops)
    assert [r.data for r in split_book.sops.values()] == [r.data for r in alone_book.sops.values()]
    # Line maps travel back from the fork too: every record's, not only those read here.
    lines = [r.line_of("langkah", 0, "kegiatan") for r in split_book.sops.values()]
    assert lines == [r.line_of("langkah", 0, "kegiatan") for r in alone_book.sops.values()] and min(lines) > 1


def test_a_reading_fork_that_dies_leaves_its_files_to_this_process(monkeypatch, caplog):
    """When the fork that parses files dies halfway, the files it did not deliver are read here,
    in order, and the fallback is logged."""
    import os

    from macros import forked

    parent = os.getpid()

    def square(n):
        if os.getpid() != parent and n > 20:
            os._exit(3)  # dies after delivering some blocks
        return n * n

    monkeypatch.setattr(forked, "_BATCH", 4)
    with caplog.at_level("WARNING", logger="sop.check"):
        out = list(forked.map_shared(square, list(range(60)), 0.5))
    assert out == [n * n for n in range(60)]
    (record,) = caplog.records
    assert "status 3" in record.getMessage() and "satu proses" in record.getMessage()


def test_a_reading_fork_left_early_is_stopped(monkeypatch):
    import os

    import pytest

    from macros import forked

    pids = []
    real_fork = forked.os.fork
    monkeypatch.setattr(forked, "_BATCH", 2)
    monkeypatch.setattr(forked.os, "fork", lambda: pids.append(pid := real_fork()) or pid)
    results = forked.map_shared(lambda n: n + 1, list(range(100)), 0.5)
    assert [next(results) for _ in range(3)] == [1, 2, 3]
    results.close()  # the fork is killed and reaped, not left behind
    (pid,) = [p for p in pids if p]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_a_failed_second_process_is_redone_here_and_said(caplog):
    """When the forked half of `sop check` dies, its findings are computed in this process and the
    fallback is logged (it is slower, and a maintainer should know why)."""
    import os

    from macros import forked

    parent = os.getpid()

    def child_work():
        if os.getpid() != parent:
            raise RuntimeError("the second process breaks")
        return ["dari anak"]

    with caplog.at_level("WARNING", logger="sop.check"):
        out = forked.in_child(child_work, lambda: ["dari induk"])
    assert out == ["dari induk", "dari anak"]
    (record,) = caplog.records
    assert "pemeriksaan paralel gagal" in record.getMessage() and "satu proses" in record.getMessage()


def test_a_healthy_second_process_logs_nothing(caplog):
    from macros import forked

    with caplog.at_level("WARNING", logger="sop.check"):
        assert forked.in_child(lambda: ["a"], lambda: ["b"]) == ["b", "a"]
    assert caplog.records == []


def test_without_a_second_process_sop_check_does_it_all_here(monkeypatch, caplog):
    """A container may refuse a new process (or a temporary file): `sop check` then reads and checks
    everything in one process, says so, and loses nothing."""
    from macros import forked

    def refuse():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forked.os, "fork", refuse)
    monkeypatch.setattr(forked, "_BATCH", 3)
    with caplog.at_level("WARNING", logger="sop.check"):
        assert list(forked.map_shared(lambda n: -n, list(range(20)), 0.7)) == [-n for n in range(20)]
        assert forked.in_child(lambda: ["a"], lambda: ["b"]) == ["b", "a"]
    assert [r.getMessage() for r in caplog.records] == [
        "proses kedua tidak dapat dibuat (Resource temporarily unavailable); pemeriksaan berjalan dalam satu proses"
    ] * 2


def test_without_a_temporary_file_the_files_are_read_here(monkeypatch, caplog):
    from macros import forked

    def refuse():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(forked.tempfile, "TemporaryFile", refuse)
    with caplog.at_level("WARNING", logger="sop.check"):
        assert list(forked.map_shared(str, [1, 2, 3], 0.5)) == ["1", "2", "3"]
    assert "No space left on device" in caplog.records[0].getMessage()
