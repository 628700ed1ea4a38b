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
    "in_official_name",
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
# capitalised words, joined as official names join them («Văn Miếu - Quốc Tử Giám»,
# «Chân Mây – Lăng Cô»)
_WORD = r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ’']*|\d+)"  # «M’Drắk», «H’leo»
_PROPER_NAME = rf"({_WORD}(?:\s+(?:[-–]\s+)?{_WORD})*)"
# A named unit of either level; «thị xã» is tried before «xã», so it is never read as a xã.
_UNIT_MENTION = re.compile(
    r"\b(?i:(thị trấn|thị xã|huyện|quận|xã|phường|đặc khu))\s+" + _PROPER_NAME
)
_DISTRICT_KINDS = ("thị xã", "huyện", "quận")
_NAMED_KIND = "(?:xã|phường|đặc khu|tỉnh|thành phố)"
_UNIT_TYPE = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)
_DISTRICT_TYPE = re.compile(r"^(huyện|thị xã|quận|thành phố)\s+", re.IGNORECASE)


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
    """The 34 provinces in Vietnamese alphabetical order of their own names (a thành phố
    under its name: «Thành phố Cần Thơ» after «Cao Bằng»), as official lists give them."""
    from .collation import vietnamese_key

    return sorted(set(_provinces().values()), key=lambda name: vietnamese_key(_strip_city(name)))


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
    """Problems with the units named in `text` ('xã Hợp Đức', 'phường Thục Phán', 'thị trấn
    Nước Hai', 'huyện Hòa An'): a unit abolished in 2025 with what it became, a misspelt
    xã/phường with the nearest current one and its province."""
    problems = []
    communes = _communes()
    for match in _UNIT_MENTION.finditer(text):
        kind, name = match[1], match[2]
        if kind.casefold() in _DISTRICT_KINDS:
            problems.append(_district_problem(kind, name, province))
            continue
        entries = None if kind.casefold() == "thị trấn" else communes.get(_key(f"{kind} {name}"))
        if not entries and kind.casefold() != "thị trấn":
            entries = _official_name_at(text[match.start() :], _key(f"{kind} {name}"))
        if not entries:
            successors = former_unit_successors(name, province)
            if successors:
                became = _(" — it was merged on 01/7/2025 into ") + _(" and ").join(
                    f"'{s}'" for s in successors
                )
            else:
                became = _nearest_commune(f"{kind} {name}", province)
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


def _official_name_at(text: str, prefix: str) -> list[tuple[str, str]] | None:
    """The entries of an official name that `text` begins with when the list spells one of
    its words in lower case («Xã Đắk song»), which the capitalised-words pattern stops at."""
    start = _key(text)
    for key, entries in _communes().items():
        if key.startswith(prefix + " ") and (start == key or start.startswith(key + " ")):
            return entries
    return None


