"""Points and spans of time as clerks write them: dates, months, quarters, years, "now".

Text forms accepted for a point (Vietnamese order, as clerks type them):
  19/8/2025 or 2025-08-19 (a day) · 8/2025 (a month) · Q3/2025 or quý III/2025 (a quarter)
  · 2025 (a year) · nay / now (the plan's own date)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .shorthand import expand
from ..i18n import N_, _

__all__ = ["TimePoint", "Point", "Timeline", "parse_point", "parse_day"]

_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")
_QUARTER = re.compile(r"^(?:Q([1-4])|quý\s+(I|II|III|IV))\s*/\s*(\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")

POINT_PATTERN = (
    r"^(nay|now|\d{4}|\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"
    r"|Q[1-4]/\d{4}|quý (I|II|III|IV)/\d{4})$"
)


class TimePoint(BaseModel):
    """A moment at the precision the plan gives it."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["now", "day", "month", "quarter", "year"]
    year: int = 0
    quarter: int = 0
    month: int = 0
    day: int = 0

    def first_day(self, today: dt.date) -> dt.date:
        if self.kind == "now":
            return today
        if self.kind == "day":
            return dt.date(self.year, self.month, self.day)
        if self.kind == "month":
            return dt.date(self.year, self.month, 1)
        if self.kind == "quarter":
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        return dt.date(self.year, 1, 1)

    def last_day(self, today: dt.date) -> dt.date:
        if self.kind in ("now", "day"):
            return self.first_day(today)
        if self.kind == "month":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.kind == "quarter":
            month = 3 * self.quarter
            return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])
        return dt.date(self.year, 12, 31)


def day_of_year(text: str) -> tuple[int, int]:
    """'15/11' -> (15, 11), a day that every year has (29/2 included); ValueError if none."""
    day, month = (int(part) for part in text.split("/"))
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        raise ValueError(
            _("every_year: {day} is no day of the year (write day/month, e.g. 15/11)").format(
                day=text.strip()
            )
        )
    return day, month


class YearlyDay(BaseModel):
    """A deadline that comes back every year: «trước ngày 15/11 hằng năm»."""

    model_config = ConfigDict(extra="forbid")
    every_year: str = Field(
        pattern=r"^\s*\d{1,2}/\d{1,2}\s*$",
        description=N_("Day/month that comes back each year: '15/11' ('ngày 15/11 hằng năm')."),
    )

    @model_validator(mode="after")
    def _real_day(self) -> YearlyDay:
        day_of_year(self.every_year)
        return self

    @property
    def day(self) -> int:
        return day_of_year(self.every_year)[0]

    @property
    def month(self) -> int:
        return day_of_year(self.every_year)[1]


def parse_day(value: Any) -> Any:
    """'04/4/2024' -> date; dates and anything else pass through for pydantic to judge."""
    if isinstance(value, str):
        m = _DAY.match(value.strip())
        if m:
            day, month, year = (int(g) for g in m.groups())
            return _checked_date(year, month, day)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _checked_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise ValueError(_("there is no month {month}").format(month=month)) from None
        last = calendar.monthrange(year, month)[1]
        from ..nd30.forms import numeric_date

        raise ValueError(
            _("{date} does not exist: month {month} of {year} has {last} days").format(
                date=numeric_date(day, month, year), month=month, year=year, last=last
            )
        ) from None


