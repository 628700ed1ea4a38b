"""The Nghị định 30 rules `antq check` applies. Each yields (where, excerpt, message[,
certainty]); page-wide rules are in page_rules.py.

Clauses cite Phụ lục I (PL1) and Phụ lục III (PL3) of ND 30/2020/NĐ-CP as summarised in
shared/nd30-spec.md. Severity "warning" marks what comes from the decree's models, from
office practice, or what the decree leaves open.
"""

from __future__ import annotations

import calendar
import re

from ..inspect.docx_read import Para
from .common import (Found, excerpt, format_problems, line_width_mm, missing, report,
                     rule_under, squash, visible, where)
from .doctype import CONG_VAN
from .findings import Rule
from .locate import Parts
from .page_rules import (appendix_heading, appendix_page_numbers, fake_footnotes, fonts,
                         margins, orientation, page_numbers, page_size)

__all__ = ["RULES"]

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def not_administrative(parts: Parts) -> Found:
    if not parts.administrative:
        yield ("document", "", "this is not an administrative document of Nghị định 30 (no "
               "Quốc hiệu, «Số:» line and document type of Điều 7 were found together: a "
               "speech, an agenda or an internal form?); its format was not checked")


# -- ô 1: Quốc hiệu and Tiêu ngữ (PL1 II.1) ----------------------------------------------------
def national_title_text(parts: Parts) -> Found:
    para = parts.national_title
    if para is None:
        yield from missing("Quốc hiệu", f"write «{NATIONAL_TITLE}» at the top right of page 1")
        return
    if squash(para.text) not in (NATIONAL_TITLE, NATIONAL_TITLE.replace("HÒA", "HOÀ")):
        yield where(parts, para), excerpt(para), f"the Quốc hiệu reads «{NATIONAL_TITLE}»"


def national_title_spelling(parts: Parts) -> Found:
    para = parts.national_title
    if para is not None and "HOÀ" in squash(para.text):
        yield where(parts, para), excerpt(para), "the decree's text spells «CỘNG HÒA» " \
            "(PL1 II.1.a)"


def national_title_format(parts: Parts) -> Found:
    if parts.national_title is not None:
        yield from report(parts, parts.national_title, format_problems(
            parts, parts.national_title, sizes_pt=(12, 13), bold=True, italic=False))


def motto_text(parts: Parts) -> Found:
    para = parts.motto
    if para is None:
        if parts.national_title is not None:
            yield from missing("Tiêu ngữ", f"write «{MOTTO}» under the Quốc hiệu")
        return
    text = squash(para.text)
    if text != MOTTO:
        spaced = text.replace(" ", "").replace("–", "-") == MOTTO.replace(" ", "")
        hint = " (hyphens «-» with a space on each side)" if spaced else ""
        yield where(parts, para), excerpt(para), f"the Tiêu ngữ reads «{MOTTO}»{hint}"


def motto_format(parts: Parts) -> Found:
    if parts.motto is not None:
        yield from report(parts, parts.motto, format_problems(
            parts, parts.motto, sizes_pt=(13, 14), bold=True, italic=False))


def motto_rule(parts: Parts) -> Found:
    para = parts.motto
    if para is None:
        return
    wanted = line_width_mm(parts, para)
    length = rule_under(parts, para, wanted)
    if length is None:
        yield (where(parts, para), excerpt(para), "draw a solid rule as long as the Tiêu ngữ "
               "under it (a line, not underlining)")
    elif length and not 0.6 * wanted <= length <= 1.4 * wanted:
        yield (where(parts, para), excerpt(para), f"the rule under the Tiêu ngữ is "
               f"{length:.0f} mm; make it as long as the Tiêu ngữ (about {wanted:.0f} mm)",
               "estimate")


# -- ô 2: issuing body (PL1 II.2) ----------------------------------------------------------------
_PARENT = re.compile(r"^(UBND|HĐND) ")


