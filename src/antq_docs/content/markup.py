"""Inline markup in plan text: **bold**, *italic*, ***both***, ^[footnote], \\* for a star."""

from __future__ import annotations

from ..tree.nodes import FootnoteRef, Inline, Run

__all__ = ["parse_inline", "MarkupProblem", "plain"]


class MarkupProblem(ValueError):
    pass


def parse_inline(text: str, *, bold: bool = False, italic: bool = False,
                 allow_footnotes: bool = True) -> tuple[Inline, ...]:
    """Split `text` into runs; the flags give the emphasis the text starts with."""
    out: list[Inline] = []
    buffer: list[str] = []
    state = {"bold": bold, "italic": italic}

    def flush() -> None:
        if buffer:
            out.append(Run("".join(buffer), bold=state["bold"], italic=state["italic"]))
            buffer.clear()

    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in "*^[]\\":
            buffer.append(text[i + 1])
            i += 2
        elif text.startswith("^[", i):
            if not allow_footnotes:
                raise MarkupProblem("a footnote cannot contain another footnote")
            end = _closing_bracket(text, i + 2)
            flush()
            out.append(FootnoteRef(tuple(r for r in parse_inline(text[i + 2:end],
                                                                  allow_footnotes=False)
                                         if isinstance(r, Run))))
            i = end + 1
        elif char == "*":
            stars = 3 if text.startswith("***", i) else 2 if text.startswith("**", i) else 1
            flush()
            if stars >= 2:
                state["bold"] = not state["bold"]
            if stars != 2:
                state["italic"] = not state["italic"]
            i += stars
        else:
            buffer.append(char)
            i += 1
    flush()
    if state["bold"] != bold or state["italic"] != italic:
        which = "**" if state["bold"] != bold else "*"
        raise MarkupProblem(f"a '{which}' is opened but never closed; close it, or write \\* "
                            "for a literal star")
    return _merge(out)


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
    raise MarkupProblem("a footnote '^[' is opened but never closed with ']'")


def _merge(runs: list[Inline]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for run in runs:
        prev = merged[-1] if merged else None
        if isinstance(run, Run) and isinstance(prev, Run) and (prev.bold, prev.italic,
                                                                prev.superscript) == (
                run.bold, run.italic, run.superscript):
            merged[-1] = Run(prev.text + run.text, prev.bold, prev.italic, prev.superscript)
        elif not (isinstance(run, Run) and not run.text):
            merged.append(run)
    return tuple(merged)


def plain(text: str) -> str:
    """The words of marked-up text without markers or footnotes."""
    return "".join(r.text for r in parse_inline(text) if isinstance(r, Run))
