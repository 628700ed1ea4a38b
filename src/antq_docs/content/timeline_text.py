"""Timelines in the phrasing of real plans: 'từ quý I đến quý III năm 2025'."""

from __future__ import annotations

from ..model.timeline import Timeline, TimePoint, day_of_year
from ..nd30.forms import day_month, padded, roman, short_date

__all__ = ["timeline_phrase"]


def _point(point: TimePoint, *, with_year: bool = True) -> str:
    year = f" năm {point.year}" if with_year else ""
    if point.kind == "now":
        return "nay"
    if point.kind == "day":
        import datetime as dt

        date = dt.date(point.year, point.month, point.day)
        return f"ngày {short_date(date) if with_year else day_month(date)}"
    if point.kind == "month":
        return f"tháng {point.month}{year}"
    if point.kind == "quarter":
        return f"quý {roman(point.quarter)}{year}"
    return f"năm {point.year}"


def _span(start: TimePoint | None, end: TimePoint | None, through: bool, until: str | None) -> str:
    # The year is said once when both ends fall in the same year.
    same_year = (
        start is not None
        and end is not None
        and start.kind != "now"
        and end.kind != "now"
        and start.year == end.year
        and start.kind != "year"
    )
    parts = []
    if start is not None:
        parts.append("từ " + _point(start, with_year=not same_year))
    if end is not None:
        parts.append(("đến hết " if through else "đến ") + _point(end))
    elif until:
        parts.append("đến " + until)
    return " ".join(parts)


def yearly_phrase(day: int, month: int) -> str:
    """«ngày 15/11 hằng năm»: the short form of a day, months 1 and 2 with a zero."""
    return (
        f"ngày {padded(day)}/{month:02d} hằng năm"
        if month <= 2
        else f"ngày {padded(day)}/{month} hằng năm"
    )


def timeline_phrase(timeline: Timeline) -> str:
    if timeline.text:
        return timeline.text
    if timeline.every_month:
        return f"ngày {padded(timeline.every_month)} hàng tháng"
    if timeline.every_year:
        return yearly_phrase(*day_of_year(timeline.every_year))
    if timeline.at is not None:
        phrase = _point(timeline.at)
    else:
        phrase = _span(timeline.start, timeline.end, timeline.through, timeline.until)
    if timeline.focus is not None:
        phrase += ", trọng tâm các hoạt động " + timeline_phrase(timeline.focus)
    return phrase
