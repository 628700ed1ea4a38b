"""Rules, the hits their checks yield, and the findings made of them.

A rule's check yields typed `Hit`s: the line it judged (or None for the document or a
section), the place a clerk can find it, an excerpt, the message, and whatever its fixer
needs to correct it (`data`). `antq check` turns hits into `Finding`s; `antq fix` hands the
same hits to the rule's fixer, so the fixer does not work out again what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ..inspect.docx_read import Para
from ..i18n import N_, _

Severity = Literal["error", "warning"]
SEVERITY_WORDS = (N_("error"), N_("warning"))  # how a severity is shown: _(severity)
Certainty = Literal["certain", "estimate"]


@dataclass(frozen=True)
class Hit:
    """One departure a rule's check found, as its fixer needs it."""

    para: Para | None  # the line judged; None: the document, a section, a header
    where: str
    excerpt: str
    message: str
    certainty: Certainty = "certain"
    data: Any = None  # rule-specific: what the fixer needs (a section number, a target)


Found = Iterator[Hit]


@dataclass(frozen=True)
class Finding:
    """One departure from the decree, located well enough to find it in Word."""

    rule: str
    severity: Severity
    clause: str
    where: str  # "header, left column", "body, II.1, paragraph 3", "Nơi nhận, line 4", …
    excerpt: str
    message: str  # what is wrong and what it should be
    # "certain": read from the file; "estimate": judged from a layout antq estimates without
    # Word (a rule's length, a page count). An estimate alone does not fail `antq check`.
    certainty: Certainty = "certain"

    @classmethod
    def of(cls, rule: Rule, hit: Hit) -> Finding:
        return cls(
            rule.id, rule.severity, rule.clause, hit.where, hit.excerpt, hit.message, hit.certainty
        )

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def counts(self) -> bool:
        """Whether the finding makes the exit code 1 (without --strict)."""
        return self.severity == "error" and self.certainty == "certain"

    def __str__(self) -> str:
        excerpt = f" «{self.excerpt}»" if self.excerpt else ""
        judged = _(" (estimate)") if self.certainty == "estimate" else ""
        return (
            f"[{self.rule}] {_(self.severity)}{judged} ({self.clause}) {self.where}"
            f"{excerpt}: {self.message}"
        )


@dataclass(frozen=True)
class Rule:
    """A stable id, the clause it enforces, a check that yields its hits, and the fixer
    that corrects them. check/ never sets `fix` (it does not import fix/): fix/registry.py
    pairs each check with the fixer declared for it."""

    id: str
    severity: Severity
    clause: str
    title: str
    check: Callable[[Any], Iterable[Hit]]  # Parts -> hits
    fix: Callable[[Any, list[Hit]], None] | None = None  # (FixContext, hits)

    def hits(self, parts: Any) -> list[Hit]:
        return list(self.check(parts))

    def run(self, parts: Any) -> list[Finding]:
        return [Finding.of(self, hit) for hit in self.check(parts)]
