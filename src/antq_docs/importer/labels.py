"""The label a paragraph of the body starts with, typed («1.», «a)», «II.», «-», «+») or
given by Word's automatic numbering, and the kind of list it belongs to (antq's numbering
styles: roman, arabic, dotted, letter, dash, plus; «other» for any other mark)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..inspect.model import Para, TextRun
from .markup import plain, strip_prefix

__all__ = ["Labelled", "label_of", "kind_of"]

_TYPED = re.compile(r"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)+\.?|\d+\.|[a-zđ]\)|[-–—+•])(?=\s)")
_KINDS = (
    (re.compile(r"^[IVXLC]+\.$"), "roman"),
    (re.compile(r"^\d+(?:\.\d+)+\.?$"), "dotted"),
    (re.compile(r"^\d+\.$"), "arabic"),
    (re.compile(r"^[a-zđ]\)$"), "letter"),
    (re.compile(r"^[-–—]$"), "dash"),
    (re.compile(r"^\+$"), "plus"),
)


@dataclass
class Labelled:
    label: str  # as printed; "" when the paragraph has none
    kind: str  # roman, arabic, dotted, letter, dash, plus, other; "" for none
    runs: list[TextRun]  # the paragraph's runs after the label
    automatic: bool = False  # the label came from Word's numbering


def kind_of(label: str) -> str:
    for pattern, kind in _KINDS:
        if pattern.match(label):
            return kind
    return "other" if label else ""


def label_of(para: Para) -> Labelled:
    if para.label:
        return Labelled(para.label.strip(), kind_of(para.label.strip()), para.runs, True)
    text = plain(para.runs)
    match = _TYPED.match(text)
    if match is None:
        return Labelled("", "", para.runs)
    label = match.group().strip()
    return Labelled(label, kind_of(label), strip_prefix(para.runs, match.end()))
