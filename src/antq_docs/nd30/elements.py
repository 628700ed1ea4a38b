"""The elements of Phụ lục I (thể thức), box by box of the layout diagram (Mục IV): the text
where the decree fixes it, the size it allows and the size antq chooses, emphasis, position,
and the clause. A rule reads `size.allowed`, the writer `size.chosen`."""

from __future__ import annotations

from dataclasses import dataclass

from .ranges import OneOf, Range, SizeRange, at_least

__all__ = [
    "Element",
    "NATIONAL_TITLE",
    "MOTTO",
    "MOTTO_RULE",
    "PARENT_BODY",
    "ISSUING_BODY",
    "ISSUER_RULE",
    "NUMBER",
    "PLACE_DATE",
    "TITLE",
    "SUBJECT",
    "SUBJECT_RULE",
    "SUMMARY",
    "SUMMARY_GAP_PT",
    "BODY",
    "FIRST_LINE_INDENT_CM",
    "PARAGRAPH_SPACING_PT",
    "LINE_SPACING",
    "END_MARK",
    "SIGNATURE",
    "AUTHORITY_PREFIXES",
    "RECIPIENTS_LABEL",
    "RECIPIENTS",
    "FILING_PREFIX",
    "DRAFTER_MARK",
    "PAGE_NUMBER",
    "APPENDIX_LABEL",
    "APPENDIX_TITLE",
    "APPENDIX_ATTACHED",
]


@dataclass(frozen=True)
class Element:
    """One element of the thể thức. None means the decree does not say."""

    name: str  # as the decree calls it
    clause: str  # the source key of shared/nd30-spec.md
    box: str  # ô in the layout diagram (PL1 IV)
    size: SizeRange
    bold: bool | None = None
    italic: bool | None = None  # False: đứng (upright)
    underline: bool = False  # never underlined: rules are drawn lines
    capitals: bool | None = None  # True: in hoa; False: in thường
    align: str | None = None  # "center" or "both" (justified)
    position: str = ""
    text: str = ""  # the words, where the decree fixes them


# -- ô 1: Quốc hiệu và Tiêu ngữ (PL1 II.1) ------------------------------------------------
NATIONAL_TITLE = Element(
    "Quốc hiệu",
    "PL1 II.1.a",
    "1",
    SizeRange((12, 13), 13),
    bold=True,
    italic=False,
    capitals=True,
    align="center",
    position="top of page 1, right column",
    text="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
)  # the article spells HÒA
MOTTO = Element(
    "Tiêu ngữ",
    "PL1 II.1.b",
    "1",
    SizeRange((13, 14), 14),
    bold=True,
    italic=False,
    capitals=False,
    align="center",
    position="centred under the Quốc hiệu",
    text="Độc lập - Tự do - Hạnh phúc",
)  # hyphens with a space on each side
#: A solid rule under the Tiêu ngữ, as long as it: its length as a fraction of the text's.
MOTTO_RULE = Range((1.0, 1.0), 1.0)

# -- ô 2: cơ quan chủ quản and cơ quan ban hành (PL1 II.2) ----------------------------------
PARENT_BODY = Element(
    "Tên cơ quan, tổ chức chủ quản trực tiếp",
    "PL1 II.2",
    "2",
    SizeRange((12, 13), 13),
    bold=False,
    italic=False,
    capitals=True,
    align="center",
    position="top left column",
)
ISSUING_BODY = Element(
    "Tên cơ quan, tổ chức ban hành",
    "PL1 II.2",
    "2",
    SizeRange((12, 13), 13),
    bold=True,
    italic=False,
    capitals=True,
    align="center",
    position="centred under the parent body",
)
#: A solid rule 1/3 to 1/2 of the line, centred under the issuing body (PL1 II.2.b).
ISSUER_RULE = Range((1 / 3, 1 / 2), 0.4)

# -- ô 3, 4: Số, ký hiệu; địa danh và thời gian (PL1 II.3–4) ------------------------------
NUMBER = Element(
    "Số, ký hiệu",
    "PL1 II.3 (V row 3)",
    "3",
    SizeRange((13, 13), 13),
    bold=False,
    italic=False,
    align="center",
    position="centred under the issuing body",
    text="Số:",
)
PLACE_DATE = Element(
    "Địa danh và thời gian",
    "PL1 II.4",
    "4",
    SizeRange((13, 14), 14),
    bold=False,
    italic=True,
    align="center",
    position="on the line of Số, right column",
)

