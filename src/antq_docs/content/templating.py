"""Jinja expressions inside plan text, rendered in a sandbox with StrictUndefined.

Plans travel between offices by e-mail, so their text is untrusted: only expressions
(`{{ … }}`) are allowed, in an immutable sandbox, with a cap on how large a result may be.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

from ..errors import MessageError
from .vietnamese import issue_date_text, padded, roman, short_date

__all__ = ["TextRenderer", "TemplateProblem", "has_template", "anniversary", "number"]

MAX_OUTPUT_CHARS = 100_000
CAND_FOUNDED = 1945  # Ngày truyền thống Công an nhân dân, 19/8/1945
FESTIVAL_FOUNDED = 2005  # Ngày hội toàn dân bảo vệ ANTQ, Quyết định 521/QĐ-TTg


class TemplateProblem(MessageError):
    """An expression in plan text that cannot be rendered."""


def has_template(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def number(value: float | int, decimals: int | None = None) -> str:
    """Vietnamese grouping for amounts in plan text: 1500000 -> '1.500.000', 2.5 -> '2,5'."""
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale="vi_VN")


def anniversary(founded: int, year: int) -> int:
    """The how-many-th anniversary of a founding year in `year` (80 for 1945 in 2025)."""
    return year - founded


class TextRenderer:
    """Renders the template strings of one plan against that plan's context."""

    def __init__(self, context: dict[str, Any]):
        self._context = context

    def render(self, text: str) -> str:
        if not has_template(text):
            return text
        if "{%" in text:
            raise TemplateProblem("only {{ expressions }} are allowed in plan text, "
                                  "not {% statements %}")
        from jinja2 import TemplateError

        template = _compiled(text)
        try:
            result = template.render(self._context)
        except TemplateProblem:
            raise
        except TemplateError as exc:
            raise TemplateProblem(_explain(exc.message or str(exc), self._context)) from None
        except (ArithmeticError, TypeError, ValueError, OverflowError) as exc:
            raise TemplateProblem(f"cannot compute the expression: {exc}") from None
        if len(result) > MAX_OUTPUT_CHARS:
            raise TemplateProblem("the expression produces too much text")
        return result


@functools.cache
def _environment():
    """One sandbox per process: its configuration never changes after creation."""
    # Imported here so that plans without templates never pay for Jinja.
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context, operator_name, left, right):
            _check_size(operator_name, left, right)
            return {"*": operator.mul, "**": operator.pow}[operator_name](left, right)

    env = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update(roman=roman, short_date=short_date, padded=padded, number=number)
    return env


@functools.lru_cache(maxsize=512)
def _compiled(text: str):
    """Compiling is the slow part of Jinja; a batch renders the same strings thousands of
    times, so compiled templates are kept (they hold no plan data). Bounded, because strings
    that name each unit differ from row to row and would otherwise pile up."""
    from jinja2 import TemplateError

    try:
        return _environment().from_string(text)
    except TemplateError as exc:
        raise TemplateProblem(f"template syntax: {exc.message}") from None


def _check_size(operator_name: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a product or power too large for any plan."""
    if operator_name == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(times, int) \
                    and len(seq) * times > MAX_OUTPUT_CHARS:
                raise TemplateProblem("the expression produces too much text")
        if isinstance(left, int) and isinstance(right, int) and \
                left.bit_length() + right.bit_length() > 256:
            raise TemplateProblem("the expression produces too large a number")
    elif isinstance(left, int) and isinstance(right, int) and (
            abs(right) > 256 or left.bit_length() * max(right, 1) > 256):
        raise TemplateProblem("the expression produces too large a number")


def _explain(message: str, context: dict[str, Any]) -> str:
    if "is undefined" in message:
        known = ", ".join(sorted(k for k in context if not k.startswith("_")))
        return f"{message}; the names you can use are: {known} (add your own under 'vars:')"
    return message


def build_context(raw: dict[str, Any], org: Any = None) -> dict[str, Any]:
    """Names available to {{ … }} in a plan, taken leniently from the raw data.

    Validation proper comes afterwards; a malformed value simply leaves its name out here
    and is reported by the schema.
    """
    issuer = raw.get("issuer") if isinstance(raw.get("issuer"), dict) else {}
    date = _raw_date(issuer.get("date"))
    year = date[2] if date else dt.date.today().year
    plan_number = issuer.get("number")
    symbol = issuer.get("symbol") if isinstance(issuer.get("symbol"), str) else ""
    number_text = padded(plan_number) if isinstance(plan_number, int) else "…"
    plan = {
        "number": number_text,
        "symbol": symbol,
        "reference": f"{number_text}/{symbol}",
        "place": issuer.get("place", ""),
        "date": issue_date_text(date[0], date[1], date[2]) if date else "",
        "year": year,
    }
    user_vars = raw.get("vars") if isinstance(raw.get("vars"), dict) else {}
    context: dict[str, Any] = {
        "year": year,
        "plan": plan,
        "vars": user_vars,
        "anniversary": anniversary,
        "cand_anniversary": lambda in_year=year: anniversary(CAND_FOUNDED, in_year),
        "festival_anniversary": lambda in_year=year: anniversary(FESTIVAL_FOUNDED, in_year),
        "roman": roman,
        "short_date": short_date,
        "number": number,
    }
    if org is not None:
        context["org"] = org.model_dump()
    for key, value in user_vars.items():
        context.setdefault(key, value)
    return context


def _raw_date(value: Any) -> tuple[int | None, int, int] | None:
    from ..model.timeline import parse_day
    try:
        value = parse_day(value)
    except ValueError:
        return None
    if isinstance(value, dt.date):
        return (value.day, value.month, value.year)
    if isinstance(value, dict) and isinstance(value.get("month"), int) \
            and isinstance(value.get("year"), int):
        day = value.get("day")
        return (day if isinstance(day, int) else None, value["month"], value["year"])
    return None
