"""Write examples/drafts/du-thao.docx: a draft as a department might type it in Word, with
the slips `antq fix` corrects (margins left at Word's 25.4 mm, Arial on the title, «Độc
lập – Tự do – Hạnh phúc» with en dashes, «ngày 5 tháng 1», «- Lưu VT», a 12 pt body
paragraph, no «./.»). Made from antq's own rendering of tests/fixtures/minimal.yaml, without
antq's fingerprint, so that it reads as a hand-made file.

    python scripts/make_draft_example.py
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLIPS = [
    ("docProps/custom.xml", "antq-fingerprint", "origin"),
    (
        "word/document.xml",
        r'w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+"',
        'w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"',
    ),
    (
        "word/document.xml",
        r'w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
        r'( w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:b/><w:bCs/><w:sz w:val="28"/>'
        r'<w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">KẾ HOẠCH)',
        r'w:ascii="Arial" w:hAnsi="Arial"\1',
    ),
    ("word/document.xml", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),
    ("word/document.xml", "ngày 05 tháng 01 năm 2026", "ngày 5 tháng 1 năm 2026"),
    ("word/document.xml", "- Lưu: VT, PV05.", "- Lưu VT, PV05."),
    (
        "word/document.xml",
        r'(<w:r><w:rPr><w:rFonts [^>]*/>)(</w:rPr><w:t xml:space="preserve">1\. '
        r"Nâng cao)",
        r'\1<w:sz w:val="24"/>\2',
    ),
    ("word/document.xml", r"\./\.", "."),
]


def with_slips(docx: bytes, slips: list[tuple[str, str, str]]) -> bytes:
    """The package with each (part, pattern, replacement) made once; every slip must apply."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        entries = {info: source.read(info) for info in source.infolist()}
    by_name = {info.filename: info for info in entries}
    for part, pattern, replacement in slips:
        info = by_name[part]
        text, done = re.subn(pattern, replacement, entries[info].decode("utf-8"), count=1)
        assert done, pattern
        entries[info] = text.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries.items():
            target.writestr(info, data)
    return out.getvalue()


def main() -> None:
    from antq_docs.render import render_file

    docx = render_file(ROOT / "tests" / "fixtures" / "minimal.yaml").docx
    path = ROOT / "examples" / "drafts" / "du-thao.docx"
    path.write_bytes(with_slips(docx, SLIPS))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
