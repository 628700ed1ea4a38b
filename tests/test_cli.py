"""The command line: outputs, exit codes, and never losing a clerk's work."""

from __future__ import annotations

import json
import zipfile

import pytest
from typer.testing import CliRunner

from antq_docs import __version__
from antq_docs.cli import app

from .helpers import FIXTURES, ROOT

MINIMAL = FIXTURES / "minimal.yaml"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _edit_in_word(path):
    """Change the text inside the package, as a clerk editing the document would."""
    with zipfile.ZipFile(path) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        "Nguyễn Văn A".encode(), "Nguyễn Văn B".encode()
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"antq {__version__}"


def test_render_writes_beside_the_plan_by_default(tmp_path):
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(MINIMAL.read_text("utf-8"), "utf-8")
    result = run("render", plan)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "ke-hoach.docx").exists()
    assert "wrote" in result.stdout


def test_rerender_over_own_output_is_fine(tmp_path):
    out = tmp_path / "out.docx"
    assert run("render", MINIMAL, "-o", out).exit_code == 0
    first = out.read_bytes()
    assert run("render", MINIMAL, "-o", out).exit_code == 0
    assert out.read_bytes() == first


def test_hand_edited_output_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "out.docx"
    assert run("render", MINIMAL, "-o", out).exit_code == 0
    _edit_in_word(out)
    edited = out.read_bytes()
    result = run("render", MINIMAL, "-o", out)
    assert result.exit_code == 3
    assert "changed after antq wrote it" in result.stderr
    assert out.read_bytes() == edited
    assert run("render", MINIMAL, "-o", out, "--force").exit_code == 0
    assert out.read_bytes() != edited


def test_a_file_antq_did_not_write_is_not_replaced(tmp_path):
    out = tmp_path / "report.docx"
    out.write_bytes(b"someone else's document")
    result = run("render", MINIMAL, "-o", out)
    assert result.exit_code == 3 and "not a document antq wrote" in result.stderr
    assert out.read_bytes() == b"someone else's document"


def test_no_temporary_files_are_left_behind(tmp_path):
    out = tmp_path / "out.docx"
    assert run("render", MINIMAL, "-o", out).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_an_unwritable_destination_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("render", MINIMAL, "-o", blocker / "out.docx")
    assert result.exit_code == 3 and "cannot write here" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_many_files_exits_2_if_any_is_invalid():
    good = MINIMAL
    bad = FIXTURES / "invalid" / "unknown-key.yaml"
    result = run("validate", good, bad)
    assert result.exit_code == 2
    assert f"valid {good}" in result.stdout
    assert "unknown key 'nmuber'" in result.stderr
    assert run("validate", good).exit_code == 0


def test_schema_command_prints_the_committed_schema():
    result = run("schema")
    assert result.exit_code == 0
    committed = (ROOT / "schema" / "plan.schema.json").read_text("utf-8")
    assert result.stdout == committed, "run: antq schema > schema/plan.schema.json"
    assert json.loads(result.stdout)["title"] == "Plan"


def test_every_example_names_the_schema_for_editors():
    for plan in sorted((ROOT / "examples").glob("*.yaml")):
        first = plan.read_text("utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"


def test_help_lists_commands_with_examples():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("render", "validate", "schema"):
        assert command in result.stdout
    assert "antq render ke-hoach.yaml" in run("render", "--help").stdout


@pytest.mark.parametrize("args", [["render"], ["render", "a", "b"], ["nonsense"]])
def test_usage_errors_exit_2_without_traceback(args):
    result = run(*args)
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_text_preview_prints_the_plan_and_writes_nothing(tmp_path, monkeypatch):
    plan = tmp_path / "p.yaml"
    plan.write_text(MINIMAL.read_text("utf-8"), "utf-8")
    result = run("render", plan, "--text")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "KẾ HOẠCH" in lines and "I. MỤC ĐÍCH, YÊU CẦU" in lines
    assert "- Lưu: VT, PV05." in lines
    # plain text, as the README promises: no Markdown marks around the words
    assert not any(line.startswith("#") or "**" in line for line in lines)
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_output_is_readable_by_colleagues(tmp_path):
    import os
    import stat

    out = tmp_path / "out.docx"
    old = os.umask(0o022)
    try:
        assert run("render", MINIMAL, "-o", out).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)
    assert run("render", MINIMAL, "-o", out).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.pdf
def test_render_pdf_writes_a_pdf_beside_the_docx(tmp_path, soffice):
    out = tmp_path / "plan.docx"
    result = run("render", MINIMAL, "-o", out, "--pdf")
    assert result.exit_code == 0, result.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"wrote {pdf}" in result.stdout


def test_render_pdf_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    from antq_docs.write import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    out = tmp_path / "plan.docx"
    result = run("render", MINIMAL, "-o", out, "--pdf")
    assert result.exit_code == 3
    assert "PDF not written" in result.stderr and "libreoffice" in result.stderr.lower()
    assert out.exists()  # the DOCX is still written
