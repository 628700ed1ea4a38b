"""`org:` and `extends:`: merge rules, and errors that name the file a value came from."""

from __future__ import annotations

import pytest

from antq_docs.errors import PlanError
from antq_docs.render import render_file
from antq_docs.validate import load_plan

from .helpers import FIXTURES, ROOT

ORG = (ROOT / "examples" / "orgs" / "cao-bang.yaml").read_text("utf-8")
BASE = (FIXTURES / "minimal.yaml").read_text("utf-8")


def write(folder, name, text):
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_a_plan_takes_what_it_lacks_from_its_profile(tmp_path):
    write(tmp_path, "org.yaml", ORG)
    plan = write(
        tmp_path,
        "plan.yaml",
        """
org: org.yaml
issuer: {number: 7, date: 02/3/2026}
subject: Kế hoạch
sections: [Nội dung.]
recipients+: [Công an tỉnh]
""",
    )
    validated = load_plan(plan)
    issuer = validated.plan.issuer
    assert (issuer.name, issuer.symbol, issuer.number) == (
        "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG",
        "KH-UBND",
        7,
    )
    names = [r.name for r in validated.plan.recipients]
    assert names[0] == "Bộ Công an" and names[-1] == "Công an tỉnh" and len(names) == 6
    assert validated.plan.signature.titles[0] == "TM. ỦY BAN NHÂN DÂN"
    assert validated.org.standing_agency == "Công an tỉnh"


def test_extends_deep_merges_maps_replaces_lists_appends_and_removes(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    plan = write(
        tmp_path,
        "plan.yaml",
        """
extends: base.yaml
issuer:
  number: 9
  parent-: true
subject: Kế hoạch năm {{ year }} (sửa)
sections:
  - title: Nội dung mới
    items: [Một việc.]
recipients-: [Công an tỉnh]
recipients+: [{name: Sở Tài chính, note: để biết}]
signature: {name: Trần Thị C}
""",
    )
    plan_model = load_plan(plan).plan
    assert plan_model.issuer.number == 9 and plan_model.issuer.parent is None
    assert plan_model.issuer.name == "BAN CHỈ ĐẠO 138"  # kept from the base
    assert plan_model.subject == "Kế hoạch năm 2026 (sửa)"
    assert [s.title for s in plan_model.sections] == ["Nội dung mới"]  # a list is replaced
    assert [r.name for r in plan_model.recipients] == ["Sở Tài chính"]
    assert plan_model.signature.titles == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"]
    assert plan_model.signature.name == "Trần Thị C"
    render_file(plan)  # and it renders


def test_errors_name_the_file_and_line_a_value_came_from(tmp_path):
    base = write(tmp_path, "base.yaml", BASE.replace("date: 05/01/2026", "date: 31/4/2026"))
    write(
        tmp_path,
        "org.yaml",
        ORG.replace("[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH", "[TM. ỦY BAN NHÂN DÂN, K/T CHỦ TỊCH"),
    )
    plan = write(tmp_path, "plan.yaml", "extends: base.yaml\nsubject: Kế hoạch\n")
    with pytest.raises(PlanError) as caught:
        load_plan(plan)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(base), 10, 9)
    assert "31/4/2026 does not exist" in problem.message
    plan2 = write(tmp_path, "plan2.yaml", "org: org.yaml\n" + BASE.split("signature:")[0])
    with pytest.raises(PlanError) as caught:
        load_plan(plan2)
    (problem,) = caught.value.problems
    assert problem.file == str(tmp_path / "org.yaml") and problem.line == 15
    assert "write 'KT.' with a period" in problem.message


def test_unit_missing_from_inherited_recipients_points_at_the_plan(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    plan = write(
        tmp_path,
        "plan.yaml",
        """extends: base.yaml
sections:
  - unit: Sở Tài chính
    text: Bố trí kinh phí.
""",
    )
    with pytest.raises(PlanError) as caught:
        load_plan(plan)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(plan), 3)


def test_removing_what_is_not_inherited_is_an_error(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    plan = write(tmp_path, "plan.yaml", "extends: base.yaml\nrecipients-: [Bộ Tài chính]\n")
    with pytest.raises(PlanError, match="'Bộ Tài chính' is not among the inherited"):
        load_plan(plan)


def test_cycles_and_missing_files(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: a.yaml\n")
    with pytest.raises(PlanError, match="inheritance loops: a.yaml → b.yaml → a.yaml"):
        load_plan(tmp_path / "a.yaml")
    plan = write(tmp_path, "c.yaml", "extends: nowhere.yaml\n")
    with pytest.raises(PlanError) as caught:
        load_plan(plan)
    assert caught.value.problems[0].line == 1 and "does not exist" in str(caught.value)


def test_profile_province_must_be_current(tmp_path):
    org = write(tmp_path, "org.yaml", ORG.replace("province: Cao Bằng", "province: Bắc Giang"))
    plan = write(tmp_path, "plan.yaml", "org: org.yaml\n")
    with pytest.raises(PlanError) as caught:
        load_plan(plan)
    (problem,) = caught.value.problems
    assert problem.file == str(org) and "merged into Bắc Ninh" in problem.message
