"""The committed JSON Schema accepts every example and fixture, as an editor would read them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from .conftest import EXAMPLES, FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "schema" / "plan.schema.json").read_text("utf-8"))
PLANS = EXAMPLES + [FIXTURES / "minimal.yaml", FIXTURES / "with-appendix.yaml"]


def _as_editor_sees(value):
    """YAML 1.2 (the language server) keeps 2024-04-04 as text; PyYAML makes it a date."""
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_schema_accepts_plan(plan):
    data = _as_editor_sees(yaml.safe_load(plan.read_text("utf-8")))
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_rejects_a_misspelt_key():
    data = _as_editor_sees(yaml.safe_load((FIXTURES / "minimal.yaml").read_text("utf-8")))
    data["subjct"] = data.pop("subject")
    messages = [e.message for e in Draft202012Validator(SCHEMA).iter_errors(data)]
    assert any("subjct" in m for m in messages) and any("subject" in m for m in messages)
