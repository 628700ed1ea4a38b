"""Nghị định 30/2020/NĐ-CP's facts, once: the page (page.py), the elements of Phụ lục I
(elements.py) and the document types of Phụ lục III (doctypes.py), each with what the decree
allows and what antq chooses (ranges.py). The writer, the rules and the fixers read them
here, so a change of the decree is one edit in this package. It imports nothing of antq."""

from __future__ import annotations

from .doctypes import *  # noqa: F403
from .elements import *  # noqa: F403
from .page import *  # noqa: F403
from .ranges import *  # noqa: F403
from . import doctypes, elements, page, ranges

__all__ = [*doctypes.__all__, *elements.__all__, *page.__all__, *ranges.__all__]