def issuer_block(parts: Parts) -> Found:
    lines = parts.issuer_lines
    if not lines:
        if parts.number_line is not None:
            yield from missing("issuing body", "write the body's name above the 'Số:' line")
        return
    first_bold = next((i for i, p in enumerate(lines) if all(r.bold for r in visible(p))), None)
    # The parent body is written abbreviated ("UBND TỈNH CAO BẰNG", PL1 II.2.b) over the
    # issuing body: such a first line is the parent even when it was made bold.
    if first_bold == 0 and len(lines) > 1 and _PARENT.match(squash(lines[0].text)):
        first_bold = next((i for i, p in enumerate(lines[1:], 1)
                           if all(r.bold for r in visible(p))), 1)
    if first_bold is None:
        yield where(parts, lines[-1]), excerpt(lines[-1]), "the issuing body's name should " \
            "be bold"
        return
    for para in lines[:first_bold]:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=(12, 13),
                                                       bold=False, italic=False))
    for para in lines[first_bold:]:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=(12, 13),
                                                       bold=True, italic=False))
    for para in lines:
        if squash(para.text) != squash(para.text).upper():
            yield where(parts, para), excerpt(para), "body names are written in capitals"


def issuer_rule(parts: Parts) -> Found:
    if not parts.issuer_lines:
        return
    last = parts.issuer_lines[-1]
    wanted = 0.4 * max(line_width_mm(parts, p) for p in parts.issuer_lines)
    if rule_under(parts, last, wanted) is None:
        yield (where(parts, last), excerpt(last), "draw a short solid rule (1/3 to 1/2 of the "
               "line) centred under the issuing body")


# -- ô 3: number and symbol (PL1 II.3) -------------------------------------------------------
_NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*(?P<number>[\d.…]*)\s*/\s*(?P<symbol>.+)$")


def number_line(parts: Parts) -> Found:
    para = parts.number_line
    if para is None:
        if not parts.attached:
            yield from missing("'Số:' line", "write «Số: 05/KH-UBND» under the issuing body")
        return
    text = squash(para.text)
    match = _NUMBER.match(text)
    if match is None:
        yield where(parts, para), excerpt(para), "write it as «Số: 05/KH-UBND»"
        return
    problems = []
    if not match["colon"]:
        problems.append("«Số» takes a colon: «Số:»")
    number = match["number"]
    if number.isdigit() and int(number) < 10 and len(number) < 2:
        problems.append(f"numbers below 10 take a leading zero: «{int(number):02d}»")
    symbol = match["symbol"]
    if " " in symbol:
        problems.append(f"no spaces inside the ký hiệu: «{symbol.replace(' ', '')}»")
    if problems:
        yield where(parts, para), excerpt(para), "; ".join(problems)


def number_format(parts: Parts) -> Found:
    if parts.number_line is not None:
        yield from report(parts, parts.number_line, format_problems(
            parts, parts.number_line, sizes_pt=(13, 13), bold=False, italic=False))


# -- ô 4: place and date (PL1 II.4) ----------------------------------------------------------
_BLANK = r"[\s.…_]*"
_DATE = re.compile(rf"^(?P<place>[^,]+),\s*ngày\s*(?P<day>\d*){_BLANK}\s*tháng\s*"
                   rf"(?P<month>\d*){_BLANK}\s*năm\s*(?P<year>\d{{4}}|\d{{0,3}}{_BLANK})$")


def place_date_text(parts: Parts) -> Found:
    para = parts.place_date
    if para is None:
        if not parts.attached:
            yield from missing("place and date", "write «Cao Bằng, ngày 05 tháng 01 năm "
                               "2026» on the line of 'Số:', right column")
        return
    match = _DATE.match(squash(para.text))
    if match is None:
        yield where(parts, para), excerpt(para), "write «Place, ngày DD tháng M năm YYYY»"
        return
    day, month, year = match["day"], match["month"], match["year"].strip(" .…_")
    # A draft leaves the day, the month or even the year blank for the văn thư (spec L22).
    problems = []
    if day and int(day) < 10 and len(day) < 2:
        problems.append(f"days below 10 take a leading zero: «ngày {int(day):02d}»")
    if month:
        want = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
        if month != want:
            problems.append(f"write the month as «tháng {want}» (months 1 and 2 take a "
                            "leading zero, the others do not)")
        if day and year.isdigit() and (not 1 <= int(month) <= 12 or not 1 <= int(day) <=
                                       calendar.monthrange(int(year), max(min(int(month), 12),
                                                                          1))[1]):
            problems.append(f"{day}/{month}/{year} is not a real date")
    if problems:
        yield where(parts, para), excerpt(para), "; ".join(problems)


def place_date_format(parts: Parts) -> Found:
    if parts.place_date is not None:
        yield from report(parts, parts.place_date, format_problems(
            parts, parts.place_date, sizes_pt=(13, 14), bold=False, italic=True))


