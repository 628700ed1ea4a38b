"""The document tree: what the plan says, with no knowledge of page layout."""

from .nodes import (
    Block,
    Closing,
    Document,
    FootnoteRef,
    Frame,
    Header,
    Inline,
    Paragraph,
    Part,
    Run,
    Table,
    TableCell,
    Title,
)

__all__ = [
    "Block",
    "Closing",
    "Document",
    "FootnoteRef",
    "Frame",
    "Header",
    "Inline",
    "Paragraph",
    "Part",
    "Run",
    "Table",
    "TableCell",
    "Title",
]
