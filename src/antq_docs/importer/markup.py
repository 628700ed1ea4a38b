"""Word runs -> antq inline markup: **bold**, *italic*, ^[footnote]; every other character
kept literal, so that `*`, `^[`, `\\`, `{{`, `{%` and `{#` in the original print as typed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..inspect.model import TextRun

__all__ = ["escape", "escape_template", "markup", "plain", "strip_prefix", "FootnoteText"]

FootnoteText = Callable[[int], str]  # footnote id -> its markup (already escaped)
_MARKUP_CHARS = re.compile(r"(\\|\*|\^(?=\[))")
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
) -> str:
    """The runs as markup. `drop_bold`/`drop_italic`: that emphasis is antq's to set (a
    heading's bold, a basis's italic), so the author's is left out."""
    out: list[str] = []
    state = [False, False]
    pending = ""  # white space held back so that marks close before it
    for run in runs:
        if run.footnote is not None:
            if footnote is not None:
                out.append(_toggle(state, False, False) + pending)
                pending = ""
                out.append("^[" + footnote(run.footnote) + "]")
            continue
        # a line break the author typed stays one: antq prints «\n» as a line break
        text = _clean(run.text).replace("\t", " ")
        if not text:
            continue
        want = [run.bold and not drop_bold, run.italic and not drop_italic]
        body = text.strip(" ")
        if not body:
            pending += text
            continue
        lead, trail = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")) :]
        out.append(pending + lead)
        if want != state:
            out.append(_toggle(state, *want))
        out.append(escape(body))
        pending = trail
    out.append(_toggle(state, False, False))
    return ("".join(out) + pending).strip()


def _toggle(state: list[bool], bold: bool, italic: bool) -> str:
    """One mark that switches the emphasis from `state` to (bold, italic): «*», «**», «***»."""
    mark = ("**" if state[0] != bold else "") + ("*" if state[1] != italic else "")
    state[0], state[1] = bold, italic
    return mark