# -- ô 5: document type, subject, V/v (PL1 II.5) --------------------------------------------
def title_block(parts: Parts) -> Found:
    if parts.kind == CONG_VAN:
        return  # a công văn has no tên loại: its subject is the «V/v» line
    title = parts.title
    if title is None:
        yield from missing("document type name", "write it in capitals, centred, e.g. "
                           "«KẾ HOẠCH»")
        return
    problems = format_problems(parts, title, sizes_pt=(13, 14), bold=True, italic=False)
    if title.align != "center":
        problems.append("should be centred")
    yield from report(parts, title, problems)


def subject_block(parts: Parts) -> Found:
    if parts.title is None:
        return
    if not parts.subject:
        yield where(parts, parts.title), excerpt(parts.title), "the subject (trích yếu) " \
            "should follow, bold and centred"
        return
    for para in parts.subject:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=(13, 14),
                                                       bold=True, italic=False))


def subject_rule(parts: Parts) -> Found:
    """A solid rule 1/3 to 1/2 as long as the subject's line, centred under it."""
    if not parts.subject:
        return
    last = parts.subject[-1]
    line = max(line_width_mm(parts, p) for p in parts.subject)
    length = rule_under(parts, last, 0.4 * line)
    if length is None:
        yield (where(parts, last), excerpt(last), "draw a short solid rule (1/3 to 1/2 of the "
               "line) centred under the subject")
    elif length and not 0.3 * line <= length <= 0.55 * line:
        yield (where(parts, last), excerpt(last), f"the rule under the subject is {length:.0f} "
               f"mm under a line of about {line:.0f} mm; make it 1/3 to 1/2 of the line "
               f"({line / 3:.0f}–{line / 2:.0f} mm)", "estimate")


# Words of administrative work that are common nouns or verbs, never the head of a name:
# written in lower case inside a sentence (PL2: capitals for proper names and the first
# word). Names of programmes, movements and documents («Chương trình …», «Phong trào …»,
# «Kế hoạch số …») may be capitalised and are not listed.
_COMMON_WORDS = ("cải cách", "tuyên truyền", "phổ biến", "giáo dục", "kiểm tra", "thanh tra",
                 "phòng chống", "phòng, chống", "an ninh", "trật tự", "an toàn", "hành chính",
                 "pháp luật", "công tác", "triển khai", "thực hiện", "tổ chức", "tổng kết",
                 "sơ kết", "đánh giá", "xây dựng", "nâng cao", "tăng cường", "đẩy mạnh",
                 "chuyển đổi số")
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn",
                "đặc khu")


def subject_capitals(parts: Parts) -> Found:
    """A common word capitalised inside the subject («Tuyên truyền Cải cách hành chính»)."""
    for para in parts.subject or parts.summary:
        text = squash(para.text)
        quoted = False
        for match in re.finditer(r"[“\"”]|\b[^\W\d_]+(?:,? [^\W\d_]+)?", text):
            word = match[0]
            if word in "“\"”":
                quoted = not quoted if word != "“" else True
                quoted = False if word == "”" else quoted
                continue
            before = text[: match.start()].rstrip().lower()
            if match.start() == 0 or quoted or not word[0].isupper() or word.isupper() \
                    or before.endswith(_PLACE_WORDS) or text[match.start() - 1] in "“\"(":
                continue
            phrase = word.lower()
            if any(phrase.startswith(common) and (len(phrase) == len(common) or
                                                  not phrase[len(common)].isalpha())
                   for common in _COMMON_WORDS):
                lower = word[0].lower() + word[1:]
                yield (where(parts, para), excerpt(para), f"«{word}» is not a name: write "
                       f"«{lower}» (capitals only for the first word and proper names, PL2)")
                break


def summary_line(parts: Parts) -> Found:
    """A công văn's «V/v …»: 12–13 pt, upright, not bold (PL1 II.5.b)."""
    for para in parts.summary:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=(12, 13),
                                                       bold=False, italic=False))


# -- ô 6: body (PL1 II.6) -------------------------------------------------------------------
_KHOAN = re.compile(r"^\d+\.\s+\S")


def _looks_like_heading(para: Para) -> bool:
    runs = visible(para)
    return bool(runs) and all(r.bold for r in runs) and len(squash(para.text)) < 160


def _is_note(para: Para) -> bool:
    """A centred one-line note in brackets («(Phân công nhiệm vụ theo Phụ lục đính kèm)»)."""
    text = squash(para.text)
    return para.align == "center" and text.startswith("(") and text.endswith(")")


