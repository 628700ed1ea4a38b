"""Problems found in a plan, and the exception that carries them.

A `Problem` knows where it is (file, line, column, field path) so that a clerk can go
straight to it. `PlanError` carries every problem found in one pass; both pickle cleanly
because batch workers send them back across process boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Problem", "PlanError", "OutputError", "MessageError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a plan, located as precisely as the source allows."""

    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    path: str = ""  # dotted field path, e.g. "sections[2].items[0].time"
    message: str = ""
    severity: str = field(default="error", compare=False)  # "error" or "warning"

    def __str__(self) -> str:
        """FILE:LINE:COL: [warning:] place: message — the place in the words of the
        document («mục II.1, ý thứ 3») before the field path, which stays as typed."""
        from .i18n import _
        from .plan_places import place_in_words

        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        words = place_in_words(self.path) if self.path else ""
        label = f"{words} [{self.path}]: " if words else f"{self.path}: " if self.path else ""
        prefix = _("warning: ") if self.severity == "warning" else ""
        return f"{where}: {prefix}{label}{self.message}"


class PlanError(Exception):
    """A plan that cannot be rendered; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        return (type(self), (self.problems,))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


class OutputError(Exception):
    """The output file cannot be written (or must not be overwritten)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")

    def __reduce__(self):
        return (type(self), (self.path, self.message))


class MessageError(Exception):
    """An error that is one sentence for the clerk; pickles for batch workers."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)

    def __reduce__(self):
        return (type(self), (self.message,))
