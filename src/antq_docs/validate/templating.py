"""Jinja expressions inside plan text, rendered in a sandbox with StrictUndefined.

Plans travel between offices by e-mail, so their text is untrusted: only expressions
(`{{ … }}`) are allowed, in an immutable sandbox, with a cap on how large a result may be.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from typing import Any, NoReturn

from ..errors import MessageError
from ..nd30.forms import issue_date_text, padded, roman, short_date
from ..i18n import N_, _

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


def yaml_text(value: object) -> str:
    """A value as one quoted YAML string, whatever it holds ("Xã Hòa An" -> '"Xã Hòa An"')."""
    import json

    return json.dumps(str(value), ensure_ascii=False)


def anniversary(founded: int, year: int) -> int:
    """The how-many-th anniversary of a founding year in `year` (80 for 1945 in 2025)."""
    return year - founded


MAX_PLAN_OUTPUT_CHARS = 2_000_000  # all the expressions of one plan together
MAX_ARGUMENT = MAX_OUTPUT_CHARS  # widths, counts and digits given to filters and functions
MAX_RENDER_SECONDS = 5.0  # all the expressions of one plan together
MAX_BUILT_CHARS = 10_000_000  # what the expressions of one plan build, printed or not
MAX_SOURCE_CHARS = 1_000  # one {{ … }} as written
MAX_BRACKETS = 50  # levels of (), [] and {} in one {{ … }}: Jinja's parser recurses on each


class TextRenderer:
    """Renders the template strings of one plan against that plan's context.

    The work is bounded, not only the result: arguments of filters and functions are
    checked before they run, the text all expressions produce together is capped, and so is
    the time they take; a string met twice (an alias) is rendered once."""

    def __init__(self, context: dict[str, Any]):
        import time

        self._context = context
        self._done: dict[str, str] = {}
        self._produced = 0
        self._built = 0
        self._deadline = time.monotonic() + MAX_RENDER_SECONDS

    def render(self, text: str) -> str:
        if not has_template(text):
            return text
        if text in self._done:
            return self._done[text]
        if "{%" in text:
            raise TemplateProblem(
                _("only {{ expressions }} are allowed in plan text, not {% statements %}")
            )
        from jinja2 import TemplateError

        _check_source(text)
        template = _compiled(text)
        _DEADLINE[0] = self._deadline
        _BUILT[0] = self._built
        try:
            result = template.render(self._context)
        except TemplateProblem:
            raise
        except TemplateError as exc:
            raise TemplateProblem(_explain(exc.message or str(exc), self._context)) from None
        except MemoryError:
            raise TemplateProblem(_("the expression produces too much text")) from None
        except RecursionError:
            raise TemplateProblem(_("the expression is nested too deeply")) from None
        except Exception as exc:  # noqa: BLE001 — any error of an expression is the plan's
            raise TemplateProblem(
                _("cannot compute the expression: {name}: {exc}").format(
                    name=type(exc).__name__, exc=str(exc)[:200]
                )
            ) from None
        finally:
            self._built = _BUILT[0]
        if len(result) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(
                _("the expression produces more than {limit:,} characters").format(
                    limit=MAX_OUTPUT_CHARS
                )
            )
        self._produced += len(result)
        if self._produced > MAX_PLAN_OUTPUT_CHARS:
            raise TemplateProblem(
                _("the plan's expressions produce more than {limit:,} characters together").format(
                    limit=MAX_PLAN_OUTPUT_CHARS
                )
            )
        self._done[text] = result
        return result


_DEADLINE = [float("inf")]  # of the plan being rendered (one at a time per process)
_BUILT = [0]  # characters its expressions have built so far


def _check_source(text: str) -> None:
    """Refuse, before Jinja parses it, an expression too long or nested too deeply to parse
    safely (its parser recurses on every bracket: 100 levels overflow the stack)."""
    for match in re.finditer(r"\{\{(.*?)(?:\}\}|$)", text, re.DOTALL):
        source = match[1]
        if len(source) > MAX_SOURCE_CHARS:
            raise TemplateProblem(
                _(
                    "the expression is {length:,} characters long; write at most {limit:,} "
                    "between the braces, and the text around them"
                ).format(length=len(source), limit=MAX_SOURCE_CHARS)
            )
        depth = deepest = 0
        for character in source:
            if character in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif character in ")]}":
                depth -= 1
        if deepest > MAX_BRACKETS:
            raise TemplateProblem(
                _(
                    "the expression nests brackets {depth} levels deep; at most {limit} are allowed"
                ).format(depth=deepest, limit=MAX_BRACKETS)
            )


def _weight(value: Any, budget: int = MAX_OUTPUT_CHARS) -> int:
    """About how many characters `value` takes when printed, counted without printing it
    and only up to just past `budget`: a list repeated a hundred thousand times inside
    another is measured in the time the budget allows, not in the time printing takes."""
    total = 0
    pending = [value]
    while pending and total <= budget:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 + 2 * len(item)
            if total <= budget:
                pending.extend(item)
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            if total <= budget:
                pending.extend(item.keys())
                pending.extend(item.values())
        elif isinstance(item, range):
            total += len(item) * (len(str(max(abs(item.start), abs(item.stop)))) + 2)
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() * 3 // 10 + 2
        else:
            total += 20
    return total


def _check_built(value: Any, what: str) -> Any:
    """`value`, once it is known to print within one expression's limit and the plan's
    expressions have not built too much together."""
    weight = _weight(value)
    if weight > MAX_OUTPUT_CHARS:
        raise TemplateProblem(
            _("{what}: the value is too large (more than {limit:,} characters printed)").format(
                what=what, limit=MAX_OUTPUT_CHARS
            )
        )
    _BUILT[0] += weight
    if _BUILT[0] > MAX_BUILT_CHARS:
        raise TemplateProblem(
            _("the plan's expressions build more than {limit:,} characters together").format(
                limit=MAX_BUILT_CHARS
            )
        )
    return value


def _check_arguments(name: str, args: tuple, kwargs: dict, *, value_first: bool = False) -> None:
    """Refuse, before a filter or function runs, what would make it produce or compute too
    much: a width, count or number of digits over the limit, an oversized text or list."""

    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    # Some filters take Jinja's evaluation context first: the values come after it.
    args = tuple(a for a in args if not isinstance(a, EvalContext | Context))
    _check_time()
    for position, value in enumerate((*args, *kwargs.values())):
        if isinstance(value, bool):
            continue
        # A filter's first argument is the value it works on (an amount may be large); the
        # others are widths, counts and digits.
        if (
            isinstance(value, int)
            and abs(value) > MAX_ARGUMENT
            and not (value_first and position == 0)
        ):
            raise TemplateProblem(
                _("{name}: the number {value} is too large here (at most {limit:,})").format(
                    name=name, value=value if value < 10**12 else "…", limit=MAX_ARGUMENT
                )
            )
        if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(_("{name}: too much text").format(name=name))
        if isinstance(value, list | tuple | dict) and _weight(value) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(_("{name}: too much text").format(name=name))
    if name == "replace" and len(args) >= 3 and all(isinstance(a, str) for a in args[:3]):
        if len(args[0]) * max(len(args[2]), 1) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(_("replace: the result would be too long"))
    if (
        name == "expandtabs"
        and len(args) >= 2
        and isinstance(args[0], str)
        and isinstance(args[1], int)
        and args[0].count("\t") * args[1] > MAX_OUTPUT_CHARS
    ):
        raise TemplateProblem(_("expandtabs: the result would be too long"))
    if name == "join" and len(args) >= 2:
        separator, items = (
            (args[0], args[1])
            if isinstance(args[0], str)
            else (args[1] if isinstance(args[1], str) else "", args[0])
        )
        if isinstance(items, list | tuple) and len(separator) * len(items) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(_("join: the result would be too long"))


class _Bounded:
    """One of antq's own functions or filters, with its arguments and its result held to
    the caps; the sandbox reads `antq_bounded` to tell it from a method, whose receiver
    counts too."""

    antq_bounded = True

    def __init__(self, name: str, function: Callable[..., Any]) -> None:
        self._name = name
        self._function = function
        self._value_first = name not in ("roman",)  # roman(10**9) would write a million «M»
        functools.update_wrapper(self, function)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(self._name, args, kwargs, value_first=self._value_first)
        result = self._function(*args, **kwargs)
        if isinstance(result, str) and len(result) > MAX_OUTPUT_CHARS:
            raise TemplateProblem(_("{name}: the result is too long").format(name=self._name))
        return _check_built(result, self._name)


@functools.cache
def _environment():
    """One sandbox per process: its configuration never changes after creation."""
    # Imported here so that plans without templates never pay for Jinja.
    from jinja2 import StrictUndefined
    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def call_binop(self, context, operator_name, left, right):
            _check_time()
            if operator_name == "%":
                if isinstance(left, str):
                    raise TemplateProblem(_("'%' formatting of text is not available in a plan"))
                return operator.mod(left, right)
            _check_size(operator_name, left, right)
            function = {"*": operator.mul, "**": operator.pow, "+": operator.add}[operator_name]
            return _check_built(function(left, right), operator_name)

        def wrap_str_format(self, value):
            if getattr(value, "__name__", "") in ("format", "format_map") and isinstance(
                getattr(value, "__self__", None), str
            ):

                def refused(*args, **kwargs):
                    raise TemplateProblem(
                        _(
                            "str.format is not available in a plan; "
                            "write the text around {{ }} instead"
                        )
                    )

                return refused
            return None

        def call(self, context, obj, *args, **kwargs):
            name = getattr(obj, "__name__", "a function").removeprefix("safe_")  # safe_range
            if not getattr(obj, "antq_bounded", False):  # a method: all its arguments count
                _check_arguments(name, args, kwargs)
                owner = getattr(obj, "__self__", None)
                if isinstance(owner, str) and name in ("replace", "join", "expandtabs"):
                    _check_arguments(name, (owner, *args), kwargs)
            return _check_built(super().call(context, obj, *args, **kwargs), name)

    class _Generator(CodeGenerator):
        """Jinja's code generator, with `~` joining through the sandbox's bounded join."""

        def visit_Concat(self, node, frame):
            self.write("environment.antq_concat((")
            for argument in node.nodes:
                self.visit(argument, frame)
                self.write(", ")
            self.write("))")

    _Sandbox.code_generator_class = _Generator
    _Sandbox.antq_concat = staticmethod(_concat)

    env = _Sandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=lambda value: _check_built(value, _("the expression")),
    )
    env.globals.pop("lipsum", None)  # lipsum(100000) runs for half a minute
    env.filters.update(roman=roman, short_date=short_date, padded=padded, number=number)
    env.filters["yaml_text"] = yaml_text  # for commune profile templates (antq batch)
    env.filters.pop("format", None)  # "%999999999s" would build a gigabyte before any check
    env.filters = {name: _Bounded(name, f) for name, f in env.filters.items()}
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


def _concat(values: tuple) -> str:
    """`a ~ b`: each value measured before it is turned into text."""
    for value in values:
        _check_built(value, "~")
    return _check_built("".join(map(str, values)), "~")


def _check_time() -> None:
    import time

    if time.monotonic() > _DEADLINE[0]:
        raise TemplateProblem(
            _("the plan's expressions take more than {limit:g} seconds").format(
                limit=MAX_RENDER_SECONDS
            )
        )


def _check_size(operator_name: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a product or power too large for any plan."""
    if operator_name == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            if _weight(left) + _weight(right) > MAX_OUTPUT_CHARS:
                raise TemplateProblem(_("the expression produces too much text"))
        return
    if operator_name == "*":
        for seq, times in ((left, right), (right, left)):
            if (
                isinstance(seq, str | list | tuple)
                and isinstance(times, int)
                and _weight(seq) * times > MAX_OUTPUT_CHARS
            ):
                raise TemplateProblem(_("the expression produces too much text"))
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > 256
        ):
            raise TemplateProblem(_("the expression produces too large a number"))
    elif (
        isinstance(left, int)
        and isinstance(right, int)
        and (abs(right) > 256 or left.bit_length() * max(right, 1) > 256)
    ):
        raise TemplateProblem(_("the expression produces too large a number"))


