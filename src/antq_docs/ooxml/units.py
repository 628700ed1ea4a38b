"""Units of OOXML measurements, converted from and to millimetres and points.

Word measures page and paragraph geometry in twentieths of a point (twips), font sizes in
half-points and drawings in English Metric Units. The conversions keep the arithmetic in
the order antq has always used, so that every rounded value stays the same.
"""

from __future__ import annotations

__all__ = [
    "TWIPS_PER_INCH",
    "MM_PER_INCH",
    "TWIPS_PER_MM",
    "TWIPS_PER_PT",
    "EMU_PER_MM",
    "MM_PER_PT",
    "TWIPS_PER_UNIT",
    "MM_PER_UNIT",
    "twips_from_mm",
    "mm_from_twips",
    "half_points",
    "emu_from_mm",
]

TWIPS_PER_INCH = 1440
MM_PER_INCH = 25.4
TWIPS_PER_MM = TWIPS_PER_INCH / MM_PER_INCH
TWIPS_PER_PT = 20
EMU_PER_MM = 36000
MM_PER_PT = MM_PER_INCH / 72
# ST_TwipsMeasure written with a unit ("0.5in", "1.5cm"): twips per unit.
TWIPS_PER_UNIT = {
    "in": TWIPS_PER_INCH,
    "cm": TWIPS_PER_INCH / 2.54,
    "mm": TWIPS_PER_MM,
    "pt": TWIPS_PER_PT,
    "pc": 240,
    "pi": 240,
}
# CSS lengths in a VML style attribute: millimetres per unit; a bare number is in points.
MM_PER_UNIT = {
    "pt": MM_PER_PT,
    "in": MM_PER_INCH,
    "mm": 1.0,
    "cm": 10.0,
    "px": MM_PER_INCH / 96,
    "": MM_PER_PT,
}


def twips_from_mm(mm: float) -> int:
    return round(mm * TWIPS_PER_INCH / MM_PER_INCH)


def mm_from_twips(twips: float) -> float:
    return twips * MM_PER_INCH / TWIPS_PER_INCH


def half_points(pt: float) -> int:
    return round(pt * 2)


def emu_from_mm(mm: float) -> int:
    return round(mm * EMU_PER_MM)