def body_size(parts: Parts) -> Found:
    for para in parts.body:
        yield from report(parts, para, format_problems(parts, para, sizes_pt=(13, 14)))


def body_alignment(parts: Parts) -> Found:
    for para in parts.body:
        if not _looks_like_heading(para) and not _is_note(para) and para.align != "both":
            yield where(parts, para), excerpt(para), f"aligned {para.align}; justify the body"


def body_notes(parts: Parts) -> Found:
    for para in parts.body:
        if _is_note(para):
            yield (where(parts, para), excerpt(para), "a centred note in the body: the decree "
                   "asks for justified text and says nothing of notes; keep it only if it is "
                   "deliberate")


def body_indent(parts: Parts) -> Found:
    for para in parts.body:
        value = para.first_line_twips
        if (_looks_like_heading(para) and value == 0) or _is_note(para):
            continue
        if not (abs(value - 567) <= 15 or abs(value - 720) <= 15):
            yield (where(parts, para), excerpt(para), f"first-line indent {value / 567:.2f} cm; "
                   "use 1 cm or 1.27 cm")


def body_spacing(parts: Parts) -> Found:
    """At least 6 pt between paragraphs, measured between them: the space after one plus
    the space before the next (the last before the signature has nothing after it)."""
    body = parts.body
    for previous, para in zip(body, body[1:]):
        if previous.section != para.section or _apart(parts, previous, para):
            continue
        if previous.after_twips + para.before_twips < 120:
            yield (where(parts, para), excerpt(para), "less than 6 pt between this paragraph "
                   "and the one before; set spacing before or after of at least 6 pt")


def blank_paragraphs(parts: Parts) -> Found:
    body = parts.body
    if not body:
        return
    first = parts.paragraphs.index(body[0])
    last = parts.paragraphs.index(body[-1])
    members = {id(p) for p in body}
    for index in range(first, last):
        para = parts.paragraphs[index]
        if id(para) in members or para.cell is not None or squash(para.text):
            continue
        following = parts.paragraphs[index + 1]
        if para.text and following.cell is not None:
            continue  # a one-space paragraph keeps a table off the text above it
        if para.line_rule != "exact" and not (para.border_top or para.border_bottom) \
                and not para.shapes:
            yield (where(parts, para), "", "an empty paragraph used as spacing: the decree "
                   "asks for at least 6 pt between paragraphs and does not forbid this, but "
                   "paragraph spacing is the reliable way")


def _apart(parts: Parts, previous: Para, para: Para) -> bool:
    """Something stands between two body lines (a table, a blank line, a line break)."""
    if previous.index == para.index:
        return True  # two lines of one paragraph
    between = parts.paragraphs[parts.paragraphs.index(previous) + 1:
                               parts.paragraphs.index(para)]
    return bool(between)


def body_line_spacing(parts: Parts) -> Found:
    for para in parts.body:
        if para.line is None:
            continue
        if para.line_rule == "auto":
            if not 240 <= para.line <= 360:
                yield (where(parts, para), excerpt(para), f"line spacing {para.line / 240:.2f} "
                       "lines; use single to 1.5 lines")
        elif not 15 * 20 <= para.line <= 25 * 20:
            yield (where(parts, para), excerpt(para), f"line spacing {para.line / 20:g} pt; "
                   "use single to 1.5 lines (about 15–25 pt for 14 pt text)")


def headings(parts: Parts) -> Found:
    """A khoản with a title is bold (PL1 V row 6b): «1. Phạm vi …». Judged against the
    document itself: titled khoản that are bold show what the others should be."""
    def words(para: Para) -> str:  # without a trailing footnote mark
        return re.sub(r"[\s\u00b9\u00b2\u00b3\u2070-\u2079]+$", "", squash(para.text))

    titled = [p for p in parts.body if _KHOAN.match(words(p)) and len(words(p)) <= 90
              and not words(p).endswith((".", ";", ":")) and visible(p)
              and not any(r.footnote is not None for r in p.runs)]
    bold = [p for p in titled if all(r.bold for r in visible(p))]
    if not bold:
        return
    for para in titled:
        if not any(r.bold for r in visible(para)):
            yield (where(parts, para), excerpt(para), "a khoản with a title is bold, as the "
                   "other titled khoản of this document are")


