"""MkDocs hooks file (mkdocs.yml `hooks:`); the logic lives in macros.site."""

from macros.site import (  # noqa: F401
    on_config,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_pre_build,
    on_startup,
)
