"""The plan's own year where its date leaves it blank («ngày … tháng … năm 20…»): what
`vars: {year: 2026}` says, else the year its `window` starts in; None when the plan says it
nowhere. Whatever is computed from the year (anniversary counts, «{{ year }}», the date checks,
the rules from 01/7/2025) takes it from here, and says so when there is none."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["fallback_year", "plan_year", "issued_from"]


def fallback_year(given_vars: Any, window_start: Any) -> int | None:
    """`vars.year` (2026 or '2026'), else the year of the window's first day (a date or
    '01/8/2026'); raw values are taken leniently, as the schema judges them afterwards."""
    value = given_vars.get("year") if isinstance(given_vars, dict) else None
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1945 <= value <= 2200:
        return value
    from .timeline import parse_day  # pydantic: only when a date leaves its year blank

    try:
        start = parse_day(window_start)
    except ValueError:
        return None
    return start.year if isinstance(start, dt.date) else None


def plan_year(plan: Plan) -> int | None:
    """The year of the plan's date, else the one its vars or window give."""
    if plan.issuer.date.year is not None:
        return plan.issuer.date.year
    return fallback_year(plan.vars, plan.window.start if plan.window else None)


def issued_from(plan: Plan) -> dt.date | None:
    """The first day the plan may be dated (a blank month is January); None when its year
    is known nowhere."""
    return plan.issuer.date.earliest(plan_year(plan))