def end_mark(parts: Parts) -> Found:
    if parts.body and not squash(parts.body[-1].text).endswith("./."):
        last = parts.body[-1]
        yield where(parts, last), excerpt(last), "end the body with «./.»"


# -- ô 7: signature (PL1 II.7) ------------------------------------------------------------------
_WRONG_AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ)(?=\s)")


def signature_block(parts: Parts) -> Found:
    if parts.recipients_label is None:
        return
    lines = [p for p in parts.signature if squash(p.text)]
    if not lines:
        yield from missing("signature block", "put the signer's title and name to the right "
                           "of Nơi nhận")
        return
    wrong = _WRONG_AUTHORITY.match(squash(lines[0].text))
    if wrong:
        right = wrong[1].replace("/", "") + "."
        yield where(parts, lines[0]), excerpt(lines[0]), f"write «{right}» with a period, " \
            f"not «{wrong[1]}»"
    for para in lines:
        problems = format_problems(parts, para, sizes_pt=(13, 14), bold=True, italic=False)
        if para is not lines[-1] and squash(para.text) != squash(para.text).upper():
            problems.append("titles are written in capitals")
        yield from report(parts, para, problems)


# -- ô 9b: Nơi nhận (PL1 II.9.d) ---------------------------------------------------------------
def recipients_label(parts: Parts) -> Found:
    label = parts.recipients_label
    if label is None:
        if not parts.attached:
            yield from missing("«Nơi nhận:»", "list the recipients at the bottom left")
        return
    problems = format_problems(parts, label, sizes_pt=(12, 12), bold=True, italic=True)
    if squash(label.text) != "Nơi nhận:":
        problems.append("write «Nơi nhận:» with its colon")
    yield from report(parts, label, problems)


def _drafter_mark(para: Para) -> str:
    """A drafter's mark after the Lưu line (ô 12): small or subscript runs at its end."""
    mark = ""
    for run in reversed(para.runs):
        if not run.text.strip():
            mark = run.text + mark
            continue
        small = run.size is not None and run.size < 11 and any(c.isalnum() for c in run.text)
        if run.subscript or run.superscript or small:
            mark = run.text + mark
        else:
            break
    return mark.strip()


def recipients_items(parts: Parts) -> Found:
    items = [p for p in parts.recipients if squash(p.text)]
    if parts.recipients_label is None:
        return
    if not items:
        yield where(parts, parts.recipients_label), "", "no recipients under «Nơi nhận:»"
        return
    for index, para in enumerate(items):
        text = squash(para.text)
        problems = format_problems(parts, para, sizes_pt=(11, 11), bold=False, italic=False)
        if not text.startswith("- "):
            problems.append("start with «- »")
        if index == len(items) - 1:
            mark = _drafter_mark(para)
            if mark:
                text = text[: len(text) - len(squash(mark))].strip()
                problems = [p for p in problems if not p.startswith("size")]
            if not re.match(r"^- Lưu: ", text):
                problems.append("the last line is «- Lưu: VT, …» (with a colon)")
            if not text.endswith("."):
                problems.append("the Lưu line ends with «.»")
        elif not text.endswith(";") or text.count(";") > 1:
            problems.append("end with a single «;» (a note in brackets goes before it)")
        yield from report(parts, para, problems)


def drafter_mark(parts: Parts) -> Found:
    items = [p for p in parts.recipients if squash(p.text)]
    mark = _drafter_mark(items[-1]) if items else ""
    if mark and mark != mark.upper():
        yield (where(parts, items[-1]), excerpt(items[-1]), f"«{mark}» after the Lưu line: "
               "a drafter's mark (ô 12) is written in capitals, 11 pt, e.g. «PL.(300)»")