_NEEDS_YEAR = N_(
    "this needs the plan's year, and its date leaves the year blank: give it in 'issuer.date' "
    "({year: 2026}), in 'vars: {year: 2026}' or in 'window'"
)
# What Jinja says of «{{ year }}» and «{{ plan.year }}» when the year is not in the context.
_YEAR_UNDEFINED = ("'year' is undefined", "has no attribute 'year'")


def _needs_year() -> NoReturn:
    raise TemplateProblem(_(_NEEDS_YEAR))


def _explain(message: str, context: dict[str, Any]) -> str:
    if context.get("_year_blank") and message.endswith(_YEAR_UNDEFINED):
        return _(_NEEDS_YEAR)
    if "is undefined" in message:
        known = ", ".join(sorted(k for k in context if not k.startswith("_")))
        return _(
            "{message}; the names you can use are: {known} (add your own under 'vars:')"
        ).format(message=message, known=known)
    return message


def build_context(raw: dict[str, Any], org: Any = None) -> dict[str, Any]:
    """Names available to {{ … }} in a plan, taken leniently from the raw data.

    Validation proper comes afterwards; a malformed value simply leaves its name out here
    and is reported by the schema.
    """
    given_issuer = raw.get("issuer")
    issuer: dict[str, Any] = given_issuer if isinstance(given_issuer, dict) else {}
    date = _raw_date(issuer.get("date"))
    year: int | None = date[2] if date else dt.date.today().year
    if date and year is None:  # a draft's «năm 20…»: the year the plan gives elsewhere
        from ..model.plan_year import fallback_year

        window = raw.get("window")
        year = fallback_year(
            raw.get("vars"), window.get("from") if isinstance(window, dict) else None
        )
    plan_number = issuer.get("number")
    symbol = issuer.get("symbol") if isinstance(issuer.get("symbol"), str) else ""
    number_text = padded(plan_number) if isinstance(plan_number, int) else "…"
    plan = {
        "number": number_text,
        "symbol": symbol,
        "reference": f"{number_text}/{symbol}",
        "place": issuer.get("place", ""),
        "date": issue_date_text(date[0], date[1], date[2]) if date else "",
    }
    given_vars = raw.get("vars")
    user_vars: dict[str, Any] = given_vars if isinstance(given_vars, dict) else {}
    context: dict[str, Any] = {
        "plan": plan,
        "vars": user_vars,
        "anniversary": _Bounded("anniversary", anniversary),
        "cand_anniversary": _Bounded("cand_anniversary", _counted(CAND_FOUNDED, year)),
        "festival_anniversary": _Bounded("festival_anniversary", _counted(FESTIVAL_FOUNDED, year)),
        "roman": _Bounded("roman", roman),
        "short_date": _Bounded("short_date", short_date),
        "number": _Bounded("number", number),
    }
    if year is None:
        context["_year_blank"] = True  # «_»: not among the names a message offers
    else:
        context["year"] = plan["year"] = year
    if org is not None:
        context["org"] = org.model_dump()
    for key, value in user_vars.items():
        context.setdefault(key, value)
    return context


def _counted(founded: int, year: int | None) -> Callable[..., int]:
    """`cand_anniversary()`: the count in the plan's year, or in the year given."""

    def count(in_year: int | None = None) -> int:
        chosen = in_year if in_year is not None else year
        if chosen is None:
            _needs_year()
        return anniversary(founded, chosen)

    return count


def _raw_date(value: Any) -> tuple[int | None, int | None, int | None] | None:
    from ..model.timeline import parse_day

    try:
        value = parse_day(value)
    except ValueError:
        return None
    if isinstance(value, dt.date):
        return (value.day, value.month, value.year)
    if isinstance(value, dict) and isinstance(value.get("year", None), int | None):
        day, month, year = value.get("day"), value.get("month"), value.get("year")
        return (
            day if isinstance(day, int) else None,
            month if isinstance(month, int) else None,
            year,
        )
    return None
