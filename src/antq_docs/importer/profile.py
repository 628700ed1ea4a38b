"""`--org org.yaml`: what the profile already says is left out of the plan, so that the plan
holds only what differs (the issuer's fixed parts, the signature, recipients, filing)."""

from __future__ import annotations

from typing import Any

from ..i18n import _
from .notes import Notes

__all__ = ["leave_out_profile"]

_ISSUER_KEYS = ("parent", "name", "symbol", "place", "short_name")


def leave_out_profile(plan: dict[str, Any], org: dict[str, Any], notes: Notes) -> None:
    issuer, given = plan.get("issuer", {}), org.get("issuer", {}) or {}
    for key in _ISSUER_KEYS:
        if key in issuer and issuer[key] == given.get(key):
            del issuer[key]
    for key in ("signature", "recipients", "filing", "after_filing"):
        if key in plan and plan[key] == org.get(key):
            del plan[key]
            notes.add((), _("`{key}` is the profile's").format(key=key))
