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
from dataclasses import dataclass

from .i18n import _

__all__ = [
    "REFORM_DATE",
    "FORMER_PROVINCES",
    "province_problem",
    "place_problem",
    "commune_problems",
    "current_province_names",
    "Unit",
    "province_named",
    "units_of",
    "unit_named",
    "former_unit_successors",
    "villages_of",
    "is_commune_name",
]

REFORM_DATE = dt.date(2025, 7, 1)
FORMER_PROVINCES = {
    "Hà Giang": "Tuyên Quang",
    "Yên Bái": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên",
    "Hải Dương": "Thành phố Hải Phòng",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Thành phố Đà Nẵng",
    "Kon Tum": "Quảng Ngãi",
    "Bình Định": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Thành phố Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Thành phố Hồ Chí Minh",
    "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh",
    "Sóc Trăng": "Thành phố Cần Thơ",
    "Hậu Giang": "Thành phố Cần Thơ",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
    "Thừa Thiên Huế": "Thành phố Huế",
}
_COMMUNE_MENTION = re.compile(
    r"\b(xã|phường|đặc khu)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d+)"
    r"(?:\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\d+))*)"
)
_UNIT_TYPE = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)


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
    successor = _successor_province(name)
    if successor:
        return _(
            "'{name}' was merged into {successor} on 01/7/2025; write the new province '{province}'"
        ).format(name=name, successor=successor, province=_strip_city(successor))
    return _("'{name}' is not one of the 34 provinces").format(name=name)


def _successor_province(name: str) -> str | None:
    """The province a tỉnh abolished in 2025 became part of."""
    return _former_provinces().get(_key(_strip_city(name)))


@functools.cache
def _former_provinces() -> dict[str, str]:
    return {_key(k): v for k, v in FORMER_PROVINCES.items()}


def place_problem(place: str, date: dt.date) -> str | None:
    """The địa danh of a plan dated after the reform must be a current province or xã/phường."""
    if date < REFORM_DATE:
        return None
    if _key(place) in _provinces() or _key(place) in _communes():
        return None
    if _successor_province(place):
        return province_problem(place)
    return _(
        "'{place}' is neither a current province nor a current xã/phường "
        "(vietnam-provinces, 34 provinces and 3,321 xã/phường)"
    ).format(place=place)


def commune_problems(text: str, province: str | None = None) -> list[str]:
    """Problems with the xã/phường named in `text` ('xã Hợp Đức', 'phường Thục Phán')."""
    problems = []
    communes = _communes()
    for match in _COMMUNE_MENTION.finditer(text):
        kind, name = match[1], match[2]
        entries = communes.get(_key(f"{kind} {name}"))
        if not entries:
            successors = former_unit_successors(name, province)
            became = (
                (
                    _(" — it was merged on 01/7/2025 into ")
                    + _(" and ").join(f"'{s}'" for s in successors)
                )
                if successors
                else ""
            )
            problems.append(
                _("'{kind} {name}' is not in the current list of xã/phường{became}").format(
                    kind=kind, name=name, became=became
                )
            )
        elif province and not any(
            _key(p) == _key(province) or _key(_strip_city(p)) == _key(province) for _, p in entries
        ):
            where = ", ".join(sorted({_strip_city(p) for _, p in entries}))
            problems.append(
                _("'{kind} {name}' is in {where}, not in {province}").format(
                    kind=kind, name=name, where=where, province=province
                )
            )
    return problems


# --- Units for batch generation -------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One current xã, phường or đặc khu, as a batch names it."""

    name: str  # "Xã Hòa An", "Phường Thục Phán"
    type: str  # "xã", "phường", "đặc khu"
    code: int  # the national code of the unit
    province: str  # "Cao Bằng", "Thành phố Hà Nội"

    @property
    def bare(self) -> str:
        """The name without its type: "Hòa An"."""
        return self.name[len(self.type) + 1 :]

    @property
    def in_text(self) -> str:
        """As written inside a sentence: "xã Hòa An"."""
        return f"{self.type} {self.bare}"

    @property
    def villages(self) -> str:
        return villages_of(self.name)

    @property
    def police(self) -> str:
        """Its standing agency for security plans: "Công an xã"."""
        return f"Công an {self.type}"


