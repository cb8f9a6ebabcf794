"""The handbook's settings: what they may hold, and where the command line finds them.

Every setting lives in one place, the `sop` plugin's block in mkdocs.yml (see
``site.config``), where CI fills some of them from its own variables with
``!ENV``. The build reads them through MkDocs; the `sop` command, which must run
without MkDocs, reads the same block here. The rules on each value are pure
functions, shared by both, so that a value the build refuses is refused by the
command too, with the same message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
import yaml_env_tag

from . import labels

PLUGIN = "sop"
CONFIG_FILE = "mkdocs.yml"

# A repository's web address, as GitHub and GitLab print it: a host, an optional port and a path of
# plain segments. Nothing that an HTML attribute or a URL would read as syntax (quotes, <, >, &,
# spaces, a query or a fragment) can pass, so an edit link built from it is safe as it stands.
_REPO_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+@-]+)*/?")
# Git's own rules for a branch name (git check-ref-format), and no character that HTML reads as
# syntax: git accepts ", <, > and & in a branch name; a link to it must not.
_BRANCH_CHAR = re.compile(r"[A-Za-z0-9._/+@=,-]+")
_BRANCH_FORBIDDEN = ("..", "//", "@{", "/.", ".lock/")


class SettingError(ValueError):
    """A setting's value that the handbook cannot use; the message says why, in Indonesian."""


def repo_url(value: Any) -> str | None:
    """The repository's web address, or None (no edit links) for an empty value."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _REPO_URL.fullmatch(value.strip()):
        raise SettingError(labels.ERR["bad_repo_url"].format(value=value))
    return value.strip().rstrip("/")


def branch(value: Any) -> str:
    """A branch name git would accept and a link can carry as it is."""
    if value is None or value == "":
        return "main"
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise SettingError(labels.ERR["bad_branch"].format(value=value))
    text = str(value).strip()
    if (
        not _BRANCH_CHAR.fullmatch(text)
        or text.startswith(("/", ".", "-"))
        or text.endswith(("/", ".", ".lock"))
        or text == "@"
        or any(bad in text + "/" for bad in _BRANCH_FORBIDDEN)
    ):
        raise SettingError(labels.ERR["bad_branch"].format(value=value))
    return text


def platform(value: Any, url: str | None) -> Literal["github", "gitlab"]:
    """The platform the repository is on: as set, else told by the address, else GitHub."""
    if value is None or value == "":
        return "gitlab" if url and "gitlab" in url.casefold() else "github"
    if value not in ("github", "gitlab"):
        raise SettingError(labels.ERR["bad_platform"].format(value=value))
    return "gitlab" if value == "gitlab" else "github"


def reference_date(value: Any) -> dt.date | None:
    """The day reviews are judged from (TTTT-BB-HH), or None for today."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # !ENV reads 2026-11-23 as a date already
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SettingError(labels.ERR["bad_reference_date"].format(value=value)) from None


@dataclass(frozen=True)
class Settings:
    """The settings the `sop` command needs, read from the project's mkdocs.yml."""

    reference_date: dt.date | None = None

    def today(self) -> dt.date:
        return self.reference_date or dt.date.today()


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, but safe: ``!ENV`` is resolved, Python tags stay text."""


yaml_env_tag.add_env_tag(_Loader)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)


def plugin_block(config: dict[str, Any]) -> dict[str, Any]:
    """The `sop` plugin's options in a parsed mkdocs.yml ({} when it lists the plugin bare)."""
    for entry in config.get("plugins") or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    return {}


def read(root: Path) -> Settings:
    """The settings of the project at ``root``; defaults where it has no mkdocs.yml."""
    path = Path(root) / CONFIG_FILE
    if not path.is_file():
        return Settings()
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise SettingError(labels.ERR["bad_config"].format(file=path.name, problem=exc)) from None
    block = plugin_block(config) if isinstance(config, dict) else {}
    return Settings(reference_date=reference_date(block.get("reference_date")))


def flag(value: Any) -> bool:
    """An on/off setting: true/false as YAML writes them, or 1/0 as an environment variable does."""
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if value in (0, 1, "0", "1"):
        return bool(int(value))
    raise SettingError(labels.ERR["bad_flag"].format(value=value))


def optional_text(value: Any) -> str | None:
    """A text setting that may be left empty (an unset environment variable gives '' or nothing)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingError(labels.ERR["bad_text_setting"].format(value=value))
    return value.strip() or None


def platform_name(value: Any) -> str | None:
    """``repo_platform`` as written: github, gitlab, or empty (told by the address)."""
    if value is None or value == "":
        return None
    return platform(value, None)
