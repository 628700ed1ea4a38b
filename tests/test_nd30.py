"""The decree's facts live once, in antq_docs.nd30: what antq chooses lies inside what the
decree allows, the writer and the rules read the same facts, every rule id the calibration
names exists, and the fixer table is derived from the rules."""

from __future__ import annotations

import dataclasses

import pytest

from antq_docs import nd30
from antq_docs.check.calibration import DEBATABLE_RULES, DEFECT_RULES
from antq_docs.check.rules import RULES as CHECKED
from antq_docs.nd30.ranges import OneOf, Range

_RANGES = [(name, value) for name, value in vars(nd30).items() if isinstance(value, Range | OneOf)]
_ELEMENTS = [(name, value) for name, value in vars(nd30).items() if isinstance(value, nd30.Element)]


@pytest.mark.parametrize(
    ("name", "measure"),
    _RANGES
    + [(f"{name}.size", element.size) for name, element in _ELEMENTS]
    + [(f"MARGINS.{side}", value) for side, value in nd30.MARGINS.items()]
    + [(f"LANDSCAPE_MARGINS.{side}", value) for side, value in nd30.LANDSCAPE_MARGINS.items()],
)
def test_chosen_lies_in_allowed(name: str, measure: Range | OneOf) -> None:
    if isinstance(measure, OneOf):
        assert measure.chosen in measure.allowed, name
    else:
        assert measure.low <= measure.chosen <= measure.high, name


def test_a_choice_outside_the_range_is_refused() -> None:
    with pytest.raises(ValueError):
        nd30.SizeRange((13, 14), 12)
    with pytest.raises(ValueError):
        OneOf((1.0, 1.27), 1.5)


def test_the_decree_s_figures() -> None:
    assert nd30.MOTTO.text == "Độc lập - Tự do - Hạnh phúc"
    assert nd30.MOTTO.size.allowed == (13, 14) and nd30.MOTTO.bold
    assert nd30.NATIONAL_TITLE.size.allowed == (12, 13)
    assert nd30.RECIPIENTS_LABEL.size.allowed == (12, 12)
    assert nd30.RECIPIENTS.size.allowed == (11, 11)
    assert [(side, r.allowed) for side, r in nd30.MARGINS.items()] == [
        ("top", (20, 25)),
        ("bottom", (20, 25)),
        ("left", (30, 35)),
        ("right", (15, 20)),
    ]
    assert nd30.FONT == "Times New Roman" and nd30.PAPER_MM == (210, 297)
    assert nd30.ABBREVIATIONS["KH"] == "Kế hoạch" and nd30.ABBREVIATIONS["QyĐ"] == "Quy định"


def test_landscape_margins_are_the_portrait_ranges_turned() -> None:
    turned = nd30.LANDSCAPE_MARGINS
    assert turned.top.allowed == nd30.MARGINS.left.allowed  # the binding edge on top
    assert turned.bottom.allowed == nd30.MARGINS.right.allowed
    assert turned.left.allowed == turned.right.allowed == nd30.MARGINS.top.allowed


def test_text_widths_follow_the_chosen_margins() -> None:
    from antq_docs.model.table import TEXT_WIDTH_CM
    from antq_docs.write.docx import layout

    assert layout.TEXT_WIDTH_MM == nd30.text_width_mm() == 165
    assert layout.LANDSCAPE_TEXT_WIDTH_MM == nd30.text_width_mm(landscape=True) == 247
    assert TEXT_WIDTH_CM == {"portrait": 16.5, "landscape": 24.7}


def test_rendered_document_types_are_the_decree_s() -> None:
    from antq_docs.model.plan import DOCUMENT_TYPES

    assert all(
        nd30.ABBREVIATIONS[abbreviation] == name for abbreviation, name in DOCUMENT_TYPES.items()
    )


def test_the_writer_reads_nd30() -> None:
    """The writer's layout module holds no decree fact of its own."""
    from antq_docs.write.docx import layout

    for name in (
        "FONT",
        "MOTTO",
        "NATIONAL_TITLE",
        "MARGIN_TOP_MM",
        "SIZE_MOTTO",
        "SIZE_BODY",
        "RULE_FRACTION",
        "LINE_SPACING",
    ):
        assert not hasattr(layout, name), name


def test_calibration_names_only_existing_rules() -> None:
    ids = {rule.id for rule in CHECKED}
    named = set().union(*DEFECT_RULES.values(), *DEBATABLE_RULES.values())
    assert named <= ids, named - ids


def test_fixer_table_is_derived_from_the_rules() -> None:
    from antq_docs.fix import FIXERS
    from antq_docs.fix.registry import RULES

    assert [rule.id for rule in RULES] == [rule.id for rule in CHECKED]
    assert all(rule.fix is None for rule in CHECKED)  # check/ knows no fixer
    assert FIXERS == {rule.id: rule.fix for rule in RULES if rule.fix}
    for rule in RULES:
        if rule.fix is not None:
            assert rule.fix.fixes is rule.check, rule.id  # type: ignore[attr-defined]


def test_a_hit_becomes_a_finding() -> None:
    from antq_docs.check.findings import Finding, Hit

    rule = CHECKED[1]
    hit = Hit(None, "page setup", "", "wrong", "estimate", data=1)
    finding = Finding.of(rule, hit)
    assert (finding.rule, finding.where, finding.message, finding.certainty) == (
        rule.id,
        "page setup",
        "wrong",
        "estimate",
    )
    assert dataclasses.asdict(finding).keys() == {
        "rule",
        "severity",
        "clause",
        "where",
        "excerpt",
        "message",
        "certainty",
    }


def test_fix_imports_no_private_name_of_check() -> None:
    import ast
    from pathlib import Path

    import antq_docs.fix as fix

    for path in Path(fix.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and "check" in (node.module or ""):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, (path.name, private)
