"""The Nghị định 30 rules `antq check` applies. Each yields (where, excerpt, message).

Clauses cite Phụ lục I (PL1) and Phụ lục III (PL3) of ND 30/2020/NĐ-CP as summarised in
shared/nd30-spec.md. Severity "warning" marks what comes from the decree's models or from
office practice rather than from its text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..inspect.docx_read import Para, TextRun
from .findings import Rule
from .locate import Parts, excerpt, squash, where

__all__ = ["RULES"]

Found = Iterator[tuple[str, str, str]]
MM = 1440 / 25.4
FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_LEGACY_FONTS = re.compile(r"^(\.Vn|VNI[- ]|VN[ -]?Times)", re.IGNORECASE)


# -- helpers ----------------------------------------------------------------------------------
def _visible(para: Para) -> list[TextRun]:
    return [r for r in para.runs if r.text.strip()]


def _size(parts: Parts, run: TextRun) -> float:
    return run.size if run.size is not None else (parts.view.default_size or 10.0)


def _sizes(parts: Parts, para: Para) -> set[float]:
    return {_size(parts, r) for r in _visible(para)}


def _format_problems(parts: Parts, para: Para, *, sizes: tuple[float, float] | None = None,
                     bold: bool | None = None, italic: bool | None = None,
                     underline: bool = False) -> list[str]:
    """What is wrong with the runs of `para`, in words; empty when nothing is."""
    runs = _visible(para)
    wrong = []
    if sizes is not None:
        found = _sizes(parts, para)
        if not found or min(found) < sizes[0] or max(found) > sizes[1]:
            want = f"{sizes[0]:g}" if sizes[0] == sizes[1] else f"{sizes[0]:g}–{sizes[1]:g}"
            wrong.append(f"size {'/'.join(f'{s:g}' for s in sorted(found))} pt, "
                         f"should be {want} pt")
    if bold is True and not all(r.bold for r in runs):
        wrong.append("should be bold")
    if bold is False and any(r.bold for r in runs):
        wrong.append("should not be bold")
    if italic is True and not all(r.italic for r in runs):
        wrong.append("should be italic")
    if italic is False and any(r.italic for r in runs):
        wrong.append("should be upright, not italic")
    if not underline and any(r.underline for r in runs):
        wrong.append("should not be underlined")
    return wrong


def _report(para: Para | None, problems: list[str]) -> Found:
    if para is not None and problems:
        yield where(para), excerpt(para), "; ".join(problems)


def _has_rule_below(parts: Parts, para: Para) -> bool:
    """A drawn rule under `para`: its bottom border, a bordered empty paragraph, a drawing,
    or typed underscores (as the decree's own model file has)."""
    if para.border_bottom or para.has_drawing:
        return True
    following = parts.following(para)
    if following is None:
        return False
    text = squash(following.text)
    return (following.border_top and not text) or following.has_drawing or (
        bool(text) and set(text) <= {"_", "-", "—"} and len(text) >= 5)


def _missing(name: str, hint: str) -> Found:
    yield "document", "", f"no {name} found; {hint}"


# -- page (PL1 I.1–3) ---------------------------------------------------------------------------
def page_size(parts: Parts) -> Found:
    for number, section in enumerate(parts.view.sections, start=1):
        width, height = sorted((section.page_width, section.page_height))
        if abs(width - 11906) > 30 or abs(height - 16838) > 30:
            yield (f"section {number}", "", f"paper is {width / MM:.0f} × {height / MM:.0f} mm; "
                   "use A4 (210 × 297 mm)")


def orientation(parts: Parts) -> Found:
    for number, section in enumerate(parts.view.sections, start=1):
        if section.page_width > section.page_height or section.orientation == "landscape":
            yield (f"section {number}", "", "landscape page: allowed only for a table or chart "
                   "that is not put in an appendix; otherwise use portrait")


_MARGINS = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
_MARGIN_NAMES = {"top": "top", "bottom": "bottom", "left": "left", "right": "right"}


def margins(parts: Parts) -> Found:
    for number, section in enumerate(parts.view.sections, start=1):
        wrong = []
        for side, (low, high) in _MARGINS.items():
            value = section.margins.get(side, 0) / MM
            if not low - 0.5 <= value <= high + 0.5:
                wrong.append(f"{_MARGIN_NAMES[side]} {value:.1f} mm (should be {low}–{high})")
        if wrong:
            yield f"section {number}", "", "margins: " + ", ".join(wrong)


# -- fonts (PL1 I.4) ----------------------------------------------------------------------------
def fonts(parts: Parts) -> Found:
    view = parts.view
    containers = [parts.paragraphs]
    containers += [paras for section in view.sections for paras in section.headers.values()]
    containers += list(view.footnotes.values())
    for paragraphs in containers:
        for para in paragraphs:
            bad = set()
            for run in _visible(para):
                for font in run.fonts.values():
                    if font != FONT:
                        bad.add(font)
            if not bad:
                continue
            legacy = sorted(f for f in bad if _LEGACY_FONTS.match(f))
            if legacy:
                message = (f"legacy font {', '.join(legacy)} (TCVN3/VNI): convert the text to "
                           "Unicode and set Times New Roman")
            else:
                shown = ", ".join(sorted("a theme font" if f == "(theme)" else f for f in bad))
                message = f"font {shown}; use {FONT} (in every font slot, styles included)"
            yield where(para), excerpt(para), message


# -- ô 1: Quốc hiệu and Tiêu ngữ (PL1 II.1) ----------------------------------------------------
def national_title_text(parts: Parts) -> Found:
    para = parts.national_title
    if para is None:
        yield from _missing("Quốc hiệu", f"write «{NATIONAL_TITLE}» at the top right of page 1")
        return
    text = squash(para.text)
    if text not in (NATIONAL_TITLE, NATIONAL_TITLE.replace("HÒA", "HOÀ")):
        yield where(para), excerpt(para), f"the Quốc hiệu reads «{NATIONAL_TITLE}»"


def national_title_spelling(parts: Parts) -> Found:
    para = parts.national_title
    if para is not None and "HOÀ" in squash(para.text):
        yield where(para), excerpt(para), "the decree's text spells «CỘNG HÒA» (PL1 II.1.a)"


def national_title_format(parts: Parts) -> Found:
    yield from _report(parts.national_title, _format_problems(
        parts, parts.national_title, sizes=(12, 13), bold=True, italic=False)
        if parts.national_title else [])


def motto_text(parts: Parts) -> Found:
    para = parts.motto
    if para is None:
        if parts.national_title is not None:
            yield from _missing("Tiêu ngữ", f"write «{MOTTO}» under the Quốc hiệu")
        return
    text = squash(para.text)
    if text != MOTTO:
        hint = " (hyphens with a space on each side)" if text.replace(" ", "") == \
            MOTTO.replace(" ", "") else ""
        yield where(para), excerpt(para), f"the Tiêu ngữ reads «{MOTTO}»{hint}"


def motto_format(parts: Parts) -> Found:
    if parts.motto is not None:
        yield from _report(parts.motto, _format_problems(parts, parts.motto, sizes=(13, 14),
                                                         bold=True, italic=False))


def motto_rule(parts: Parts) -> Found:
    if parts.motto is not None and not _has_rule_below(parts, parts.motto):
        yield (where(parts.motto), excerpt(parts.motto), "draw a solid rule as long as the "
               "Tiêu ngữ under it (a line, not underlining)")


# -- ô 2: issuing body (PL1 II.2) ----------------------------------------------------------------
_PARENT = re.compile(r"^(UBND|HĐND) ")

def issuer_block(parts: Parts) -> Found:
    lines = parts.issuer_lines
    if not lines:
        if parts.number_line is not None:
            yield from _missing("issuing body", "write the body's name above the 'Số:' line")
        return
    first_bold = next((i for i, p in enumerate(lines) if all(r.bold for r in _visible(p))), None)
    # The parent body is written abbreviated ("UBND TỈNH CAO BẰNG", PL1 II.2.b) over the
    # issuing body: such a first line is the parent even when it was made bold.
    if first_bold == 0 and len(lines) > 1 and _PARENT.match(squash(lines[0].text)):
        first_bold = next((i for i, p in enumerate(lines[1:], 1)
                           if all(r.bold for r in _visible(p))), 1)
    if first_bold is None:
        yield where(lines[-1]), excerpt(lines[-1]), "the issuing body's name should be bold"
        return
    for para in lines[:first_bold]:
        yield from _report(para, _format_problems(parts, para, sizes=(12, 13), bold=False,
                                                  italic=False))
    for para in lines[first_bold:]:
        yield from _report(para, _format_problems(parts, para, sizes=(12, 13), bold=True,
                                                  italic=False))
    for para in lines:
        if squash(para.text) != squash(para.text).upper():
            yield where(para), excerpt(para), "body names are written in capitals"


def issuer_rule(parts: Parts) -> Found:
    if parts.issuer_lines and not _has_rule_below(parts, parts.issuer_lines[-1]):
        last = parts.issuer_lines[-1]
        yield (where(last), excerpt(last), "draw a short solid rule (1/3 to 1/2 of the line) "
               "centred under the issuing body")


# -- ô 3: number and symbol (PL1 II.3) -------------------------------------------------------
_NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<number>\d*)\s*/\s*(?P<symbol>.+)$")


