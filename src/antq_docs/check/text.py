"""Text as a reader compares it: composed (NFC), no-break spaces as spaces, runs of white
space as one."""

from __future__ import annotations

import unicodedata

__all__ = ["squash"]


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())
