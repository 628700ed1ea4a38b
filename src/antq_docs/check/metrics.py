"""Printed widths of text in Times New Roman, to judge lengths the decree ties to a line
of text (the rule under the subject: 1/3 to 1/2 of its line; under the Tiêu ngữ: as long as
it). The advance widths of the printable ASCII characters (per 1000 units of the em) are
those of Times New Roman, read from Liberation Serif, its metric twin, with
scripts/font_metrics.py; a Vietnamese letter takes the width of its base letter."""

from __future__ import annotations

import unicodedata

from ..ooxml.units import MM_PER_PT

__all__ = ["text_width_mm"]

_REGULAR = (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722,
    667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444,
    333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
    500, 500, 444, 480, 200, 480, 541)
_BOLD = (250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667,
    722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667,
    722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333,
    500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500,
    500, 444, 394, 220, 394, 520)
_MM_PER_PT = MM_PER_PT


def _advance(char: str, table: tuple[int, ...]) -> int:
    base = unicodedata.normalize("NFD", char)[0].replace("đ", "d").replace("Đ", "D")
    code = ord(base)
    return table[code - 32] if 32 <= code < 127 else 500


def text_width_mm(text: str, size_pt: float, *, bold: bool = True) -> float:
    """The width of `text` on one line, in millimetres."""
    table = _BOLD if bold else _REGULAR
    return sum(_advance(c, table) for c in text) / 1000 * size_pt * _MM_PER_PT
