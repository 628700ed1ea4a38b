"""PDF through LibreOffice: page count, extracted text, and one-line Quốc hiệu and motto."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from antq_docs.write.pdf import convert_to_pdf

from .helpers import EXAMPLES

pytestmark = pytest.mark.pdf
# Pages as laid out with Liberation Serif 2 (Times New Roman metrics).
EXPECTED_PAGES = {
    "bac-giang-2024-ngay-hoi-bcd": 9,
    "cao-bang-2022-ngay-hoi-bcd": 5,
    "cao-bang-2024-ky-niem-80-nam-cand": 9,
}


@pytest.fixture(scope="module")
def pdfs(rendered, soffice, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for path in EXAMPLES:
        docx = folder / f"{path.stem}.docx"
        docx.write_bytes(rendered[path.stem].docx)
        convert_to_pdf(docx, folder / f"{path.stem}.pdf")
        out[path.stem] = folder / f"{path.stem}.pdf"
    return out


def _text(pdf, *args) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.parametrize("name", sorted(EXPECTED_PAGES))
def test_page_count(name, pdfs):
    pages = len(_text(pdfs[name]).split("\f")) - 1
    assert pages == EXPECTED_PAGES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_PAGES))
def test_page_one_header_lines_do_not_wrap(name, pdfs):
    page_one = _text(pdfs[name], "-layout", "-f", "1", "-l", "1")
    lines = page_one.splitlines()
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines)
    assert any("Độc lập - Tự do - Hạnh phúc" in line for line in lines)
    # number and date on the same printed line (ô 3 and ô 4)
    assert any(re.search(r"Số:.*ngày", line) for line in lines)


@pytest.mark.parametrize("name", sorted(EXPECTED_PAGES))
def test_page_numbers_start_on_page_two(name, pdfs):
    pages = _text(pdfs[name]).split("\f")[:-1]
    assert not pages[0].strip().startswith("1")
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(number)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", sorted(EXPECTED_PAGES))
def test_text_survives_conversion(name, pdfs, views):
    text = _squash(_text(pdfs[name]))
    for para in views[name].paragraphs():
        if para.cell is not None and para.cell[0] == 1:
            continue  # the two-column header: its reading order is tested with -layout
        words = _squash(para.text)
        assert words[:60] in text, para.text[:60]


@pytest.mark.parametrize("name", sorted(EXPECTED_PAGES))
def test_only_times_new_roman_metrics_are_used(name, pdfs):
    """A wider fallback font means missing Vietnamese letters (fonts-liberation 1.x)."""
    listing = subprocess.run(
        ["pdffonts", str(pdfs[name])], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    fonts = {line.split()[0].split("+")[-1] for line in listing if line.strip()}
    assert fonts and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in fonts), fonts


def test_liberation_1_is_kept_away_from_libreoffice(monkeypatch, tmp_path):
    from antq_docs.write import pdf

    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    monkeypatch.setattr(pdf, "_OLD_LIBERATION", tmp_path)  # "installed"
    conf = pdf._environment()["FONTCONFIG_FILE"]
    text = Path(conf).read_text("utf-8")
    assert "<glob>/usr/share/fonts/truetype/liberation/*</glob>" in text
    assert "/etc/fonts/fonts.conf" in text
    monkeypatch.setattr(pdf, "_OLD_LIBERATION", tmp_path / "absent")
    assert "FONTCONFIG_FILE" not in pdf._environment()


def test_missing_libreoffice_is_explained(monkeypatch, tmp_path):
    from antq_docs.write import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pdf.PdfError, match="fonts-liberation2"):
        pdf.convert_to_pdf(tmp_path / "a.docx", tmp_path / "a.pdf")
