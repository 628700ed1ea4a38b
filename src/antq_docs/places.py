"""Place names against the current administrative map (34 provinces, 3,321 xã/phường since
01/7/2025), from the `vietnam-provinces` package.

The package lists today's units only. Which provinces were merged away in 2025, and into
which, is a short fact table kept here (Nghị quyết 202/2025/QH15 of the National Assembly;
Thừa Thiên Huế became Thành phố Huế on 01/01/2025).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

__all__ = ["REFORM_DATE", "FORMER_PROVINCES", "province_problem", "place_problem",
           "commune_problems", "current_province_names"]

REFORM_DATE = dt.date(2025, 7, 1)
FORMER_PROVINCES = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên", "Hải Dương": "Thành phố Hải Phòng", "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Thành phố Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Thành phố Hồ Chí Minh",
    "Bình Phước": "Đồng Nai", "Long An": "Tây Ninh", "Sóc Trăng": "Thành phố Cần Thơ",
    "Hậu Giang": "Thành phố Cần Thơ", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
    "Thừa Thiên Huế": "Thành phố Huế",
}
_COMMUNE_MENTION = re.compile(r"\b(xã|phường|đặc khu)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d+)"
                              r"(?:\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d+))*)")


def _key(name: str) -> str:
    name = unicodedata.normalize("NFC", name).casefold()
    for old, new in (("hoà", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy")):
        name = name.replace(old, new)
    return " ".join(name.split())


def _strip_city(name: str) -> str:
    return name.removeprefix("Thành phố ").removeprefix("Tỉnh ")


@functools.cache
def _provinces() -> dict[str, str]:
    from vietnam_provinces import Province

    names: dict[str, str] = {}
    for province in Province.iter_all():
        names[_key(province.name)] = province.name
        names[_key(_strip_city(province.name))] = province.name
    return names


@functools.cache
def _communes() -> dict[str, list[tuple[str, str]]]:
    """'thục phán' and 'phường thục phán' -> [(official name, province), …]."""
    from vietnam_provinces import Province, Ward

    provinces = {p.code: p.name for p in Province.iter_all()}
    found: dict[str, list[tuple[str, str]]] = {}
    for ward in Ward.iter_all():
        entry = (ward.name, provinces[ward.province_code])
        bare = re.sub(r"^(Xã|Phường|Đặc khu)\s+", "", ward.name)
        for name in {ward.name, bare}:
            found.setdefault(_key(name), []).append(entry)
    return found


def current_province_names() -> list[str]:
    return sorted(set(_provinces().values()))


def province_problem(name: str) -> str | None:
    """None for a current province; otherwise what to write instead."""
    if _key(name) in _provinces():
        return None
    former = {_key(k): v for k, v in FORMER_PROVINCES.items()}
    successor = former.get(_key(_strip_city(name)))
    if successor:
        return (f"'{name}' was merged into {successor} on 01/7/2025; write the new province "
                f"'{_strip_city(successor)}'")
    return f"'{name}' is not one of the 34 provinces"


def place_problem(place: str, date: dt.date) -> str | None:
    """The địa danh of a plan dated after the reform must be a current province or xã/phường."""
    if date < REFORM_DATE:
        return None
    if _key(place) in _provinces() or _key(place) in _communes():
        return None
    merged = province_problem(place)
    if merged and "merged" in merged:
        return merged
    return (f"'{place}' is neither a current province nor a current xã/phường "
            "(vietnam-provinces, 34 provinces and 3,321 xã/phường)")


def commune_problems(text: str, province: str | None = None) -> list[str]:
    """Problems with the xã/phường named in `text` ('xã Hợp Đức', 'phường Thục Phán')."""
    problems = []
    communes = _communes()
    for match in _COMMUNE_MENTION.finditer(text):
        kind, name = match[1], match[2]
        entries = communes.get(_key(f"{kind} {name}"))
        if not entries:
            problems.append(f"'{kind} {name}' is not in the current list of xã/phường")
        elif province and not any(_key(p) == _key(province) or
                                  _key(_strip_city(p)) == _key(province) for _, p in entries):
            where = ", ".join(sorted({_strip_city(p) for _, p in entries}))
            problems.append(f"'{kind} {name}' is in {where}, not in {province}")
    return problems
