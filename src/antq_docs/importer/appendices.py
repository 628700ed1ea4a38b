"""Appendices -> `appendices`: the «Phụ lục I» line (antq writes it), the title over one or
more lines, the «(Kèm theo …)» caption over one or two paragraphs (antq writes it from the
issuer), then the content in order; landscape when its pages are turned."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from ..inspect.model import DocxView, Para, TableView
from .markup import FootnoteText, markup, plain
from .notes import Notes
from .outline import build_outline, content_keys, items_of

__all__ = ["read_appendix", "short_name_of"]

_HEADING = re.compile(r"^\s*phụ\s+lục(\s+[IVXLC\d]+)?\s*[:.\-–]?\s*", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*\(.*\bkèm\s+theo\b", re.IGNORECASE)
_OF = re.compile(r"\bcủa\s+(.+?)\s*\)?\s*$")


def _text(block: Para | TableView) -> str:
    return " ".join(plain(block.runs).split()) if isinstance(block, Para) else ""


def short_name_of(caption: str) -> str | None:
    match = _OF.search(caption)
    return match[1].rstrip(") .") if match else None


def read_appendix(
    blocks: list[Para | TableView],
    view: DocxView,
    footnote: FootnoteText,
    notes: Notes,
    path: tuple,
) -> tuple[dict[str, Any], str | None]:
    """The appendix, and the caption's «của …» (the issuer's short name)."""
    index = 0
    title: list[str] = []
    caption = ""
    first = _text(blocks[0]) if blocks else ""
    if _HEADING.match(first):
        rest = _HEADING.sub("", first, count=1)
        if rest:
            title.append(rest)
        index = 1
    while index < len(blocks):
        line = blocks[index]
        if not isinstance(line, Para):
            break
        text = _text(line)
        if not text:
            index += 1
            continue
        if _CAPTION.match(text) or caption and not caption.endswith(")"):
            caption = f"{caption} {text}".strip()
            index += 1
            if caption.endswith(")"):
                break
            continue
        if caption or line.align != "center" or len(title) >= 4:
            break
        title.append(markup(line.runs, footnote, drop_bold=True))
        index += 1
    appendix: dict[str, Any] = {}
    if title:
        appendix["title"] = "\n".join(title)
    if caption:
        notes.add(
            path + ("title",) if title else path,
            _("the caption is written by antq from the issuer (the original: «{caption}»)").format(
                caption=caption
            ),
        )
    body = blocks[index:]
    landscape = any(
        view.sections[min(b.section, len(view.sections)) - 1].landscape
        for b in body
        if isinstance(b, Para) and view.sections
    )
    root = build_outline(body, footnote, notes, path, landscape)
    children = list(root.children)
    content: list[str | dict[str, Any]] = []
    while children and not children[0].kind:  # what stands before the first numbered item
        content += children.pop(0).content
    appendix.update(content_keys(content))
    root.children = children
    if children:
        items, style = items_of(root, "", None, notes, path + ("items",))
        if style != "roman":
            appendix["numbering"] = style
        appendix["items"] = items
    if landscape:
        appendix["orientation"] = "landscape"
    return appendix, short_name_of(caption) if caption else None