def in_official_name(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end] belongs to the name of a current province or
    xã/phường written there as the official list spells it (the «Thuỷ» of «xã Đàm Thuỷ»):
    such a word keeps its own tone marks, whatever style the rest of a plan writes."""
    for name in _official_words().get(text[start:end].casefold(), ()):
        # the name as a unit's name, after its kind: «trường Thuỷ Nguyên» is the clerk's word
        spelt = r"\s+".join(map(re.escape, name.split()))
        pattern = re.compile(rf"\b{_NAMED_KIND}\s+({spelt})", re.IGNORECASE)
        offset = max(0, start - len(name) - 12)
        window = text[offset : end + len(name)]
        if any(
            m.start(1) + offset <= start and end <= m.end(1) + offset
            for m in pattern.finditer(window)
        ):
            return True
    return False


@functools.cache
def _official_words() -> dict[str, tuple[str, ...]]:
    """Each word of a current unit's or province's name (casefolded) -> the names holding
    it, as the official list spells them (without «Xã», «Tỉnh», «Thành phố»)."""
    from vietnam_provinces import Province, Ward

    names = {_UNIT_TYPE.sub("", ward.name) for ward in Ward.iter_all()}
    names |= {_strip_city(province.name) for province in Province.iter_all()}
    found: dict[str, set[str]] = {}
    for name in names:
        for word in name.split():
            found.setdefault(word.casefold(), set()).add(name)
    return {word: tuple(sorted(held)) for word, held in found.items()}


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


def _closest(name: str, candidates: list[str], cutoff: float = 0.75) -> str | None:
    import difflib

    # Compared without tone marks: "Ha Noi" and "Hoa An" are how names arrive from a keyboard
    # without Vietnamese input.
    keys = {_plain(c): c for c in candidates}
    found = difflib.get_close_matches(_plain(name), list(keys), n=1, cutoff=cutoff)
    return keys[found[0]] if found else None


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", _key(name).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _district_problem(kind: str, name: str, province: str | None) -> str:
    """A huyện, thị xã or quận named in a plan dated after the reform: there are none."""
    successors = former_unit_successors(name, province, level="district")
    if not successors:
        return _(
            "'{kind} {name}' no longer exists: since 01/7/2025 local government has two "
            "levels; name the xã/phường that took its place"
        ).format(kind=kind, name=name)
    shown = successors[:8] + (["…"] if len(successors) > 8 else [])
    return _(
        "'{kind} {name}' no longer exists: since 01/7/2025 local government has two levels, "
        "and its xã/phường are now {units}; name the one meant"
    ).format(kind=kind, name=name, units=", ".join(f"'{s}'" for s in shown))


def _nearest_commune(name: str, province: str | None) -> str:
    """«; did you mean 'Xã Hòa An' (Cao Bằng)?» for a misspelt xã/phường, or nothing. Names
    are compared without their «xã»/«phường», which would make any two look alike."""
    try:
        units = units_of(province) if province else ()
    except LookupError:
        units = ()
    entries = {(u.name, u.province) for u in units} or {
        entry for found in _communes().values() for entry in found
    }
    by_bare: dict[str, list[tuple[str, str]]] = {}
    for official, where in sorted(entries):
        by_bare.setdefault(_UNIT_TYPE.sub("", official), []).append((official, where))
    # stricter than for a batch's row: among 3,321 names a loose match is a wrong one
    close = _closest(_UNIT_TYPE.sub("", name), list(by_bare), cutoff=0.85)
    if close is None:
        return ""
    official = by_bare[close][0][0]
    provinces = sorted({_strip_city(where) for _name, where in by_bare[close]})
    return _("; did you mean '{close}' ({province})?").format(
        close=official, province=", ".join(provinces)
    )


def former_unit_successors(name: str, province: str | None, level: str = "ward") -> list[str]:
    """The current units that a xã/phường/thị trấn (`level="district"`: a huyện, thị xã or
    quận) abolished in 2025 became part of (in any province when none is given: then each
    is named with its province).

    The map of old units to new ones comes from `vietnam-address-converter` (10,358 pairs,
    loaded only when a name is not found: it takes about half a second)."""
    try:
        from vietnam_address_converter.converter import DEFAULT_DATA
    except ImportError:  # the map is optional: without it a message just has no successor
        return []
    kinds = _DISTRICT_TYPE if level == "district" else _UNIT_TYPE
    wanted = _key(kinds.sub("", name))
    try:
        province_key = _key(_strip_city(province_named(province))) if province else None
    except LookupError:
        return []
    found: list[str] = []
    for row in DEFAULT_DATA["mapping"]["rows"]:
        if _key(kinds.sub("", row["old"][f"{level}_name"])) != wanted:
            continue
        new_province = _strip_city(row["new"]["province_name"].replace("Thành Phố", "Thành phố"))
        if province_key is not None and _key(new_province) != province_key:
            continue
        unit = row["new"]["ward_name"]
        named = unit if province_key is not None else f"{unit} ({new_province})"
        if named not in found:
            found.append(named)
    return found
