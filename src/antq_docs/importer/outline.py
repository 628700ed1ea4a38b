"""The body's outline -> `sections` (and the items of an appendix): each labelled paragraph
opens an item under the nearest open item of another kind of label, or beside the open one of
its own kind; unlabelled paragraphs and tables go to the item open above them, in order (a
centred line right above a table is its caption). Numbering styles and `number:` overrides
are then chosen so that antq prints every label as the original showed it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..content.numbering import Counter, child_style, label_value
from ..inspect.model import Para, TableView, TextRun
from .labels import Labelled, label_of
from .markup import FootnoteText, markup, plain
from .notes import Notes
from .tables import read_table

__all__ = ["Node", "build_outline", "items_of", "content_keys", "STYLES"]

STYLES = ("roman", "arabic", "dotted", "letter", "dash", "plus")
_TITLE_LIMIT = 160
_CAPTION_LINES = 3  # «Biểu 01» / «KẾT QUẢ …» / «(Đến ngày …)»: more is text, not a caption


@dataclass
class Node:
    label: str = ""
    kind: str = ""  # "" for an unnumbered block that keeps the order (a table, a note)
    title: str | None = None
    # paragraphs (markup) and tables (their `table:` data) in order, before the children
    content: list[str | dict[str, Any]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    # the centred paragraphs that end `content`: the caption of a table that follows
    centred: list[Para] = field(default_factory=list)


def _is_heading(found: Labelled) -> bool:
    text = " ".join(plain(found.runs).split())
    if not text or len(text) > _TITLE_LIMIT or "\n" in plain(found.runs).strip():
        return False
    inked = [r for r in found.runs if r.text.strip()]
    if inked and all(r.bold for r in inked) and not text.endswith(";"):
        return True
    return found.kind in ("roman", "arabic", "dotted") and not text.endswith((".", ";", ":", ","))


def _title(runs: list[TextRun], footnote: FootnoteText) -> str:
    """Uniform emphasis is the level's (antq sets it); mixed emphasis is the author's."""
    inked = [r for r in runs if r.text.strip()]
    uniform = len({(r.bold, r.italic) for r in inked}) <= 1
    return markup(runs, footnote, drop_bold=uniform, drop_italic=uniform)


def _is_caption_line(para: Para) -> bool:
    """A short centred line that is not a note in italics («(Đơn vị tính: người)»)."""
    inked = [r for r in para.runs if r.text.strip()]
    italic_note = bool(inked) and all(r.italic and not r.bold for r in inked)
    short = len(plain(para.runs).strip()) <= _TITLE_LIMIT
    return para.align == "center" and short and not italic_note


class _Builder:
    def __init__(self, footnote: FootnoteText, notes: Notes, path: tuple, landscape: bool):
        self.root = Node(kind="root")
        self.stack: list[Node] = [self.root]
        self.footnote = footnote
        self.notes = notes
        self.path = path
        self.landscape = landscape

    def paragraph(self, para: Para) -> None:
        found = label_of(para)
        if not plain(found.runs).strip() and not found.label:
            return
        if not found.kind:
            self.unlabelled(para)
            return
        while len(self.stack) > 1 and not self.stack[-1].kind:
            self.stack.pop()  # an unnumbered block closes at the next label
        depth = next(
            (i for i in range(len(self.stack) - 1, 0, -1) if self.stack[i].kind == found.kind), None
        )
        if depth is not None:
            del self.stack[depth:]
        node = Node(found.label, found.kind)
        if _is_heading(found):
            node.title = _title(found.runs, self.footnote)
        else:
            node.content.append(markup(found.runs, self.footnote))
        self.open(node)

    def open(self, node: Node) -> None:
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def holder(self) -> Node:
        """The node that takes an unlabelled block: the item open above it, or an unnumbered
        block of its own after items (or before the first one)."""
        node = self.stack[-1]
        if node.children or node is self.root:
            node = Node()
            self.open(node)
        return node

    def unlabelled(self, para: Para) -> None:
        node = self.holder()
        node.content.append(markup(para.runs, self.footnote))
        node.centred = node.centred + [para] if _is_caption_line(para) else []

    def table(self, table: TableView) -> None:
        node = self.holder()
        data = read_table(table, self.footnote, self.notes, self.landscape)
        lines = node.centred
        if lines and len(lines) <= _CAPTION_LINES:
            del node.content[-len(lines) :]
            caption = "\n".join(_title(para.runs, self.footnote) for para in lines)
            data = {"caption": caption, **data}
        node.content.append(data)
        node.centred = []


def build_outline(
    blocks: list[Para | TableView],
    footnote: FootnoteText,
    notes: Notes,
    path: tuple,
    landscape: bool = False,
) -> Node:
    builder = _Builder(footnote, notes, path, landscape)
    for block in blocks:
        if isinstance(block, TableView):
            builder.table(block)
        else:
            builder.paragraph(block)
    return builder.root


def items_of(
    node: Node, parent_label: str, parent_style: str | None, notes: Notes, path: tuple
) -> tuple[list[dict[str, Any]], str]:
    """The children of `node` as plan items, and the numbering style that prints their
    labels (`number:` where the count alone would not)."""
    kinds = {child.kind for child in node.children}
    only = next(iter(kinds)) if len(kinds) == 1 else ""
    style = only if only in STYLES else "none"
    counter = Counter(style, parent_label)
    items = []
    for index, child in enumerate(node.children):
        printed = counter.label(None) if style != "none" else ""
        item: dict[str, Any] = {}
        if child.label and printed != child.label:
            item["number"] = child.label
            counter.next = label_value(child.label) + 1
        label = child.label or printed
        if child.title is not None:
            item["title"] = child.title
        item.update(content_keys(child.content))
        if child.children:
            grand, grand_style = items_of(child, label, style, notes, path + (index, "items"))
            if grand_style != child_style(style):
                item["numbering"] = grand_style
            item["items"] = grand
        if not item or set(item) == {"number"}:
            item["text"] = ""
        items.append(item)
    return items, style


def content_keys(content: list[str | dict[str, Any]]) -> dict[str, Any]:
    """`text:` then `table:` where they print the content in its order; `blocks:` where it
    holds more than one table, or text after a table."""
    tables = [i for i, piece in enumerate(content) if isinstance(piece, dict)]
    if len(tables) > 1 or tables and tables[0] < len(content) - 1:
        return {"blocks": [p if isinstance(p, str) else {"table": p} for p in content]}
    keys: dict[str, Any] = {}
    texts = [piece for piece in content if isinstance(piece, str)]
    if texts:
        keys["text"] = texts[0] if len(texts) == 1 else texts
    if tables:
        keys["table"] = content[tables[0]]
    return keys


_END = re.compile(r"\s*\./\.\s*$")


def strip_end_mark(text: str) -> tuple[str, bool]:
    """«… ./.» -> «…»: antq ends the body with it."""
    stripped = _END.sub("", text)
    return stripped, stripped != text
