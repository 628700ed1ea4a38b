"""Rules and the findings they produce."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from ..i18n import N_, _

Severity = Literal["error", "warning"]
SEVERITY_WORDS = (N_("error"), N_("warning"))  # how a severity is shown: _(severity)
Certainty = Literal["certain", "estimate"]


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

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def counts(self) -> bool:
        """Whether the finding makes the exit code 1 (without --strict)."""
        return self.severity == "error" and self.certainty == "certain"

    def __str__(self) -> str:
        excerpt = f" «{self.excerpt}»" if self.excerpt else ""
        judged = _(" (estimate)") if self.certainty == "estimate" else ""
        return (f"[{self.rule}] {_(self.severity)}{judged} ({self.clause}) {self.where}"
                f"{excerpt}: {self.message}")


@dataclass(frozen=True)
class Rule:
    """A stable id, the clause it enforces, and a function that yields findings as
    (where, excerpt, message) or (where, excerpt, message, certainty)."""

    id: str
    severity: Severity
    clause: str
    title: str
    check: Callable[..., Iterable[tuple]]

    def run(self, parts) -> list[Finding]:
        out = []
        for found in self.check(parts):
            where, excerpt, message, *rest = found
            out.append(Finding(self.id, self.severity, self.clause, where, excerpt, message,
                               rest[0] if rest else "certain"))
        return out
