"""The JSON Schema of the plan format, as committed in schema/plan.schema.json."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..i18n import N_, gettext_in

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["schema_dict", "schema_json"]

_ORG = N_("Path of the organisation profile (org.yaml) this plan uses.")
_EXTENDS = N_("Path of a base plan of the same kind that this plan overrides.")
_ROOT = {
    "plan": N_("A plan (Kế hoạch) that `antq render` lays out to Nghị định 30."),
    "org": N_("An organisation profile that `antq new` and `antq batch` fill plans from."),
}
_INHERIT = N_("KEY+: append to the inherited list; KEY-: remove entries (or true: the key).")


def schema_dict(which: str = "plan") -> dict:
    """The JSON Schema of a plan, or of an organisation profile (`which="org"`)."""
    model: type[BaseModel]
    if which == "org":
        from .org import Org as model
    else:
        from .plan import Plan as model
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://antq.invalid/schema/{which}.schema.json"
    if which == "plan":
        # Inheritance keys are read by the loader before validation.
        schema["properties"]["org"] = {"type": "string", "description": _ORG}
        schema["properties"]["extends"] = {"type": "string", "description": _EXTENDS}
        schema["patternProperties"] = {r"^[a-z_]+[+-]$": {"description": _INHERIT}}
        # Any key may come from the profile or a base plan: `antq validate` checks the
        # merged plan; the schema can only check what is written.
        schema.pop("required", None)
    _in_vietnamese(schema)
    schema["description"] = gettext_in("vi", _ROOT[which])
    schema["x-description-en"] = _ROOT[which]
    return schema


def _in_vietnamese(schema: dict) -> None:
    """Editors show `title` and `description` on hover: both are Vietnamese, with the
    English kept in `x-title-en` and `x-description-en` for whoever needs it."""
    from ..key_names import KEY_NAMES

    def describe(node: dict) -> None:
        if "description" in node:
            english = node["description"]
            node["x-description-en"] = english
            node["description"] = gettext_in("vi", english)

    for holder in schema.get("$defs", {}).values():
        # a model's docstring, for developers: hover text comes from the keys
        if "description" in holder:
            holder["x-description-en"] = holder.pop("description")
    for holder in [schema, *schema.get("$defs", {}).values()]:
        for key, node in holder.get("properties", {}).items():
            english_title = node.get("title") or key.replace("_", " ").capitalize()
            node["x-title-en"] = english_title
            node["title"] = KEY_NAMES.get(key, english_title)
            describe(node)
        for node in holder.get("patternProperties", {}).values():
            describe(node)


def schema_json(which: str = "plan") -> str:
    return json.dumps(schema_dict(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
