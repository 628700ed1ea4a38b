"""Rules on the subject of a document (trích yếu) and a công văn's «V/v» line (PL1 II.5.b,
PL2): bold and centred, the short rule under it, no capitals but for names; the «V/v» 12–13
pt, centred and 6 pt under «Số:». The sizes and emphasis come from antq_docs.nd30."""

from __future__ import annotations

import re

from .. import nd30
from .common import Found, element_problems, hit, line_width_mm, report, rule_under, squash
from ..inspect.docx_read import Para
from ..nd30 import Range
from .locate import Parts
from ..i18n import N_, _

__all__ = [
    "subject_block",
    "subject_rule",
    "subject_capitals",
    "summary_spacing",
    "summary_line",
    "RULE_SLACK",
    "short_rule",
]

#: How far a drawn rule may stray from the decree's length before it is reported: its
#: length is compared with a line width antq estimates, so the check allows for the
#: estimate. The Tiêu ngữ is always the same words, whose width is well known: its rule
#: within 20 % of it (a full-width border of its cell is not); the subject's within 10 %
#: of 1/3–1/2.
RULE_SLACK = {"motto": 0.2, "subject": 0.1}


def subject_block(parts: Parts) -> Found:
    if parts.title is None:
        return
    if not parts.subject:
        yield hit(parts, parts.title, _("the subject (trích yếu) should follow, bold and centred"))
        return
    for para in parts.subject:
        yield from report(parts, para, element_problems(parts, para, nd30.SUBJECT))


def subject_rule(parts: Parts) -> Found:
    """A solid rule 1/3 to 1/2 as long as the subject's line, centred under it."""
    if not parts.subject:
        return
    line = max(line_width_mm(parts, p) for p in parts.subject)
    yield from short_rule(
        parts,
        parts.subject[-1],
        nd30.SUBJECT_RULE,
        (line, line),
        _("draw a short solid rule (1/3 to 1/2 of the line) centred under the subject"),
        N_(
            "the rule under the subject is {length:.0f} mm under a line of about "
            "{line:.0f} mm; make it 1/3 to 1/2 of the line ({value:.0f}–{value2:.0f} "
            "mm)"
        ),
    )


def short_rule(
    parts: Parts,
    last: Para,
    share: Range,
    lines_mm: tuple[float, float],
    missing: str,
    measured: str,
) -> Found:
    """A rule under `last` of `share` of its line: none, or one whose length falls outside
    `share` of the shortest and the longest line it may be measured against (with the slack
    the estimate of a line's width needs). `measured` is a message id with {length}, {line},
    {value} and {value2}."""
    shortest, longest = lines_mm
    wanted = share.chosen * longest
    length = rule_under(parts, last, wanted)
    low, high = share.allowed
    slack = RULE_SLACK["subject"]
    if length is None:
        yield hit(parts, last, missing, data=wanted)
    elif length and not low * (1 - slack) * shortest <= length <= high * (1 + slack) * longest:
        yield hit(
            parts,
            last,
            _(measured).format(
                length=length, line=longest, value=longest * low, value2=longest * high
            ),
            certainty="estimate",
            data=wanted,
        )


# Words of administrative work that are common nouns or verbs, never the head of a name:
# written in lower case inside a sentence (PL2: capitals for proper names and the first
# word). Names of programmes, movements and documents («Chương trình …», «Phong trào …»,
# «Kế hoạch số …») may be capitalised and are not listed.
_COMMON_WORDS = (
    "cải cách",
    "tuyên truyền",
    "phổ biến",
    "giáo dục",
    "kiểm tra",
    "thanh tra",
    "phòng chống",
    "phòng, chống",
    "an ninh",
    "trật tự",
    "an toàn",
    "hành chính",
    "pháp luật",
    "công tác",
    "triển khai",
    "thực hiện",
    "tổ chức",
    "tổng kết",
    "sơ kết",
    "đánh giá",
    "xây dựng",
    "nâng cao",
    "tăng cường",
    "đẩy mạnh",
    "chuyển đổi số",
)
_PLACE_WORDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị xã",
    "thị trấn",
    "đặc khu",
)


def subject_capitals(parts: Parts) -> Found:
    """A common word capitalised inside the subject («Tuyên truyền Cải cách hành chính»),
    or the whole subject typed in capitals (it is in thường, PL1 II.5.b)."""
    for para in parts.subject or parts.summary:
        text = squash(para.text)
        if nd30.SUBJECT.capitals is False and _in_capitals(text):
            yield hit(
                parts,
                para,
                _(
                    "the subject is typed in capitals; retype it in lower case, with a "
                    "capital only for its first word and for names (PL1 II.5.b, PL2)"
                ),
            )
            continue
        quoted = False
        for match in re.finditer(r"[“\"”]|\b[^\W\d_]+(?:,? [^\W\d_]+)?", text):
            word = match[0]
            if word in '“"”':
                quoted = not quoted if word != "“" else True
                quoted = False if word == "”" else quoted
                continue
            before = text[: match.start()].rstrip().lower()
            if (
                match.start() == 0
                or quoted
                or not word[0].isupper()
                or word.isupper()
                or before.endswith(_PLACE_WORDS)
                or text[match.start() - 1] in '“"('
            ):
                continue
            phrase = word.lower()
            if any(
                phrase.startswith(common)
                and (len(phrase) == len(common) or not phrase[len(common)].isalpha())
                for common in _COMMON_WORDS
            ):
                lower = word[0].lower() + word[1:]
                yield hit(
                    parts,
                    para,
                    _(
                        "«{word}» is not a name: write «{lower}» (capitals only for the "
                        "first word and proper names, PL2)"
                    ).format(word=word, lower=lower),
                )
                break


def _in_capitals(text: str) -> bool:
    """Three words or more, all in capitals («VỀ VIỆC TỔ CHỨC NGÀY HỘI»); a name alone
    («UBND») is not a subject in capitals."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    return len(words) >= 3 and all(w.isupper() for w in words)


def summary_spacing(parts: Parts) -> Found:
    """A công văn's «V/v» stands 6 pt under the «Số:» line (PL1 II.5.b)."""
    if not parts.summary or parts.number_line is None:
        return
    number, summary = parts.number_line, parts.summary[0]
    between = parts.paragraphs[parts.pos(number) + 1 : parts.pos(summary)]
    if any(not squash(p.text) for p in between):
        return  # an empty line stands between them
    gap = max(p.after_twips for p in [number, *between]) + summary.before_twips
    if gap < (nd30.SUMMARY_GAP_PT - 1) * 20:  # 1 pt short of 6 is close enough
        yield hit(
            parts,
            summary,
            _("{value:g} pt under the «Số:» line; the «V/v» line stands 6 pt under it").format(
                value=gap / 20
            ),
        )


def summary_line(parts: Parts) -> Found:
    """A công văn's «V/v …»: 12–13 pt, upright, not bold, centred under the «Số:» line
    (PL1 II.5.b)."""
    for para in parts.summary:
        problems = element_problems(parts, para, nd30.SUMMARY)
        if para.align != nd30.SUMMARY.align:
            problems.append(_("centre it under the «Số:» line"))
        yield from report(parts, para, problems)
