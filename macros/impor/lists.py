"""A box's items and an activity's sub-items, as offices print them.

Items come one per paragraph or line (numbered, lettered, dashed, bulleted or bare), or run together
in one line ("1. A 2. B", "1) A 2) B"). A numbered line followed by lines without a number is one
item wrapped onto several lines. A box printed with only "-" is empty.
"""

from __future__ import annotations

import re

# Bullets as Word's Symbol font puts them in a PDF (private-use code points) count as bullets.
_BULLETS = "-–—•●▪◦*·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"
_MARKER = re.compile(rf"^(?:\(?\d{{1,3}}[.)]|[a-z][.)]|[{_BULLETS}]|\(\d{{1,3}}\))\s*(?=\S)")
_EMPTY = {"-", "–", "—", "--", "nihil", "tidak ada"}


def split_items(text: str) -> list[str]:
    """A box's content as its items, in printed order, without their numbers or bullets."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines or (len(lines) == 1 and lines[0].casefold() in _EMPTY):
        return []
    if len(lines) == 1:
        return inline_items(lines[0])
    if any(_MARKER.match(line) for line in lines):
        items: list[str] = []
        for line in lines:
            m = _MARKER.match(line)
            if m or not items:
                items.append(line[m.end() :] if m else line)
            else:
                items[-1] += " " + line  # a numbered item wrapped onto the next line
        # "1. A 2. B" typed in one paragraph and wrapped onto lines: the numbers run inside the lines.
        inline = inline_items(" ".join(lines)) if re.match(r"^\(?1\s*[.)]", lines[0]) else []
        return inline if len(inline) > len(items) else [item for item in items if item]
    return lines


def inline_items(text: str) -> list[str]:
    """One line printed as '1. A 2. B', '1) A 2) B' or '1 A 2 B' as its items.

    Item k+1 is looked for after item k, written the way item 1 was, so numbers inside an item
    ('Nomor 29 Tahun 2014') are not taken for item numbers.
    """
    text = text.strip()
    dash = re.match(rf"^[{_BULLETS}]\s*", text)
    if dash:
        return [text[dash.end() :]]
    first = re.match(r"^\(?1\s*([.)]?)\s*(?=\S)", text)
    if not first:
        return [text] if text else []
    style = re.escape(first.group(1))
    starts, k, pos = [(first.start(), first.end())], 2, first.end()
    # A bare number ('2 Printer') must be followed by a capital; '2.' and '2)' are distinct enough.
    follow = r"(?=\S)" if first.group(1) else r"(?=[A-Z\[])"
    while m := re.compile(rf"(?:(?<=\s)|(?<=[;.]))\(?({k}){style}\s*{follow}").search(text, pos):
        starts.append((m.start(), m.end()))
        k, pos = k + 1, m.end()
    items = [text[b : starts[i + 1][0] if i + 1 < len(starts) else len(text)] for i, (_, b) in enumerate(starts)]
    return [" ".join(item.split()) for item in items if item.strip()]


def split_lettered(text: str) -> tuple[str, list[str]]:
    """'Memeriksa konsep: a. Jika Setuju ... b. Jika Tidak ...' as the activity and its sub-items."""
    first = re.search(r"(?:^|\s)a\.\s+(?=\S)", text)
    if not first:
        return text, []
    starts, pos = [first], first.end()
    for letter in "bcdefghij":
        m = re.compile(rf"\s{letter}\.\s+(?=\S)").search(text, pos)
        if not m:
            break
        starts.append(m)
        pos = m.end()
    if len(starts) < 2:
        return text, []
    items = [text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)] for i, m in enumerate(starts)]
    return text[: first.start()].strip(), [" ".join(i.split()) for i in items]
