"""Pydantic's errors, reworded for clerks and placed on the line they concern."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..errors import Problem
from ..i18n import N_, _
from ..load.yaml_source import Source

__all__ = ["problems_from_pydantic"]


def problems_from_pydantic(
    errors: Sequence[ErrorDetails], source: Source, root: type[BaseModel]
) -> list[Problem]:
    problems: dict[tuple, Problem] = {}
    for error in errors:
        # "~…" are the tags of unions that choose their shape (model/plan.py: Deadline)
        loc = tuple(
            part for part in error["loc"] if not (isinstance(part, str) and part.startswith("~"))
        )
        kind = error["type"]
        if kind == "extra_forbidden":
            parent = loc[:-1]
            key = str(loc[-1])
            where = source.problem(loc, "", key=True)
            operator = _operator_written(where, key)
            problem = source.problem(
                loc, _unknown_key(key, _fields_at(root, parent), operator), key=True
            )
        elif kind == "missing":
            field = str(loc[-1])
            # What the key is, not how to use it: the first clause of its description.
            hint = _description(root, loc).split(";")[0].rstrip(".")
            message = _("'{key}' is missing: add `{key}:`").format(key=field)
            if hint:
                message += f" — {hint}."
            problem = source.problem(loc[:-1], message, key=True)
            problem = Problem(
                problem.file, problem.line, problem.column, _join(loc), problem.message
            )
        elif kind == "string_type" and error.get("input") is None:
            problem = source.problem(loc, _left_empty(root, loc))
        elif kind == "string_type" and isinstance(error.get("input"), int | float):
            problem = source.problem(
                loc,
                _(
                    'should be text, but {value} is read as a number: put it in quotes, "{value}"'
                ).format(value=error["input"]),
            )
        else:
            problem = source.problem(loc, _reword(kind, error))
        problems.setdefault((problem.line, problem.column, problem.path), problem)
    return list(problems.values())


_EMPTY_SUBJECT = N_(
    "is left empty: write the trích yếu, the line under «KẾ HOẠCH» that says in a few words "
    "what the plan is about, e.g. «Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026»"
)


def _left_empty(root: type[BaseModel], loc: tuple) -> str:
    """«subject:» with nothing after it: that it is empty, and what the key holds."""
    if loc == ("subject",):
        return _(_EMPTY_SUBJECT)
    hint = _description(root, loc).split(";")[0].rstrip(".")
    return _("is left empty: write it after the colon") + (f" — {hint}." if hint else "")


def _join(loc: tuple) -> str:
    from ..load.yaml_source import format_path

    return format_path(loc)


def _operator_written(where: Problem, key: str) -> str:
    """'+' or '-' when the key stands in its file as an append or remove form
    («recipents+:»): merging has taken the sign off, the file still has it."""
    from ..files import read_input
    from ..load.yaml_source import MAX_FILE_BYTES

    try:
        text = read_input(Path(where.file), MAX_FILE_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
    lines = text.splitlines()
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    written = line[max(where.column - 1, 0) :].lstrip("'\"")
    sign = written[len(key) : len(key) + 1] if written.startswith(key) else ""
    return sign if sign in ("+", "-") else ""


def _unknown_key(key: str, allowed: list[str], operator: str = "") -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return _("unknown key '{key}' — did you mean '{close}'?").format(
            key=key + operator, close=close[0] + operator
        )
    if allowed:
        return _("unknown key '{key}'; the keys allowed here are: {keys}").format(
            key=key, keys=", ".join(allowed)
        )
    return _("unknown key '{key}'").format(key=key)


_WHOLE_NUMBER = N_("should be a whole number")
_NUMBER = N_("should be a number")
_YES_NO = N_("should be true or false")
_DATE = N_("should be a date such as 19/8/2025")
_GROUP = N_("should be a group of 'key: value' lines")
_TYPE_WORDS = {
    "string_type": N_("should be text"),
    "int_type": _WHOLE_NUMBER,
    "int_parsing": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "bool_type": _YES_NO,
    "bool_parsing": _YES_NO,
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "list_type": N_("should be a list (one '- ' line per entry)"),
    "model_type": _GROUP,
    "dict_type": _GROUP,
    "model_attributes_type": _GROUP,
    "too_short": N_("needs at least one entry"),
    "string_too_short": N_("cannot be empty"),
}
# Bounds and choices, with pydantic's context values filled in.
_BOUND_WORDS = {
    "greater_than_equal": (N_("should be at least {bound}"), "ge"),
    "greater_than": (N_("should be more than {bound}"), "gt"),
    "less_than_equal": (N_("should be at most {bound}"), "le"),
    "less_than": (N_("should be less than {bound}"), "lt"),
    "literal_error": (N_("should be one of: {bound}"), "expected"),
    "enum": (N_("should be one of: {bound}"), "expected"),
}


def _reword(kind: str, error: ErrorDetails) -> str:
    given = error.get("input")
    shown = (
        _(" (found {value!r})").format(value=given)
        if isinstance(given, str | int | float | bool)
        else ""
    )
    if kind in _TYPE_WORDS:
        return _(_TYPE_WORDS[kind]) + ("" if kind.startswith(("too_", "string_too")) else shown)
    if kind in _BOUND_WORDS:
        words, key = _BOUND_WORDS[kind]
        bound = (error.get("ctx") or {}).get(key, "")
        if key == "expected":
            bound = str(bound).replace(" or ", ", ")
        return _(words).format(bound=bound) + shown
    message = str(error.get("msg", ""))
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    if message.startswith("Input should be"):
        return "should be" + message[len("Input should be") :] + shown
    return message[:1].lower() + message[1:]


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside list[...] / X | None / Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType, dict):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = _field(model, str(part))
        model = _unwrap(field.annotation) if field else None
    return model


def _field(model: type[BaseModel], name: str):
    for field_name, field in model.model_fields.items():
        if name in (field_name, field.alias):
            return field
    return None


def _fields_at(root: type[BaseModel], loc: tuple) -> list[str]:
    model = _model_at(root, loc)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _description(root: type[BaseModel], loc: tuple) -> str:
    model = _model_at(root, loc[:-1])
    field = _field(model, str(loc[-1])) if model else None
    return _(field.description) if field and field.description else ""
