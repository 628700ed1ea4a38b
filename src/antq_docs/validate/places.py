"""Problems that depend on the date: since 01/7/2025 local government has two levels and
34 provinces, so a later plan must not name a huyện, a merged province or an unknown
xã/phường (checked against the `vietnam-provinces` list). A unit or a recipient named by
last year's name (a thị trấn, a huyện, a xã merged away, a misspelt xã) is an error that
names what to write: the work would go to a body that no longer exists. Elsewhere (the
issuer's own name, the địa danh) it is a warning."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import Problem
from ..load.yaml_source import Source
from ..model.plan import Plan
from ..model.plan_year import issued_from
from ..places import (
    FORMER_PROVINCES,
    REFORM_DATE,
    commune_problems,
    place_problem,
    province_named,
)
from .walk import walk_items
from ..i18n import N_, _

__all__ = ["place_warnings"]

_DISTRICT = re.compile(r"\b(huyện|thị xã|quận)\b", re.IGNORECASE)
_FORMER = re.compile(
    r"\btỉnh (" + "|".join(map(re.escape, FORMER_PROVINCES)) + r")\b", re.IGNORECASE
)
_NO_YEAR = N_(
    "the date leaves the year blank, so antq cannot tell whether the places must follow the "
    "2025 reform (plans dated from 01/7/2025): give the year in 'vars: {year: 2026}' or in "
    "'window'"
)
_HINT = N_(
    "since 01/7/2025 local government has two levels; assign the work to 'UBND các "
    "xã, phường' instead"
)


def place_warnings(plan: Plan, source: Source, org=None) -> list[Problem]:
    issued = issued_from(plan)
    if issued is None:
        return [source.problem(("issuer", "date"), _(_NO_YEAR), severity="warning")]
    if issued < REFORM_DATE:
        return []
    return list(_warnings(plan, source, org, issued))


def _warnings(plan: Plan, source: Source, org, issued: dt.date) -> Iterator[Problem]:
    def warn(path, message: str) -> Problem:
        return source.problem(path, message, severity="warning")

    problem = place_problem(plan.issuer.place, issued)
    if problem:
        yield warn(("issuer", "place"), problem)
    province = org.province if org is not None else _province_of(plan.issuer.place)
    named: list[tuple[tuple, str]] = [(("issuer", "name"), plan.issuer.name)]
    named += [(path + ("unit",), item.unit) for path, item in walk_items(plan) if item.unit]
    named += [(("recipients", i), r.name) for i, r in enumerate(plan.recipients)]
    for path, name in named:
        units = commune_problems(name, province)
        if path[-1] == "unit" or path[0] == "recipients":
            yield from (source.problem(path, message) for message in units)  # a body gone
            if _DISTRICT.search(name) and not units:
                yield warn(path, f"'{name}': {_(_HINT)} [LINT-DISTRICT]")
        else:
            yield from (warn(path, message) for message in units)
        for match in _FORMER.finditer(name):
            former = next(f for f in FORMER_PROVINCES if f.casefold() == match[1].casefold())
            yield warn(
                path,
                _("'tỉnh {former}' was merged into {successor} on 01/7/2025").format(
                    former=former, successor=FORMER_PROVINCES[former]
                ),
            )


def _province_of(place: str) -> str | None:
    """The province a plan's địa danh names («Cao Bằng»), when it names one."""
    try:
        return province_named(place)
    except LookupError:
        return None
