"""antq's version, in a module of its own so that any layer may name it (the DOCX writer
puts it in docProps/app.xml, a batch in its cache key) without importing the package."""

from __future__ import annotations

__version__ = "0.1.0"
