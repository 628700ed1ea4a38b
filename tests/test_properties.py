"""Property tests: the examples and a profile, mutated at random — fields removed, retyped,
filled with hostile text, lists doubled, values wrapped — must each either render to a DOCX
that `antq check` and openxml-audit accept, or be refused with problems that name their place.
Never an internal error.

    ANTQ_PROPERTY_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_properties.py

runs a longer search (CI runs 2,000 with a fixed seed).
"""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from antq_docs.check import check_docx
from antq_docs.errors import PlanError
from antq_docs.render import render_file

from .helpers import EXAMPLES, ROOT, ooxml_errors

pytestmark = pytest.mark.slow  # thousands of random plans: the slow tier

EXAMPLES_COUNT = int(os.environ.get("ANTQ_PROPERTY_EXAMPLES", "2000"))
HOSTILE_TEXT = [
    "",
    " ",
    "{{ year }}",
    "{{ 1/0 }}",
    "{{ nothing_here }}",
    "{% for x in y %}{% endfor %}",
    "{{ [1][5] }}",
    "{{ 'x' * 100000 }}",
    "{{ 'x'|center(10**9) }}",
    "**bold",
    "^[note",
    "a ^[b] c",
    "\\",
    "a: b",
    "# x",
    "- x",
    "\u202egnp.exe",
    "😀",
    "e\u0301",
    "x" * 5000,
    "ngày 5 tháng 13",
    "31/02/2026",
    "Q5/2026",
    "../../etc/passwd",
    "null",
    "~",
    "yes",
    "\t",
    "line\nbreak",
    "KT TRƯỞNG BAN",
    "T/M",
    "<w:p/>",
    "&amp;",
    "]]>",
    "Lưu VT",
    "Số: 5/KH - BCĐ",
    "\u00a0",
    "ǅ",
    "İ",
    "Phường Hoàn Kiếm",
    "huyện Hòa An",
]
RETYPED = [0, -1, 10**20, 3.14, True, None, [], {}, ["a"], {"a": 1}, "2026-02-30"]


def _bases() -> list[tuple[str, dict, dict | None]]:
    """(name, plan data, profile data): the examples, and a plan a kind writes for a ward."""
    from antq_docs.kinds import generate_plan
    from antq_docs.load.yaml_source import load_source
    from antq_docs.validate import validate_org

    out = [(path.stem, yaml.safe_load(path.read_text("utf-8")), None) for path in EXAMPLES]
    profile_path = ROOT / "examples" / "orgs" / "phuong-thuc-phan.yaml"
    org = validate_org(load_source(profile_path))
    text = generate_plan("ngay-hoi", 2026, org, "org.yaml")
    out.append(("kind", yaml.safe_load(text), yaml.safe_load(profile_path.read_text("utf-8"))))
    return out


BASES = _bases()


def _nodes(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, path + (index,))


def _apply(data, path, operation, value):
    if not path:
        return data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if operation == "remove":
        del parent[key]
    elif operation == "retype":
        parent[key] = value
    elif operation == "text":
        parent[key] = value
    elif operation == "double" and isinstance(parent[key], list):
        parent[key] = parent[key] + parent[key]
    elif operation == "wrap":
        parent[key] = [parent[key]] if value else {"x": parent[key]}
    return data


mutation = st.tuples(
    st.sampled_from(["remove", "retype", "text", "text", "double", "wrap"]),
    st.integers(0, 10**6),
    st.sampled_from(RETYPED),
    st.sampled_from(HOSTILE_TEXT),
    st.booleans(),
)


@settings(
    max_examples=EXAMPLES_COUNT,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.generate],
)  # a failure is reported as found, unshrunk
@given(
    base=st.integers(0, len(BASES) - 1),
    mutations=st.lists(mutation, min_size=1, max_size=3),
    in_profile=st.booleans(),
)
def test_mutated_plans_render_correctly_or_are_refused_with_a_place(base, mutations, in_profile):
    name, plan, profile = copy.deepcopy(BASES[base])
    target = profile if (in_profile and profile is not None) else plan
    for operation, index, retyped, text, flag in mutations:
        nodes = list(_nodes(target))
        path = nodes[index % len(nodes)]
        # a copy: the same list put in twice would end up inside itself
        value = copy.deepcopy(retyped) if operation == "retype" else text
        target = _apply(target, path, operation, value if operation != "wrap" else flag)
    if profile is target:
        profile = target
    with tempfile.TemporaryDirectory(prefix="antq-property-") as folder:
        plan_path = Path(folder) / "plan.yaml"
        plan_path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
        if profile is not None:
            (Path(folder) / "org.yaml").write_text(
                yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), "utf-8"
            )
        try:
            docx = render_file(plan_path).docx
        except PlanError as exc:
            assert exc.problems, "refused without a word"
            for problem in exc.problems:
                assert problem.message and problem.file
                assert problem.line >= 1 or not problem.path, problem
            return
        errors = [f for f in check_docx(docx) if f.counts]
        assert not errors, (name, mutations, errors)
        _assert_valid_ooxml(docx, folder)


def _assert_valid_ooxml(docx: bytes, folder: str) -> None:
    path = Path(folder) / "out.docx"
    path.write_bytes(docx)
    errors = ooxml_errors(path)
    assert not errors, errors[:3]
