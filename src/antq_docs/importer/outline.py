"""The body's outline -> `sections` (and the items of an appendix): each labelled paragraph
opens an item under the nearest open item of another kind of label, or beside the open one of
its own kind; unlabelled paragraphs and tables go to the item open above them, in order.
Numbering styles and `number:` overrides are then chosen so that antq prints every label as
the original showed it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..content.numbering import Counter, child_style, label_value
from ..inspect.model import Para, TableView
from .labels import Labelled, label_of
from .markup import FootnoteText, markup, plain
from .notes import Notes
from .tables import read_table

__all__ = ["Node", "build_outline", "items_of", "STYLES"]

STYLES = ("roman", "arabic", "dotted", "letter", "dash", "plus")
_TITLE_LIMIT = 160


@dataclass
class Node:
    label: str = ""
    kind: str = ""  # "" for an unnumbered block that keeps the order (a table, a note)
    title: str | None = None
    text: list[str] = field(default_factory=list)
    table: dict | None = None
    after: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


def _is_heading(found: Labelled) -> bool:
    text = " ".join(plain(found.runs).split())
    if not text or len(text) > _TITLE_LIMIT or "\n" in plain(found.runs).strip():
        return False
    inked = [r for r in found.runs if r.text.strip()]
    if inked and all(r.bold for r in inked) and not text.endswith(";"):
        return True
    return found.kind in ("roman", "arabic", "dotted") and not text.endswith((".", ";", ":", ","))


def _title(found: Labelled, footnote: FootnoteText) -> str:
    """Uniform emphasis is the level's (antq sets it); mixed emphasis is the author's."""
    inked = [r for r in found.runs if r.text.strip()]
    uniform = len({(r.bold, r.italic) for r in inked}) <= 1
    return markup(found.runs, footnote, drop_bold=uniform, drop_italic=uniform)


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
            self.unlabelled(markup(found.runs, self.footnote))
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
            node.title = _title(found, self.footnote)
        else:
            node.text.append(markup(found.runs, self.footnote))
        self.open(node)

    def open(self, node: Node) -> None:
        parent = self.stack[-1]
        if parent.after:  # text after a table, then items: the text becomes a block
            parent.children.append(Node(text=parent.after))
            parent.after = []
        parent.children.append(node)
        self.stack.append(node)

    def unlabelled(self, text: str) -> None:
        node = self.stack[-1]
        if node.children or node is self.root:
            block = Node(text=[text])
            self.open(block)
        elif node.table is None:
            node.text.append(text)
        else:
            node.after.append(text)

    def table(self, table: TableView) -> None:
        node = self.stack[-1]
        data = read_table(table, self.footnote, self.notes, self.landscape)
        if node is self.root or node.table is not None or node.after or node.children:
            self.open(Node(table=data))
        else:
            node.table = data


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
        if child.text:
            item["text"] = child.text[0] if len(child.text) == 1 else list(child.text)
        if child.table is not None:
            item["table"] = child.table
        if child.children:
            grand, grand_style = items_of(child, label, style, notes, path + (index, "items"))
            if grand_style != child_style(style):
                item["numbering"] = grand_style
            item["items"] = grand
        if child.after:
            item["after"] = child.after[0] if len(child.after) == 1 else list(child.after)
        if not item or set(item) == {"number"}:
            item["text"] = ""
        items.append(item)
    return items, style


_END = re.compile(r"\s*\./\.\s*$")


def strip_end_mark(text: str) -> tuple[str, bool]:
    """«… ./.» -> «…»: antq ends the body with it."""
    stripped = _END.sub("", text)
    return stripped, stripped != text
