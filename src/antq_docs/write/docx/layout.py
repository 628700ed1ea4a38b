"""Every Nghị định 30 number the writer uses, in the decree's own units (mm, cm, pt).

Sources: ../shared/nd30-spec.md (PL1 = Phụ lục I, PL3 = Phụ lục III of ND 30/2020/NĐ-CP).
Converted to twips / half-points only by the helpers at the bottom.
"""

from __future__ import annotations

FONT = "Times New Roman"  # PL1 I.4
LANGUAGE = "vi-VN"

# PL1 I.1–3: A4 portrait; top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
HEADER_DISTANCE_MM = 10  # the page number sits in the top margin (PL1 I.7)
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165
# A landscape appendix (PL1 I.2): the sheet turned, its binding edge (30 mm) now at the top;
# left and right 25 mm (20–25), bottom 15 mm (15–20).
LANDSCAPE_MARGINS_MM = {"top": 30, "bottom": 15, "left": 25, "right": 25}
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - 25 - 25  # 247
NARROW_COLUMN_CM = 1.2  # «TT», «STT»: a row number

# PL3 Mẫu 1.4 column widths, narrowed on the left so that the table fits the text width:
# the right column keeps its 10 cm, enough for the 13 pt Quốc hiệu on one line (≈ 92 mm).
HEADER_COLUMNS_CM = (6.5, 10.0)
SIGNATURE_COLUMNS_CM = (5.3, 11.1)
CELL_PADDING_MM = 1.9  # Word's default left/right cell margin (108 twips)

# Font sizes in pt (PL1 II and the Mục V sample table).
SIZE_PARENT = 13  # ô 2, 12–13, not bold
SIZE_ISSUER = 13  # ô 2, 12–13, bold
SIZE_NATIONAL_TITLE = 13  # ô 1 Quốc hiệu, 12–13, bold
SIZE_MOTTO = 14  # ô 1 Tiêu ngữ, 13–14, bold
SIZE_NUMBER = 13  # ô 3, fixed 13
SIZE_PLACE_DATE = 14  # ô 4, 13–14, italic
SIZE_TITLE = 14  # ô 5a, 13–14, bold
SIZE_BODY = 14  # ô 6, 13–14
SIZE_RECIPIENTS_LABEL = 12  # ô 9b, fixed 12, bold italic
SIZE_RECIPIENTS = 11  # ô 9b, fixed 11
SIZE_SIGNATURE = 14  # ô 7a/7b, 13–14, bold
SIZE_PAGE_NUMBER = 14  # PL1 I.7, 13–14
SIZE_FOOTNOTE = 12  # not regulated; smaller than the body as in the Bắc Giang seed
SIZE_APPENDIX_LABEL = 14  # PL1 III.1.b, bold
SIZE_TABLE = 13

# PL1 II.6.e: justified, first-line indent 1 or 1.27 cm, ≥ 6 pt between paragraphs,
# line spacing from single to 1.5 lines.
FIRST_LINE_INDENT_CM = 1.0
SPACE_BEFORE_PT = 6
LINE_SPACING = 1.15
SIGNATURE_GAP_LINES = 4  # room for the signature and seal (ô 7c, 8)

# Rules ("đường kẻ ngang, nét liền").
RULE_WEIGHT_EIGHTHS_PT = 6  # ¾ pt
MOTTO_WIDTH_MM = 57.2  # bold Tiêu ngữ at 14 pt, Liberation Serif advance widths
RULE_FRACTION = 0.4  # rules under the issuer and subject: between 1/3 and 1/2 of the text

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # PL1 II.1.a spells HÒA
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # PL1 II.1.b: spaced hyphens
RECIPIENTS_LABEL = "Nơi nhận:"

# Average advance widths of Times New Roman bold at 13 pt (mm per character), measured
# on the Quốc hiệu and an issuer name; used only to size the short rules.
_CAPS_MM_PER_CHAR_13PT = 2.7
_MIXED_MM_PER_CHAR_14PT = 2.12


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_cm(cm: float) -> int:
    return twips(cm * 10)


def half_points(pt: float) -> int:
    return round(pt * 2)


def estimated_width_mm(text: str, size_pt: float) -> float:
    """Rough printed width of bold text, enough to size a rule at 1/3–1/2 of it; of its
    longest line when it is written on several."""
    if "\n" in text:
        return max(estimated_width_mm(line, size_pt) for line in text.split("\n"))
    if text == text.upper():
        return len(text) * _CAPS_MM_PER_CHAR_13PT * size_pt / 13
    return len(text) * _MIXED_MM_PER_CHAR_14PT * size_pt / 14
