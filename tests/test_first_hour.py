"""What a new user hit in their first hour, each kept from coming back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app
from antq_docs.errors import PlanError
from antq_docs.load.yaml_source import load_text

from .helpers import FIXTURES, ROOT

MINIMAL = (FIXTURES / "minimal.yaml").read_text("utf-8")
PROFILE = ROOT / "examples" / "orgs" / "cao-bang.yaml"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_text(text, "plan.yaml")
    return [f"{p.line}:{p.column} {p.message}" for p in caught.value.problems]


# -- YAML mistakes in plain words -------------------------------------------------------------
def test_a_tab_says_indent_with_spaces():
    assert problems_of("issuer:\n\tname: X\n") == [
        "2:1 tab: indent with spaces (YAML does not accept tabs), as the lines above are"
    ]


def test_a_bad_indent_says_which_key_it_belongs_under():
    found = problems_of("issuer:\n  name: X\n place: Cao Bằng\n")
    assert found == [
        "3:2 'place' is indented 1 spaces, which matches no key above: to put it "
        "under 'issuer', indent it 2 spaces like 'name'"
    ]


def test_a_key_indented_under_a_value_says_so():
    found = problems_of("issuer:\n  name: X\n    place: Cao Bằng\n")
    assert "'place' is indented 4 spaces, under 'name', which already has a value" in found[0]


@pytest.mark.parametrize(
    "text", ["recipients: [{{ vars.unit }}, Công an tỉnh]\n", "subject: {{ vars.subject }}\n"]
)
def test_unquoted_expressions_explain_the_quoting(text):
    (found,) = problems_of(text)
    assert 'must be in quotes: write "{{ vars.name }}"' in found


# -- out-of-range input and output names ---------------------------------------------------
def test_new_with_a_year_out_of_range_is_exit_2_with_the_range(tmp_path):
    result = run("new", "ngay-hoi", "--year", "2004", "--org", PROFILE, "-o", tmp_path / "p.yaml")
    assert result.exit_code == 2
    assert "2006 to 2100" in result.stderr and not (tmp_path / "p.yaml").exists()


def test_render_refuses_a_pdf_name_for_the_docx(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(MINIMAL, "utf-8")
    result = run("render", plan, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 3 and "end the name with .docx" in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def _no_writing_here(monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def test_a_read_only_folder_says_what_to_do(tmp_path, monkeypatch):
    plan = tmp_path / "p.yaml"
    plan.write_text(MINIMAL, "utf-8")
    _no_writing_here(monkeypatch)  # running as root, chmod alone would not stop the write
    result = run("render", plan)
    assert result.exit_code == 3
    assert "does not let you write in it" in result.stderr
    assert "choose another place with -o" in result.stderr
    assert ".tmp" not in result.stderr


def test_new_never_names_its_hidden_probe_file(tmp_path, monkeypatch):
    _no_writing_here(monkeypatch)
    result = run(
        "new", "ngay-hoi", "--year", "2026", "--org", PROFILE, "-o", tmp_path / "ke-hoach.yaml"
    )
    assert result.exit_code == 3
    assert "ke-hoach.yaml" in result.stderr
    assert ".check.yaml" not in result.stderr and ".ke-hoach" not in result.stderr


# -- dates -----------------------------------------------------------------------------------
def _validate(tmp_path, text: str):
    plan = tmp_path / "p.yaml"
    plan.write_text(text, "utf-8")
    return run("validate", plan)


def test_a_span_that_runs_past_the_plans_date_is_not_over(tmp_path):
    text = MINIMAL.replace(
        "        deadline: 25/8/2026\n", "        time: {from: 01/12/2025, to: 30/6/2026}\n"
    )
    assert _validate(tmp_path, text).exit_code == 0


def test_a_span_that_ended_before_the_plans_date_is_over_and_says_the_date_as_written(tmp_path):
    text = MINIMAL.replace(
        "        deadline: 25/8/2026\n", "        time: {from: 01/11/2025, to: 30/12/2025}\n"
    )
    result = _validate(tmp_path, text)
    assert result.exit_code == 2
    assert "this time is over before the plan's own date (05/01/2026)" in result.stderr


def test_a_deadline_before_the_plan_is_named_as_the_plan_writes_it(tmp_path):
    text = MINIMAL.replace("deadline: 25/8/2026", "deadline: 3/1/2026")
    result = _validate(tmp_path, text)
    assert "the deadline 3/1/2026 is before the plan's own date (05/01/2026)" in result.stderr


# -- deadline and report_to are printed --------------------------------------------------------
def _text_of(tmp_path, text: str) -> str:
    plan = tmp_path / "p.yaml"
    plan.write_text(text, "utf-8")
    result = run("render", plan, "--text")
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_deadline_and_report_to_are_printed_in_the_assignment(tmp_path):
    text = MINIMAL.replace(
        "        deadline: 25/8/2026\n",
        "        deadline: 15/11/2026\n        report_to: Công an tỉnh\n",
    )
    shown = _text_of(tmp_path, text)
    assert (
        "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch; báo cáo kết quả về Công an tỉnh "
        "trước ngày 15/11/2026."
    ) in shown


def test_a_deadline_alone_is_printed_as_the_day_the_work_is_due(tmp_path):
    shown = _text_of(tmp_path, MINIMAL)
    assert "đôn đốc thực hiện Kế hoạch; hoàn thành trước ngày 25/8/2026." in shown


def test_a_deadline_the_text_already_states_is_not_repeated(tmp_path):
    text = MINIMAL.replace(
        "Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.",
        "Chủ trì; báo cáo kết quả trước ngày 25/8/{{ year }}.",
    )
    shown = _text_of(tmp_path, text)
    assert shown.count("25/8/2026") == 1


# -- profiles on their own -------------------------------------------------------------------
def test_validate_a_profile_on_its_own(tmp_path):
    assert run("validate", "--org", PROFILE).exit_code == 0
    broken = tmp_path / "org.yaml"
    broken.write_text(
        PROFILE.read_text("utf-8").replace("province: Cao Bằng", "province: Bắc Giang"), "utf-8"
    )
    result = run("validate", "--org", broken)
    assert result.exit_code == 2
    assert "org.yaml:" in result.stderr and "Bắc Ninh" in result.stderr


# -- the project itself ------------------------------------------------------------------------
def test_the_license_is_an_spdx_string():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["license"] == "MIT"


def test_unicode_test_reads_only_the_projects_own_files():
    from .test_unicode import project_text_files

    stray = ROOT / "a-clerks-own-plan.yaml"
    stray.write_text("subject: Ke\u0302\u0301 hoạch\n", "utf-8")  # NFD, as some keyboards type
    try:
        assert stray not in project_text_files()
    finally:
        stray.unlink()


# -- the README's quick start, verbatim, in a fresh virtual environment -----------------------
def _readme_commands() -> tuple[str, list[str]]:
    """The set-up command (the first bash block) and the first-hour commands."""
    blocks = (ROOT / "README.md").read_text("utf-8").split("```bash\n")[1:]
    setup = blocks[0].split("```")[0].strip()
    first_hour = [
        line.split("  #")[0].strip() for line in blocks[2].split("```")[0].strip().splitlines()
    ]
    return setup, first_hour


def test_the_readme_quick_start_is_what_this_test_runs():
    setup, first_hour = _readme_commands()
    assert setup.startswith("python3 -m venv .venv && .venv/bin/pip install -e .")
    assert [c.split()[1] for c in first_hour] == ["new", "render", "check"]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ANTQ_SKIP_QUICKSTART") == "1", reason="ANTQ_SKIP_QUICKSTART=1")
def test_the_readme_quick_start_runs_verbatim_in_a_fresh_environment(tmp_path):
    """A copy of the tracked files, a new .venv, the README's commands as written."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    for name in tracked.stdout.splitlines():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    setup, first_hour = _readme_commands()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    # The same Python as this run, for `python3`; pip's cache makes the install quick.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(_base_python())
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    for command in [setup, *(c for c in first_hour if "--pdf" not in c or shutil.which("soffice"))]:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    assert (tmp_path / "out" / "cao-bang-2022.docx").stat().st_size > 10_000
    assert (tmp_path / "ke-hoach.docx").exists()


def _base_python() -> str:
    """The interpreter this virtual environment was made from (not the venv's own)."""
    return getattr(sys, "_base_executable", None) or sys.executable


@pytest.mark.parametrize(
    "text, says",
    [
        (
            "sections:\n  - text: Ban Chỉ đạo ban hành Kế hoạch như sau:\n",
            "3:48 a value that ends with ':' must be in quotes",
        ),
        (
            "sections:\n  - text: Thời gian: tháng 8\n",
            "3:20 ': ' inside a value — put the whole value in quotes",
        ),
    ],
)
def test_a_colon_in_a_value_is_not_taken_for_an_indent(text, says):
    (found,) = problems_of("subject: Kế hoạch\n" + text)
    assert found == says or found.startswith(says)