def number_line(parts: Parts) -> Found:
    para = parts.number_line
    if para is None:
        yield from _missing("'Số:' line", "write «Số: 05/KH-UBND» under the issuing body")
        return
    text = squash(para.text)
    match = _NUMBER.match(text)
    if match is None:
        yield where(para), excerpt(para), "write it as «Số: 05/KH-UBND»"
        return
    problems = []
    if not match["colon"]:
        problems.append("«Số» takes a colon: «Số:»")
    if match["number"] and int(match["number"]) < 10 and len(match["number"]) < 2:
        problems.append(f"numbers below 10 take a leading zero: «{int(match['number']):02d}»")
    symbol = match["symbol"]
    if " " in symbol:
        problems.append(f"no spaces inside the ký hiệu: «{symbol.replace(' ', '')}»")
    if problems:
        yield where(para), excerpt(para), "; ".join(problems)


def number_format(parts: Parts) -> Found:
    if parts.number_line is not None:
        yield from _report(parts.number_line, _format_problems(
            parts, parts.number_line, sizes=(13, 13), bold=False, italic=False))


# -- ô 4: place and date (PL1 II.4) ----------------------------------------------------------
_DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d+)\s*"
                   r"năm\s*(?P<year>\d{4})$")


def place_date_text(parts: Parts) -> Found:
    para = parts.place_date
    if para is None:
        yield from _missing("place and date", "write «Cao Bằng, ngày 05 tháng 01 năm 2026» "
                            "on the line of 'Số:', right column")
        return
    match = _DATE.match(squash(para.text))
    if match is None:
        yield where(para), excerpt(para), "write «Place, ngày DD tháng M năm YYYY»"
        return
    day, month, year = match["day"], int(match["month"]), int(match["year"])
    want_month = f"{month:02d}" if month <= 2 else str(month)
    problems = []
    if day:
        if int(day) < 10 and len(day) < 2:
            problems.append(f"days below 10 take a leading zero: «ngày {int(day):02d}»")
        if not 1 <= month <= 12 or not 1 <= int(day) <= calendar.monthrange(year, max(
                min(month, 12), 1))[1]:
            problems.append(f"{day}/{month}/{year} is not a real date")
    if match["month"] != want_month:
        problems.append(f"write the month as «tháng {want_month}» (months 1 and 2 take a "
                        "leading zero, the others do not)")
    if problems:
        yield where(para), excerpt(para), "; ".join(problems)


