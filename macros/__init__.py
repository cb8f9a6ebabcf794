"""The SOP handbook: load -> model -> checks -> render -> site glue.

mkdocs-macros imports this package (``module_name: macros``) and calls ``define_env``; the macros
themselves are in ``site.authoring``. Importing the package imports nothing of MkDocs.
"""

from typing import Any


def define_env(env: Any) -> None:
    from .site.authoring import define_env as define

    define(env)
