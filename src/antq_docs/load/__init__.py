"""Step 1 of the pipeline: read plan files into plain data, keeping where every value came from."""

from .yaml_source import Source, load_source, load_text, format_path

__all__ = ["Source", "load_source", "load_text", "format_path"]
