"""What one plan may ask the writer to build, counted on the plan as loaded (aliases
expanded, expressions printed) before any model or document is made: a short plan that
names one long text two hundred times would otherwise cost gigabytes to lay out.

The caps sit below what `antq check` reads in one document (30,000 table cells, 5,000
footnotes), so that every document antq writes is one antq can check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import PlanError, Problem
from ..i18n import _
from ..load.yaml_source import PathKey, Source

__all__ = ["MAX_PLAN_FOOTNOTES", "MAX_PLAN_CELLS", "check_plan_size"]

MAX_PLAN_FOOTNOTES = 1_000  # a real plan has a handful; a decree-length one a few dozen
MAX_PLAN_CELLS = 20_000  # rows × columns of all the tables of a plan together
# A footnote opens with «^[»; «\^» and «\[» are escaped characters (content/markup.py reads
# the same marks: it cannot be imported here, it builds on this layer).
_FOOTNOTE_OR_ESCAPE = re.compile(r"\\[*+^\[\]\\]|\^\[")


def check_plan_size(data: Any, source: Source) -> None:
    """PlanError, located where the count passes its cap, when the plan holds more
    footnotes or table cells than a plan ever needs; `vars` are not counted themselves
    (what an expression prints from them is, where it is printed)."""
    problems: list[Problem] = []
    footnotes = cells = 0
    for path, value in _values(data, ()):
        if path[:1] == ("vars",):
            continue
        if isinstance(value, str) and "^[" in value:
            footnotes += sum(m.group() == "^[" for m in _FOOTNOTE_OR_ESCAPE.finditer(value))
            if footnotes > MAX_PLAN_FOOTNOTES:
                problems.append(source.problem(path, _too_many_footnotes()))
                break
        elif path[-1:] == ("table",) and isinstance(value, dict):
            cells += _grid(value)
            if cells > MAX_PLAN_CELLS:
                problems.append(source.problem(path, _too_many_cells()))
                break
    if problems:
        raise PlanError(problems)


def _values(value: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    """Every value with its path, depth first in the order of the file (no recursion: the
    loader allows 64 levels, and an iterator per level is cheap)."""
    pending: list[tuple[PathKey, Any]] = [(path, value)]
    while pending:
        path, value = pending.pop()
        yield path, value
        if isinstance(value, dict):
            pending.extend((path + (k,), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            pending.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))


def _grid(table: dict) -> int:
    """The cells the writer lays out: every row has a place for every column."""
    rows, columns = table.get("rows"), table.get("columns")
    if not isinstance(rows, list):
        return 0
    width = len(columns) if isinstance(columns, list) else 0
    widest = max((len(row) for row in rows if isinstance(row, list)), default=0)
    return len(rows) * max(width, widest, 1)


def _too_many_footnotes() -> str:
    return _(
        "the plan has more than {limit:,} footnotes (^[…]), counting every text a YAML alias "
        "(*name) repeats; a plan never needs that many: put long notes in an appendix"
    ).format(limit=MAX_PLAN_FOOTNOTES)


def _too_many_cells() -> str:
    return _(
        "the plan's tables have more than {limit:,} cells (rows × columns, counting every row "
        "a YAML alias repeats); split the table into several plans or appendices"
    ).format(limit=MAX_PLAN_CELLS)