def place_date_format(parts: Parts) -> Found:
    if parts.place_date is not None:
        yield from _report(parts.place_date, _format_problems(
            parts, parts.place_date, sizes=(13, 14), bold=False, italic=True))


# -- ô 5a: document type and subject (PL1 II.5.b) -------------------------------------------
def title_block(parts: Parts) -> Found:
    title = parts.title
    if title is None:
        yield from _missing("document type name", "write it in capitals, centred, e.g. "
                            "«KẾ HOẠCH»")
        return
    problems = _format_problems(parts, title, sizes=(13, 14), bold=True, italic=False)
    if title.align != "center":
        problems.append("should be centred")
    yield from _report(title, problems)


def subject_block(parts: Parts) -> Found:
    if parts.title is None:
        return
    if not parts.subject:
        yield where(parts.title), excerpt(parts.title), "the subject (trích yếu) should follow, " \
            "bold and centred"
        return
    for para in parts.subject:
        yield from _report(para, _format_problems(parts, para, sizes=(13, 14), bold=True,
                                                  italic=False))
    last = parts.subject[-1]
    if not _has_rule_below(parts, last):
        yield (where(last), excerpt(last), "draw a short solid rule (1/3 to 1/2 of the line) "
               "centred under the subject")


# -- ô 6: body (PL1 II.6.e) --------------------------------------------------------------------
def _looks_like_heading(para: Para) -> bool:
    runs = _visible(para)
    return bool(runs) and all(r.bold for r in runs) and len(squash(para.text)) < 160


