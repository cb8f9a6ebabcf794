"""Old Word (.doc), RTF and OpenDocument: converted to .docx by LibreOffice (headless), then read as one."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..grid import Document, Mark
from . import ReadError


def read(path: Path) -> Document:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise ReadError(
            "LibreOffice tidak terpasang, jadi berkas .doc tidak dapat dibaca; jalankan `make install` atau simpan ulang sebagai .docx"
        )
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profil"  # a profile of its own: two imports at once do not share one
        try:
            subprocess.run(
                [
                    office,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(path),
                ],
                capture_output=True,
                timeout=180,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise ReadError(f"LibreOffice gagal mengubah dokumen ini ke .docx ({type(exc).__name__})") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.is_file():
            raise ReadError("LibreOffice tidak dapat membaca dokumen ini (rusak, atau bukan dokumen Word)")
        from . import docx

        document = docx.read(converted)
    document.kind = "doc"
    # LibreOffice writes every drawn shape back as a plain rectangle: a shape still places its step
    # in its lane, but which symbol it was is not known (the draft says so).
    for table in document.tables():
        for cell in table.all_cells():
            cell.marks = [Mark("bentuk") if m.kind == "bentuk" else m for m in cell.marks]
    return document
