"""Phụ lục III, Mục I: the administrative document types that have a tên loại, and the
abbreviation each takes in its ký hiệu («Số: 05/KH-UBND»). The mixed case of QyĐ, CTr,
TTr and TrS is the decree's own. A công văn has none: its ký hiệu is body + drafting unit."""

from __future__ import annotations

from .elements import Element
from .ranges import SizeRange

__all__ = [
    "ABBREVIATIONS",
    "COPY_ABBREVIATIONS",
    "CONG_VAN",
    "ADDRESSED_TYPES",
    "ADDRESSEES",
    "REPORT_TYPE",
]

#: abbreviation -> type, in the decree's order.
ABBREVIATIONS: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
}
#: Bản sao văn bản (PL3 Mục I, second part; PL1 Phần II).
COPY_ABBREVIATIONS: dict[str, str] = {
    "SY": "Bản sao y",
    "TrS": "Bản trích sao",
    "SL": "Bản sao lục",
}
#: The document without a tên loại (ND30 Điều 7), recognised by its «V/v» line.
CONG_VAN = "công văn"

#: The báo cáo: a unit reports on the work a plan gave it.
REPORT_TYPE = "BC"
#: The types with a tên loại that may carry «Kính gửi» (ô 9a): a Tờ trình, and a Báo cáo sent
#: to a higher body (PL1 II.9.b); a Kế hoạch never does (PL3 Mẫu 1.4). A công văn has it too.
ADDRESSED_TYPES = ("TTr", REPORT_TYPE)
#: ô 9a: «Kính gửi:» under the subject's rule, right of centre; one recipient on its line,
#: several one per line, «- …;», the last «- ….», their dashes under the colon.
ADDRESSEES = Element(
    "Kính gửi",
    "PL1 II.9.b",
    "9a",
    SizeRange((13, 14), 14),
    bold=False,
    italic=False,
    capitals=False,
    position="under the tên loại and trích yếu, offset to the right",
    text="Kính gửi:",
)
