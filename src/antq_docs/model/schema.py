"""The JSON Schema of the plan format, as committed in schema/plan.schema.json."""

from __future__ import annotations

import json

__all__ = ["schema_dict", "schema_json"]


def schema_dict(which: str = "plan") -> dict:
    """The JSON Schema of a plan, or of an organisation profile (`which="org"`)."""
    if which == "org":
        from .org import Org as model
    else:
        from .plan import Plan as model
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://antq.invalid/schema/{which}.schema.json"
    if which == "plan":
        # Inheritance keys are read by the loader before validation.
        schema["properties"]["org"] = {"type": "string", "description": "Path of the "
                                       "organisation profile (org.yaml) this plan uses."}
        schema["properties"]["extends"] = {"type": "string", "description": "Path of a base "
                                           "plan of the same kind that this plan overrides."}
        schema["patternProperties"] = {r"^[a-z_]+[+-]$": {"description": "KEY+: append to "
                                       "the inherited list; KEY-: remove entries (or true: "
                                       "the key)."}}
        # Any key may come from the profile or a base plan: `antq validate` checks the
        # merged plan; the schema can only check what is written.
        schema.pop("required", None)
    return schema


def schema_json(which: str = "plan") -> str:
    return json.dumps(schema_dict(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
