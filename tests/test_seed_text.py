"""Each example reproduces its seed word for word, except for the corrections listed here.

Every correction below is also explained in the example's header comment; a difference that
is not listed fails the test with a word-level diff.
"""

from __future__ import annotations

import difflib
import re

import pytest

from antq_docs.inspect.docx_read import Para

from .helpers import SHARED

# (text as the seed has it, text as antq writes it), applied to the seed in this order.
CORRECTIONS: dict[str, list[tuple[str, str]]] = {
    "cao-bang-2022-ngay-hoi-bcd": [
        # the header lines that survived extraction come before the title: compared elsewhere
        ("Cao Bằng, ngày 4 tháng 4 năm 2022 Số: 1238/BCĐ-CAT-PV05 ", ""),
        # legal bases on their own lines with their verb (PL1 II.6.a); "V/v" written out
        (
            "Thực hiện Quyết định số 521/QĐ-TTg, ngày 13/6/2005",
            "Thực hiện Quyết định số 521/QĐ-TTg ngày 13/6/2005",
        ),
        (
            "bảo vệ an ninh Tổ quốc (ANTQ) và công văn số 323/V05-P5 ngày 22/03/2022 của Cục V05 "
            "- Bộ Công an V/v tổ chức",
            "bảo vệ an ninh Tổ quốc (ANTQ); Thực hiện Công văn số 323/V05-P5 ngày 22/3/2022 của "
            "Cục V05 - Bộ Công an về việc tổ chức",
        ),
        # capitals of names (PL2)
        ("Ban chỉ đạo", "Ban Chỉ đạo"),
        # end mark written by antq at the end of the body: no change (the seed has it)
        # Nơi nhận (PL1 II.9.d)
        ("- Cục V05 - BCA; (để b/cáo);", "- Cục V05 - BCA (để b/cáo);"),
        ("- Đ/c Trưởng BCD (để b/cáo);", "- Đ/c Trưởng BCĐ (để b/cáo);"),
        ("- Thành viên BCD 138 tỉnh; (phối hợp t/h)", "- Thành viên BCĐ 138 tỉnh (phối hợp t/h);"),
        ("- Công an các huyện, thành phố; (t/hiện)", "- Công an các huyện, thành phố (t/hiện);"),
        ("- Lưu VT, PV05 (Đ2).", "- Lưu: VT, PV05 (Đ2)."),
    ],
    "bac-giang-2024-ngay-hoi-bcd": [
        ("Bắc Giang, ngày tháng 4 năm 2024 Số: /KH - BCĐ ", ""),
        ("(ANTQ); Kế hoạch số 198/KH-BCĐ", "(ANTQ); Thực hiện Kế hoạch số 198/KH-BCĐ"),
        ("năm 2024; Ban Chỉ đạo phòng, chống", "năm 2024. Ban Chỉ đạo phòng, chống"),
        # the programme is numbered without the seed's gap at (8)
        ("(9) Tổ chức ra mắt", "(8) Tổ chức ra mắt"),
        ("(10) Tuyên bố kết thúc", "(9) Tuyên bố kết thúc"),
        # footnote marks: real footnotes, compared separately
        ("bảo vệ ANTQ¹ để chỉ đạo", "bảo vệ ANTQ để chỉ đạo"),
        ("bảo vệ ANTQ².", "bảo vệ ANTQ."),
        ("- Lưu: VT, NC.Bền.", "- Lưu: VT, NC. Bền."),
    ],
    "cao-bang-2024-ky-niem-80-nam-cand": [
        ("Quyết định số 280/QĐ-TTg, ngày 04/4/2024", "Quyết định số 280/QĐ-TTg ngày 04/4/2024"),
        (
            "(19/8/2005 - 19/8/2025); Kế hoạch số 434/KH-BCA-X03, ngày 09/9/2024",
            "(19/8/2005 - 19/8/2025); Căn cứ Kế hoạch số 434/KH-BCA-X03 ngày 09/9/2024",
        ),
        (
            "(19/8/2005-19/8/2025); Ủy ban nhân dân (UBND)",
            "(19/8/2005-19/8/2025). Ủy ban nhân dân (UBND)",
        ),
        ("từ nay đến quý IV/2025", "từ nay đến quý IV năm 2025"),
        ("từ tháng 7 đến tháng 8/2025", "từ tháng 7 đến tháng 8 năm 2025"),
        # "- 1. Quy mô:** …" in the seed is the run-in title "1. Quy mô: …"
        ("- 1. Quy mô:", "1. Quy mô:"),
        ("- 2. Thời gian:", "2. Thời gian:"),
        ("- 3. Địa điểm:", "3. Địa điểm:"),
        ("theo quy định.⁶", "theo quy định./."),
        (
            "- UBMTTQVN tỉnh; - Ban Tuyên giáo Tỉnh uỷ;",
            "- UBMTTQVN tỉnh; - Ban Tuyên giáo Tỉnh ủy; - Công an tỉnh;",
        ),
        ("- CVP, các PCVP UBND tỉnh,", "- CVP, các PCVP UBND tỉnh;"),
        # the signature titles were lost in extraction
        ("Hoàng Xuân Ánh", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Hoàng Xuân Ánh"),
    ],
}
SEED_FILES = {name: f"{name}.txt" for name in CORRECTIONS}
SUPERSCRIPT = str.maketrans("⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹", "()0123456789")


def _normalise(text: str) -> str:
    text = text.replace("\u00a0", " ")
    return " ".join(text.split())


def _seed_text(name: str) -> tuple[str, list[str]]:
    path = SHARED / "seeds" / SEED_FILES[name]
    if not path.exists():
        pytest.skip(f"{path} is not beside the project")
    lines = path.read_text("utf-8").splitlines()
    is_note = [bool(line) and line[0] in "¹²³" for line in lines]
    footnotes = [line[1:].strip() for line, note in zip(lines, is_note) if note]
    body = [line for line, note in zip(lines, is_note) if not note and line.strip() != "--"]
    text = " ".join(body)
    text = re.sub(r"</?(p|i)>", " ", text)
    text = text.replace("~~", "").replace("**", "").replace("*", "")
    # the programme marks ⁽ⁿ⁾ become (n) like antq's superscript runs; a lone ⁶ stays
    text = re.sub(r"⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾", lambda m: m[0].translate(SUPERSCRIPT), text)
    return _normalise(text), [_normalise(f.replace("*", "")) for f in footnotes]


def _docx_text(view) -> str:
    words = []
    started = False
    for block in view.blocks:
        paragraphs = (
            [block]
            if isinstance(block, Para)
            else [p for row in block.rows for cell in row for p in cell.paragraphs]
        )
        for para in paragraphs:
            if para.text.strip() == "KẾ HOẠCH":
                started = True
            if started and para.text.strip():
                words.append(para.text)
    return _normalise(" ".join(words))


@pytest.mark.parametrize("name", sorted(CORRECTIONS))
def test_body_matches_seed_word_for_word(name, views):
    seed, _ = _seed_text(name)
    start = seed.index("KẾ HOẠCH")
    header, seed = seed[:start], seed[start:]
    for before, after in CORRECTIONS[name]:
        before, after = _normalise(before), _normalise(after)
        if before.startswith(("Cao Bằng, ngày", "Bắc Giang, ngày")):
            assert _normalise(header).startswith(before.split(" Số:")[0]), "header changed"
            continue
        assert before in seed, f"correction no longer applies: {before!r}"
        seed = seed.replace(before, after)
    ours = _docx_text(views[name])
    if ours != seed:
        diff = difflib.unified_diff(
            seed.split(" "), ours.split(" "), "seed (corrected)", "docx", n=4, lineterm=""
        )
        pytest.fail("text differs from the seed:\n" + "\n".join(list(diff)[:80]))


def test_bac_giang_footnotes_match_seed(views):
    _, footnotes = _seed_text("bac-giang-2024-ngay-hoi-bcd")
    view = views["bac-giang-2024-ngay-hoi-bcd"]
    ours = [
        _normalise(" ".join(p.text for p in paras)) for _, paras in sorted(view.footnotes.items())
    ]
    assert ours == footnotes
