"""The SOP handbook: load -> model -> checks -> render -> site glue.

mkdocs-macros imports this package (``module_name: macros``); ``define_env``
only registers the macros that pages call.
"""


def define_env(env):
    from . import site

    @env.macro
    def halaman_sop(sop_id: str) -> str:
        """The whole page of one SOP (generated pages call this)."""
        return site.sop_markdown(env.conf, env.page, sop_id)

    @env.macro
    def halaman_satker(satker_id: str) -> str:
        """The page of one satker: its SOPs."""
        return site.satker_markdown(env.conf, env.page, satker_id)

    @env.macro
    def daftar_sop() -> str:
        """Every SOP of the handbook as a table."""
        return site.home_markdown(env.conf, env.page)

    @env.macro
    def temuan_pemeriksaan() -> str:
        """Every finding of the checks, by code and by SOP."""
        return site.findings_markdown(env.conf, env.page)

    @env.macro
    def aturan_pemeriksaan() -> str:
        """Every check: code, level, rule and explanation."""
        return site.rules_markdown(env.conf, env.page)

    @env.macro
    def indeks_dasar_hukum() -> str:
        """Every regulation in the registry: status, how many SOPs cite it, and how it is printed."""
        return site.regulation_index_markdown(env.conf, env.page)

    @env.macro
    def halaman_regulasi(reg_id: str) -> str:
        """One regulation's page: its data, amendment chain and every SOP citing it (generated pages call this)."""
        return site.regulation_markdown(env.conf, env.page, reg_id)

    @env.macro
    def laporan_auditor() -> str:
        """The auditor report on legal bases, with links to the exports."""
        return site.auditor_report_markdown(env.conf, env.page)

    @env.macro
    def jadwal_peninjauan() -> str:
        """SOPs overdue or due soon for their six-monthly review."""
        return site.review_markdown(env.conf, env.page)

    @env.macro
    def halaman_jabatan(role_id: str) -> str:
        """One role's page: every step it performs in every SOP (generated pages call this)."""
        return site.role_markdown(env.conf, env.page, role_id)

    @env.macro
    def indeks_jabatan() -> str:
        """Every role with how many SOPs and steps it has, and the lanes with no role."""
        return site.role_index_markdown(env.conf, env.page)

    @env.macro
    def glosarium() -> str:
        """Every term of the glossary with its meaning and the SOPs that write it."""
        return site.glossary_markdown(env.conf, env.page)
