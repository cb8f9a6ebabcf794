"""The SOP handbook: load -> model -> checks -> render -> site glue.

mkdocs-macros imports this package (``module_name: macros``); ``define_env``
only registers the macros that pages call.
"""


def define_env(env):
    from . import site

    @env.macro
    def halaman_sop(sop_id: str) -> str:
        """The whole page of one SOP (generated pages call this)."""
        return site.sop_markdown(sop_id, env.page)

    @env.macro
    def halaman_satker(satker_id: str) -> str:
        """The page of one satker: its SOPs."""
        return site.satker_markdown(satker_id, env.page)

    @env.macro
    def daftar_sop() -> str:
        """Every SOP of the handbook as a table."""
        return site.home_markdown(env.page)
