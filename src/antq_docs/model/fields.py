"""Field types the parts of a plan share: a day as clerks type it, a deadline (a day, or a
day of every year), the numbering styles of a list, and paragraphs written as one string or
a list of them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Discriminator, Tag, WithJsonSchema

from .shorthand import DAY_SCHEMA
from .timeline import YearlyDay, parse_day

__all__ = ["Day", "Deadline", "ListStyle", "paragraph_list"]

ListStyle = Literal["roman", "arabic", "dotted", "letter", "dash", "plus", "none"]

Day = Annotated[dt.date, BeforeValidator(parse_day), WithJsonSchema(DAY_SCHEMA)]
# A day, or a day of every year: only the shape written is tried, so that a mistake in one
# is not also reported as a mistake in the other. Tags start with "~": messages drop them.
Deadline = Annotated[
    Annotated[Day, Tag("~day")] | Annotated[YearlyDay, Tag("~yearly")],
    Discriminator(lambda v: "~yearly" if isinstance(v, dict | YearlyDay) else "~day"),
]


def paragraph_list(value: str | list[str] | None) -> list[str]:
    """`text: …` written as one paragraph or a list of them, as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
