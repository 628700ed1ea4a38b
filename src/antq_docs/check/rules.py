"""The Nghị định 30 rules `antq check` applies, in the order a reader meets the page: a stable
id, a severity, the clause and a one-line title for each. The checks themselves are in
top_rules.py (page 1's header and the name), body_rules.py (body and closing) and
page_rules.py (the page as a whole).

The numbers a check compares with (sizes, margins, lengths) come from antq_docs.nd30; the
titles below restate them for `antq check --rules`. Each rule's fixer, when it has one, is
paired with it in antq_docs.fix.registry (check/ does not import fix/).

Clauses cite Phụ lục I (PL1), II (PL2) and III (PL3) of ND 30/2020/NĐ-CP as summarised in
shared/nd30-spec.md. Severity "warning" marks what comes from the decree's models, from
office practice, or what the decree leaves open.
"""

from __future__ import annotations

from .appendix_rules import appendix_attached, appendix_form
from .body_rules import (
    blank_paragraphs,
    body_alignment,
    body_indent,
    body_line_spacing,
    body_notes,
    body_size,
    body_spacing,
    drafter_mark,
    end_mark,
    headings,
    recipients_items,
    recipients_label,
    signature_block,
)
from .common import Found, place_hit
from .findings import Rule
from .locate import Parts
from .page_rules import (
    appendix_heading,
    appendix_page_numbers,
    fake_footnotes,
    fonts,
    margins,
    orientation,
    page_numbers,
    page_size,
)
from .subject_rules import (
    subject_block,
    subject_capitals,
    subject_rule,
    summary_line,
    summary_spacing,
)
from .top_rules import (
    issuer_block,
    issuer_rule,
    motto_format,
    motto_rule,
    motto_text,
    national_title_format,
    national_title_spelling,
    national_title_text,
    number_format,
    number_line,
    place_date_format,
    place_date_text,
    title_block,
)
from ..i18n import N_, _

__all__ = ["RULES"]


