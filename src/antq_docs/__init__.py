"""antq: Vietnamese administrative plans from YAML, laid out to Nghị định 30/2020/NĐ-CP.

Pipeline: load (YAML with positions) -> validate (pydantic model) -> build (document tree)
-> write (DOCX, PDF). The public API re-exports the entry point of each step lazily, so
that importing the package stays cheap for the command line.
"""

from __future__ import annotations

from .version import __version__

__all__ = [
    "__version__",
    "Problem",
    "PlanError",
    "OutputError",
    "load_plan",
    "render_file",
    "build_document",
    "render_docx",
]

from .errors import OutputError, PlanError, Problem


def __getattr__(name: str):
    if name == "load_plan":
        from .validate import load_plan

        return load_plan
    if name == "render_file":
        from .render import render_file

        return render_file
    if name == "build_document":
        from .content.build import build_document

        return build_document
    if name == "render_docx":
        from .write.docx import render_docx

        return render_docx
    raise AttributeError(name)
