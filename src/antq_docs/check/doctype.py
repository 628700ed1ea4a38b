"""What kind of document a DOCX is: the types of Nghị định 30 (Điều 7; Phụ lục III) by their
tên loại and the abbreviation in their ký hiệu, a công văn by its «V/v» line, and papers that
are not administrative documents at all (speeches, agendas, internal forms)."""

from __future__ import annotations

import re

from ..nd30 import ABBREVIATIONS, CONG_VAN

__all__ = ["TYPE_NAMES", "ABBREVIATIONS", "type_of_symbol", "type_of_title", "CONG_VAN"]

#: The tên loại as printed (in capitals) -> type: the types of Phụ lục III (nd30), the
#: Điều lệ, and the old-style accents clerks still type («THOẢ», «UỶ»).
TYPE_NAMES: dict[str, str] = {name.upper(): name for name in ABBREVIATIONS.values()}
TYPE_NAMES.update(
    {
        "QUY CHẾ": "Quy chế",
        "ĐIỀU LỆ": "Điều lệ",
        "BẢN THOẢ THUẬN": "Bản thỏa thuận",
        "GIẤY UỶ QUYỀN": "Giấy ủy quyền",
    }
)
_SYMBOL = re.compile(r"/\s*([^\s/-]+)")


def type_of_symbol(number_line: str) -> str | None:
    """ "Số: 05/KH-UBND" -> "Kế hoạch"; a công văn's "Số: 12/UBND-NC" -> None."""
    match = _SYMBOL.search(number_line)
    if match is None:
        return None
    return ABBREVIATIONS.get(match[1])


def type_of_title(text: str) -> str | None:
    """ "KẾ HOẠCH" -> "Kế hoạch"; "DANH SÁCH THAM LUẬN" -> None."""
    return TYPE_NAMES.get(" ".join(text.split()).upper()) if text.strip().isupper() else None
