"""The macros: how every page of the handbook is written, generated or by hand.

mkdocs-macros calls ``define_env`` (``module_name: macros`` in mkdocs.yml). A generated page is one
macro call (``pages``); a maintainer's page in docs/ calls the same macros, e.g.
``{{ daftar_sop(satker="kpu-kota-palu") }}`` (docs/pemeliharaan.md lists them). Each macro reads
the build's state from the `sop` plugin and hands a pure renderer the handbook and a ``Link`` for
the page being written; its output is marked as the handbook's own (``aside``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import labels, urls
from ..loader import SopRecord
from ..render import legal, monev, reports, roles
from ..render import page as pages
from .plugin import SopPlugin
from .state import Build


class MacroError(ValueError):
    """A macro called with an id the handbook does not have; mkdocs-macros stops the build with it."""


def define_env(env: Any) -> None:
    def plugin() -> SopPlugin:
        found = env.conf["plugins"].get("sop")
        if not isinstance(found, SopPlugin):
            raise MacroError("makro buku pedoman memerlukan plugin sop di mkdocs.yml (plugins: - sop)")
        return found

    def state() -> tuple[Build, urls.Link]:
        build = plugin().current()
        return build, build.link_from(env.page)

    def macro(func: Callable[..., str]) -> Callable[..., str]:
        def marked(*args: Any, **kwargs: Any) -> str:
            return plugin().aside.mark(func(*args, **kwargs))

        marked.__name__, marked.__doc__ = func.__name__, func.__doc__
        env.macro(marked)
        return marked

    def sop_record(build: Build, sop_id: str, name: str) -> SopRecord:
        record = build.book.sops.get(sop_id)
        if record is None:
            raise MacroError(f"{name}: SOP '{sop_id}' tidak ada di buku pedoman (tulis <satker>/<nama-berkas>)")
        return record

    def known(build: Build, table: dict[str, Any], key: str, name: str, what: str) -> None:
        if key not in table:
            raise MacroError(f"{name}: {what} '{key}' tidak ada di buku pedoman")

    # --- Whole pages (generated pages call these) -------------------------------------------------

    @macro
    def halaman_sop(sop_id: str) -> str:
        """Seluruh halaman satu SOP: identitas, enam kotak, langkah, waktu, diagram, catatan."""
        build, link = state()
        record = sop_record(build, sop_id, "halaman_sop")
        findings = build.findings_by_file.get(record.path, [])
        pdf_href = link(urls.sop_pdf(sop_id)) if sop_id in build.pdfs else None
        return pages.sop_page(record, build.book, link, findings, build.today, build.source(record), pdf_href)

    @macro
    def halaman_satker(satker_id: str) -> str:
        """Halaman satu satuan kerja: daftar SOP-nya."""
        build, link = state()
        known(build, build.book.satker_map, satker_id, "halaman_satker", "satker")
        return pages.satker_page(build.book, satker_id, link, build.findings_by_file)

    @macro
    def halaman_monev(satker_id: str) -> str:
        """Dasbor monitoring dan evaluasi satu satuan kerja."""
        build, link = state()
        known(build, build.book.satker_map, satker_id, "halaman_monev", "satker")
        return monev.satker_dashboard(build.book, satker_id, build.today, link)

    @macro
    def tabel_7(satker_id: str) -> str:
        """Tabel 7 Monitoring Pelaksanaan SOP AP satu satuan kerja, untuk periode berjalan, siap dicetak."""
        build, link = state()
        known(build, build.book.satker_map, satker_id, "tabel_7", "satker")
        return monev.tabel7(build.book, satker_id, build.today, link)

    @macro
    def formulir_evaluasi(satker_id: str) -> str:
        """Formulir evaluasi setiap SOP satu satuan kerja, satu halaman cetak per SOP."""
        build, link = state()
        known(build, build.book.satker_map, satker_id, "formulir_evaluasi", "satker")
        return monev.evaluation_forms(build.book, satker_id, link)

    @macro
    def halaman_regulasi(reg_id: str) -> str:
        """Halaman satu peraturan: datanya, rantai perubahan, dan setiap SOP yang mengutipnya."""
        build, link = state()
        known(build, build.book.regulasi_map, reg_id, "halaman_regulasi", "regulasi")
        return legal.regulation_page(build.book, reg_id, link)

    @macro
    def halaman_jabatan(role_id: str) -> str:
        """Halaman satu jabatan: setiap langkah yang dikerjakannya di setiap SOP."""
        build, link = state()
        known(build, build.book.jabatan_map, role_id, "halaman_jabatan", "jabatan")
        return roles.role_page(build.book, role_id, link)

    @macro
    def halaman_sumber(document: str) -> str:
        """Halaman dokumen sumber: SOP yang ditranskripsikan darinya, berkasnya, dan teksnya."""
        build, link = state()
        cited = {r.data.dokumen_sumber for r in build.book.sops.values()}
        if document not in cited:
            raise MacroError(f"halaman_sumber: '{document}' bukan dokumen sumber SOP mana pun")
        path = build.book.root / document
        text = path.read_text(encoding="utf-8") if path.suffix.casefold() in TEXT_SUFFIXES else None
        return pages.source_document(build.book, document, text, link)

    # --- Parts of pages (the authoring API for written pages) -------------------------------------

    @macro
    def daftar_sop(satker: str | None = None) -> str:
        """Tabel SOP (Nomor, Nama, Satker, Tanggal Efektif): semua, atau milik satu satker."""
        build, link = state()
        if satker is not None:
            known(build, build.book.satker_map, satker, "daftar_sop", "satker")
        return pages.home(build.book, link, build.findings_by_file, satker=satker)

    @macro
    def kotak_sop(sop_id: str, kotak: str | list[str] | None = None) -> str:
        """Kotak SOP seperti di halamannya: keenamnya, atau yang disebut (mis. "dasar_hukum")."""
        build, link = state()
        record = sop_record(build, sop_id, "kotak_sop")
        keys = [kotak] if isinstance(kotak, str) else kotak
        for key in keys or []:
            if key not in labels.BOX:
                raise MacroError(f"kotak_sop: kotak '{key}' tidak dikenal (pilih dari: {', '.join(labels.BOX)})")
        return pages.boxes(record, build.book, link, keys)

    @macro
    def kutipan_regulasi(reg_id: str) -> str:
        """Setiap SOP yang mengutip satu peraturan, dengan bunyi butirnya seperti tercetak."""
        build, link = state()
        known(build, build.book.regulasi_map, reg_id, "kutipan_regulasi", "regulasi")
        return legal.citations_table(build.book, reg_id, link)

    @macro
    def glosarium() -> str:
        """Setiap istilah glosarium dengan artinya dan SOP yang menuliskannya."""
        build, link = state()
        return roles.glossary_page(build.book, link)

    @macro
    def indeks_jabatan() -> str:
        """Setiap jabatan dengan jumlah SOP dan langkahnya, dan lajur yang belum berjabatan."""
        build, link = state()
        return roles.index_page(build.book, link)

    @macro
    def indeks_dasar_hukum() -> str:
        """Setiap peraturan di register: status, berapa SOP mengutipnya, dan bunyi kutipannya."""
        build, link = state()
        return legal.index_page(build.book, link)

    @macro
    def laporan_auditor() -> str:
        """Laporan auditor tentang dasar hukum, dengan tautan ke ekspor."""
        build, link = state()
        return legal.report_page(build.book, build.findings, build.today, link)

    @macro
    def temuan_pemeriksaan() -> str:
        """Setiap temuan pemeriksaan, per kode dan per SOP."""
        build, link = state()
        return reports.findings_page(build.book, build.findings, build.today, link)

    @macro
    def aturan_pemeriksaan() -> str:
        """Setiap aturan pemeriksaan: kode, tingkat, aturan dan penjelasannya."""
        return reports.rules_page()

    @macro
    def dasbor_monev() -> str:
        """Dasbor monitoring dan evaluasi seluruh buku pedoman: per satker dan per tingkat."""
        build, link = state()
        return monev.dashboard(build.book, build.today, link)

    @macro
    def jadwal_peninjauan() -> str:
        """SOP yang terlambat atau segera jatuh tempo peninjauannya."""
        build, link = state()
        return reports.review_page(build.book, build.today, link, build.findings)


# Source documents shown as text on their page; any other file is offered for download only.
TEXT_SUFFIXES = {".txt", ".md", ".csv"}
