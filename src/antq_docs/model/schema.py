"""The JSON Schema of the plan format, as committed in schema/plan.schema.json."""

from __future__ import annotations

import json

__all__ = ["schema_dict", "schema_json", "SCHEMA_ID"]

SCHEMA_ID = "https://antq.invalid/schema/plan.schema.json"


def schema_dict() -> dict:
    from .plan import Plan

    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def schema_json() -> str:
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
