"""What a plan's year changes: anniversaries, the festival window, deadlines, and whom a
plan may assign work to after the 2025 reform of local government."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..validate.templating import CAND_FOUNDED, FESTIVAL_FOUNDED
from ..places import REFORM_DATE
from ..i18n import _

__all__ = ["YearFacts", "year_facts"]


@dataclass(frozen=True)
class YearFacts:
    year: int
    cand: int  # the nth anniversary of the People's Police (19/8/1945)
    festival: int  # the nth Ngày hội toàn dân bảo vệ ANTQ (19/8/2005)
    round_anniversary: bool  # a 5-year anniversary of the People's Police
    window_start: dt.date  # the festival is held in this window
    window_end: dt.date
    plans_due: dt.date  # units send their own plans
    results_due: dt.date  # units report their results
    two_levels: bool  # local government without huyện (from 01/7/2025)

    @property
    def slogan(self) -> str:
        return (
            f"Nhiệt liệt chào mừng kỷ niệm {self.cand} năm Ngày truyền thống Công an nhân "
            f"dân Việt Nam và {self.festival} năm Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
        )

    def local_units(self, level: str, villages: str = "thôn, tổ dân phố") -> str:
        """Who carries the plan out below the issuer (it starts an assignment: capitalised).
        `villages` is what a commune is divided into: thôn (xã), tổ dân phố (phường); in a
        commune the work goes to the person at their head."""
        if level == "xã":
            return _HEADS.get(villages, f"Trưởng các {villages}")
        return "UBND các xã, phường" if self.two_levels else "UBND các huyện, thành phố"

    def grassroots(self) -> str:
        return "xã, phường" if self.two_levels else "xã, phường, thị trấn"


# Who heads a thôn and a tổ dân phố, as a commune's plan gives them work.
_HEADS = {"thôn": "Trưởng các thôn", "tổ dân phố": "Tổ trưởng các tổ dân phố"}


def year_facts(year: int, *, plan_month: int = 4, window_start_month: int = 8) -> YearFacts:
    """The facts for a plan issued in `plan_month` of `year` (a draft: the day is blank)."""
    if not 2006 <= year <= 2100:
        raise ValueError(
            _("{year} is outside the years antq has plans for (2006–2100)").format(year=year)
        )
    cand = year - CAND_FOUNDED
    # Plans are issued in spring; units answer by mid-May and report after 19/8.
    plans_due = dt.date(year, 5, 15)
    return YearFacts(
        year=year,
        cand=cand,
        festival=year - FESTIVAL_FOUNDED,
        round_anniversary=cand % 5 == 0,
        window_start=dt.date(year, window_start_month, 1),
        window_end=dt.date(year, 8, 19),
        plans_due=plans_due,
        results_due=dt.date(year, 8, 25),
        two_levels=dt.date(year, plan_month, 1) >= REFORM_DATE,
    )
