"""Place names against vietnam-provinces: 34 provinces, 3,321 xã/phường since 01/7/2025."""

from __future__ import annotations

import datetime as dt

import pytest

from antq_docs.errors import PlanError
from antq_docs.places import (
    FORMER_PROVINCES,
    commune_problems,
    current_province_names,
    place_problem,
    province_problem,
)
from antq_docs.validate import load_plan

from .helpers import FIXTURES

AFTER = dt.date(2026, 1, 5)
BEFORE = dt.date(2024, 4, 1)


def test_the_package_has_the_2025_map():
    from vietnam_provinces import Ward

    assert len(current_province_names()) == 34
    assert sum(1 for _ in Ward.iter_all()) == 3321


def test_every_former_province_names_a_current_successor():
    current = set(current_province_names())
    assert len(FORMER_PROVINCES) == 30  # 29 merged away, and Thừa Thiên Huế renamed
    assert set(FORMER_PROVINCES.values()) <= current
    assert not set(FORMER_PROVINCES) & current


def test_places():
    assert place_problem("Cao Bằng", AFTER) is None
    assert place_problem("Thành phố Hồ Chí Minh", AFTER) is None
    assert place_problem("Hà Nội", AFTER) is None
    assert place_problem("Thục Phán", AFTER) is None  # a phường
    assert "merged into Thành phố Hồ Chí Minh" in place_problem("Bà Rịa - Vũng Tàu", AFTER)
    assert "neither a current province" in place_problem("Atlantis", AFTER)
    assert place_problem("Bà Rịa - Vũng Tàu", BEFORE) is None  # it was a province then
    assert "merged into Bắc Ninh" in province_problem("Bắc Giang")


def test_communes_named_in_text():
    assert commune_problems("UBND phường Thục Phán", "Cao Bằng") == []
    # A unit abolished in 2025 is named with what it became (in each province, when the
    # plan does not say which).
    assert commune_problems("xã Hợp Đức") == [
        "'xã Hợp Đức' is not in the current list of xã/phường — it was merged on 01/7/2025 "
        "into 'Phường Nam Đồ Sơn (Hải Phòng)' and 'Xã Phúc Hòa (Bắc Ninh)'"
    ]
    assert commune_problems("xã Nước Hai", "Cao Bằng") == [
        "'xã Nước Hai' is not in the current list of xã/phường — it was merged on 01/7/2025 "
        "into 'Xã Hòa An'"
    ]
    assert commune_problems("xã Không Có Thật") == [
        "'xã Không Có Thật' is not in the current list of xã/phường"
    ]
    assert "not in Bắc Ninh" in commune_problems("phường Thục Phán", "Bắc Ninh")[0]


def test_post_reform_plan_warnings(tmp_path):
    """The địa danh is a warning; a unit or a recipient by last year's name is an error (the
    work would go to a body that no longer exists)."""
    text = (FIXTURES / "minimal.yaml").read_text("utf-8")
    text = text.replace("place: Cao Bằng", "place: Bắc Giang Cũ")
    text = text.replace("      - unit: Công an tỉnh\n", "      - unit: UBND huyện Hòa An\n")
    text = text.replace(
        "recipients:\n  - Công an tỉnh\n",
        "recipients:\n  - UBND huyện Hòa An\n  - UBND xã Không Có\n",
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    messages = [f"{p.line}: {p.severity}: {p.message}" for p in caught.value.problems]
    assert any(m.startswith("9: warning: 'Bắc Giang Cũ' is neither") for m in messages)
    assert any(
        m.startswith("18: error: 'huyện Hòa An' no longer exists") and "'Xã Hòa An" in m
        for m in messages
    )
    assert any("error: 'xã Không Có' is not in the current list" in m for m in messages)
    old = text.replace("date: 05/01/2026", "date: 05/01/2025").replace(
        "deadline: 25/8/2026", "deadline: 25/8/2025"
    )
    path.write_text(old, "utf-8")
    assert load_plan(path).warnings == []


def test_every_current_unit_passes_as_the_list_spells_it_and_in_capitals():
    """Official names join words with dashes and apostrophes («Văn Miếu - Quốc Tử Giám»,
    «Chân Mây – Lăng Cô», «M’Drắk») and a few keep a word in lower case: each must pass as
    a unit, a recipient and an issuing body's capitals, or a whole province's batch stops."""
    from vietnam_provinces import Province, Ward

    from antq_docs.places import commune_problems

    provinces = {p.code: p.name for p in Province.iter_all()}
    failing = [
        text
        for ward in Ward.iter_all()
        for text in (ward.name, "UBND " + ward.name.upper())
        if commune_problems(text, provinces[ward.province_code])
    ]
    assert failing == []
