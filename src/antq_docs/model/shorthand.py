"""Shorthands a clerk writes instead of a full object, and the schema entries that allow them."""

from __future__ import annotations

from typing import Any, Union

from pydantic import BeforeValidator

__all__ = ["expand", "DAY_PATTERN", "DAY_SCHEMA"]

DAY_PATTERN = r"^\d{1,2}/\d{1,2}/\d{4}$"
#: A day as clerks type it (19/8/2025) or as YAML's ISO form (2025-08-19).
DAY_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "string", "pattern": DAY_PATTERN}, {"type": "string", "format": "date"}],
    "description": "A day: 19/8/2025 or 2025-08-19.",
}


def expand(key: str, model: Any) -> BeforeValidator:
    """Accept a bare string where an object with `key` is expected (and say so in the schema)."""

    def to_object(value: Any) -> Any:
        return (
            {key: value} if isinstance(value, str | int) and not isinstance(value, bool) else value
        )

    # Union, not |: `model` may be a forward reference given by name ("Item").
    return BeforeValidator(to_object, json_schema_input_type=Union[str, model])  # noqa: UP007
