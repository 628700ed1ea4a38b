"""The in-memory round trip: the imported YAML read back exactly as `antq render` reads it,
built into antq's document tree, and its words compared with the original's."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import PlanError
from ..tree.nodes import Block, Document, FootnoteRef, Frame, Inline, Paragraph, Run, Table

__all__ = ["RoundTrip", "round_trip", "words", "tree_paragraphs", "similarity", "LABEL"]

LABEL = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-–—+•▪➢])$")


@dataclass
class RoundTrip:
    document: Document | None
    problems: list[str]


def round_trip(yaml_text: str) -> RoundTrip:
    from ..content.build import build_document
    from ..load.yaml_source import load_text
    from ..validate import validate_source

    try:
        validated = validate_source(load_text(yaml_text, "<import>"))
        return RoundTrip(build_document(validated.plan, validated.source), [])
    except PlanError as exc:
        return RoundTrip(None, [f"{p.path}: {p.message}" for p in exc.problems])


def _inline_text(runs: Sequence[Inline]) -> str:
    out = []
    for run in runs:
        if isinstance(run, Run):
            out.append(run.text)
        elif isinstance(run, FootnoteRef):
            out.append(" " + "".join(r.text for r in run.runs) + " ")
    return "".join(out)


def tree_paragraphs(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(_inline_text(block.runs))
        elif isinstance(block, Frame):
            out += [_inline_text(line) for line in block.lines]
        elif isinstance(block, Table):
            out += list(block.headings)
            for row in block.rows:
                for cell in row:
                    out += [_inline_text(p) for p in cell.paragraphs]
    return [p for p in out if p.strip()]


def words(paragraphs: list[str], labels: bool = True) -> list[str]:
    out = []
    for paragraph in paragraphs:
        tokens = paragraph.split()
        if not labels and tokens and LABEL.match(tokens[0]):
            tokens = tokens[1:]
        out += tokens
    return out


def similarity(a: list[str], b: list[str]) -> float:
    if a == b:  # the usual case, and difflib's matching is slow on a long plan
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
