"""The body of a Kế hoạch -> `preamble`, `numbering`, `sections` and `closing`: the bases
(«Căn cứ …;», «Thực hiện …;») and the paragraphs before section I, the outline, and the
«Trên đây là …» paragraph after it; «./.» is left to antq."""

from __future__ import annotations

import re
from typing import Any

from ..i18n import _
from ..inspect.model import Para, TableView
from .labels import label_of
from .markup import FootnoteText, markup, plain
from .notes import Notes
from .outline import build_outline, items_of, strip_end_mark

__all__ = ["read_body"]

_BASIS = re.compile(r"^\s*(Căn cứ|Thực hiện|Tiếp tục thực hiện|Triển khai thực hiện)\b")
_CLOSING = re.compile(r"^\s*Trên đây\b")


def _first_section(blocks: list[Para | TableView]) -> int:
    kinds = [(i, label_of(b).kind) for i, b in enumerate(blocks) if isinstance(b, Para)]
    top = (
        "roman"
        if any(k == "roman" for _i, k in kinds)
        else next((k for _i, k in kinds if k in ("arabic", "letter")), None)
    )
    return next((i for i, k in kinds if k == top), len(blocks))


def _preamble(
    blocks: list[Para | TableView], footnote: FootnoteText, notes: Notes
) -> dict[str, Any]:
    bases: list[str] = []
    texts: list[str] = []
    last_mark = "."
    for block in blocks:
        if isinstance(block, TableView):
            notes.add(("preamble",), _("a table before section I was left out"), needs_person=True)
            continue
        text = plain(block.runs).strip()
        if not text:
            continue
        written = markup(block.runs, footnote, drop_italic=True)
        if _BASIS.match(text) and text.endswith((";", ".", ",")) and not texts:
            last_mark = ";" if text.endswith(";") else "."
            bases.append(written.rstrip(" ;.,"))
        else:
            texts.append(markup(block.runs, footnote))
    preamble: dict[str, Any] = {}
    if bases:
        preamble["bases"] = bases
        if last_mark == ";":
            preamble["last_mark"] = ";"
    if texts:
        preamble["text"] = texts[0] if len(texts) == 1 else texts
    return preamble


def read_body(
    blocks: list[Para | TableView], footnote: FootnoteText, notes: Notes
) -> dict[str, Any]:
    start = _first_section(blocks)
    out: dict[str, Any] = {}
    preamble = _preamble(blocks[:start], footnote, notes)
    if preamble:
        out["preamble"] = preamble
    body = list(blocks[start:])
    closing: list[str] = []
    for index in range(len(body) - 1, -1, -1):
        block = body[index]
        if not isinstance(block, Para) or label_of(block).kind:
            break
        if _CLOSING.match(plain(block.runs)):
            closing = [
                markup(b.runs, footnote)
                for b in body[index:]
                if isinstance(b, Para) and plain(b.runs).strip()
            ]
            del body[index:]
            break
    root = build_outline(body, footnote, notes, ("sections",))
    if not root.children:
        root.children = []
        notes.add(("sections",), _("no numbered sections were found"), needs_person=True)
    sections, style = items_of(root, "", None, notes, ("sections",))
    if style != "roman":
        out["numbering"] = style
    out["sections"] = sections or [{"title": "?"}]
    if closing:
        text, _ended = strip_end_mark(" ".join(closing))
        if len(closing) > 1:
            notes.add(("closing",), _("the closing's paragraphs were joined into one"))
        out["closing"] = text
    else:
        _strip_last(out["sections"])
    return out


def _strip_last(items: list[dict[str, Any]]) -> None:
    """The body's last words without «./.»: antq prints it."""
    if not items:
        return
    last = items[-1]
    for key in ("after", "items", "blocks", "text"):
        value = last.get(key)
        if key == "items" and value:
            _strip_last(value)
            return
        if key == "blocks" and value:  # the last paragraph, a table may follow it
            texts = [i for i, block in enumerate(value) if isinstance(block, str)]
            if texts:
                value[texts[-1]] = strip_end_mark(value[texts[-1]])[0]
            return
        if isinstance(value, str) and value:
            last[key] = strip_end_mark(value)[0]
            return
        if isinstance(value, list) and value and isinstance(value[-1], str):
            value[-1] = strip_end_mark(value[-1])[0]
            return
