"""How a report names the plan it answers: «Kế hoạch số 05/KH-UBND ngày 10/4/2026 của Ủy
ban nhân dân tỉnh Cao Bằng về …», blanks where the plan is still a draft."""

from __future__ import annotations

import re

from ..model.plan import Plan
from ..nd30.forms import numeric_date, padded

__all__ = ["plan_reference", "plan_about", "issuer_in_text", "report_subject", "Period"]

_MARKUP = re.compile(r"\^\[[^\]]*\]|(?<!\\)\*+|(?<!\\)\+\+")
_BLANK = "…"


class Period:
    """`--period`: «8/2026» a month, «2026» a year."""

    def __init__(self, text: str):
        found = re.fullmatch(r"\s*(?:(\d{1,2})\s*/\s*)?(\d{4})\s*", text)
        if not found or not (found[1] is None or 1 <= int(found[1]) <= 12):
            raise ValueError(text)
        self.month = int(found[1]) if found[1] else None
        self.year = int(found[2])

    @property
    def phrase(self) -> str:
        """«tháng 8 năm 2026», «năm 2026»."""
        return f"tháng {self.month} năm {self.year}" if self.month else f"năm {self.year}"


def issuer_in_text(plan: Plan) -> str:
    """The issuer as a sentence names it: its short name, else its name as printed."""
    issuer = plan.issuer
    if issuer.short_name:
        return issuer.short_name
    name = " ".join(issuer.name.split())
    return name[:1] + name[1:].lower()


def plan_reference(plan: Plan) -> str:
    """«Kế hoạch số 05/KH-UBND ngày 10/4/2026 của Ủy ban nhân dân tỉnh Cao Bằng»."""
    issuer = plan.issuer
    number = padded(issuer.number) if issuer.number else _BLANK
    date = issuer.date
    if date.day is not None and date.month is not None and date.year is not None:
        when = f"ngày {numeric_date(date.day, date.month, date.year)}"
    elif date.month is not None:
        # «ngày …/4/2024»: the month and year as a day of it prints them
        when = f"ngày {_BLANK}/{numeric_date(1, date.month, date.year or 2000)[3:]}"
    else:
        when = f"ngày {_BLANK}" + (f" năm {date.year}" if date.year else "")
    return f"{plan.document_name} số {number}/{issuer.symbol} {when} của {issuer_in_text(plan)}"


def plan_about(plan: Plan) -> str:
    """«về tổ chức Ngày hội …»: the plan's subject, as a phrase after its reference."""
    subject = " ".join(_MARKUP.sub("", plan.subject).split())
    if subject.casefold().startswith("về "):
        return subject
    first = subject.split(" ", 1)[0]
    # «Tổ chức …» reads «về tổ chức …»; a name («Ngày hội …», «UBND …») keeps its capital
    lowered = subject[:1].lower() + subject[1:] if first[1:] == first[1:].lower() else subject
    return f"về {lowered}"


def report_subject(plan: Plan, period: Period | None = None) -> str:
    """«Kết quả thực hiện Kế hoạch số …/KH-UBND ngày … của … về …» (and the period)."""
    subject = f"Kết quả thực hiện {plan_reference(plan)} {plan_about(plan)}"
    return f"{subject} ({period.phrase})" if period else subject
