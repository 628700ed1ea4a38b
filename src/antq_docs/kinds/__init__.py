"""Plan kinds: complete plans for a year and an organisation, written by `antq new`."""

from .generate import KINDS, Kind, generate_plan

__all__ = ["KINDS", "Kind", "generate_plan"]
