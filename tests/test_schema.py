"""The committed JSON Schema accepts every example and fixture, as an editor would read them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from .helpers import EXAMPLES, FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "schema" / "plan.schema.json").read_text("utf-8"))
PLANS = EXAMPLES + [FIXTURES / "minimal.yaml", FIXTURES / "with-appendix.yaml"]
ORG_SCHEMA = json.loads((ROOT / "schema" / "org.schema.json").read_text("utf-8"))
ORGS = sorted((ROOT / "examples" / "orgs").glob("*.yaml"))


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
    assert any("'subjct'" in m for m in messages)


def test_schema_accepts_inheritance_keys():
    data = {
        "extends": "base.yaml",
        "org": "org.yaml",
        "recipients+": ["Sở Tài chính"],
        "subject": "Kế hoạch",
    }
    assert not list(Draft202012Validator(SCHEMA).iter_errors(data))


@pytest.mark.parametrize("org", ORGS, ids=[p.stem for p in ORGS])
def test_org_schema_accepts_profiles(org):
    data = _as_editor_sees(yaml.safe_load(org.read_text("utf-8")))
    assert not list(Draft202012Validator(ORG_SCHEMA).iter_errors(data))


def test_committed_org_schema_is_current():
    from antq_docs.model.schema import schema_json

    assert (ROOT / "schema" / "org.schema.json").read_text("utf-8") == schema_json("org")
