"""What several test modules share: where things are, openxml-audit, and the one-defect
mutations of a rendered DOCX that the check and fix tests apply. Test modules import from here,
never from each other (conftest.py holds only fixtures)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def ooxml_errors(path: Path) -> list[str]:
    """openxml-audit's findings on one file, from a fresh validator each time: a validator
    that is reused caches cross-part counts by `id(package)`, and Python reuses ids, so a
    later file can be judged with an earlier file's footnote count."""
    openxml_audit = pytest.importorskip("openxml_audit")
    return [str(e) for e in openxml_audit.OpenXmlValidator().validate(str(path)).errors]


DOC = "word/document.xml"


def mutate(docx: bytes, part: str, pattern: str, replacement: str, count: int = 1) -> bytes:
    """The same package with one regex substitution in one part (`count` times)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    text = entries[part].decode("utf-8")
    changed, done = re.subn(pattern, replacement, text, count=count)
    assert done == (count or done) and done > 0, f"pattern not found: {pattern}"
    entries[part] = changed.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return out.getvalue()


FONTS = r"<w:rFonts [^>]*/>"  # every run names its font first
BODY_RUN = rf'<w:r><w:rPr>{FONTS}</w:rPr><w:t xml:space="preserve">1\. Nâng'  # item I.1
DEFECTS = {
    "ND30-PAGE-SIZE": [(DOC, r'w:w="11906"', 'w:w="12240"', 0)],
    # landscape, with the margins turned with the page and the subject's rule kept as long
    "ND30-PAGE-ORIENTATION": [
        (
            DOC,
            r'<w:pgSz w:w="11906" w:h="16838"/>',
            '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
            0,
        ),
        (
            DOC,
            r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" '
            r'w:left="\d+"',
            '<w:pgMar w:top="1701" w:right="1134" w:bottom="850" w:left="1134"',
            0,
        ),
        (
            DOC,
            r"(Tổ quốc năm 2026</w:t></w:r></w:p><w:p><w:pPr><w:pBdr>"
            r'.*?)<w:ind w:left="3307" w:right="3307"',
            r'\1<w:ind w:left="5773" w:right="5773"',
            1,
        ),
    ],
    "ND30-PAGE-MARGINS": [(DOC, r'w:left="1701"', 'w:left="1440"', 0)],
    # a legacy TCVN3 font set directly on one run
    "ND30-FONT": [
        (
            DOC,
            rf'<w:r><w:rPr>{FONTS}(</w:rPr><w:t xml:space="preserve">'
            r"1\. Nâng cao)",
            r'<w:r><w:rPr><w:rFonts w:ascii=".VnTime" '
            r'w:hAnsi=".VnTime"/>\1',
            1,
        )
    ],
    "ND30-NATIONAL-TITLE": [
        (DOC, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VN", 1)
    ],
    "ND30-NATIONAL-TITLE-SPELLING": [(DOC, "CỘNG HÒA", "CỘNG HOÀ", 1)],
    "ND30-NATIONAL-TITLE-FORMAT": [
        (
            DOC,
            r'<w:b/><w:bCs/>(<w:sz w:val="26"/><w:szCs w:val="26"/>'
            r'</w:rPr><w:t xml:space="preserve">CỘNG)',
            r"\1",
            1,
        )
    ],
    "ND30-MOTTO": [(DOC, "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc", 1)],
    "ND30-MOTTO-FORMAT": [
        (
            DOC,
            r'(<w:sz w:val="28"/><w:szCs w:val="28"/>)(</w:rPr><w:t '
            r'xml:space="preserve">Độc lập)',
            r'\1<w:u w:val="single"/>\2',
            1,
        )
    ],
    "ND30-MOTTO-RULE": [
        (DOC, r"(Hạnh phúc</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>", r"\1", 1)
    ],
    "ND30-ISSUER": [
        (
            DOC,
            rf'(<w:rPr>{FONTS})(<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>'
            r'<w:t xml:space="preserve">UBND TỈNH)',
            r"\1<w:b/><w:bCs/>\2",
            1,
        )
    ],
    "ND30-ISSUER-RULE": [
        (DOC, r"(BAN CHỈ ĐẠO 138</w:t></w:r></w:p>)<w:p><w:pPr><w:pBdr>.*?</w:p>", r"\1", 1)
    ],
    "ND30-NUMBER": [(DOC, "Số: 05/KH-BCĐ", "Số: 5/KH - BCĐ", 1)],
    "ND30-NUMBER-FORMAT": [
        (
            DOC,
            r'<w:sz w:val="26"/><w:szCs w:val="26"/>(</w:rPr><w:t '
            r'xml:space="preserve">Số:)',
            r'<w:sz w:val="28"/><w:szCs w:val="28"/>\1',
            1,
        )
    ],
    "ND30-DATE": [(DOC, "ngày 05 tháng 01 năm 2026", "ngày 5 tháng 1 năm 2026", 1)],
    "ND30-DATE-FORMAT": [
        (
            DOC,
            r'<w:i/><w:iCs/>(<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
            r'<w:t xml:space="preserve">Cao Bằng, ngày)',
            r"\1",
            1,
        )
    ],
    "ND30-TITLE": [
        (
            DOC,
            r'<w:b/><w:bCs/>(<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t '
            r'xml:space="preserve">KẾ HOẠCH)',
            r"\1",
            1,
        )
    ],
    "ND30-SUBJECT": [
        (
            DOC,
            r'<w:sz w:val="28"/><w:szCs w:val="28"/>(</w:rPr>'
            r'<w:t xml:space="preserve">Tổ chức Ngày hội)',
            r'<w:sz w:val="24"/><w:szCs w:val="24"/>\1',
            1,
        )
    ],
    "ND30-BODY-SIZE": [
        (
            DOC,
            rf'(<w:r><w:rPr>{FONTS})(</w:rPr><w:t xml:space="preserve">'
            r"1\. Nâng cao)",
            r'\1<w:sz w:val="24"/>\2',
            1,
        )
    ],
    "ND30-BODY-JUSTIFY": [
        (DOC, rf'<w:jc w:val="both"/>(</w:pPr>{BODY_RUN})', r'<w:jc w:val="left"/>\1', 1)
    ],
    "ND30-BODY-INDENT": [
        (
            DOC,
            rf'w:firstLine="567"/>(<w:jc w:val="both"/></w:pPr>{BODY_RUN})',
            r'w:firstLine="0"/>\1',
            1,
        )
    ],
    "ND30-BODY-SPACING": [
        (
            DOC,
            r'w:before="120"( w:after="0" w:line="276" w:lineRule="auto"/>'
            rf'<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
            r'w:before="0"\1',
            1,
        )
    ],
    "ND30-BODY-LINE-SPACING": [
        (
            DOC,
            r'w:line="276"( w:lineRule="auto"/><w:ind w:firstLine='
            rf'"567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
            r'w:line="480"\1',
            1,
        )
    ],
    "ND30-END-MARK": [(DOC, r"\./\.", ".", 1)],
    "ND30-SIGNATURE": [(DOC, "KT. TRƯỞNG BAN", "K/T TRƯỞNG BAN", 1)],
    "ND30-RECIPIENTS-LABEL": [
        (
            DOC,
            r'<w:b/><w:bCs/><w:i/><w:iCs/>(<w:sz w:val="24"/><w:szCs '
            r'w:val="24"/></w:rPr><w:t xml:space="preserve">Nơi nhận:)',
            r"<w:b/><w:bCs/>\1",
            1,
        )
    ],
    "ND30-RECIPIENTS": [(DOC, "- Lưu: VT, PV05.", "- Lưu VT, PV05 (Đ2).", 1)],
    "ND30-PAGE-NUMBER": [(DOC, r"<w:titlePg/>", "", 1)],
    "ND30-FOOTNOTES": [(DOC, r"(của cán bộ và Nhân dân\.)", r"\1¹", 1)],
    # without its «Số:» line, a plan with a tên loại is no administrative document
    "ND30-NOT-ADMINISTRATIVE": [(DOC, "Số: 05/KH-BCĐ", "", 1)],
    # the rule under the subject drawn across the whole line
    "ND30-SUBJECT-RULE": [
        (
            DOC,
            r"(Tổ quốc năm 2026</w:t></w:r></w:p><w:p><w:pPr><w:pBdr>.*?)"
            r'<w:ind w:left="\d+" w:right="\d+"',
            r'\1<w:ind w:left="0" '
            r'w:right="0"',
            1,
        )
    ],
    # a công văn (a ký hiệu without a type, a «V/v» line) whose V/v line is bold 14 pt
    "ND30-SUMMARY": [
        (DOC, "Số: 05/KH-BCĐ", "Số: 05/BCĐ-CAT", 1),
        (DOC, "KẾ HOẠCH", "V/v tổ chức Ngày hội", 1),
    ],
    # the công văn of ND30-SUMMARY, its «V/v» set right under the «Số:» line
    "ND30-SUMMARY-SPACING": [
        (DOC, "Số: 05/KH-BCĐ", "Số: 05/BCĐ-CAT", 1),
        (
            DOC,
            r'w:before="360"( w:after="0"/><w:ind w:firstLine="0"/>'
            r'<w:jc w:val="center"/><w:rPr>(?:(?!</w:rPr>).)*<w:sz w:val="28"/>'
            r'<w:szCs w:val="28"/></w:rPr></w:pPr><w:r><w:rPr>(?:(?!</w:rPr>)'
            r'.)*<w:b/><w:bCs/>)<w:sz w:val="28"/><w:szCs w:val="28"/>'
            r'(</w:rPr><w:t xml:space="preserve">)KẾ HOẠCH',
            r'w:before="0"\1<w:sz w:val="26"/>\2V/v tổ chức Ngày hội',
            1,
        ),
        (
            DOC,
            r'<w:b/><w:bCs/>(<w:sz w:val="26"/></w:rPr><w:t xml:space='
            r'"preserve">V/v)',
            r"\1",
            1,
        ),
        (
            DOC,
            "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026<",
            "Kính gửi: Công an các xã, phường.<",
            1,
        ),
    ],
    "ND30-SUBJECT-CAPITALS": [
        (DOC, "bảo vệ an ninh Tổ quốc năm 2026</w:t>", "bảo vệ An ninh Tổ quốc năm 2026</w:t>", 1)
    ],
    "ND30-BODY-NOTE": [
        (
            DOC,
            rf'<w:ind w:firstLine="567"/><w:jc w:val="both"/>(</w:pPr>'
            rf'<w:r><w:rPr>{FONTS}</w:rPr><w:t xml:space="preserve">)1\. Nâng cao '
            r"ý thức, trách nhiệm của cán bộ và Nhân dân\.",
            r'<w:ind w:firstLine="0"/><w:jc w:val="center"/>\1(Theo phụ lục kèm '
            r"theo)",
            1,
        )
    ],
    "ND30-BLANK-PARAGRAPHS": [
        (
            DOC,
            rf'(<w:p><w:pPr><w:spacing w:before="120"[^>]*/><w:ind '
            rf'w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{BODY_RUN})',
            r"<w:p/>\1",
            1,
        )
    ],
    "ND30-DRAFTER-MARK": [
        (
            DOC,
            r"(- Lưu: VT, PV05\.</w:t></w:r>)",
            r"\1<w:r><w:rPr>"
            r'<w:vertAlign w:val="subscript"/><w:sz w:val="18"/></w:rPr>'
            r"<w:t>nam</w:t></w:r>",
            1,
        )
    ],
}
# Rules shown on another rendered plan than the minimal one (it has no such part).
OTHER_BASES = {
    "ND30-APPENDIX-PAGE-NUMBER": ("with-appendix", [(DOC, r'<w:pgNumType w:start="1"/>', "", 0)]),
    "ND30-APPENDIX-HEADING": ("with-appendix", [(DOC, ">Phụ lục I<", ">PHỤ LỤC I<", 1)]),
    # appendix II's title typed in lower case
    "ND30-APPENDIX-FORM": ("with-appendix", [(DOC, ">DANH SÁCH ĐƠN VỊ<", ">Danh sách đơn vị<", 1)]),
    # appendix II without its «(Kèm theo …)» line
    "ND30-APPENDIX-ATTACHED": (
        "with-appendix",
        [
            (
                DOC,
                r"(DANH SÁCH ĐƠN VỊ</w:t></w:r></w:p>)<w:p>(?:(?!</w:p>).)*\(Kèm theo"
                r"(?:(?!</w:p>).)*</w:p>",
                r"\1",
                1,
            )
        ],
    ),
    "ND30-HEADINGS": (
        "cao-bang-2022",
        [
            (
                DOC,
                r"<w:b/><w:bCs/>(</w:rPr><w:t xml:space="
                r'"preserve">2\. Yêu cầu)',
                r"\1",
                1,
            )
        ],
    ),
}


def with_app_pages(docx: bytes, pages: int) -> bytes:
    """The package with a docProps/app.xml that says how many pages Word counted."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    entries["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats'
        f'.org/officeDocument/2006/extended-properties"><Pages>{pages}</Pages><Words>900</Words>'
        "<Application>Microsoft Office Word</Application></Properties>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return out.getvalue()


