"""A field path («sections[1].items[0].items[2].unit») in the words of the document a clerk
has open in Word: «mục II.1, ý thứ 3, đơn vị thực hiện». The path stays beside it in
messages, so a message can be searched for in either language."""

from __future__ import annotations

import re

from .i18n import _
from .nd30.forms import roman_numeral

__all__ = ["place_in_words"]

_PART = re.compile(r"([^.[\]]+)|\[(\d+)\]")


def place_in_words(path: str) -> str:
    """Words for the paths a clerk cannot find by key alone (a position in a list); "" for
    the others, whose key is the place («issuer.symbol»)."""
    tokens: list[str | int] = [key or int(index) for key, index in _PART.findall(path)]
    if len(tokens) < 2 or not isinstance(tokens[1], int):
        if tokens[:2] == ["preamble", "bases"] and len(tokens) > 2:
            words = _("legal basis {n}").format(n=int(tokens[2]) + 1)
            return _with_key(words, tokens[3:])
        return ""
    head, rest = tokens[0], tokens[1:]
    if head in ("sections", "appendices"):
        numbers = [int(rest[0]) + 1]
        rest = rest[1:]
        while len(rest) > 1 and rest[0] == "items" and isinstance(rest[1], int):
            numbers.append(rest[1] + 1)
            rest = rest[2:]
        return _with_key(_outline(str(head), numbers), rest)
    if head == "recipients":
        return _with_key(_("Nơi nhận, line {n}").format(n=int(rest[0]) + 1), rest[1:])
    return ""


def _with_key(words: str, rest: list) -> str:
    keys = [key for key in rest if isinstance(key, str)]
    return ", ".join([words] + [_key_name(key) for key in keys[:1]])


def _outline(head: str, numbers: list[int]) -> str:
    if head == "appendices":
        words = _("appendix {n}").format(n=roman_numeral(numbers[0]))
        numbers = numbers[1:]
        if not numbers:
            return words
        return words + ", " + _outline("sections", numbers)
    words = _("section {number}").format(
        number=".".join([roman_numeral(numbers[0])] + [str(n) for n in numbers[1:2]])
    )
    for depth, n in enumerate(numbers[2:]):
        words += ", " + (_("point {n}") if depth == 0 else _("sub-point {n}")).format(n=n)
    return words


def _key_name(key: str) -> str:
    from .i18n import language
    from .key_names import KEY_NAMES

    return KEY_NAMES.get(key, key) if language() == "vi" else key.replace("_", " ")
