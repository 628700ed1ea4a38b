"""Finding the parts of an administrative document in any DOCX, by their words and places.

A document typed by hand has no markers, so each part is recognised as a reader would:
the Quốc hiệu by its words, the number line by "Số", the title by the document-type name,
Nơi nhận by its label; the body is what lies between the subject and Nơi nhận.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..inspect.docx_read import DocxView, Para

__all__ = ["Parts", "locate", "where", "excerpt", "squash"]

DOCUMENT_TYPE_NAMES = ("KẾ HOẠCH", "BÁO CÁO", "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "PHƯƠNG ÁN",
                       "ĐỀ ÁN", "THÔNG BÁO", "CHỈ THỊ", "QUYẾT ĐỊNH", "TỜ TRÌNH", "QUY CHẾ",
                       "QUY ĐỊNH", "NGHỊ QUYẾT")
_NATIONAL = re.compile(r"XÃ\s*HỘI\s*CHỦ\s*NGHĨA", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[^,]{2,60},\s*ngày\b.*\bnăm\s+\d{4}\s*$")


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def excerpt(para: Para, length: int = 50) -> str:
    text = squash(para.text)
    return text if len(text) <= length else text[: length - 1] + "…"


def where(para: Para) -> str:
    if para.cell is not None:
        table, row, column = para.cell
        return f"table {table}, row {row}, cell {column}"
    return f"paragraph {para.index}"


@dataclass
class Parts:
    view: DocxView
    paragraphs: list[Para]
    national_title: Para | None = None
    motto: Para | None = None
    issuer_lines: list[Para] = field(default_factory=list)
    number_line: Para | None = None
    place_date: Para | None = None
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)

    def following(self, para: Para) -> Para | None:
        """The next paragraph in the same container (cell or body), if any."""
        index = self.paragraphs.index(para) + 1
        if index < len(self.paragraphs) and self.paragraphs[index].cell == para.cell:
            return self.paragraphs[index]
        return None


def _texts(paragraphs: list[Para]) -> list[Para]:
    return [p for p in paragraphs if squash(p.text)]


def locate(view: DocxView) -> Parts:
    paragraphs = view.paragraphs()
    parts = Parts(view, paragraphs)
    filled = _texts(paragraphs)
    parts.national_title = next((p for p in filled[:12] if _NATIONAL.search(p.text)), None)
    if parts.national_title is not None:
        after = filled[filled.index(parts.national_title) + 1:][:2]
        parts.motto = next((p for p in after if "lập" in p.text.lower()), None)
    parts.number_line = next((p for p in filled[:15] if squash(p.text).startswith("Số")), None)
    parts.place_date = next((p for p in filled[:15] if _PLACE_DATE.match(squash(p.text))),
                            None)
    parts.title = next((p for p in filled[:25] if squash(p.text).upper() in DOCUMENT_TYPE_NAMES
                        and p.cell is None), None)
    parts.issuer_lines = _issuer_lines(parts, filled)
    label_index = next((i for i, p in enumerate(filled)
                        if squash(p.text).lower().startswith("nơi nhận")), None)
    if parts.title is not None:
        start = filled.index(parts.title) + 1
        end = label_index if label_index is not None else len(filled)
        subject = []
        for para in filled[start:end]:
            if para.align == "center" and all(r.bold for r in para.runs if r.text.strip()):
                subject.append(para)
            else:
                break
        parts.subject = subject
        parts.body = [p for p in filled[start + len(subject):end] if p.cell is None]
    if label_index is not None:
        label = filled[label_index]
        parts.recipients_label = label
        same_cell = [p for p in filled[label_index + 1:] if p.cell == label.cell
                     and (label.cell is not None or squash(p.text).startswith(("-", "–")))]
        parts.recipients = same_cell
        parts.signature = _signature(parts, filled, label)
    return parts


def _issuer_lines(parts: Parts, filled: list[Para]) -> list[Para]:
    """The lines above the number line in its column (parent body, issuing body)."""
    anchor = parts.number_line
    if anchor is None:
        return []
    index = filled.index(anchor)
    lines = []
    for para in reversed(filled[:index]):
        if para is parts.national_title or para is parts.motto:
            continue
        if anchor.cell is not None and para.cell is not None and para.cell[2] != anchor.cell[2]:
            continue
        lines.insert(0, para)
    return lines


def _signature(parts: Parts, filled: list[Para], label: Para) -> list[Para]:
    """The signer's lines: the cell beside Nơi nhận, or the lines after the recipients."""
    if label.cell is not None:
        table, row, column = label.cell
        return [p for p in filled if p.cell is not None and p.cell[0] == table
                and p.cell[1] == row and p.cell[2] != column]
    after = filled[filled.index(parts.recipients[-1]) + 1:] if parts.recipients else []
    return [p for p in after if p.cell is None][:8]


