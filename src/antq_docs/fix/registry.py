"""Which fixer corrects which rule. The layering is inspect → check → fix: check/ does not
import fix/, so a rule cannot name its fixer there. Instead each fixer declares the rule it
corrects, by the rule's check function (`@fixes(top_rules.motto_format)` in the fixer
modules), and this module pairs them: RULES is check.rules.RULES with each rule's `fix`
set, and FIXERS (rule id → fixer) is derived from it, never typed a second time.

Adding a rule with its fixer: its row in check/rules.py, its check in a *_rules.py module,
its fixer with `@fixes(check)` in the matching *_fixes.py module (header, body, page), and
its seeded defect in the tests; the decree's numbers go to nd30/ if they are new.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Any

from ..check.findings import Rule
from ..check.rules import RULES as CHECKED
from . import body_fixes, header_fixes, page_fixes
from .context import Fixer

__all__ = ["RULES", "FIXERS"]

_FIXER_MODULES: tuple[ModuleType, ...] = (header_fixes, body_fixes, page_fixes)


def _declared() -> dict[Any, Fixer]:
    """check function → the fixer that declares it corrects that check's rule."""
    found: dict[Any, Fixer] = {}
    for module in _FIXER_MODULES:
        for value in vars(module).values():
            check = getattr(value, "fixes", None)
            if callable(value) and check is not None:
                if check in found and found[check] is not value:
                    raise TypeError(f"two fixers for {check.__name__}")
                found[check] = value
    checks = {rule.check for rule in CHECKED}
    orphans = [fixer.__name__ for check, fixer in found.items() if check not in checks]
    if orphans:
        raise TypeError(f"fixers of no rule: {', '.join(orphans)}")
    return found


_FIXER_OF = _declared()
#: The rules of `antq check`, each with the fixer that corrects it (or None).
RULES: tuple[Rule, ...] = tuple(replace(rule, fix=_FIXER_OF.get(rule.check)) for rule in CHECKED)
#: rule id → fixer, for the rules that `antq fix` corrects, in the order of the rules.
FIXERS: dict[str, Fixer] = {rule.id: rule.fix for rule in RULES if rule.fix}