def parse_point(value: Any) -> Any:
    """Turn the text forms above into a TimePoint; raise ValueError with a hint otherwise."""
    if isinstance(value, TimePoint | dict):
        return value
    if isinstance(value, dt.date):
        return TimePoint(kind="day", year=value.year, month=value.month, day=value.day)
    if isinstance(value, int) and 1900 <= value <= 2200:
        return TimePoint(kind="year", year=value)
    if not isinstance(value, str):
        raise ValueError(_("write a time as 19/8/2025, 8/2025, Q3/2025, 2025 or 'nay'"))
    text = value.strip()
    if text.lower() in ("nay", "now"):
        return TimePoint(kind="now")
    if m := _DAY.match(text):
        d = _checked_date(int(m[3]), int(m[2]), int(m[1]))
        return TimePoint(kind="day", year=d.year, month=d.month, day=d.day)
    if m := _MONTH.match(text):
        month = int(m[1])
        if not 1 <= month <= 12:
            raise ValueError(_("there is no month {month}").format(month=month))
        return TimePoint(kind="month", year=int(m[2]), month=month)
    if m := _QUARTER.match(text):
        quarter = int(m[1]) if m[1] else _ROMAN_QUARTERS[m[2].upper()]
        return TimePoint(kind="quarter", year=int(m[3]), quarter=quarter)
    if m := _YEAR.match(text):
        return TimePoint(kind="year", year=int(m[1]))
    raise ValueError(
        _(
            "'{text}' is not a time antq understands; write 19/8/2025 (a "
            "day), 8/2025 (a month), Q3/2025 (a quarter), 2025 (a year) or "
            "'nay' (from now)"
        ).format(text=text)
    )


Point = Annotated[
    TimePoint,
    BeforeValidator(parse_point),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": POINT_PATTERN,
            "description": "19/8/2025 · 8/2025 · Q3/2025 · 2025 · nay",
        }
    ),
]


class Timeline(BaseModel):
    """When an activity happens: one point, a span, a recurring day, or free text."""

    model_config = ConfigDict(extra="forbid")

    at: Point | None = Field(None, description=N_("A single day, month, quarter or year."))
    start: Point | None = Field(
        None, alias="from", description=N_("Start of a span ('nay' = from now).")
    )
    end: Point | None = Field(None, alias="to", description=N_("End of a span."))
    through: bool = Field(False, description=N_("Write 'đến hết ngày …' (the end day included)."))
    until: str | None = Field(
        None, description=N_("End described in words, e.g. 'trước ngày tổ chức kỷ niệm'.")
    )
    focus: Annotated[Timeline, expand("at", "Timeline")] | None = Field(
        None, description=N_("The busiest part of the span ('trọng tâm các hoạt động …').")
    )
    every_month: int | None = Field(
        None, ge=1, le=31, description=N_("Recurring day of each month ('ngày 15 hàng tháng').")
    )
    every_year: str | None = Field(
        None,
        pattern=r"^\s*\d{1,2}/\d{1,2}\s*$",
        description=N_("Recurring day of each year, day/month: '15/11' ('ngày 15/11 hằng năm')."),
    )
    text: str | None = Field(None, description=N_("Free wording, used as written."))
    label: str = Field("Thời gian thực hiện", description=N_("The words before the time."))

    @model_validator(mode="after")
    def _one_shape(self) -> Timeline:
        shapes = [
            self.at is not None,
            self.start is not None or self.end is not None or self.until is not None,
            self.every_month is not None,
            self.every_year is not None,
            self.text is not None,
        ]
        if sum(shapes) == 0:
            raise ValueError(_("give 'at', 'from'/'to', 'every_month', 'every_year' or 'text'"))
        if sum(shapes) > 1:
            raise ValueError(
                _("use only one of 'at', 'from'/'to', 'every_month', 'every_year', 'text'")
            )
        if self.every_year is not None:
            day_of_year(self.every_year)
        if self.start and self.end:
            today = dt.date(2000, 1, 1)
            if (
                self.start.kind != "now"
                and self.end.kind != "now"
                and self.end.last_day(today) < self.start.first_day(today)
            ):
                raise ValueError(_("the span ends before it starts; swap 'from' and 'to'"))
        return self

    def ends(self) -> list[TimePoint]:
        """The points at which this timeline's work is over: its day, or the end of its span
        (a span with no end runs on)."""
        found = [p for p in (self.at, self.end) if p is not None]
        if self.focus:
            found += self.focus.ends()
        return found

    def points(self) -> list[TimePoint]:
        """Every point this timeline names (for date checks)."""
        found = [p for p in (self.at, self.start, self.end) if p is not None]
        if self.focus:
            found += self.focus.points()
        return found
