"""Whether antq fix made a document longer: margins, spacing and drawn rules can push a
one-page letter onto a second page. LibreOffice lays out the document before and after the
fix; without LibreOffice nothing is claimed."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

__all__ = ["printed_pages"]

_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def printed_pages(before: bytes, after: bytes) -> tuple[int, int] | None:
    """(pages before, pages after) as LibreOffice prints them; None when LibreOffice is
    not installed or cannot lay the files out."""
    from ..write.pdf import PdfError, convert_many, find_soffice

    if find_soffice() is None:
        return None
    with tempfile.TemporaryDirectory(prefix="antq-fix-pages-") as work:
        files = [Path(work) / "before.docx", Path(work) / "after.docx"]
        for path, data in zip(files, (before, after)):
            path.write_bytes(data)
        try:
            convert_many(files)
        except PdfError:
            return None
        counts = [len(_PAGE_OBJECT.findall(f.with_suffix(".pdf").read_bytes())) for f in files]
    return (counts[0], counts[1]) if all(counts) else None
