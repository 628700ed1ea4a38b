"""The imported plan as YAML written for people: the schema modeline, keys in the order of
the document, long texts as folded block scalars, and a `# antq import:` note above every
value that was normalised or guessed."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .notes import Notes

__all__ = ["to_yaml"]

_WIDTH = 92
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`].*$")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
# libyaml's loader where it is installed: the check below parses the whole plan once.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "null"
    text = str(value)
    if (
        _PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
        and text == text.strip()
        # a plain scalar YAML would read as a number, a date, a boolean or null is quoted
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _folded(text: str, indent: int) -> list[str] | None:
    """A long one-line text as `>-` lines, when folding gives it back exactly."""
    if (
        len(text) + indent < _WIDTH
        or "\n" in text
        or "  " in text
        or "\t" in text
        or (text != text.strip())
        or text.startswith(("#", " "))
    ):
        return None
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) + indent > _WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


class _Writer:
    def __init__(self, notes: Notes):
        self.notes = notes
        self.out: list[str] = []

    def comment(self, path: tuple, indent: int) -> None:
        for note in self.notes.at(path):
            for index, line in enumerate(note.message.splitlines() or [""]):
                lead = "# antq import: " if index == 0 else "#   "
                self.out.append(" " * indent + lead + line)

    def value(self, key_text: str, value: Any, indent: int, path: tuple) -> None:
        pad = " " * indent
        if isinstance(value, dict) and value:
            self.out.append(f"{pad}{key_text}")
            self.mapping(value, indent + 2, path)
        elif isinstance(value, list) and value:
            self.out.append(f"{pad}{key_text}")
            self.sequence(value, indent + 2, path)
        elif isinstance(value, str) and (folded := _folded(value, indent + 2)):
            self.out.append(f"{pad}{key_text} >-")
            self.out += [" " * (indent + 2) + line for line in folded]
        else:
            empty = (
                "{}"
                if isinstance(value, dict)
                else "[]"
                if isinstance(value, list)
                else _scalar(value)
            )
            self.out.append(f"{pad}{key_text} {empty}")

    def mapping(self, data: dict[str, Any], indent: int, path: tuple) -> None:
        for key, value in data.items():
            self.comment(path + (key,), indent)
            self.value(f"{key}:", value, indent, path + (key,))

    def sequence(self, items: list[Any], indent: int, path: tuple) -> None:
        pad = " " * indent
        for index, item in enumerate(items):
            self.comment(path + (index,), indent)
            if isinstance(item, dict) and item:
                first = True
                for key, value in item.items():
                    # a note on the item's first key goes above its «- » line
                    self.comment(path + (index, key), indent if first else indent + 2)
                    lead = f"{pad}- " if first else " " * (indent + 2)
                    start = len(self.out)
                    self.value(f"{key}:", value, indent + 2, path + (index, key))
                    self.out[start] = lead + self.out[start].lstrip(" ")
                    first = False
            elif isinstance(item, list) and item:
                self.out.append(f"{pad}-")
                self.sequence(item, indent + 2, path + (index,))
            else:
                start = len(self.out)
                self.value("", item, indent + 2, path + (index,))
                self.out[start] = f"{pad}- " + self.out[start].lstrip(" ")


def to_yaml(
    plan: dict[str, Any], notes: Notes, header: list[str], schema: str | None = None
) -> str:
    """`schema`: the path the modeline names (relative to the plan); none when antq knows no
    schema file near the plan (as `antq new` does: antq publishes no schema address)."""
    writer = _Writer(notes)
    if schema:
        writer.out.append(f"# yaml-language-server: $schema={schema}")
    writer.out += [f"# {line}" if line else "#" for line in header]
    writer.mapping(plan, 0, ())
    text = "\n".join(line.rstrip() for line in writer.out) + "\n"
    try:
        faithful = yaml.load(text, Loader=_Loader) == _plain_data(plan)
    except yaml.YAMLError:  # a character YAML takes only escaped (U+0090, from a document)
        faithful = False
    if not faithful:
        # A shape the writer does not lay out faithfully: write it the safe way instead.
        body = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=_WIDTH)
        text = "\n".join(writer.out[: 1 + len(header)]) + "\n" + body
    return text


def _plain_data(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False))
