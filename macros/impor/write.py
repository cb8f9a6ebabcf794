"""The draft as YAML, written the way the records are: keys and ids plain, every text double-quoted."""

from __future__ import annotations

import re
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/sop.schema.json\n"


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)  # "  - item" under its key, as the records are written

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the records forbid anchors (BERKAS-001): a value used twice is written twice


_PLAIN = re.compile(r"^[a-z_][a-z0-9_-]*$")
_YAML11_WORDS = {"y", "yes", "n", "no", "on", "off", "true", "false", "null"}


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Keys and ids plain, every other text double-quoted: a maintainer sees where each value starts and ends."""
    plain = _PLAIN.match(value) and value not in _YAML11_WORDS
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if plain else '"')


_Dumper.add_representer(str, _str)


def to_yaml(record: dict[str, Any], header: str = "", schema: str = SCHEMA_LINE) -> str:
    body = yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000)
    return schema + header + body
