"""The `sop` plugin's settings, declared: everything the handbook reads from its configuration.

In mkdocs.yml, under ``plugins: - sop:``; CI fills some of them from its own variables with
``!ENV [VARIABLE, default]`` (see mkdocs.yml). Each value passes the rule of the same name in
``macros.settings``, which the `sop` command applies too, so a bad value stops the build with
the message a maintainer reads everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from mkdocs.config import base

from .. import settings

T = TypeVar("T")


class Setting(Generic[T], base.BaseConfigOption[T]):
    """A setting whose value one rule of ``macros.settings`` checks and turns into its type."""

    def __init__(self, rule: Callable[[Any], T], default: Any = None) -> None:
        super().__init__()
        self.rule = rule
        self.default = default

    def run_validation(self, value: object) -> T:
        try:
            return self.rule(value)
        except settings.SettingError as exc:
            raise base.ValidationError(str(exc)) from None


# mkdocs' Config.__init_subclass__ has no annotations, so mypy calls the class statement untyped.
class SopConfig(base.Config):  # type: ignore[no-untyped-call]
    # The repository the records are edited in: its web address (edit and history links on each
    # SOP page, and Material's edit button), the branch those links open, and the platform when
    # the address does not say (a self-hosted GitLab).
    repo_url = Setting(settings.repo_url)
    repo_branch = Setting(settings.branch, default="main")
    repo_platform = Setting(settings.platform_name)
    # The day reviews are judged from (TTTT-BB-HH); empty: the day of the build.
    reference_date = Setting(settings.reference_date)
    # `make pratinjau SOP=<satker>/<nama>`: build the registries and this one SOP only.
    preview = Setting(settings.optional_text)
    # Log every warning of the data, not one summary line.
    verbose = Setting(settings.flag, default=False)
    # The national site (written by `sop pecah`): the folder of the provinces' projects, whose
    # published exports it reads instead of sop_data/.
    national = Setting(settings.optional_text)
    # A PDF of every SOP (`sop pdf`, WeasyPrint), published beside its page with an "Unduh PDF"
    # link. Off for previews and everyday builds (about 0.3 s per SOP); CI turns it on to publish.
    pdf = Setting(settings.flag, default=False)
    # Benchmarks only: write each page's final Markdown and the nav under this folder, so bare
    # Material can be built on the very same pages (benchmarks/bench.py).
    dump_markdown = Setting(settings.optional_text)
