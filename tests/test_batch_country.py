"""`antq batch` at province and country scale (issue 18): official names pass `--strict`,
the manifest says which province and unit each row is, file names of a national batch never
collide by suffix, and the PDFs report their progress."""

from __future__ import annotations

import csv
import io
import sys
import textwrap
from pathlib import Path

from antq_docs.batch.manifest import read_manifest

from .test_batch import run


def _kind(*options, out: Path):
    return run(
        "--lang", "en", "batch", "ngay-hoi", "--year", "2026", *options, "-o", out, "-j", "1"
    )  # fmt: skip


def test_strict_accepts_an_official_name_with_the_other_tone_mark_style(tmp_path):
    """«Xã Đàm Thuỷ» is spelt so in the places data, while antq writes «Ủy ban»: the name is
    not the plan writer's style, so `--strict` must not fail the row (a province) for it."""
    result = _kind("--province", "Cao Bằng", "--rows", "29-29", "--strict", out=tmp_path)
    assert result.exit_code == 0, result.output
    assert "LINT-TONE-MARKS" not in result.output
    (record,) = read_manifest(tmp_path / "manifest.rows-29-29.csv").values()
    assert record.unit == "Xã Đàm Thuỷ" and record.status == "ok"


def test_the_tone_mark_rule_still_holds_for_the_words_a_clerk_writes(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text("utf-8")

    def warnings(subject: str) -> str:
        plan.write_text(text.replace("subject: Tổ chức Ngày hội", subject), "utf-8")
        return run("--lang", "en", "validate", "--strict", plan).output

    official = warnings("subject: Công tác hòa giải tại xã Đàm Thuỷ; Tổ chức Ngày hội")
    assert "LINT-TONE-MARKS" not in official, official
    own = warnings("subject: Công tác hòa giải, thuỷ lợi tại xã Đàm Thuỷ; Tổ chức Ngày hội")
    assert "while the rest of the plan writes e.g. 'thuỷ'" in own, own


def test_the_manifest_names_the_province_and_the_unit_code(tmp_path):
    result = _kind("--province", "Cao Bằng", "--rows", "1-1", out=tmp_path)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "manifest.rows-1-1.csv").read_text("utf-8-sig")
    (line,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert (line["unit"], line["province"], line["code"]) == (
        "Phường Thục Phán",
        "Cao Bằng",
        "1273",
    )


def test_a_manifest_of_the_previous_release_still_resumes(tmp_path):
    """Its columns lack province and code; it is read, not refused as foreign."""
    (tmp_path / "manifest.csv").write_bytes(
        b"row,unit,kind,year,output,sha256,status,message,inputs\r\n"
        b"1,A,ngay-hoi,2026,a.docx,,failed,why,x\r\n"
    )
    record = read_manifest(tmp_path / "manifest.csv")[1]
    assert (record.unit, record.province, record.code, record.message) == ("A", "", "", "why")


def test_a_national_batch_puts_the_province_in_each_default_name(tmp_path):
    """Three provinces have a «Xã Tân Lập»: the second (row 2186, Lâm Đồng) is named by its
    province, not «…-xa-tan-lap-2»."""
    result = _kind("--province", "all", "--rows", "2186-2186", out=tmp_path)
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.glob("*.docx")] == ["ngay-hoi-2026-lam-dong-xa-tan-lap.docx"]
    (record,) = read_manifest(tmp_path / "manifest.rows-2186-2186.csv").values()
    assert (record.province, record.unit) == ("Lâm Đồng", "Xã Tân Lập")


FAKE_SOFFICE = """\
#!{python}
# LibreOffice as antq calls it: --outdir DIR FILE.docx…; a PDF per file, in order.
import pathlib, sys, time
outdir = pathlib.Path(sys.argv[sys.argv.index("--outdir") + 1])
for name in [a for a in sys.argv if a.endswith(".docx")]:
    time.sleep(0.3)
    (outdir / pathlib.Path(name).with_suffix(".pdf").name).write_bytes(b"%PDF-1.4 fake")
"""


def test_pdf_progress_is_shown_one_line_per_file(tmp_path, monkeypatch):
    """Without a terminal: a line as each PDF is made, not half a minute of silence."""
    soffice = tmp_path / "soffice"
    soffice.write_text(textwrap.dedent(FAKE_SOFFICE.format(python=sys.executable)), "utf-8")
    soffice.chmod(0o755)
    monkeypatch.setenv("ANTQ_SOFFICE", str(soffice))
    out = tmp_path / "out"
    result = _kind("--province", "Cao Bằng", "--rows", "1-3", "--pdf", out=out)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.endswith(".pdf")]
    assert len(lines) == 3, result.output
    assert lines[0].startswith("ok 1/3 ") and lines[2].startswith("ok 3/3 ")
    assert "making PDFs: 3" in result.output
    assert len(list(out.glob("*.pdf"))) == 3
