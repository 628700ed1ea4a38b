"""Reading DOCX files back (ours or typed by hand): text, formatting, structure."""

from .docx_read import DocxView, read_docx
from .dump import dump_text, plain_paragraphs

__all__ = ["DocxView", "read_docx", "dump_text", "plain_paragraphs"]
