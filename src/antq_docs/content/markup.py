"""Inline markup in plan text: **bold**, *italic*, ***both***, ^[footnote], \\* for a star."""

from __future__ import annotations

import re

from ..tree.nodes import FootnoteRef, Inline, Run
from ..i18n import _

__all__ = ["parse_inline", "merge_runs", "MarkupProblem"]


class MarkupProblem(ValueError):
    pass


# Each mark starts a new run, and Word (and the XML library) slow down on paragraphs of tens
# of thousands of runs: a plan never has more than a few dozen in one paragraph.
MAX_MARKS = 1_000
_TOKENS = re.compile(r"\\[*^\[\]\\]|\^\[|\*{1,3}")


def parse_inline(
    text: str, *, bold: bool = False, italic: bool = False, allow_footnotes: bool = True
) -> tuple[Inline, ...]:
    """Split `text` into runs; the flags give the emphasis the text starts with."""
    if "*" not in text and "^[" not in text and "\\" not in text:
        return (Run(text, bold=bold, italic=italic),) if text else ()
    out: list[Inline] = []
    buffer: list[str] = []
    state = {"bold": bold, "italic": italic}

    def flush() -> None:
        if buffer:
            out.append(Run("".join(buffer), bold=state["bold"], italic=state["italic"]))
            buffer.clear()

    position = 0
    marks = 0
    while True:
        match = _TOKENS.search(text, position)
        marks += 1
        if marks > MAX_MARKS:
            raise MarkupProblem(
                _(
                    "more than {limit:,} emphasis marks and "
                    "footnotes in one text; a paragraph never needs that "
                    "many"
                ).format(limit=MAX_MARKS)
            )
        if match is None:
            buffer.append(text[position:])
            break
        buffer.append(text[position : match.start()])
        token = match.group()
        position = match.end()
        if token.startswith("\\"):
            buffer.append(token[1])
        elif token == "^[":
            if not allow_footnotes:
                raise MarkupProblem(_("a footnote cannot contain another footnote"))
            end = _closing_bracket(text, position)
            flush()
            note = parse_inline(text[position:end], allow_footnotes=False)
            out.append(FootnoteRef(tuple(r for r in note if isinstance(r, Run))))
            position = end + 1
        else:  # *, ** or ***
            flush()
            if len(token) >= 2:
                state["bold"] = not state["bold"]
            if len(token) != 2:
                state["italic"] = not state["italic"]
    flush()
    if state["bold"] != bold or state["italic"] != italic:
        which = "**" if state["bold"] != bold else "*"
        raise MarkupProblem(
            _(
                "a '{which}' is opened but never closed; close it, or write \\* for a literal star"
            ).format(which=which)
        )
    return merge_runs(out)


def _closing_bracket(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "\\":
            continue
        if text[index] == "[":
            depth += 1
        elif text[index] == "]":
            depth -= 1
            if depth == 0:
                return index
    raise MarkupProblem(_("a footnote '^[' is opened but never closed with ']'"))


def merge_runs(runs) -> tuple[Inline, ...]:
    """Join neighbouring runs of the same emphasis; drop empty ones."""
    merged: list[Inline] = []
    for run in runs:
        prev = merged[-1] if merged else None
        if (
            isinstance(run, Run)
            and isinstance(prev, Run)
            and (prev.bold, prev.italic, prev.superscript)
            == (run.bold, run.italic, run.superscript)
        ):
            merged[-1] = Run(prev.text + run.text, prev.bold, prev.italic, prev.superscript)
        elif not (isinstance(run, Run) and not run.text):
            merged.append(run)
    return tuple(merged)
