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


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_QUALIFIER_WORDS = 2  # «GIẤY MỜI HỌP»: a type name and a word or two that narrow it


def type_of_title(text: str) -> str | None:
    """ "KẾ HOẠCH" -> "Kế hoạch"; "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)" -> "Điều lệ"; "GIẤY MỜI
    HỌP" -> "Giấy mời"; "DANH SÁCH THAM LUẬN" -> None."""
    if not text.strip().isupper():
        return None
    name = " ".join(_QUALIFIER.sub("", text).split()).upper()
    if name in TYPE_NAMES:
        return TYPE_NAMES[name]
    words = name.split()
    for cut in range(len(words) - 1, max(len(words) - 1 - _QUALIFIER_WORDS, 0), -1):
        found = TYPE_NAMES.get(" ".join(words[:cut]))
        if found is not None:
            return found
    return None
