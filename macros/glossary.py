"""The glossary: where a term is written, and how to mark it in a text that is already escaped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import overload

from markupsafe import Markup

from .loader import Handbook, SopRecord
from .model import Istilah, TidakDiketahui


def spellings(term: Istilah) -> list[str]:
    return [term.istilah, *term.ejaan]


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words of the text as written, before any escaping or markup (acronyms are
    # case-sensitive: "PK" is not "pk" in "pkpu"), longest first.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)")


def texts(record: SopRecord) -> Iterator[str]:
    """Every text of an SOP a reader sees: name, boxes, lanes, steps."""
    sop = record.data
    yield sop.nama
    for items in (sop.kualifikasi_pelaksana, sop.peralatan_perlengkapan, sop.peringatan, sop.pencatatan_pendataan):
        yield from items
    yield from (item.teks for item in sop.dasar_hukum)
    yield from (item.teks for item in sop.keterkaitan)
    yield from (lane.nama for lane in sop.pelaksana)
    for step in sop.langkah:
        for value in (step.kegiatan, step.mutu_baku.kelengkapan, step.mutu_baku.output, step.keterangan, *step.rincian):
            if isinstance(value, str):
                yield value


def usage(book: Handbook) -> dict[str, list[SopRecord]]:
    """Each term -> the SOPs that write it (by id): every text read once, for all terms at a time."""
    if "glossary" not in book.derived:
        terms: dict[str, list[str]] = {}
        for term_id, term in book.istilah_map.items():
            for word in spellings(term):
                terms.setdefault(word, []).append(term_id)
        found: dict[str, list[SopRecord]] = {term_id: [] for term_id in book.istilah_map}
        if terms:
            pattern = _pattern(tuple(terms))
            for record in sorted(book.sops.values(), key=lambda r: r.id):
                # One search over the record's texts joined (a line break is no word character, so
                # no term spans two texts): a search each cost a tenth of `sop check`'s checks.
                joined = "\n".join(texts(record))
                written = {t for m in pattern.finditer(joined) for t in terms[m.group(1)]}
                for term_id in written:
                    found[term_id].append(record)
        book.derived["glossary"] = found
    return book.derived["glossary"]


def used_in(book: Handbook, term_id: str) -> list[SopRecord]:
    return usage(book).get(term_id, [])


class Marker:
    """Marks the glossary's terms in text as <abbr> with their meaning (Material shows it as a tooltip)."""

    def __init__(self, terms: Mapping[str, Istilah], encode: Callable[[str], str]) -> None:
        self.meaning = {w: t.arti for t in terms.values() for w in spellings(t)}
        self.pattern = _pattern(tuple(self.meaning)) if self.meaning else None
        self.encode = encode

    def all(self, values: Iterable[str]) -> list[Markup]:
        return [self(v) for v in values]

    @overload
    def __call__(self, value: str) -> Markup: ...
    @overload
    def __call__(self, value: TidakDiketahui | None) -> TidakDiketahui | None: ...
    @overload
    def __call__(self, value: str | TidakDiketahui | None) -> Markup | TidakDiketahui | None: ...
    def __call__(self, value: str | TidakDiketahui | None) -> Markup | TidakDiketahui | None:
        """Text with its terms marked; an unknown or missing value as it is (the template says so)."""
        if value is None or isinstance(value, TidakDiketahui):
            return value
        text = str(value)
        if self.pattern is None:
            return Markup(self.encode(text))
        # Terms are found in the text itself and each piece is encoded on its own, so a term can never
        # match inside markup the encoder writes (a term "br" and the <br> of a line break).
        out: list[str] = []
        last = 0
        for m in self.pattern.finditer(text):
            meaning = self.encode(self.meaning[m.group(1)])
            out += [
                self.encode(text[last : m.start()]),
                f'<abbr title="{meaning}" tabindex="0">{self.encode(m.group(1))}</abbr>',
            ]
            last = m.end()
        out.append(self.encode(text[last:]))
        return Markup("".join(out))
