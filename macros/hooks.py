"""MkDocs hooks file (mkdocs.yml `hooks:`); the logic lives in macros.site."""

from macros.site import on_config, on_files, on_page_context, on_pre_build  # noqa: F401
