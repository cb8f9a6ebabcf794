"""Jinja environments whose every ``{{ value }}`` is escaped for its output language.

Escaping is the environment's ``finalize``, so a template cannot forget it;
only values that are already ``Markup`` (rendered by this package) pass as is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import labels, urls
from .text import html_text, mermaid_text


def yaml_text(value: object) -> str:
    """A number as a YAML number; anything else as a YAML double-quoted scalar (JSON's string syntax is one)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _finalizer(encode: Callable[[str], str]) -> Callable[[object], str]:
    def finalize(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        return Markup(yaml_text(value) if encode is yaml_text else encode(str(value)))

    return finalize


@cache
def environment(kind: str) -> Environment:
    encoders: dict[str, Callable[[str], str]] = {"html": html_text, "mermaid": mermaid_text, "yaml": yaml_text}
    encode = encoders[kind]
    env = Environment(
        loader=PackageLoader("macros", "templates"),
        autoescape=True,  # so macro output is Markup; finalize has already escaped values
        finalize=_finalizer(encode),
        undefined=StrictUndefined,
        auto_reload=False,  # one build never changes a template; checking each file's time cost seconds
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["L"] = labels
    env.globals["U"] = urls
    env.tests["instanceof"] = isinstance
    env.filters["tanggal"] = lambda d: labels.tanggal(d) if d else None
    env.filters["code_spans"] = code_spans
    env.filters["citation"] = citation
    return env


def citation(text: str) -> str:
    """A printed Dasar Hukum item up to its title: 'Peraturan Presiden Nomor 29 Tahun 2014' (for the search index)."""
    return re.split(r"\s+tentang\s+", text, maxsplit=1, flags=re.IGNORECASE)[0]


def code_spans(text: str) -> Markup:
    """Our own rule texts write field names in `backticks`; show them as code, escaping everything first."""
    escaped = html_text(text)
    return Markup(re.sub(r"&#96;(.+?)&#96;", r"<code>\1</code>", escaped))


def render(kind: str, template: str, **context: object) -> str:
    return environment(kind).get_template(template).render(**context)
