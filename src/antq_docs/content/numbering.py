"""Automatic numbering of nested items (I. → 1. → 1.1. → 1.1.1. → a) → - → +)."""

from __future__ import annotations

from ..nd30.forms import label_value, letter, roman

__all__ = ["child_style", "Counter"]

# What a parent's children are numbered with when the plan does not say.
_NEXT = {
    "roman": "arabic",
    "arabic": "dotted",
    "dotted": "dotted",
    "letter": "dash",
    "dash": "plus",
    "plus": "plus",
    "none": "arabic",
}


def child_style(parent_style: str) -> str:
    return _NEXT[parent_style]


class Counter:
    """Numbers the children of one parent; an override resets the count from its value."""

    def __init__(self, style: str, parent_number: str):
        self.style = style
        self.parent = parent_number.rstrip(".)")
        self.next = 1

    def label(self, override: str | None) -> str:
        if override is not None:
            self.next = label_value(override) + 1
            return self._punctuate(override)
        value = self.next
        self.next += 1
        return self._format(value)

    def _format(self, value: int) -> str:
        style = self.style
        if style == "roman":
            return f"{roman(value)}."
        if style == "arabic":
            return f"{value}."
        if style == "dotted":
            return f"{self.parent}.{value}." if self.parent else f"{value}."
        if style == "letter":
            return f"{letter(value)})"
        return {"dash": "-", "plus": "+", "none": ""}[style]

    def _punctuate(self, override: str) -> str:
        override = override.strip()
        if self.style == "letter":
            return override if override.endswith(")") else override + ")"
        if self.style in ("dash", "plus", "none"):
            return override
        return override if override.endswith(".") else override + "."
