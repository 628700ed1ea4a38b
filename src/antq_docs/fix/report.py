"""What `antq fix` tells a person about one document, in the same sentences on the command
line and on the page (`antq serve`): each change, what could not be fixed, a document that
grew by a page, what needs a person, and the summary line."""

from __future__ import annotations

from ..i18n import _
from . import FixResult

__all__ = ["change_lines", "failed_lines", "grown_line", "person_lines", "summary_line"]


def change_lines(file: object, result: FixResult) -> list[str]:
    return [f"{file}: [{change.rule}] {change.where}: {change.what}" for change in result.changes]


def failed_lines(file: object, result: FixResult) -> list[str]:
    return [
        _("{file}: could not fix {problem}").format(file=file, problem=problem)
        for problem in result.failed
    ]


def grown_line(file: object, result: FixResult) -> str | None:
    """Said when LibreOffice counted more pages after the fix than before."""
    if result.pages is None or not result.grew:
        return None
    return _(
        "{file}: the fixed document prints on {after} pages, the original on "
        "{before}: check its page breaks before you send it"
    ).format(file=file, before=result.pages[0], after=result.pages[1])


def person_lines(file: object, result: FixResult) -> list[str]:
    return [
        _("{file}: needs a person: {finding}").format(file=file, finding=finding)
        for finding in result.needs_person + result.not_fixed
    ]


def summary_line(file: object, result: FixResult) -> str:
    return _(
        "{file}: {kind}: {before} finding(s) before, {after} after; {changes} change(s)"
    ).format(
        file=file,
        kind=result.recognised,
        before=len(result.before),
        after=len(result.after),
        changes=len(result.changes),
    )
