"""The writer's own layout choices, in the decree's units (mm, cm, pt): what Nghị định 30
leaves open (column widths, the footnote and table sizes, room for the signature). The
decree's facts (paper, margins, font, each element's size) are in antq_docs.nd30.

Sources: ../shared/nd30-spec.md (PL1 = Phụ lục I, PL3 = Phụ lục III of ND 30/2020/NĐ-CP).
Converted to twips / half-points only by the helpers at the bottom.
"""

from __future__ import annotations

from ...nd30 import text_width_mm
from ...ooxml.units import twips_from_mm

LANGUAGE = "vi-VN"

HEADER_DISTANCE_MM = 10  # the page number sits in the top margin (PL1 I.7)
TEXT_WIDTH_MM = text_width_mm()  # 165, between nd30.MARGINS
LANDSCAPE_TEXT_WIDTH_MM = text_width_mm(landscape=True)  # 247, between LANDSCAPE_MARGINS
NARROW_COLUMN_CM = 1.2  # «TT», «STT»: a row number

# PL3 Mẫu 1.4 column widths, narrowed on the left so that the table fits the text width:
# the right column keeps its 10 cm, enough for the 13 pt Quốc hiệu on one line (≈ 92 mm).
HEADER_COLUMNS_CM = (6.5, 10.0)
SIGNATURE_COLUMNS_CM = (5.3, 11.1)
CELL_PADDING_MM = 1.9  # Word's default left/right cell margin (108 twips)

# ô 9a «Kính gửi:» stands right of centre under the subject (PL1 IV): where its block
# starts, from the left edge of the text. The decree draws it, it does not measure it.
ADDRESSEES_INDENT_MM = 30
ADDRESSEES_DASH_MM = 3  # «- » before each recipient: the wrapped lines align after it

# Font sizes in pt that the decree does not regulate.
SIZE_FOOTNOTE = 12  # smaller than the body, as in the Bắc Giang seed
SIZE_TABLE = 13
SIGNATURE_GAP_LINES = 4  # room for the signature and seal (ô 7c, 8)

# Rules ("đường kẻ ngang, nét liền").
RULE_WEIGHT_EIGHTHS_PT = 6  # ¾ pt
# As long as the Tiêu ngữ (nd30.MOTTO_RULE): the bold Tiêu ngữ at nd30.MOTTO.size.chosen
# (14 pt), measured with Liberation Serif advance widths.
MOTTO_WIDTH_MM = 57.2

# Average advance widths of Times New Roman bold at 13 pt (mm per character), measured
# on the Quốc hiệu and an issuer name; used only to size the short rules.
_CAPS_MM_PER_CHAR_13PT = 2.7
_MIXED_MM_PER_CHAR_14PT = 2.12


def twips(mm: float) -> int:
    return twips_from_mm(mm)


def twips_cm(cm: float) -> int:
    return twips(cm * 10)


def estimated_width_mm(text: str, size_pt: float) -> float:
    """Rough printed width of bold text, enough to size a rule at 1/3–1/2 of it; of its
    longest line when it is written on several."""
    if "\n" in text:
        return max(estimated_width_mm(line, size_pt) for line in text.split("\n"))
    if text == text.upper():
        return len(text) * _CAPS_MM_PER_CHAR_13PT * size_pt / 13
    return len(text) * _MIXED_MM_PER_CHAR_14PT * size_pt / 14
