"""A signer as printed: jabatan, name (with gelar), pangkat and NIP, told apart by their patterns.

Offices print the signer on lines (jabatan; room for the signature; the name, often bold and
underlined; the pangkat; "NIP. ..."), but extraction can run two of them into one line
("... Kepala Dinas dr. H. April, M.Kes Nip. 1967..."). The NIP and the pangkat have fixed forms
and are taken out first, wherever they stand; what is left is the jabatan and then the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Civil-service ranks (pangkat), longest first, with an optional golongan: "Pembina Tk. I (IV/b)".
_RANK = (
    r"(?:Pembina|Penata|Pengatur|Juru)"
    r"(?:\s+Utama(?:\s+(?:Madya|Muda))?|\s+Muda)?"
    r"(?:\s+(?:Tingkat|Tk\.?)\s*I\b)?"
    r"(?:\s*[,/(-]?\s*\(?\s*(?:I{1,3}|IV)\s*[/.]\s*[a-eA-E]\s*\)?)?"
)
_RANK_RE = re.compile(rf"(?<![\w.])({_RANK})(?![\w])", re.IGNORECASE)
# "NIP.", "Nip :", and as OCR misreads it ("Nib.", "NlP").
_NIP = re.compile(r"\bN[iIl1][pPbB]\b\.?\s*[:.]?\s*([\d][\d\s]{6,}\d)", re.IGNORECASE)
# A name begins with a title like these when it follows the jabatan on the same line.
_NAME_START = re.compile(r"(?:(?<=\s)|^)(?=(?:dr|drg|Dr|DR|Drs|Dra|Ir|IR|H|Hj|Prof|Ns|apt)\.\s*[A-Z])")
_OFFICE = re.compile(
    r"\b(?:kepala|sekretaris|ketua|direktur|camat|lurah|inspektur|rektor|dekan|kasubbag|kabag|plt|plh|"
    r"wakil|koordinator|ka\.|an\.|a\.n\.|komisi|dinas|badan|kantor|pemerintah|kabupaten|kota|provinsi|"
    r"puskesmas|sekolah|universitas|bagian|bidang|seksi)\b",
    re.IGNORECASE,
)


@dataclass
class Signer:
    jabatan: str | None = None
    nama: str | None = None
    pangkat: str | None = None
    nip: str | None = None
    guessed: list[str] = field(default_factory=list)  # which parts were told apart by a guess


def read_signer(text: str) -> Signer:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    signer = Signer()
    kept: list[str] = []
    for line in lines:
        nip = _NIP.search(line)
        if nip:
            signer.nip = signer.nip or " ".join(nip.group(1).split())
            line = (line[: nip.start()] + line[nip.end() :]).strip(" ,")
        rank = _RANK_RE.search(line)
        if rank and (rank.start() > 0 or rank.end() == len(line) or signer.pangkat is None):
            if rank.group(1).strip() == line or kept or rank.start() > 0:
                signer.pangkat = signer.pangkat or rank.group(1).strip()
                line = (line[: rank.start()] + line[rank.end() :]).strip(" ,")
        if line:
            kept.append(line)
    if not kept:
        return signer
    if len(kept) >= 2:
        signer.jabatan = " ".join(kept[:-1])
        signer.nama = _unbracket(kept[-1])
        if not (signer.pangkat or signer.nip) and _OFFICE.search(kept[-1]):
            # Two lines of office words: a jabatan printed on two lines, no name.
            signer.jabatan, signer.nama = " ".join(kept), None
        return signer
    only = kept[0]
    split = [m.start() for m in _NAME_START.finditer(only) if m.start() > 0]
    if split:
        signer.jabatan, signer.nama = only[: split[0]].strip(" ,"), _unbracket(only[split[0] :].strip())
        signer.guessed.append("nama")
    elif signer.pangkat or signer.nip:
        signer.nama = _unbracket(only)  # a name with its rank and NIP, and no jabatan beside it
    else:
        signer.jabatan = only
    return signer


def _unbracket(name: str) -> str:
    return name[1:-1].strip() if name.startswith("(") and name.endswith(")") else name
