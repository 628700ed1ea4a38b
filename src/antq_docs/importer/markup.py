"""Word runs -> antq inline markup: **bold**, *italic*, ++underlined++, ^[footnote]; every
other character kept literal, so that `*`, `++`, `^[`, `\\`, `{{`, `{%` and `{#` in the
original print as typed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..inspect.model import TextRun

__all__ = ["escape", "escape_template", "markup", "plain", "strip_prefix", "FootnoteText"]

FootnoteText = Callable[[int], str]  # footnote id -> its markup (already escaped)
_MARKUP_CHARS = re.compile(r"(\\|\*|\^(?=\[)|\+(?=\+))")
_TEMPLATE_OPEN = re.compile(r"\{(?=[{%#])")
# «{» rendered by the template engine itself: the text never holds «{{», «{%» or «{#».
_LITERAL_BRACE = "{{ '{' }}"


def escape(text: str) -> str:
    """Text that antq prints exactly as given."""
    text = _MARKUP_CHARS.sub(r"\\\1", text)
    return _TEMPLATE_OPEN.sub(lambda _m: _LITERAL_BRACE, text)


def escape_template(text: str) -> str:
    """Text printed as given where antq reads no markup (a column heading)."""
    return _TEMPLATE_OPEN.sub(lambda _m: _LITERAL_BRACE, text)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\u00a0", " "))


def plain(runs: list[TextRun]) -> str:
    return _clean("".join(r.text for r in runs))


def strip_prefix(runs: list[TextRun], count: int) -> list[TextRun]:
    """The runs without their first `count` characters (a typed label) and the white space
    after them."""
    out: list[TextRun] = []
    left = count
    for run in runs:
        text = run.text
        if left > 0:
            cut = min(left, len(text))
            text, left = text[cut:], left - cut
        if left == 0 and not out:
            text = text.lstrip(" \t\u00a0")
        if text or run.footnote is not None:
            out.append(_with_text(run, text))
    return out


def _with_text(run: TextRun, text: str) -> TextRun:
    return TextRun(
        text,
        bold=run.bold,
        italic=run.italic,
        underline=run.underline,
        superscript=run.superscript,
        footnote=run.footnote,
    )


def markup(
    runs: list[TextRun],
    footnote: FootnoteText | None = None,
    *,
    drop_bold: bool = False,
    drop_italic: bool = False,
    drop_underline: bool = False,
) -> str:
    """The runs as markup. `drop_bold`/`drop_italic`/`drop_underline`: that emphasis is
    antq's to set (a heading's bold, a basis's italic, the subject's rule), so the author's
    is left out."""
    out: list[str] = []
    # The text since the last mark, escaped as one: Word splits runs anywhere, and a «{» or a
    # «+» closing one run and another opening the next are one «{{», one «++».
    raw: list[str] = []
    state = [False, False, False]

    def mark(text: str) -> None:
        """The text typed so far, escaped, then `text` (a mark; "" at the end)."""
        typed = "".join(raw)
        raw.clear()
        # a typed «+» just before an underline mark would read as part of it
        lone_plus = text.startswith("+") and typed.endswith("+")
        out.append((escape(typed[:-1]) + "\\+" if lone_plus else escape(typed)) + text)

    pending = ""  # white space held back so that marks close before it
    for run in runs:
        if run.footnote is not None:
            if footnote is not None:
                mark(_toggle(state, _PLAIN)[0])
                raw.append(pending)
                pending = ""
                mark("^[" + footnote(run.footnote) + "]")
            continue
        # a line break the author typed stays one: antq prints «\n» as a line break
        text = _clean(run.text).replace("\t", " ")
        if not text:
            continue
        want = [
            run.bold and not drop_bold,
            run.italic and not drop_italic,
            run.underline and not drop_underline,
        ]
        body = text.strip(" ")
        if not body:
            pending += text
            continue
        lead, trail = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")) :]
        closing, opening = _toggle(state, want)
        if closing:
            mark(closing)
        raw.append(pending + lead)  # white space stands outside the marks
        if opening:
            mark(opening)
        raw.append(body)
        pending = trail
    mark(_toggle(state, _PLAIN)[0])
    return ("".join(out) + pending).strip()


_PLAIN = [False, False, False]
_MARK = ("**", "*", "++")  # bold, italic, underline


def _toggle(state: list[bool], want: list[bool]) -> tuple[str, str]:
    """The marks that switch the emphasis from `state` (bold, italic, underline) to `want`:
    those that close, innermost first, and those that open, so that they nest as written."""
    closing = [_MARK[i] for i in (2, 1, 0) if state[i] and not want[i]]
    opening = [_MARK[i] for i in (0, 1, 2) if want[i] and not state[i]]
    state[:] = want
    return "".join(closing), "".join(opening)