def body_size(parts: Parts) -> Found:
    for para in parts.body:
        yield from _report(para, _format_problems(parts, para, sizes=(13, 14)))


def body_alignment(parts: Parts) -> Found:
    for para in parts.body:
        if not _looks_like_heading(para) and para.align != "both":
            yield where(para), excerpt(para), f"aligned {para.align}; justify the body text"


def body_indent(parts: Parts) -> Found:
    for para in parts.body:
        value = para.first_line_twips
        if _looks_like_heading(para) and value == 0:
            continue
        if not (abs(value - 567) <= 15 or abs(value - 720) <= 15):
            yield (where(para), excerpt(para), f"first-line indent {value / 567:.2f} cm; "
                   "use 1 cm or 1.27 cm")


def body_spacing(parts: Parts) -> Found:
    for para in parts.body:
        if para.before_twips + para.after_twips < 120:
            yield (where(para), excerpt(para), "less than 6 pt between paragraphs; set "
                   "spacing before or after of at least 6 pt")
    body = set(id(p) for p in parts.body)
    if not parts.body:
        return
    first = parts.paragraphs.index(parts.body[0])
    last = parts.paragraphs.index(parts.body[-1])
    for para in parts.paragraphs[first:last]:
        if id(para) in body or para.cell is not None or squash(para.text):
            continue
        if para.line_rule != "exact" and not (para.border_top or para.border_bottom):
            yield (where(para), "", "an empty paragraph used as spacing; delete it and set "
                   "the spacing of the paragraphs instead")


def body_line_spacing(parts: Parts) -> Found:
    for para in parts.body:
        if para.line is None:
            continue
        if para.line_rule == "auto":
            if not 240 <= para.line <= 360:
                yield (where(para), excerpt(para), f"line spacing {para.line / 240:.2f} lines; "
                       "use single to 1.5 lines")
        elif not 15 * 20 <= para.line <= 25 * 20:
            yield (where(para), excerpt(para), f"line spacing {para.line / 20:g} pt; use "
                   "single to 1.5 lines (about 15–25 pt for 14 pt text)")


def end_mark(parts: Parts) -> Found:
    if parts.body and not squash(parts.body[-1].text).endswith("./."):
        last = parts.body[-1]
        yield where(last), excerpt(last), "end the body with «./.»"


# -- ô 7: signature (PL1 II.7) ------------------------------------------------------------------
_WRONG_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s)")


