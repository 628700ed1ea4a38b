"""The whole pipeline in one call: plan file -> validated plan -> document tree -> DOCX bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .tree.nodes import Document

__all__ = ["RenderResult", "render_file", "build_tree"]


@dataclass
class RenderResult:
    docx: bytes
    document: Document
    warnings: list[Problem]


def build_tree(path: str | Path) -> tuple[Document, list[Problem]]:
    from .content.build import build_document
    from .validate import load_plan

    validated = load_plan(path)
    return build_document(validated.plan, validated.source), validated.warnings


def render_file(path: str | Path) -> RenderResult:
    """Render one plan; raises PlanError with every problem if it cannot be rendered."""
    from .write.docx import render_docx

    document, warnings = build_tree(path)
    return RenderResult(render_docx(document), document, warnings)
