"""How the decree states a measure: a range it ALLOWS, and the value antq CHOOSES inside it
when it writes a document. Two names, never one: a rule checks `allowed`, the writer uses
`chosen`, and a test holds the one inside the other."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Range", "SizeRange", "MmRange", "OneOf", "at_least"]


@dataclass(frozen=True)
class Range:
    """A closed range (low, high) the decree allows and antq's choice inside it."""

    allowed: tuple[float, float]
    chosen: float

    def __post_init__(self) -> None:
        if not self.low <= self.chosen <= self.high:
            raise ValueError(f"{self.chosen} lies outside {self.allowed}")

    @property
    def low(self) -> float:
        return self.allowed[0]

    @property
    def high(self) -> float:
        return self.allowed[1]

    def fits(self, value: float, slack: float = 0.0) -> bool:
        return self.low - slack <= value <= self.high + slack

    def clamp(self, value: float) -> float:
        return min(max(value, self.low), self.high)

    def shown(self) -> str:
        """«13» for a fixed value, «13–14» for a range, as messages write it."""
        return f"{self.low:g}" if self.low == self.high else f"{self.low:g}–{self.high:g}"


class SizeRange(Range):
    """A font size in points."""


class MmRange(Range):
    """A length in millimetres."""


def at_least(low: float, chosen: float) -> Range:
    """«at least 6 pt»: a range with no upper end."""
    return Range((low, math.inf), chosen)


@dataclass(frozen=True)
class OneOf:
    """A measure the decree allows as one of a few values («1 cm or 1.27 cm»)."""

    allowed: tuple[float, ...]
    chosen: float

    def __post_init__(self) -> None:
        if self.chosen not in self.allowed:
            raise ValueError(f"{self.chosen} is not one of {self.allowed}")