def signature_block(parts: Parts) -> Found:
    if parts.recipients_label is None:
        return
    lines = parts.signature
    if not lines:
        yield from _missing("signature block", "put the signer's title and name to the right "
                            "of Nơi nhận")
        return
    first = squash(lines[0].text)
    wrong = _WRONG_AUTHORITY.match(first)
    if wrong:
        right = wrong[1].replace("/", "") + "."
        yield where(lines[0]), excerpt(lines[0]), f"write «{right}» with a period, not " \
            f"«{wrong[1]}»"
    for para in lines:
        problems = _format_problems(parts, para, sizes=(13, 14), bold=True, italic=False)
        if para is not lines[-1] and squash(para.text) != squash(para.text).upper():
            problems.append("titles are written in capitals")
        yield from _report(para, problems)


# -- ô 9b: Nơi nhận (PL1 II.9.d) ---------------------------------------------------------------
def recipients_label(parts: Parts) -> Found:
    label = parts.recipients_label
    if label is None:
        yield from _missing("«Nơi nhận:»", "list the recipients at the bottom left")
        return
    problems = _format_problems(parts, label, sizes=(12, 12), bold=True, italic=True)
    if squash(label.text) != "Nơi nhận:":
        problems.append("write «Nơi nhận:» with its colon")
    yield from _report(label, problems)


def recipients_items(parts: Parts) -> Found:
    items = parts.recipients
    if parts.recipients_label is None:
        return
    if not items:
        yield where(parts.recipients_label), "", "no recipients under «Nơi nhận:»"
        return
    for index, para in enumerate(items):
        text = squash(para.text)
        problems = _format_problems(parts, para, sizes=(11, 11), bold=False, italic=False)
        if not text.startswith("- "):
            problems.append("start with «- »")
        last = index == len(items) - 1
        if last:
            if not re.match(r"^- Lưu: ", text):
                problems.append("the last line is «- Lưu: VT, …» (with a colon)")
            if not text.endswith("."):
                problems.append("the last line ends with «.»")
        elif not text.endswith(";") or text.count(";") > 1:
            problems.append("end with a single «;» (a note in brackets goes before it)")
        yield from _report(para, problems)


# -- page numbers (PL1 I.7) --------------------------------------------------------------------
def page_numbers(parts: Parts) -> Found:
    sections = parts.view.sections
    if not sections:
        return
    section = sections[0]

    def page_fields(paras: list[Para]) -> list[TextRun]:
        return [r for p in paras for r in p.runs if r.field == "PAGE"]

    default = section.headers.get("default", [])
    fields = page_fields(default)
    if not fields:
        footers = page_fields(section.footers.get("default", []))
        where_now = "in the footer" if footers else "nowhere"
        yield ("section 1", "", f"page numbers are {where_now}; put a PAGE field centred in "
               "the header (top margin)")
        return
    para = next(p for p in default if page_fields([p]))
    problems = []
    if para.align != "center":
        problems.append("centre the page number")
    sizes = {_size(parts, r) for r in fields}
    if min(sizes) < 13 or max(sizes) > 14:
        problems.append(f"page number in {'/'.join(f'{s:g}' for s in sizes)} pt; use 13–14 pt")
    if not section.title_page or page_fields(section.headers.get("first", [])):
        problems.append("page 1 must show no number: tick 'Different first page' and leave "
                        "its header empty")
    if problems:
        yield "section 1 header", "", "; ".join(problems)


