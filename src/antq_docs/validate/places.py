"""Warnings that depend on the date: since 01/7/2025 local government has two levels and
34 provinces, so a later plan must not name a huyện, a merged province or an unknown
xã/phường (checked against the `vietnam-provinces` list)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import Problem
from ..load.yaml_source import Source
from ..model.plan import Plan
from ..places import REFORM_DATE, FORMER_PROVINCES, commune_problems, place_problem
from .walk import walk_items
from ..i18n import N_, _

__all__ = ["place_warnings"]

_DISTRICT = re.compile(r"\b(huyện|thị xã|quận)\b", re.IGNORECASE)
_FORMER = re.compile(
    r"\btỉnh (" + "|".join(map(re.escape, FORMER_PROVINCES)) + r")\b", re.IGNORECASE
)
_HINT = N_(
    "since 01/7/2025 local government has two levels; assign the work to 'UBND các "
    "xã, phường' instead"
)


def place_warnings(plan: Plan, source: Source, org=None) -> list[Problem]:
    if plan.issuer.date.earliest() < REFORM_DATE:
        return []
    return list(_warnings(plan, source, org))


def _warnings(plan: Plan, source: Source, org) -> Iterator[Problem]:
    def warn(path, message: str) -> Problem:
        return source.problem(path, message, severity="warning")

    problem = place_problem(plan.issuer.place, plan.issuer.date.earliest())
    if problem:
        yield warn(("issuer", "place"), problem)
    province = org.province if org is not None else None
    named: list[tuple[tuple, str]] = [(("issuer", "name"), plan.issuer.name)]
    named += [(path + ("unit",), item.unit) for path, item in walk_items(plan) if item.unit]
    named += [(("recipients", i), r.name) for i, r in enumerate(plan.recipients)]
    for path, name in named:
        if path[-1] == "unit" or path[0] == "recipients":
            if _DISTRICT.search(name):
                yield warn(path, f"'{name}': {_(_HINT)} [LINT-DISTRICT]")
        for match in _FORMER.finditer(name):
            former = next(f for f in FORMER_PROVINCES if f.casefold() == match[1].casefold())
            yield warn(
                path,
                _("'tỉnh {former}' was merged into {successor} on 01/7/2025").format(
                    former=former, successor=FORMER_PROVINCES[former]
                ),
            )
        for message in commune_problems(name, province):
            yield warn(path, message)
