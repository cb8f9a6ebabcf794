"""Where the records live in version control: edit and history links, and each file's last change.

The repository is named by the `sop` plugin's settings (``repo_url``, ``repo_branch``,
``repo_platform``), which the CI files fill from the platform's own variables; with no address the
site has no edit links. Last-change dates come from one `git log` over sop_data/; with no git
history (a tarball), there are none and the pages say nothing.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from markupsafe import escape


@dataclass(frozen=True)
class Repo:
    url: str
    branch: str = "main"
    kind: Literal["github", "gitlab"] = "github"

    def _web(self, action: str, path: str) -> str:
        sep = "/-/" if self.kind == "gitlab" else "/"
        # The settings already refuse an address or branch with anything a link would read as
        # syntax; the path is percent-encoded here, so a link stays one link whatever names a file.
        return f"{self.url.rstrip('/')}{sep}{action}/{quote(self.branch)}/{quote(path)}"

    def edit(self, path: str) -> str:
        """The platform's web editor for ``path`` (relative to the repository root)."""
        return self._web("edit", path)

    def history(self, path: str) -> str:
        """The list of commits that changed ``path``."""
        return self._web("commits", path)

    def edit_attribute(self, path: str) -> str:
        """``edit`` escaped for an HTML attribute: for Material's edit button, whose template
        writes ``page.edit_url`` as it is (theme templates are not autoescaped)."""
        return str(escape(self.edit(path)))


def last_changed(root: Path, folder: str = "sop_data") -> dict[str, dt.date]:
    """Each file under ``folder`` (path relative to ``root``) -> the date of the last commit that changed it."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}  # no git, or not a repository: nothing to say
    changed: dict[str, dt.date] = {}
    date = None
    for line in out.splitlines():
        if line.startswith("\0"):
            date = dt.date.fromisoformat(line[1:])
        elif line and date is not None:
            changed.setdefault(line, date)  # newest first: the first date seen is the last change
    return changed
