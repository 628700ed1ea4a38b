"""Inline markup in plan text: **bold**, *italic*, ***both***, ++underlined++, ^[footnote],
\\* for a star and \\+ for a plus."""

from __future__ import annotations

import re
from dataclasses import replace

from ..tree.nodes import FootnoteRef, Inline, Run
from ..i18n import _

__all__ = ["parse_inline", "merge_runs", "MarkupProblem"]


class MarkupProblem(ValueError):
    pass


# Each mark starts a new run, and Word (and the XML library) slow down on paragraphs of tens
# of thousands of runs: a plan never has more than a few dozen in one paragraph.
MAX_MARKS = 1_000
_TOKENS = re.compile(r"\\[*+^\[\]\\]|\^\[|\*{1,3}|\+\+")
_MARKS = ("*", "^[", "\\", "++")  # a text with none of them is one run


def parse_inline(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    allow_footnotes: bool = True,
) -> tuple[Inline, ...]:
    """Split `text` into runs; the flags give the emphasis the text starts with."""
    if not any(mark in text for mark in _MARKS):
        return (Run(text, bold=bold, italic=italic, underline=underline),) if text else ()
    out: list[Inline] = []
    buffer: list[str] = []
    start = {"bold": bold, "italic": italic, "underline": underline}
    state = dict(start)

    def flush() -> None:
        if buffer:
            out.append(
                Run(
                    "".join(buffer),
                    bold=state["bold"],
                    italic=state["italic"],
                    underline=state["underline"],
                )
            )
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
        elif token == "++":
            flush()
            state["underline"] = not state["underline"]
        else:  # *, ** or ***
            flush()
            if len(token) >= 2:
                state["bold"] = not state["bold"]
            if len(token) != 2:
                state["italic"] = not state["italic"]
    flush()
    if state["underline"] != underline:
        raise MarkupProblem(
            _("a '++' is opened but never closed; close it, or write \\+ for a literal plus")
        )
    if state != start:
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
            and replace(prev, text="") == replace(run, text="")
        ):
            merged[-1] = replace(prev, text=prev.text + run.text)
        elif not (isinstance(run, Run) and not run.text):
            merged.append(run)
    return tuple(merged)
