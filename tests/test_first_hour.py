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


# -- round 2 (issue 18): set-up ----------------------------------------------------------------
@pytest.mark.parametrize("readme", ["README.md", "README.vi.md"])
def test_the_readmes_say_who_runs_the_tests_and_what_a_clerk_installs(readme):
    text = " ".join((ROOT / readme).read_text("utf-8").split())
    setup = text[: text.index("antq new ngay-hoi")]  # the set-up, before the first hour
    assert "3.11" in setup and "python3-venv" in setup
    assert "15–25" in setup and ("developers" in setup or "người phát triển" in setup)
    for install in (
        "sudo apt-get install libreoffice-writer-nogui",
        "winget install TheDocumentFoundation.LibreOffice",
        "brew install --cask libreoffice",
    ):
        assert install in setup, (readme, install)


# -- round 2: no English inside Vietnamese ---------------------------------------------------
@pytest.fixture
def vietnamese():
    from antq_docs.i18n import use_language

    use_language("vi")
    yield
    use_language("en")


def _antq(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """`antq ARGS` in its own process, in Vietnamese unless told."""
    env = {**os.environ, "ANTQ_LANG": "vi", "COLUMNS": "200", **environment}
    return subprocess.run(
        [sys.executable, "-m", "antq_docs", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_a_mistyped_command_is_answered_in_vietnamese():
    said = _antq("rendr").stderr
    assert "Không có lệnh 'rendr'. Có phải ý bạn là 'render'?" in said
    assert "No such command" not in said and "Did you mean" not in said


def _minimal_docx() -> bytes:
    from antq_docs.render import render_file

    return render_file(FIXTURES / "minimal.yaml").docx


def test_check_and_fix_say_their_places_in_vietnamese(tmp_path, vietnamese):
    from .helpers import DOC, OTHER_BASES, mutate

    draft = tmp_path / "du-thao.docx"
    docx = mutate(_minimal_docx(), DOC, r'w:left="1701"', 'w:left="1440"', 0)
    draft.write_bytes(mutate(docx, DOC, "Số: 05/KH-BCĐ", "Số 05/KH-BCĐ"))
    shown = run("check", draft).stdout
    assert "sau «Số» phải có dấu hai chấm: «Số:»" in shown
    assert "định dạng trang của phần chính (phần 1 trong Word)" in shown
    assert "takes a colon" not in shown and "section" not in shown
    from antq_docs.render import render_file

    base, steps = OTHER_BASES["ND30-APPENDIX-HEADING"]
    appendix = render_file(FIXTURES / f"{base}.yaml").docx
    for part, pattern, replacement, count in steps:
        appendix = mutate(appendix, part, pattern, replacement, count)
    # typed by hand, as far as fix can tell: antq's own files are corrected in their plan
    appendix = mutate(appendix, "docProps/custom.xml", "antq-fingerprint", "origin")
    (tmp_path / "phu-luc.docx").write_bytes(appendix)
    fixed = run("fix", tmp_path / "phu-luc.docx", "--dry-run").stdout
    assert "[ND30-APPENDIX-HEADING] phụ lục 1, tiêu đề: «PHỤ LỤC» → «Phụ lục»" in fixed
    assert "appendix" not in fixed and "heading" not in fixed


def test_decimals_are_written_the_vietnamese_way(tmp_path, vietnamese):
    from .helpers import DEFECTS, DOC, mutate

    docx = _minimal_docx()
    for part, pattern, replacement, count in DEFECTS["ND30-PAGE-ORIENTATION"]:
        docx = mutate(docx, part, pattern, replacement, count)
    # a landscape page with its left margin 30 mm: the four margins are listed
    docx = mutate(
        docx,
        DOC,
        r'w:right="1134" w:bottom="850" w:left="1134"',
        'w:right="1134" w:bottom="850" w:left="1701"',
    )
    (tmp_path / "ngang.docx").write_bytes(docx)
    shown = run("check", tmp_path / "ngang.docx").stdout
    assert "trái 30,0 mm" in shown and "phải 20,0 mm" in shown, shown
    assert "30.0 mm" not in shown and "20.0 mm" not in shown


def test_a_word_file_given_for_a_plan_says_check_or_import(tmp_path, vietnamese):
    word = tmp_path / "KH 05.docx"
    word.write_bytes(_minimal_docx())
    for command in ("render", "validate"):
        result = run(command, word)
        assert result.exit_code == 2
        assert (
            "đây là tệp Word, không phải kế hoạch .yaml: dùng `antq check` để kiểm tra, hoặc "
            "`antq import`"
        ) in result.stderr
    assert not (tmp_path / "KH 05.fixed.docx").exists()


@pytest.mark.parametrize(
    "name, head, says",
    [
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "tệp Word cũ (.doc)"),
        ("ban-in.pdf", b"%PDF-1.7\n" + b"0" * 500, "đây là tệp PDF"),
    ],
)
def test_a_doc_or_a_pdf_given_to_check_or_fix_says_save_it_as_docx(
    tmp_path, vietnamese, name, head, says
):
    (tmp_path / name).write_bytes(head)
    for command in ("check", "fix"):
        result = run(command, tmp_path / name)
        assert result.exit_code == 2
        assert says in result.stderr and "mở" in result.stderr and ".docx" in result.stderr
        assert "zip" not in result.stderr


def test_a_folder_given_to_check_suggests_its_docx_files(tmp_path, vietnamese):
    folder = tmp_path / "van-ban"
    folder.mkdir()
    result = run("check", folder)
    assert result.exit_code == 2
    assert f"antq check {folder / '*.docx'}" in result.stderr
    assert "không đọc được" not in result.stderr


def test_help_names_what_to_give_not_the_programmers_types():
    for command, wanted in (
        ("render", ["KẾ_HOẠCH.yaml", "TỆP.docx"]),
        ("validate", ["KẾ_HOẠCH.yaml", "HỒ_SƠ.yaml"]),
        ("check", ["TỆP.docx", "text|json|sarif"]),
        ("fix", ["TỆP.docx", "QUY_TẮC"]),
    ):
        shown = _antq(command, "--help").stdout
        for name in wanted:
            assert name in shown, (command, name)
        for notation in ("{plan}", "{file}", "<bool>", "<str>", "<path>", "<list[Path]>"):
            assert notation not in shown, (command, notation)


# -- round 2: last year's names and empty texts in a plan ------------------------------------
def _plan(tmp_path, text: str, name: str = "p.yaml"):
    plan = tmp_path / name
    plan.write_text(text, "utf-8")
    return plan


def test_a_thi_tran_or_a_huyen_named_after_the_reform_is_an_error_naming_its_successor(
    tmp_path,
):
    text = MINIMAL.replace("      - unit: Công an tỉnh\n", "      - unit: UBND thị trấn Nước Hai\n")
    text = text.replace(
        "recipients:\n  - Công an tỉnh\n",
        "recipients:\n  - UBND thị trấn Nước Hai\n  - UBND huyện Hòa An\n",
    )
    result = run("validate", _plan(tmp_path, text))
    assert result.exit_code == 2 and "warning" not in result.stderr
    assert (
        "p.yaml:18:15: section II.1, unit [sections[1].items[0].unit]: 'thị trấn Nước Hai' is "
        "not in the current list of xã/phường — it was merged on 01/7/2025 into 'Xã Hòa An'"
    ) in result.stderr
    assert "'huyện Hòa An' no longer exists" in result.stderr
    assert "'Xã Hòa An'" in result.stderr.split("'huyện Hòa An'")[1]
    before = text.replace("date: 05/01/2026", "date: 05/01/2025").replace("/2026", "/2025")
    assert run("validate", _plan(tmp_path, before)).exit_code == 0


def test_a_misspelt_xa_gets_the_nearest_current_name_and_its_province(tmp_path):
    text = MINIMAL.replace(
        "recipients:\n  - Công an tỉnh\n", "recipients:\n  - Công an tỉnh\n  - UBND xã Hoà Ann\n"
    )
    result = run("validate", _plan(tmp_path, text))
    assert result.exit_code == 2
    assert "did you mean 'Xã Hòa An' (Cao Bằng)?" in result.stderr


def test_an_assignment_with_an_empty_text_is_refused(tmp_path):
    text = MINIMAL.replace(
        "        text: Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.\n", "        text:\n"
    )
    result = run("render", _plan(tmp_path, text))
    assert result.exit_code == 2 and not (tmp_path / "p.docx").exists()
    assert (
        "p.yaml:19:14: section II.1, text [sections[1].items[0].text]: the work of 'Công an "
        "tỉnh' is empty"
    ) in result.stderr


def test_an_empty_subject_says_it_is_empty_and_what_a_trich_yeu_is(tmp_path, vietnamese):
    text = MINIMAL.replace(
        "subject: Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {{ year }}\n", "subject:\n"
    )
    result = run("validate", _plan(tmp_path, text))
    assert result.exit_code == 2
    assert "subject: đang để trống: hãy ghi trích yếu, tức dòng dưới chữ «KẾ HOẠCH»" in (
        result.stderr
    )
    assert "phải là chữ" not in result.stderr


def test_a_number_where_text_is_wanted_says_to_quote_it(tmp_path):
    text = MINIMAL.replace("  - title: Mục đích, yêu cầu\n", "  - title: 2026\n")
    result = run("validate", _plan(tmp_path, text))
    assert result.exit_code == 2
    assert 'should be text, but 2026 is read as a number: put it in quotes, "2026"' in (
        result.stderr
    )


def test_a_misspelt_append_key_points_at_its_line_and_suggests_the_append_form(tmp_path):
    _plan(tmp_path, MINIMAL, "base.yaml")
    child = _plan(
        tmp_path,
        "extends: base.yaml\nsubject: Kế hoạch khác\nrecipents+:\n  - Công an xã\n",
        "child.yaml",
    )
    result = run("validate", child)
    assert result.exit_code == 2
    assert (
        "child.yaml:3:1: recipents: unknown key 'recipents+' — did you mean 'recipients+'?"
    ) in result.stderr
    assert "    recipents+:\n    ^" in result.stderr


def test_validate_sums_up_after_the_warnings_and_says_what_strict_did(tmp_path):
    plan = _plan(tmp_path, MINIMAL.replace("place: Cao Bằng", "place: Nơi Không Có"))
    lenient = run("validate", plan)
    assert lenient.exit_code == 0 and "warning: issuer.place" in lenient.stderr
    assert f"valid {plan}, with 1 warning above: it renders" in lenient.stdout
    strict = run("validate", "--strict", plan)
    assert strict.exit_code == 2
    assert f"not valid with --strict {plan}: the 1 warning above counts as a failure" in (
        strict.stderr
    )
    assert "valid" not in strict.stdout


# -- round 2: a reader that goes away ----------------------------------------------------------
def _closed_stdout(*args, cwd) -> subprocess.CompletedProcess:
    """`antq ARGS | head -0`: stdout is a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "antq_docs", *map(str, args)],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            timeout=120,
        )
    finally:
        os.close(write)


def test_a_closed_stdout_never_stops_the_work(tmp_path):
    (tmp_path / "du-thao.docx").write_bytes((ROOT / "examples/drafts/du-thao.docx").read_bytes())
    _plan(tmp_path, MINIMAL)
    fixed = _closed_stdout("fix", "du-thao.docx", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert run("check", tmp_path / "du-thao.fixed.docx").exit_code == 0  # written, whole
    assert "Traceback" not in fixed.stderr and "BrokenPipe" not in fixed.stderr
    checked = _closed_stdout("check", "du-thao.docx", cwd=tmp_path)
    assert checked.returncode == 1 and checked.stderr == ""  # the document's findings
    rendered = _closed_stdout("render", "p.yaml", cwd=tmp_path)
    assert rendered.returncode == 0 and (tmp_path / "p.docx").exists()
    for args in (["validate", "p.yaml"], ["render", "p.yaml", "--text"], ["schema"]):
        done = _closed_stdout(*args, cwd=tmp_path)
        assert done.returncode == 0 and done.stderr == "", (args, done.stderr)


# -- round 2: what antq echoes never drives the terminal ----------------------------------------
def test_file_names_and_arguments_are_escaped_and_cut(tmp_path):
    hostile = tmp_path / "KH\x1b[2J\u202egpj.docx"
    hostile.write_bytes((ROOT / "examples/drafts/du-thao.docx").read_bytes())
    result = run("fix", hostile)
    shown = result.stdout + result.stderr
    assert result.exit_code == 0, shown
    assert "KH\\x1b[2J\\u202egpj.docx: [ND30-" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
    assert f"wrote {tmp_path}/KH\\x1b[2J\\u202egpj.fixed.docx" in result.stdout
    endless = "x" * 20_000
    refused = run("fix", hostile, "--only", endless)
    assert refused.exit_code == 2
    assert max(len(line) for line in refused.stderr.splitlines()) < 1_100
    assert "xxx…" in refused.stderr
    usage = _antq("check", "--x\x1b[2J\u202e").stderr  # click's own words quote it too
    assert "Không có tùy chọn: --x\\x1b[2J\\u202e" in usage
    assert "\x1b" not in usage and "\u202e" not in usage