def not_administrative(parts: Parts) -> Found:
    if not parts.administrative:
        yield place_hit(
            _("document"),
            _(
                "this is not an administrative document of Nghị "
                "định 30 (no Quốc hiệu, «Số:» line and document "
                "type of Điều 7 were found together: a speech, an "
                "agenda or an internal form?); its format was not "
                "checked"
            ),
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "ND30-NOT-ADMINISTRATIVE",
        "error",
        "ND30 Điều 7",
        N_("an administrative document of one of the decree's types"),
        not_administrative,
    ),
    Rule("ND30-PAGE-SIZE", "error", "PL1 I.1", N_("A4 paper"), page_size),
    Rule("ND30-PAGE-ORIENTATION", "warning", "PL1 I.2", N_("portrait pages"), orientation),
    Rule(
        "ND30-PAGE-MARGINS",
        "error",
        "PL1 I.3",
        N_("margins T/B 20–25, L 30–35, R 15–20 mm"),
        margins,
    ),
    Rule(
        "ND30-FONT", "error", "PL1 I.4", N_("Times New Roman (Unicode) for every character"), fonts
    ),
    Rule(
        "ND30-NATIONAL-TITLE",
        "error",
        "PL1 II.1.a",
        N_("Quốc hiệu present, exact words"),
        national_title_text,
    ),
    Rule(
        "ND30-NATIONAL-TITLE-SPELLING",
        "warning",
        "PL1 II.1.a",
        N_("CỘNG HÒA, not HOÀ"),
        national_title_spelling,
    ),
    Rule(
        "ND30-NATIONAL-TITLE-FORMAT",
        "error",
        "PL1 II.1.a",
        N_("Quốc hiệu bold, 12–13 pt"),
        national_title_format,
    ),
    Rule(
        "ND30-MOTTO", "error", "PL1 II.1.b", N_("Tiêu ngữ exact words, spaced hyphens"), motto_text
    ),
    Rule(
        "ND30-MOTTO-FORMAT",
        "error",
        "PL1 II.1.b",
        N_("Tiêu ngữ bold, 13–14 pt, not underlined"),
        motto_format,
    ),
    Rule(
        "ND30-MOTTO-RULE",
        "error",
        "PL1 II.1.b",
        N_("solid rule under the Tiêu ngữ, as long as it"),
        motto_rule,
    ),
    Rule(
        "ND30-ISSUER",
        "error",
        "PL1 II.2",
        N_("parent body upright, issuing body bold, capitals, 12–13 pt"),
        issuer_block,
    ),
    Rule(
        "ND30-ISSUER-RULE",
        "error",
        "PL1 II.2.b",
        N_("short rule under the issuing body"),
        issuer_rule,
    ),
    Rule(
        "ND30-NUMBER",
        "error",
        "PL1 II.3.c",
        N_("«Số: 05/KH-UBND»: colon, leading zero, no spaces in the ký hiệu"),
        number_line,
    ),
    Rule(
        "ND30-NUMBER-FORMAT",
        "error",
        "PL1 II.3 (V row 3)",
        N_("number line 13 pt upright"),
        number_format,
    ),
    Rule(
        "ND30-DATE",
        "error",
        "PL1 II.4.b",
        N_("«ngày 05 tháng 01 năm 2020»: leading zeros, a real date (a draft may leave blanks)"),
        place_date_text,
    ),
    Rule(
        "ND30-DATE-FORMAT",
        "error",
        "PL1 II.4",
        N_("place and date italic, 13–14 pt"),
        place_date_format,
    ),
    Rule(
        "ND30-TITLE",
        "error",
        "PL1 II.5.b",
        N_("document type in capitals, bold, centred, 13–14 pt (none in a công văn)"),
        title_block,
    ),
    Rule("ND30-SUBJECT", "error", "PL1 II.5.b", N_("subject bold, centred"), subject_block),
    Rule(
        "ND30-SUBJECT-RULE",
        "error",
        "PL1 II.5.b",
        N_("a rule 1/3–1/2 of the line under the subject"),
        subject_rule,
    ),
    Rule(
        "ND30-SUBJECT-CAPITALS",
        "warning",
        "PL2",
        N_("no capitals inside the subject but for names"),
        subject_capitals,
    ),
    Rule(
        "ND30-SUMMARY-SPACING",
        "error",
        "PL1 II.5.b",
        N_("a công văn's «V/v» 6 pt under «Số:»"),
        summary_spacing,
    ),
    Rule(
        "ND30-SUMMARY",
        "error",
        "PL1 II.5.b",
        N_("a công văn's «V/v» line 12–13 pt upright"),
        summary_line,
    ),
    Rule("ND30-BODY-SIZE", "error", "PL1 II.6.e", N_("body text 13–14 pt"), body_size),
    Rule("ND30-BODY-JUSTIFY", "error", "PL1 II.6.e", N_("body text justified"), body_alignment),
    Rule("ND30-BODY-NOTE", "warning", "PL1 II.6.e", N_("no centred notes in the body"), body_notes),
    Rule(
        "ND30-BODY-INDENT", "error", "PL1 II.6.e", N_("first-line indent 1 or 1.27 cm"), body_indent
    ),
    Rule("ND30-BODY-SPACING", "error", "PL1 II.6.e", N_("≥ 6 pt between paragraphs"), body_spacing),
    Rule(
        "ND30-BLANK-PARAGRAPHS",
        "warning",
        "PL1 II.6.e",
        N_("no blank paragraphs as spacing"),
        blank_paragraphs,
    ),
    Rule(
        "ND30-BODY-LINE-SPACING",
        "error",
        "PL1 II.6.e",
        N_("line spacing single to 1.5 lines"),
        body_line_spacing,
    ),
    Rule("ND30-HEADINGS", "error", "PL1 V row 6b", N_("a khoản with a title is bold"), headings),
    Rule("ND30-END-MARK", "warning", "PL3 Mẫu 1.4", N_("body ends with «./.»"), end_mark),
    Rule(
        "ND30-SIGNATURE",
        "error",
        "PL1 II.7.b–c",
        N_("KT./TM./TL./TUQ./Q. with a period; titles and name bold, 13–14 pt"),
        signature_block,
    ),
    Rule(
        "ND30-RECIPIENTS-LABEL",
        "error",
        "PL1 II.9.d",
        N_("«Nơi nhận:» 12 pt bold italic"),
        recipients_label,
    ),
    Rule(
        "ND30-RECIPIENTS",
        "error",
        "PL1 II.9.d",
        N_("items 11 pt, «- …;», last «- Lưu: VT, ….»"),
        recipients_items,
    ),
    Rule(
        "ND30-DRAFTER-MARK",
        "warning",
        "PL1 III.3",
        N_("the drafter's mark in capitals, 11 pt"),
        drafter_mark,
    ),
    Rule(
        "ND30-PAGE-NUMBER",
        "error",
        "PL1 I.7",
        N_("PAGE field centred in the header, 13–14 pt, none on page 1"),
        page_numbers,
    ),
    Rule(
        "ND30-APPENDIX-PAGE-NUMBER",
        "error",
        "PL1 III.1.đ",
        N_("each appendix numbers its pages from 1"),
        appendix_page_numbers,
    ),
    Rule(
        "ND30-APPENDIX-HEADING",
        "error",
        "PL1 III.1.b",
        N_("«Phụ lục I» in thường, bold"),
        appendix_heading,
    ),
    Rule(
        "ND30-APPENDIX-FORM",
        "error",
        "PL1 III.1.a–c",
        N_("«Phụ lục I» alone on its line, its title in capitals, then «(Kèm theo …)»"),
        appendix_form,
    ),
    Rule(
        "ND30-APPENDIX-ATTACHED",
        "error",
        "PL1 III.1.c",
        N_("«(Kèm theo … số … ngày … của …)» under the appendix title"),
        appendix_attached,
    ),
    Rule(
        "ND30-FOOTNOTES",
        "warning",
        "practice",
        N_("footnotes are real footnotes, not typed superscript numbers"),
        fake_footnotes,
    ),
)
