"""What kind of document a DOCX is: the types of Nghị định 30 (Điều 7; Phụ lục III) by their
tên loại and the abbreviation in their ký hiệu, a công văn by its «V/v» line, and papers that
are not administrative documents at all (speeches, agendas, internal forms)."""

from __future__ import annotations

import re

__all__ = ["TYPE_NAMES", "ABBREVIATIONS", "type_of_symbol", "type_of_title", "CONG_VAN"]

#: Phụ lục III, Mục I: abbreviation -> type (administrative types with a tên loại).
ABBREVIATIONS: dict[str, str] = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế",
    "QyĐ": "Quy định", "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn",
    "CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án", "ĐA": "Đề án",
    "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình", "HĐ": "Hợp đồng",
    "CĐ": "Công điện", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
}
#: The tên loại as printed (in capitals) -> type.
TYPE_NAMES: dict[str, str] = {name.upper(): name for name in ABBREVIATIONS.values()}
TYPE_NAMES.update({"QUY CHẾ": "Quy chế", "ĐIỀU LỆ": "Điều lệ", "BẢN THOẢ THUẬN":
                   "Bản thỏa thuận", "GIẤY UỶ QUYỀN": "Giấy ủy quyền"})
CONG_VAN = "công văn"
_SYMBOL = re.compile(r"/\s*([^\s/-]+)")


def type_of_symbol(number_line: str) -> str | None:
    """"Số: 05/KH-UBND" -> "Kế hoạch"; a công văn's "Số: 12/UBND-NC" -> None."""
    match = _SYMBOL.search(number_line)
    if match is None:
        return None
    return ABBREVIATIONS.get(match[1])


def type_of_title(text: str) -> str | None:
    """"KẾ HOẠCH" -> "Kế hoạch"; "DANH SÁCH THAM LUẬN" -> None."""
    return TYPE_NAMES.get(" ".join(text.split()).upper()) if text.strip().isupper() else None
