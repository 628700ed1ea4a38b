"""The DOCX writer: the only place that knows Nghị định 30's layout."""

from .writer import render_docx, render_docx_parts

__all__ = ["render_docx", "render_docx_parts"]
