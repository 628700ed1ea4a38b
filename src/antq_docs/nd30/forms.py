"""Vietnamese administrative formatting: ND30 dates, numbers and list markers, and the count
a printed marker stands for.

Babel's Vietnamese long date ('4 tháng 4, 2022') is not the decree's form, so dates are
formatted here: day < 10 and months 1–2 take a leading zero (PL1 II.4.b). The plan's model
names a day that does not exist in this form, the content writes every date in it.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "issue_date_text",
    "short_date",
    "numeric_date",
    "day_month",
    "padded",
    "roman",
    "letter",
    "label_value",
    "VIETNAMESE_LETTERS",
    "DRAFT_BLANK",
    "DRAFT_YEAR",
]

#: PL1 II.6.đ and the decree's own lists: no ă â ê ô ơ ư, no f j w z, but đ.
VIETNAMESE_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
#: What a draft prints where the văn thư will write the number or the day by hand.
DRAFT_BLANK = "\u00a0" * 6
#: A draft's blank year, as the decree's ô 4 prints it: «…, ngày … tháng … năm 20…».
DRAFT_YEAR = "20…"


def padded(value: int) -> str:
    """Numbers below 10 get a leading zero: 5 -> '05' (PL1 II.3.c, II.4.b)."""
    return f"{value:02d}"


def _month(month: int) -> str:
    return padded(month) if month <= 2 else str(month)


def issue_date_text(day: int | None, month: int | None, year: int | None) -> str:
    """'ngày 04 tháng 4 năm 2022'; a draft keeps a blank for the day, or the day and the
    month, or all three («năm 20…»), that the văn thư fills in."""
    day_text = padded(day) if day else DRAFT_BLANK
    month_text = _month(month) if month else DRAFT_BLANK
    return f"ngày {day_text} tháng {month_text} năm {year or DRAFT_YEAR}"


def short_date(date: dt.date) -> str:
    """'13/6/2005', '22/01/2019': the compact form used inside sentences."""
    return numeric_date(date.day, date.month, date.year)


def numeric_date(day: int, month: int, year: int) -> str:
    """The same form for a day that may not exist (to name it in an error)."""
    return f"{padded(day)}/{_month(month)}/{year}"


def day_month(date: dt.date) -> str:
    """'01/8': a date whose year is said once for the whole span."""
    return f"{padded(date.day)}/{_month(date.month)}"


def roman(value: int) -> str:
    if not 0 < value < 4000:
        raise ValueError(f"no Roman numeral for {value}")
    return roman_numeral(value)


def roman_numeral(value: int) -> str:
    """Any positive whole number in Roman numerals; past 3,999 the Ms repeat (a place in a
    hostile plan's list may be that far), and 0 gives ""."""
    out = ""
    for number, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, number)
        out += numeral * count
    return out


def letter(value: int) -> str:
    """1 -> 'a', 5 -> 'đ', 24 -> 'aa' (past the alphabet, letters double, as Word does)."""
    size = len(VIETNAMESE_LETTERS)
    repeat, index = divmod(value - 1, size)
    return VIETNAMESE_LETTERS[index] * (repeat + 1)


_ROMAN_VALUES = {roman(n): n for n in range(1, 40)}


def label_value(label: str) -> int:
    """The count a printed label stands for: '3.2.' -> 2, 'IV' -> 4, 'đ)' -> 5."""
    last = re.split(r"[.)]", label.strip().rstrip(".)"))[-1].strip()
    if last.isdigit():
        return int(last)
    if last.upper() in _ROMAN_VALUES:
        return _ROMAN_VALUES[last.upper()]
    if last in VIETNAMESE_LETTERS:
        return VIETNAMESE_LETTERS.index(last) + 1
    return 0