RULES: tuple[Rule, ...] = (
    Rule("ND30-NOT-ADMINISTRATIVE", "error", "ND30 Điều 7", "an administrative document of "
         "one of the decree's types", not_administrative),
    Rule("ND30-PAGE-SIZE", "error", "PL1 I.1", "A4 paper", page_size),
    Rule("ND30-PAGE-ORIENTATION", "warning", "PL1 I.2", "portrait pages", orientation),
    Rule("ND30-PAGE-MARGINS", "error", "PL1 I.3", "margins T/B 20–25, L 30–35, R 15–20 mm",
         margins),
    Rule("ND30-FONT", "error", "PL1 I.4", "Times New Roman (Unicode) for every character",
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
    Rule("ND30-MOTTO-RULE", "error", "PL1 II.1.b", "solid rule under the Tiêu ngữ, as long "
         "as it", motto_rule),
    Rule("ND30-ISSUER", "error", "PL1 II.2", "parent body upright, issuing body bold, "
         "capitals, 12–13 pt", issuer_block),
    Rule("ND30-ISSUER-RULE", "error", "PL1 II.2.b", "short rule under the issuing body",
         issuer_rule),
    Rule("ND30-NUMBER", "error", "PL1 II.3.c", "«Số: 05/KH-UBND»: colon, leading zero, no "
         "spaces in the ký hiệu", number_line),
    Rule("ND30-NUMBER-FORMAT", "error", "PL1 II.3 (V row 3)", "number line 13 pt upright",
         number_format),
    Rule("ND30-DATE", "error", "PL1 II.4.b", "«ngày 05 tháng 01 năm 2020»: leading zeros, a "
         "real date (a draft may leave blanks)", place_date_text),
    Rule("ND30-DATE-FORMAT", "error", "PL1 II.4", "place and date italic, 13–14 pt",
         place_date_format),
    Rule("ND30-TITLE", "error", "PL1 II.5.b", "document type in capitals, bold, centred, "
         "13–14 pt (none in a công văn)", title_block),
    Rule("ND30-SUBJECT", "error", "PL1 II.5.b", "subject bold, centred", subject_block),
    Rule("ND30-SUBJECT-RULE", "error", "PL1 II.5.b", "a rule 1/3–1/2 of the line under the "
         "subject", subject_rule),
    Rule("ND30-SUBJECT-CAPITALS", "warning", "PL2", "no capitals inside the subject but for "
         "names", subject_capitals),
    Rule("ND30-SUMMARY", "error", "PL1 II.5.b", "a công văn's «V/v» line 12–13 pt upright",
         summary_line),
    Rule("ND30-BODY-SIZE", "error", "PL1 II.6.e", "body text 13–14 pt", body_size),
    Rule("ND30-BODY-JUSTIFY", "error", "PL1 II.6.e", "body text justified", body_alignment),
    Rule("ND30-BODY-NOTE", "warning", "PL1 II.6.e", "no centred notes in the body",
         body_notes),
    Rule("ND30-BODY-INDENT", "error", "PL1 II.6.e", "first-line indent 1 or 1.27 cm",
         body_indent),
    Rule("ND30-BODY-SPACING", "error", "PL1 II.6.e", "≥ 6 pt between paragraphs",
         body_spacing),
    Rule("ND30-BLANK-PARAGRAPHS", "warning", "PL1 II.6.e", "no blank paragraphs as spacing",
         blank_paragraphs),
    Rule("ND30-BODY-LINE-SPACING", "error", "PL1 II.6.e", "line spacing single to 1.5 lines",
         body_line_spacing),
    Rule("ND30-HEADINGS", "error", "PL1 V row 6b", "a khoản with a title is bold", headings),
    Rule("ND30-END-MARK", "warning", "PL3 Mẫu 1.4", "body ends with «./.»", end_mark),
    Rule("ND30-SIGNATURE", "error", "PL1 II.7.b–c", "KT./TM./TL./TUQ./Q. with a period; "
         "titles and name bold, 13–14 pt", signature_block),
    Rule("ND30-RECIPIENTS-LABEL", "error", "PL1 II.9.d", "«Nơi nhận:» 12 pt bold italic",
         recipients_label),
    Rule("ND30-RECIPIENTS", "error", "PL1 II.9.d", "items 11 pt, «- …;», last «- Lưu: VT, ….»",
         recipients_items),
    Rule("ND30-DRAFTER-MARK", "warning", "PL1 III.3", "the drafter's mark in capitals, 11 pt",
         drafter_mark),
    Rule("ND30-PAGE-NUMBER", "error", "PL1 I.7", "PAGE field centred in the header, 13–14 pt, "
         "none on page 1", page_numbers),
    Rule("ND30-APPENDIX-PAGE-NUMBER", "error", "PL1 III.1.đ", "each appendix numbers its "
         "pages from 1", appendix_page_numbers),
    Rule("ND30-APPENDIX-HEADING", "error", "PL1 III.1.b", "«Phụ lục I» in thường, bold",
         appendix_heading),
    Rule("ND30-FOOTNOTES", "warning", "practice", "footnotes are real footnotes, not typed "
         "superscript numbers", fake_footnotes),
)
