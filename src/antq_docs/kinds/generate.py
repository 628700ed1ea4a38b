"""`antq new`: a complete plan of a kind for a year, from a content template.

Templates are YAML written with Jinja using [[ … ]] and [% … %], so that the plans they
produce can keep {{ … }} expressions of their own. An office may keep its own versions of
the templates in a folder given with `templates_dir` (searched before antq's own).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..nd30.doctypes import ABBREVIATIONS
from ..places import villages_of
from .basis import BASIS_EXAMPLE
from .calendar import year_facts

from ..i18n import N_, _

__all__ = ["Kind", "KINDS", "generate_plan", "render_template"]


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    template: str
    plan_month: int  # drafts are dated in this month of the year
    bodies: tuple[str, ...] = ("ubnd",)  # who issues this kind: a UBND, or also a BCĐ
    # Its abbreviation in Phụ lục III, the plan's `type`: a báo cáo kind would be "BC".
    document_type: str = "KH"

    def accepts(self, org) -> bool:
        return org.body in self.bodies

    @property
    def document_name(self) -> str:
        """The tên loại the plan's own words use: «Trên đây là Kế hoạch …»."""
        return ABBREVIATIONS[self.document_type]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "ngay-hoi",
            N_(
                "the yearly «Ngày hội toàn dân bảo vệ an ninh Tổ quốc» of a Ban Chỉ đạo "
                "or UBND (19/8)"
            ),
            "ngay-hoi.yaml.j2",
            4,
            ("ubnd", "bcd"),
        ),
        Kind(
            "ky-niem",
            N_(
                "the anniversaries of the People's Police (1945) and of the Ngày hội "
                "(2005), with the ceremony"
            ),
            "ky-niem.yaml.j2",
            3,
        ),
        Kind(
            "thi-dua",
            N_(
                "launching the emulation movement «Toàn dân bảo vệ an ninh Tổ quốc», with "
                "its criteria and an appendix table"
            ),
            "thi-dua.yaml.j2",
            3,
        ),
    )
}


@functools.cache
def _environment(templates_dir: str | None):
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    builtin = resources.files("antq_docs.templates")
    loaders = [FileSystemLoader(templates_dir)] if templates_dir else []
    loaders.append(FileSystemLoader(str(builtin)))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    from ..nd30.forms import day_month, padded, roman, short_date

    env.filters.update(
        short_date=short_date, day_month=day_month, roman=roman, padded=padded, yaml_text=_yaml_text
    )
    # Comments in the draft speak the clerk's language; `_` looks the language up each time.
    env.globals["_"] = _
    return env


def _yaml_text(value: str) -> str:
    """A value safe to put after 'key: ' in YAML: a double-quoted scalar, so that «Công an
    tỉnh # PV05» is not cut at its «#» and «a: b» is no mapping."""
    import json

    return json.dumps(str(value), ensure_ascii=False)


_PLAN_SYNTAX = __import__("re").compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def _literal(value: str) -> str:
    """Text from a profile stays text in the new plan: its {{ }} would be live expressions
    there, so they are written as expressions that print them, and its *, ++ and ^[ marks
    are escaped (\\*) so that they print as they are."""
    value = _MARKUP.sub(lambda match: "\\" + match[0], value)
    return _PLAN_SYNTAX.sub(lambda match: "{{ '" + match[0] + "' }}", value)


_MARKUP = __import__("re").compile(r"[\\*\[\]^]|\+(?=\+)")


class _ProfileText:
    """The profile as templates see it: every text literal (see _literal), and a line break
    (which would end a folded YAML paragraph) a space — unless a filter quotes it."""

    def __init__(self, value):
        self._value = value

    def __getattr__(self, name: str):
        return _profile_value(getattr(self._value, name))

    def __iter__(self):
        return (_profile_value(item) for item in self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def _profile_value(value):
    if isinstance(value, str):
        return _literal(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    return _ProfileText(value)


def render_template(kind: Kind, context: dict[str, Any], templates_dir: Path | None = None) -> str:
    env = _environment(str(templates_dir) if templates_dir else None)
    return env.get_template(kind.template).render(context)


def generate_plan(
    kind_name: str,
    year: int,
    org,
    org_path: str,
    *,
    schema_path: str | None = None,
    templates_dir: Path | None = None,
    basis: dict[str, str] | None = None,
) -> str:
    """The YAML text of a complete draft plan; `org` is the validated profile, `basis` the
    higher plan it carries out (kinds.basis.parse_basis), if given."""
    kind = KINDS[kind_name]
    if not kind.accepts(org):
        raise ValueError(
            _(
                "a {name} plan is issued by a UBND; this profile is a Ban Chỉ đạo (body: bcd)"
            ).format(name=kind.name)
        )
    facts = year_facts(year, plan_month=kind.plan_month)
    context = {
        "kind": kind,
        "document_type": kind.document_name,
        "year": year,
        "facts": facts,
        "org": _ProfileText(org),
        "org_path": org_path,
        "schema_path": schema_path,
        "plan_month": kind.plan_month,
        "provincial": org.level == "tỉnh",
        "generated": dt.date(year, kind.plan_month, 1),
        "villages": villages_of(org.commune),
        "area": _area(org),
        "listed": functools.partial(_listed, org),
        "basis": {k: _literal(v) for k, v in basis.items()} if basis else None,
        "basis_example": BASIS_EXAMPLE,
    }
    return render_template(kind, context, templates_dir)


def _area(org) -> str:
    """How the plan's own words name its territory: tỉnh, or the commune's type (xã,
    phường, đặc khu) as in «Ban Chỉ huy quân sự phường»."""
    if org.level == "tỉnh":
        return "tỉnh"
    found = _COMMUNE_TYPE.match(org.commune or "")
    return found[1].casefold() if found else "xã"


_COMMUNE_TYPE = re.compile(r"^(xã|phường|đặc khu)\s", re.IGNORECASE)


def _listed(org, name: str) -> bool:
    """Whether the profile's Nơi nhận reaches `name` already (as the assignment check
    matches names: «Ủy ban MTTQ Việt Nam xã» reaches «Ủy ban Mặt trận Tổ quốc Việt Nam xã»)."""
    from ..validate.rules import normalise_unit

    wanted = normalise_unit(name)
    return any(
        wanted == reached or wanted in reached
        for recipient in org.recipients
        for reached in map(normalise_unit, [recipient.name, *recipient.covers, *recipient.items])
    )
