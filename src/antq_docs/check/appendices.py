"""The appendices of a document as a reader finds them after the signature: a «Phụ lục …»
line (alone or with its title on the same line), its title in capitals, the «(Kèm theo …)»
line; and attachments typed without a «Phụ lục» line, known by a centred title over a
«(Kèm theo Kế hoạch số …)» line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..inspect.docx_read import Para
from .text import squash

__all__ = ["Appendix", "find_appendices", "LABEL"]

#: «Phụ lục», «Phụ lục I», «PHỤ LỤC SỐ 01:», «Phụ lục: DANH SÁCH …»: the number, the marks
#: around it and whatever follows on the same line.
LABEL = re.compile(
    r"^phụ\s+lục\b\s*(?P<so>số\s*)?(?P<number>[IVXLC]+\b|\d+)?\s*(?P<mark>[:.\-–]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SHORT = 40  # a «Phụ lục …» line of a body sentence is longer, and has no colon after the number
_ATTACHED = re.compile(r"^\(.*\bkèm\s+theo\b", re.IGNORECASE)


@dataclass
class Appendix:
    heading: Para  # the «Phụ lục …» line, or the title of an attachment that has none
    number: int  # 1-based, in document order
    labelled: bool = True  # False: no «Phụ lục» line above the title
    title: list[Para] = field(default_factory=list)  # the title's lines under the label
    attached_line: Para | None = None  # «(Kèm theo Kế hoạch số … ngày … của …)»


def is_label(para: Para) -> bool:
    text = squash(para.text)
    match = LABEL.match(text)
    if match is None or para.align != "center":
        return False
    return len(text) < _SHORT or bool(match["mark"] == ":" and match["rest"])


def find_appendices(filled: list[Para], after_closing: Callable[[Para], bool]) -> list[Appendix]:
    """Every appendix after the closing, in order."""
    found: list[Appendix] = []
    taken: set[int] = set()
    for index, para in enumerate(filled):
        if id(para) in taken or not after_closing(para):
            continue
        if is_label(para):
            appendix = Appendix(para, len(found) + 1)
        elif _attachment_title(filled, index):
            appendix = Appendix(para, len(found) + 1, labelled=False)
        else:
            continue
        _read_under(appendix, filled, index)
        taken.update(id(p) for p in appendix.title)
        found.append(appendix)
    return found


def _attachment_title(filled: list[Para], index: int) -> bool:
    """A centred title in capitals with a «(Kèm theo …)» line within the next two lines."""
    para = filled[index]
    text = squash(para.text)
    if para.align != "center" or not text.isupper() or len(text.split()) < 2:
        return False
    if index and is_label(filled[index - 1]):
        return False
    return any(_ATTACHED.match(squash(p.text)) for p in filled[index + 1 : index + 3])


def _read_under(appendix: Appendix, filled: list[Para], index: int) -> None:
    """The title lines and the Kèm theo line under the heading (the heading itself is the
    first title line of an attachment without a label)."""
    if not appendix.labelled:
        appendix.title.append(appendix.heading)
    for para in filled[index + 1 : index + 5]:
        text = squash(para.text)
        if _ATTACHED.match(text):
            appendix.attached_line = para
            return
        if para.align != "center" or is_label(para) or para.cell != appendix.heading.cell:
            return  # a table under the heading is the appendix's content, not its title
        appendix.title.append(para)