# -- footnotes ----------------------------------------------------------------------------------
_SUPERSCRIPT_DIGITS = re.compile("[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def fake_footnotes(parts: Parts) -> Found:
    for para in parts.paragraphs:
        typed = [r for r in para.runs if r.superscript and r.footnote is None
                 and r.text.strip().isdigit()]
        if typed or _SUPERSCRIPT_DIGITS.search(para.text):
            yield (where(para), excerpt(para), "a superscript number typed in the text; insert "
                   "a real footnote (References → Insert Footnote) or remove it")


RULES: tuple[Rule, ...] = (
    Rule("ND30-PAGE-SIZE", "error", "PL1 I.1", "A4 paper", page_size),
    Rule("ND30-PAGE-ORIENTATION", "warning", "PL1 I.2", "portrait pages", orientation),
    Rule("ND30-PAGE-MARGINS", "error", "PL1 I.3", "margins T/B 20–25, L 30–35, R 15–20 mm",
         margins),
    Rule("ND30-FONT", "error", "PL1 I.4", "Times New Roman (Unicode) in every run and slot",
         fonts),
    Rule("ND30-NATIONAL-TITLE", "error", "PL1 II.1.a", "Quốc hiệu present, exact words",
         national_title_text),
    Rule("ND30-NATIONAL-TITLE-SPELLING", "warning", "PL1 II.1.a", "CỘNG HÒA, not HOÀ",
         national_title_spelling),
    Rule("ND30-NATIONAL-TITLE-FORMAT", "error", "PL1 II.1.a", "Quốc hiệu bold, 12–13 pt",
         national_title_format),
    Rule("ND30-MOTTO", "error", "PL1 II.1.b", "Tiêu ngữ exact words, spaced hyphens",
         motto_text),
    Rule("ND30-MOTTO-FORMAT", "error", "PL1 II.1.b", "Tiêu ngữ bold, 13–14 pt, not underlined",
         motto_format),
    Rule("ND30-MOTTO-RULE", "error", "PL1 II.1.b", "solid rule under the Tiêu ngữ",
         motto_rule),
    Rule("ND30-ISSUER", "error", "PL1 II.2", "parent body upright, issuing body bold, "
         "capitals, 12–13 pt", issuer_block),
    Rule("ND30-ISSUER-RULE", "error", "PL1 II.2.b", "short rule under the issuing body",
         issuer_rule),
    Rule("ND30-NUMBER", "error", "PL1 II.3.c", "«Số: 05/KH-UBND»: colon, leading zero, no "
         "spaces in the ký hiệu", number_line),
    Rule("ND30-NUMBER-FORMAT", "error", "PL1 II.3 (V row 3)", "number line 13 pt upright",
         number_format),
    Rule("ND30-DATE", "error", "PL1 II.4.b", "«ngày 05 tháng 01 năm 2020»: leading zeros, a "
         "real date", place_date_text),
    Rule("ND30-DATE-FORMAT", "error", "PL1 II.4", "place and date italic, 13–14 pt",
         place_date_format),
    Rule("ND30-TITLE", "error", "PL1 II.5.b", "document type in capitals, bold, centred, "
         "13–14 pt", title_block),
    Rule("ND30-SUBJECT", "error", "PL1 II.5.b", "subject bold, centred, with a rule under it",
         subject_block),
    Rule("ND30-BODY-SIZE", "error", "PL1 II.6.e", "body text 13–14 pt", body_size),
    Rule("ND30-BODY-JUSTIFY", "error", "PL1 II.6.e", "body text justified", body_alignment),
    Rule("ND30-BODY-INDENT", "error", "PL1 II.6.e", "first-line indent 1 or 1.27 cm",
         body_indent),
    Rule("ND30-BODY-SPACING", "error", "PL1 II.6.e", "≥ 6 pt between paragraphs, no blank "
         "paragraphs", body_spacing),
    Rule("ND30-BODY-LINE-SPACING", "error", "PL1 II.6.e", "line spacing single to 1.5 lines",
         body_line_spacing),
    Rule("ND30-END-MARK", "warning", "PL3 Mẫu 1.4", "body ends with «./.»", end_mark),
    Rule("ND30-SIGNATURE", "error", "PL1 II.7.b–c", "KT./TM./TL./TUQ./Q. with a period; "
         "titles and name bold, 13–14 pt", signature_block),
    Rule("ND30-RECIPIENTS-LABEL", "error", "PL1 II.9.d", "«Nơi nhận:» 12 pt bold italic",
         recipients_label),
    Rule("ND30-RECIPIENTS", "error", "PL1 II.9.d", "items 11 pt, «- …;», last «- Lưu: VT, ….»",
         recipients_items),
    Rule("ND30-PAGE-NUMBER", "error", "PL1 I.7", "PAGE field centred in the header, 13–14 pt, "
         "none on page 1", page_numbers),
    Rule("ND30-FOOTNOTES", "warning", "practice", "footnotes are real footnotes, not typed "
         "superscript numbers", fake_footnotes),
)