W_MAIN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _shown_text(paragraph) -> str:
    """The words a paragraph prints, without the results of its fields (a page number is
    the field's, not the clerk's)."""
    out, depth = [], 0
    for element in paragraph.iter(f"{W_MAIN}fldChar", f"{W_MAIN}t"):
        kind = element.get(f"{W_MAIN}fldCharType")
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth = max(depth - 1, 0)
        elif element.tag == f"{W_MAIN}t" and not depth:
            inside_simple = any(a.tag == f"{W_MAIN}fldSimple" for a in element.iterancestors())
            if not inside_simple:
                out.append(element.text or "")
    return "".join(out)


def texts(docx: bytes) -> dict[str, list[str]]:
    """The text of every paragraph of every part (body, tables, headers, footnotes, text
    boxes), part by part, field results left out."""
    from lxml import etree

    out = {}
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                out[name] = [_shown_text(p) for p in root.iter(f"{W_MAIN}p")]
    return out


def words(text: str) -> str:
    """The words, without the characters the decree's fixed formulas correct (hyphens and
    dashes of the Tiêu ngữ, leading zeros of dates, the Lưu line's colon and periods, the
    case of «Phụ lục», «HÒA») and without spaces. Any other change of case is a change."""
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    for old, new in (("hoà", "hòa"), ("HOÀ", "HÒA"), ("Hoà", "Hòa")):
        text = text.replace(old, new)
    text = re.sub(r"(?i)\bphụ lục\b", "phụ lục", text)
    text = re.sub(r"(?<![\d])0(?=\d)", "", text)  # leading zeros
    return re.sub(r"[\s\-–—−:./]", "", text)


def assert_same_words(before: bytes, after: bytes) -> None:
    """Every paragraph of every part says the same words after antq fix; a part fix adds
    (a header) holds only words an existing header already printed."""
    old, new = texts(before), texts(after)
    for part, paragraphs in old.items():
        kept = [p for p in new.get(part, []) if p.strip()]
        assert [words(p) for p in paragraphs if p.strip()] == [words(p) for p in kept], part
    printed = {words(p) for part, ps in old.items() if "/header" in part for p in ps}
    for part in set(new) - set(old):
        added = {words(p) for p in new[part] if p.strip()}
        assert added <= printed, (part, added - printed)


def with_entry(docx: bytes, name: str, data: bytes | str) -> bytes:
    """The package with one entry more (a signature part, a numbering part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, data)
    return out.getvalue()
