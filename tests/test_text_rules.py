"""Vietnamese formatting, numbering, timelines and inline markup."""

from __future__ import annotations

import datetime as dt

import pytest

from antq_docs.content.markup import MarkupProblem, parse_inline
from antq_docs.content.numbering import Counter
from antq_docs.validate.templating import TextRenderer, TemplateProblem, build_context
from antq_docs.content.timeline_text import timeline_phrase
from antq_docs.nd30.forms import issue_date_text, letter, roman, short_date
from antq_docs.model.timeline import Timeline
from antq_docs.tree.nodes import FootnoteRef, Run


@pytest.mark.parametrize(
    "day,month,year,text",
    [
        (5, 1, 2020, "ngày 05 tháng 01 năm 2020"),  # the decree's own examples
        (29, 6, 2019, "ngày 29 tháng 6 năm 2019"),
        (5, 3, 2020, "ngày 05 tháng 3 năm 2020"),
        (4, 4, 2022, "ngày 04 tháng 4 năm 2022"),  # the Cao Bằng 2022 slip, corrected
        (19, 2, 2025, "ngày 19 tháng 02 năm 2025"),
        (None, 4, 2024, "ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng 4 năm 2024"),
    ],
)
def test_issue_date(day, month, year, text):
    assert issue_date_text(day, month, year) == text


def test_short_dates_inside_sentences():
    assert short_date(dt.date(2005, 6, 13)) == "13/6/2005"
    assert short_date(dt.date(2019, 1, 22)) == "22/01/2019"
    assert short_date(dt.date(2022, 3, 22)) == "22/3/2022"


def test_letter_sequence_of_the_decree():
    assert [letter(n) for n in range(1, 12)] == list("abcdđeghikl")
    assert "ă" not in [letter(n) for n in range(1, 30)]


def test_roman():
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]


def test_numbering_styles_and_overrides():
    dotted = Counter("dotted", "2.2.")
    assert [dotted.label(None) for _ in range(2)] == ["2.2.1.", "2.2.2."]
    arabic = Counter("arabic", "")
    assert [arabic.label(None), arabic.label("5"), arabic.label(None)] == ["1.", "5.", "6."]
    letters = Counter("letter", "")
    assert [letters.label(None) for _ in range(6)] == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    assert Counter("dash", "1.").label(None) == "-"


@pytest.mark.parametrize(
    "data,phrase",
    [
        ({"from": "Q1/2025", "to": "Q3/2025"}, "từ quý I đến quý III năm 2025"),
        ({"from": "nay", "to": "quý IV/2025"}, "từ nay đến quý IV năm 2025"),
        ({"from": "Q4/2024", "to": "Q3/2025"}, "từ quý IV năm 2024 đến quý III năm 2025"),
        ({"from": "Q1/2025", "to": "8/2025"}, "từ quý I đến tháng 8 năm 2025"),
        ({"from": "01/8/2022", "to": "19/8/2022"}, "từ ngày 01/8 đến ngày 19/8/2022"),
        (
            {"from": "01/8/2024", "to": "19/8/2024", "through": True},
            "từ ngày 01/8 đến hết ngày 19/8/2024",
        ),
        (
            {"from": "nay", "until": "trước ngày tổ chức kỷ niệm"},
            "từ nay đến trước ngày tổ chức kỷ niệm",
        ),
        (
            {"from": "Q1/2025", "focus": {"from": "7/2025", "to": "8/2025"}},
            "từ quý I năm 2025, trọng tâm các hoạt động từ tháng 7 đến tháng 8 năm 2025",
        ),
        ({"every_month": 15}, "ngày 15 hàng tháng"),
        ({"at": "19/8/2025"}, "ngày 19/8/2025"),
    ],
)
def test_timeline_phrases(data, phrase):
    assert timeline_phrase(Timeline.model_validate(data)) == phrase


def test_timeline_rejects_a_span_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="ends before it starts"):
        Timeline.model_validate({"from": "Q3/2025", "to": "Q1/2025"})


def test_inline_markup():
    runs = parse_inline("a **b *c*** d^[note *x*] e\\*")
    assert runs == (
        Run("a "),
        Run("b ", bold=True),
        Run("c", bold=True, italic=True),
        Run(" d"),
        FootnoteRef((Run("note "), Run("x", italic=True))),
        Run(" e*"),
    )
    with pytest.raises(MarkupProblem, match="never closed"):
        parse_inline("*open")
    with pytest.raises(MarkupProblem):
        parse_inline("a^[b^[c]]")


def test_anniversaries_are_computed_for_the_year():
    for year, cand, festival in ((2022, 77, 17), (2024, 79, 19), (2025, 80, 20)):
        context = build_context({"issuer": {"date": dt.date(year, 4, 4)}})
        renderer = TextRenderer(context)
        assert (
            renderer.render("{{ cand_anniversary() }}/{{ festival_anniversary() }}")
            == f"{cand}/{festival}"
        )


def test_sandbox_refuses_unsafe_and_huge_expressions():
    renderer = TextRenderer(build_context({}))
    with pytest.raises(TemplateProblem):
        renderer.render("{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateProblem, match="too much text"):
        renderer.render("{{ 'x' * 10**7 }}")
    with pytest.raises(TemplateProblem, match="too large"):
        renderer.render("{{ 9 ** 9 ** 9 }}")


def test_amounts_are_written_the_vietnamese_way():
    renderer = TextRenderer(build_context({"vars": {"budget": 1500000000}}))
    assert renderer.render("{{ budget | number }} đồng") == "1.500.000.000 đồng"
    assert renderer.render("{{ number(2.5, 1) }} tỷ") == "2,5 tỷ"


def test_yearly_recurring_times():
    from antq_docs.content.timeline_text import timeline_phrase
    from antq_docs.model.timeline import Timeline

    assert (
        timeline_phrase(Timeline.model_validate({"every_year": "15/11"})) == "ngày 15/11 hằng năm"
    )
    assert timeline_phrase(Timeline.model_validate({"every_year": "5/1"})) == "ngày 05/01 hằng năm"
    import pydantic

    with pytest.raises(pydantic.ValidationError, match="no day of the year"):
        Timeline.model_validate({"every_year": "31/11"})
    with pytest.raises(pydantic.ValidationError, match="only one of"):
        Timeline.model_validate({"every_year": "15/11", "every_month": 15})