def villages_of(commune: str | None) -> str:
    """What a commune is divided into: a xã into thôn, a phường into tổ dân phố; a đặc khu,
    or a profile that does not say, into both."""
    kind = _UNIT_TYPE.match(commune or "")
    return {"xã": "thôn", "phường": "tổ dân phố"}.get(
        kind[1].casefold() if kind else "", "thôn, tổ dân phố"
    )


def is_commune_name(name: str) -> bool:
    """ "Xã Hòa An", "phường Thục Phán", "Thị trấn Nước Hai": a commune-level unit's name."""
    return bool(_UNIT_TYPE.match(name))


def province_named(name: str) -> str:
    """The current province's official name for `name`; LookupError saying what to write."""
    found = _provinces().get(_key(name))
    if found:
        return found
    problem = province_problem(name) or ""
    if not _successor_province(name):
        close = _closest(name, sorted({_strip_city(p) for p in _provinces().values()}))
        problem += _("; did you mean '{close}'?").format(close=close) if close else ""
    raise LookupError(problem)


@functools.cache
def units_of(province: str) -> tuple[Unit, ...]:
    """Every current xã/phường/đặc khu of a province, in the order of their codes."""
    from vietnam_provinces import Province, Ward

    official = province_named(province)
    code = next(p.code for p in Province.iter_all() if p.name == official)
    units = [
        Unit(
            ward.name,
            ward.division_type.value,
            int(ward.code.value),
            _strip_city(official) if official.startswith("Tỉnh ") else official,
        )
        for ward in Ward.iter_by_province(code)
    ]
    return tuple(sorted(units, key=lambda unit: unit.code))


def unit_named(name: str, province: str) -> Unit:
    """The current unit called `name` ("Xã Hòa An" or "Hòa An") in `province`; LookupError
    with the nearest names and, for a unit merged away in 2025, the unit it became."""
    units = units_of(province)
    wanted = _key(name)
    for unit in units:
        if wanted in (_key(unit.name), _key(unit.bare)):
            return unit
    message = _("'{name}' is not a current xã/phường of {province}").format(
        name=name, province=_strip_city(province_named(province))
    )
    successors = former_unit_successors(name, province)
    if successors:
        message += _(" — it was merged on 01/7/2025 into ") + _(" and ").join(
            f"'{s}'" for s in successors
        )
    else:
        close = _closest(name, [unit.name for unit in units] + [unit.bare for unit in units])
        if close:
            message += _("; did you mean '{close}'?").format(close=close)
    raise LookupError(message)


def _closest(name: str, candidates: list[str]) -> str | None:
    import difflib

    # Compared without tone marks: "Ha Noi" and "Hoa An" are how names arrive from a keyboard
    # without Vietnamese input.
    keys = {_plain(c): c for c in candidates}
    found = difflib.get_close_matches(_plain(name), list(keys), n=1, cutoff=0.75)
    return keys[found[0]] if found else None


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", _key(name).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def former_unit_successors(name: str, province: str | None) -> list[str]:
    """The current units that a xã/phường/thị trấn abolished in 2025 became part of (in any
    province when none is given: then each is named with its province).

    The map of old units to new ones comes from `vietnam-address-converter` (10,358 pairs,
    loaded only when a name is not found: it takes about half a second)."""
    try:
        from vietnam_address_converter.converter import DEFAULT_DATA
    except ImportError:  # the map is optional: without it a message just has no successor
        return []
    wanted = _key(_UNIT_TYPE.sub("", name))
    try:
        province_key = _key(_strip_city(province_named(province))) if province else None
    except LookupError:
        return []
    found: list[str] = []
    for row in DEFAULT_DATA["mapping"]["rows"]:
        if _key(_UNIT_TYPE.sub("", row["old"]["ward_name"])) != wanted:
            continue
        new_province = _strip_city(row["new"]["province_name"].replace("Thành Phố", "Thành phố"))
        if province_key is not None and _key(new_province) != province_key:
            continue
        unit = row["new"]["ward_name"]
        named = unit if province_key is not None else f"{unit} ({new_province})"
        if named not in found:
            found.append(named)
    return found