# -- ô 5: tên loại, trích yếu, V/v (PL1 II.5) ---------------------------------------------
TITLE = Element(
    "Tên loại",
    "PL1 II.5.b",
    "5a",
    SizeRange((13, 14), 14),
    bold=True,
    italic=False,
    capitals=True,
    align="center",
    position="centred across the page",
)
SUBJECT = Element(
    "Trích yếu nội dung",
    "PL1 II.5.b",
    "5a",
    SizeRange((13, 14), 14),
    bold=True,
    italic=False,
    capitals=False,
    align="center",
    position="directly under the tên loại",
)
#: A solid rule 1/3 to 1/2 of the line, centred under the subject (PL1 II.5.b).
SUBJECT_RULE = Range((1 / 3, 1 / 2), 0.4)
SUMMARY = Element(
    "Trích yếu công văn",
    "PL1 II.5.b",
    "5b",
    SizeRange((12, 13), 12),
    bold=False,
    italic=False,
    capitals=False,
    align="center",
    position="under Số, ký hiệu",
    text="V/v",
)
SUMMARY_GAP_PT = 6  # the «V/v» line stands 6 pt under the «Số:» line

# -- ô 6: nội dung (PL1 II.6.e) -------------------------------------------------------------
BODY = Element(
    "Nội dung",
    "PL1 II.6.e",
    "6",
    SizeRange((13, 14), 14),
    capitals=False,
    align="both",
    position="the text width",
)
FIRST_LINE_INDENT_CM = OneOf((1.0, 1.27), 1.0)
PARAGRAPH_SPACING_PT = at_least(6, 6)  # between paragraphs; antq sets it before
LINE_SPACING = Range((1.0, 1.5), 1.15)  # in lines: single («dòng đơn») to 1.5
END_MARK = "./."  # ends the body in every model of Phụ lục III (PL3 Mẫu 1.4)

# -- ô 7: chữ ký (PL1 II.7) -------------------------------------------------------------------
SIGNATURE = Element(
    "Quyền hạn, chức vụ, họ tên người ký",
    "PL1 II.7.b–c",
    "7a, 7b",
    SizeRange((13, 14), 14),
    bold=True,
    italic=False,
    capitals=True,
    align="center",
    position="right column, level with «Nơi nhận:»; the name in thường",
)
#: PL1 II.7.b: the authority prefixes, always with their period.
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")

# -- ô 9b, 12: nơi nhận, ký hiệu người soạn thảo (PL1 II.9.d, III.3) ------------------------
RECIPIENTS_LABEL = Element(
    "Nơi nhận",
    "PL1 II.9.d",
    "9b",
    SizeRange((12, 12), 12),
    bold=True,
    italic=True,
    capitals=False,
    position="flush left, level with the signer's title",
    text="Nơi nhận:",
)
RECIPIENTS = Element(
    "Nơi nhận (items)",
    "PL1 II.9.d",
    "9b",
    SizeRange((11, 11), 11),
    bold=False,
    italic=False,
    capitals=False,
    position="under «Nơi nhận:», each «- …;», the last «- Lưu: VT, ….»",
)
FILING_PREFIX = "- Lưu: "
DRAFTER_MARK = Element(
    "Ký hiệu người soạn thảo, số lượng bản",
    "PL1 III.3",
    "12",
    SizeRange((11, 11), 11),
    italic=False,
    capitals=True,
    position="after the Lưu line",
    text="PL.(300)",
)

# -- page numbers and appendices (PL1 I.7, III.1) ----------------------------------------------
PAGE_NUMBER = Element(
    "Số trang",
    "PL1 I.7",
    "-",
    SizeRange((13, 14), 14),
    italic=False,
    align="center",
    position="centred in the top margin; none on page 1; each appendix from 1",
)
APPENDIX_LABEL = Element(
    "Phụ lục",
    "PL1 III.1.b",
    "-",
    SizeRange((14, 14), 14),
    bold=True,
    italic=False,
    capitals=False,
    align="center",
    text="Phụ lục",
)
APPENDIX_TITLE = Element(
    "Tên phụ lục",
    "PL1 III.1.b",
    "-",
    SizeRange((13, 14), 14),
    bold=True,
    italic=False,
    capitals=True,
    align="center",
)
APPENDIX_ATTACHED = Element(
    "Kèm theo",
    "PL1 III.1.c",
    "-",
    SizeRange((13, 14), 14),
    italic=True,
    align="center",
    text="Kèm theo",
)
