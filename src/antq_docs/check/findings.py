"""Rules and the findings they produce."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One departure from the decree, located well enough to find it in Word."""

    rule: str
    severity: Severity
    clause: str
    where: str  # "paragraph 12", "table 1, row 2, cell 1", "section 1", "document"
    excerpt: str
    message: str  # what is wrong and what it should be

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    def __str__(self) -> str:
        excerpt = f" «{self.excerpt}»" if self.excerpt else ""
        return (f"[{self.rule}] {self.severity} ({self.clause}) {self.where}{excerpt}: "
                f"{self.message}")


@dataclass(frozen=True)
class Rule:
    """A stable id, the clause it enforces, and a function that yields findings."""

    id: str
    severity: Severity
    clause: str
    title: str
    check: Callable[..., Iterable[tuple[str, str, str]]]  # (where, excerpt, message)

    def run(self, parts) -> list[Finding]:
        return [Finding(self.id, self.severity, self.clause, where, excerpt, message)
                for where, excerpt, message in self.check(parts)]
