"""YAML's syntax errors in a clerk's words: what is wrong on the line and what to type.

libyaml and PyYAML word their errors alike but not the same, and neither knows what a plan
is; the hints here look at the line itself (a tab, an indent that matches no key above,
`{{ }}` left unquoted) and say which key the line belongs under.
"""

from __future__ import annotations

import re

from ..i18n import _

__all__ = ["syntax_message", "unquoted_expression"]

_KEY_LINE = re.compile(r"^( *)(?:- +)?([^\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(?:\s|$)")


def syntax_message(problem: str, lines: list[str], line: int, column: int) -> str:
    """The message for a parser error at 1-based `line`, `column` of `lines`."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if (
        "\t" in text[: max(column, 1)]
        or "found character '\\t'" in problem
        or (text[column - 1 : column] == "\t")
    ):
        return _("tab: indent with spaces (YAML does not accept tabs), as the lines above are")
    key = _KEY_LINE.match(text)
    if "mapping values are not allowed" in problem and key and column > key.end():
        # a colon in the value itself, «text: Thời gian: tháng 8» or «… như sau:»
        if not text[column - 1 :].strip(": "):
            return _("a value that ends with ':' must be in quotes: write \"… như sau:\"")
        return _("': ' inside a value — put the whole value in quotes")
    indent = _indent_hint(lines, line)
    if indent and any(
        words in problem
        for words in (
            "mapping values are not allowed",
            "did not find expected key",
            "expected <block end>",
            "could not find expected ':'",
            "did not find expected '-'",
        )
    ):
        return indent
    if "{{" in text and (
        "flow" in problem or "expected ','" in problem or "did not find expected" in problem
    ):
        return unquoted_expression()
    if "mapping values are not allowed" in problem:
        return _("': ' inside a value — put the whole value in quotes")
    if "could not find expected ':'" in problem:
        return _("YAML syntax: {problem} — every line of a mapping needs 'key: value'").format(
            problem=problem
        )
    return _("YAML syntax: {problem}").format(problem=problem)


def unquoted_expression() -> str:
    return _(
        '`{{ … }}` at the start of a value must be in quotes: write "{{ vars.name }}" '
        "(unquoted, YAML reads '{' as the start of a group; in a [list] quote each entry)"
    )


def _indent_hint(lines: list[str], line: int) -> str:
    """For a key indented so that it belongs to no key above: which key it can go under,
    and with how many spaces."""
    match = _KEY_LINE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not match:
        return ""
    indent, key = len(match[1]), match[2].strip("'\"")
    above = [(len(m[1]), m[2].strip("'\"")) for m in map(_KEY_LINE.match, lines[: line - 1]) if m]
    parent = next(((i, k) for i, k in reversed(above) if i < indent), None)
    if indent == 0:
        return ""  # at the left edge: the indentation is not what is wrong
    if parent is None:
        return _(
            "'{key}' is indented {spaces} spaces; a top-level key starts at the left edge"
        ).format(key=key, spaces=indent)
    position = max(n for n, entry in enumerate(above) if entry == parent)
    children = [(i, k) for i, k in above[position + 1 :] if i > parent[0]]
    if not children:
        parent_line = next(
            candidate
            for candidate in reversed(lines[: line - 1])
            if (m := _KEY_LINE.match(candidate))
            and len(m[1]) == parent[0]
            and m[2].strip("'\"") == parent[1]
        )
        if not parent_line.split(":", 1)[1].split("#")[0].strip():
            return ""  # its first child: nothing to compare the indent with
        return _(
            "'{key}' is indented {spaces} spaces, under '{parent}', which already has "
            "a value on its line: put '{parent}:' alone on its line, or indent "
            "'{key}' as '{parent}' is ({parent_spaces} spaces)"
        ).format(key=key, spaces=indent, parent=parent[1], parent_spaces=parent[0])
    sibling = children[0]
    if indent == sibling[0]:
        return ""  # lined up with its siblings: something else on the line is wrong
    return _(
        "'{key}' is indented {spaces} spaces, which matches no key above: to put it "
        "under '{parent}', indent it {child_spaces} spaces like '{sibling}'"
    ).format(key=key, spaces=indent, parent=parent[1], child_spaces=sibling[0], sibling=sibling[1])
