"""Safe YAML loading that remembers the line and column of every key and value.

PyYAML's constructors forget positions and silently keep the last of two duplicate
keys, so we compose the node graph (with the C parser where available) and build the
plain data ourselves. Only the YAML core types are constructed: no tags that run code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import PlanError, Problem
from ..files import read_input
from ..i18n import _
from ..reasons import reason
from .yaml_messages import syntax_message, unquoted_expression

__all__ = [
    "Source",
    "load_source",
    "load_text",
    "format_path",
    "read_input",
    "control_character",
]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Limits against hostile or runaway input (plans are mailed between offices).
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64  # plans nest a dozen levels at most; this keeps recursion far from Python's limit

PathKey = tuple[str | int, ...]
_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_PLAIN_SCALAR_TAGS = tuple(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value")
)
# Characters XML 1.0 cannot hold (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone
# surrogates): a DOCX with one is unreadable, so they are refused where they are typed.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def control_character(text: str) -> str | None:
    """What to say about a character of `text` that a document cannot hold, or None; the
    same check for every text typed anywhere (plans, profiles, table cells)."""
    bad = _UNPRINTABLE.search(text)
    if bad is None:
        return None
    return _(
        "the text holds a control character (U+{code}) that a document cannot contain; delete it"
    ).format(code=f"{ord(bad[0]):04X}")


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def format_path(path: PathKey) -> str:
    """("sections", 2, "title") -> "sections[2].title"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class Source:
    """Plain data from one file plus a map from field paths to (line, column)."""

    file: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    normalised: list[PathKey] = field(default_factory=list)  # strings changed to NFC
    # After `extends:`/`org:` merging, the file each inherited value came from.
    origins: dict[PathKey, str] = field(default_factory=dict)

    def _find(self, path: PathKey, key: bool) -> PathKey | None:
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while True:
            if probe in table or (key and probe in self.positions):
                return probe
            if not probe:
                return None
            probe = probe[:-1]

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        found = self._find(path, key)
        if found is None:
            return (1, 1)
        if key and found in self.key_positions:
            return self.key_positions[found]
        return self.positions[found]

    def file_of(self, path: PathKey, *, key: bool = False) -> str:
        found = self._find(path, key)
        return self.origins.get(found, self.file) if found is not None else self.file

    def problem(
        self, path: PathKey, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        line, col = self.locate(path, key=key)
        return Problem(self.file_of(path, key=key), line, col, format_path(path), message, severity)


class _Builder:
    def __init__(self, source: Source):
        self.source = source
        self.constructor = SafeConstructor()
        self.problems: list[Problem] = []
        self.count = 0

    def mark(self, node: Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: PathKey) -> Any:
        if len(path) > MAX_DEPTH:
            where = format_path(path[:8]) + "…"
            raise PlanError([Problem(self.source.file, *self.mark(node), where, _too_deep())])
        self.count += 1
        if self.count > MAX_NODES:
            raise PlanError(
                [Problem(self.source.file, *self.mark(node), format_path(path), _too_many())]
            )
        self.source.positions[path] = self.mark(node)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if node.tag not in _PLAIN_COLLECTION_TAGS:
            return self.refuse(node, path, _unsupported(node.tag))
        if isinstance(node, MappingNode) and node.flow_style and self.opens_expression(node):
            return self.refuse(node, path, unquoted_expression())
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self.refuse(node, path, _unsupported(node.tag))  # PyYAML makes no other node

    def scalar(self, node: ScalarNode, path: PathKey) -> Any:
        if node.tag not in _PLAIN_SCALAR_TAGS:  # !!binary, !!python/…: nothing a plan holds
            return self.refuse(node, path, _unsupported(node.tag))
        try:
            value = self.constructor.construct_object(node, deep=True)
        except ConstructorError:
            return self.refuse(node, path, _unsupported(node.tag))
        except ValueError as exc:  # e.g. 2026-02-30: a timestamp that is no real date
            return self.refuse(
                node,
                path,
                _("'{value}' is not a real date ({reason})").format(value=node.value, reason=exc),
            )
        if isinstance(value, str):
            unprintable = control_character(value)
            if unprintable:
                return self.refuse(node, path, unprintable)
            nfc = unicodedata.normalize("NFC", value)
            if nfc != value:
                self.source.normalised.append(path)
                value = nfc
        return value

    def flatten(self, node: MappingNode, path: PathKey, seen: int = 0) -> None:
        """Resolve "<<" merge keys as PyYAML does, counting every merged pair against the
        value limit as it goes: nested merges of one anchor double at each level."""
        merged: list = []
        own: list = []
        for key_node, value_node in node.value:
            if key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.tag == "tag:yaml.org,2002:value":
                    key_node.tag = "tag:yaml.org,2002:str"
                own.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            batches = []
            for source in sources:
                if not isinstance(source, MappingNode):
                    raise PlanError(
                        [
                            Problem(
                                self.source.file,
                                *self.mark(source),
                                format_path(path),
                                _("'<<' merges mappings only"),
                            )
                        ]
                    )
                self.flatten(source, path, seen)
                batches.append(source.value)
            for batch in reversed(batches):
                merged.extend(batch)
                self.count += len(batch)
                if self.count > MAX_NODES:
                    raise PlanError(
                        [
                            Problem(
                                self.source.file,
                                *self.mark(node),
                                format_path(path),
                                _(
                                    "the file has more than {count:,} values once its '<<' "
                                    "merges are "
                                    "expanded; remove repeated anchors"
                                ).format(count=MAX_NODES),
                            )
                        ]
                    )
        node.value = merged + own
        node.antq_merged = len(merged)  # type: ignore[attr-defined]  # read by mapping()

    def refuse(self, node: Node, path: PathKey, message: str) -> None:
        self.problems.append(
            Problem(self.source.file, *self.mark(node), format_path(path), message)
        )

    def opens_expression(self, node: MappingNode) -> bool:
        """`{{ x }}` typed without quotes: YAML reads a group holding a group."""
        buffer = node.start_mark.buffer
        if buffer is not None:
            start = node.start_mark.pointer
            return buffer[start : start + 2] == "{{"
        return bool(node.value) and isinstance(node.value[0][0], MappingNode)

    def mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        self.flatten(node, path)  # resolves "<<" merge keys
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        merged = getattr(node, "antq_merged", 0)
        for index, (key_node, value_node) in enumerate(node.value):
            key = self.scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.problems.append(
                    Problem(
                        self.source.file,
                        *self.mark(key_node),
                        format_path(path),
                        _(
                            "a key must be a word, not {key!r}; put it in quotes if it is meant as "
                            "text"
                        ).format(key=key),
                    )
                )
                continue
            child = path + (key,)
            if index < merged:  # merged pairs override each other, as in YAML: no duplicate
                self.source.key_positions[child] = self.mark(key_node)
                result[key] = self.build(value_node, child)
                continue
            if key in first_seen:
                line, col = first_seen[key]
                self.problems.append(
                    Problem(
                        self.source.file,
                        *self.mark(key_node),
                        format_path(child),
                        _(
                            "duplicate key '{key}' (first given at line {line}); keep one of "
                            "them — "
                            "YAML would silently use the last"
                        ).format(key=key, line=line),
                    )
                )
                continue
            first_seen[key] = self.mark(key_node)
            self.source.key_positions[child] = self.mark(key_node)
            result[key] = self.build(value_node, child)
        return result


def load_text(text: str, file: str = "<plan>") -> Source:
    """Parse YAML text; raise PlanError listing every syntax or key problem."""
    source = Source(file=file, data=None)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise PlanError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    _("the file is larger than {limit} MB; a plan is never that long").format(
                        limit=limit
                    ),
                )
            ]
        )
    _refuse_deep_nesting(text, file)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = syntax_message(exc.problem or "invalid YAML", text.splitlines(), line, col)
        raise PlanError([Problem(file, line, col, "", what)]) from None
    except yaml.YAMLError as exc:  # reader errors (bad characters) carry no mark
        raise PlanError([Problem(file, 1, 1, "", f"YAML: {exc}")]) from None
    if root is None:
        raise PlanError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    _("the file is empty; start from `antq new` or an example in examples/"),
                )
            ]
        )
    builder = _Builder(source)
    source.data = builder.build(root, ())
    if builder.problems:
        raise PlanError(builder.problems)
    return source


_OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _refuse_deep_nesting(text: str, file: str) -> None:
    """Count nesting and values from the scanner's tokens, which come one at a time, before
    the composer sees the text: it recurses once per level (25,000 levels would exhaust the
    stack and end the process without a word) and builds a heavy node per value."""
    try:
        _count_tokens(text, file, _Loader)
    except yaml.YAMLError:
        if _Loader is yaml.SafeLoader:
            return  # a syntax error: compose reports it with its place
        # libyaml looks ahead and may stop on a limit of its own (PyYAML 6.0.4 caps nesting)
        # before it has handed over the tokens that would reach ours: the pure-Python
        # scanner hands them over one at a time, so antq's limit speaks first.
        try:
            _count_tokens(text, file, yaml.SafeLoader)
        except yaml.YAMLError:
            return


def _count_tokens(text: str, file: str, loader: type) -> None:
    """Raise antq's PlanError at the first value past a limit, YAMLError at a syntax error."""
    depth = 0
    scalars = 0
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, yaml.ScalarToken):
            scalars += 1  # each costs a node of about a kilobyte when composed
            if scalars > MAX_NODES:
                mark = token.start_mark
                raise PlanError([Problem(file, mark.line + 1, mark.column + 1, "", _too_many())])
        elif isinstance(token, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                raise PlanError([Problem(file, mark.line + 1, mark.column + 1, "", _too_deep())])
        elif isinstance(token, _CLOSING):
            depth -= 1


def load_source(path: str | Path) -> Source:
    """Read a plan file as UTF-8 (a BOM from Windows Notepad is accepted)."""
    path = Path(path)
    try:
        raw = read_input(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise PlanError(
            [
                Problem(
                    str(path),
                    0,
                    0,
                    "",
                    _("cannot read the file: {reason}").format(reason=reason(exc)),
                )
            ]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(
            [
                Problem(
                    str(path),
                    line,
                    1,
                    "",
                    _(
                        "the file is not UTF-8; save it as 'UTF-8' in your editor (Notepad: Save "
                        "as → "
                        "Encoding)"
                    ),
                )
            ]
        ) from None
    return load_text(text, str(path))


def _too_many() -> str:
    return _("the file has more than {count:,} values; a plan never has that many").format(
        count=MAX_NODES
    )


def _too_deep() -> str:
    return _(
        "values are nested more than {depth} levels deep; a plan never needs that many"
    ).format(depth=MAX_DEPTH)


def _unsupported(tag: str) -> str:
    return _(
        "unsupported value (the tag '{tag}' is not allowed in a plan); write plain text"
    ).format(tag=_short_tag(tag))
