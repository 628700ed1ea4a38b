"""The clerk's language: Vietnamese by default, English on request, the same rule ids, keys
and places in both; a catalogue that agrees with the code; a console that never fails on a
Vietnamese letter."""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import FIXTURES, ROOT
from .hostile.zygote import Zygote

INVALID = FIXTURES / "invalid" / "several-at-once.yaml"
EXAMPLE = ROOT / "examples" / "cao-bang-2022-ngay-hoi-bcd.yaml"
PROFILE = ROOT / "examples" / "orgs" / "cao-bang.yaml"


_FORKING: dict[str, Zygote] = {}  # the module's forking process, once started


@pytest.fixture(scope="module", autouse=True)
def _forking():
    yield
    if _FORKING:
        _FORKING.pop("zygote").close()


def antq(*args: str, cwd: Path | None = None, **environment: str):
    """`antq ARGS` in its own process, as a clerk runs it, with only the given locale; the
    process is forked from one that has imported antq and chosen no language yet
    (tests/hostile/zygote.py), and tests/test_hostile.py holds it to a fresh one's output."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ANTQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    base = dict(env)
    env.update(environment)
    env.setdefault("LANG", "C.UTF-8")
    env["COLUMNS"] = "200"  # help panels on one line each, whatever the terminal
    if not hasattr(os, "fork"):  # Windows: a fresh process each time
        return subprocess.run(
            [sys.executable, "-m", "antq_docs", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=cwd,
            timeout=120,
        )
    if "zygote" not in _FORKING:  # started in no language: a child chooses its own
        _FORKING["zygote"] = Zygote({**base, "LANG": "C.UTF-8"})
    return _FORKING["zygote"].run(
        list(args), cwd or Path.cwd(), env=env, encoding="utf-8", timeout=120
    )


def _error_paths(tmp_path: Path) -> dict[str, tuple[list[str], str, str]]:
    """command -> (arguments that fail, a Vietnamese phrase, its English msgid)."""
    not_docx = tmp_path / "not.docx"
    not_docx.write_text("plain text", "utf-8")
    table = tmp_path / "rows.csv"
    table.write_text("unit\nA\n", "utf-8")
    return {
        "render": (
            [str(INVALID), "-o", str(tmp_path / "x.pdf")],
            "tên tệp phải kết thúc bằng .docx",
            "end the name with .docx",
        ),
        "validate": ([str(INVALID)], "khóa lạ 'subjct'", "unknown key 'subjct'"),
        "test": (
            [str(INVALID)],
            "ghi ký hiệu không có dấu cách",
            "write the ký hiệu without spaces",
        ),
        "schema": (["--nothing"], "Không có tùy chọn", "No such option"),
        "new": (
            ["ngay-hoi", "--year", "2004", "--org", str(PROFILE)],
            "antq có kế hoạch cho các năm từ 2006 đến 2100",
            "antq has plans for the years 2006 to 2100",
        ),
        "batch": (
            [str(table)],
            "bảng dữ liệu cần --plan base.yaml",
            "a table needs --plan base.yaml",
        ),
        "places": (["Bắc Giang"], "đã sáp nhập vào", "was merged into"),
        "check": ([str(not_docx)], "không phải tệp DOCX đọc được", "not a readable DOCX file"),
        "fix": ([str(not_docx)], "không phải tệp DOCX đọc được", "not a readable DOCX file"),
        "import": ([str(not_docx)], "không phải tệp DOCX đọc được", "not a readable DOCX file"),
        "serve": (
            ["--folder", str(tmp_path / "nowhere")],
            "không có thư mục này",
            "there is no such folder",
        ),
    }


def test_every_command_has_an_error_path_here(tmp_path):
    from antq_docs.cli import app

    names = {command.name or command.callback.__name__ for command in app.registered_commands}
    assert names == set(_error_paths(tmp_path))


@pytest.mark.parametrize(
    "command",
    [
        "render",
        "validate",
        "test",
        "schema",
        "new",
        "batch",
        "places",
        "check",
        "fix",
        "import",
        "serve",
    ],
)
def test_error_paths_speak_vietnamese_by_default_and_english_on_request(command, tmp_path):
    arguments, vietnamese, english = _error_paths(tmp_path)[command]
    default = antq(command, *arguments)
    asked = antq("--lang", "en", command, *arguments)
    assert default.returncode == asked.returncode != 0, (default.stderr, asked.stderr)
    assert vietnamese in default.stdout + default.stderr
    assert english not in default.stdout + default.stderr
    assert english in asked.stdout + asked.stderr
    assert vietnamese not in asked.stdout + asked.stderr


def test_places_and_keys_are_the_same_in_both_languages():
    vietnamese = antq("validate", str(INVALID)).stderr.splitlines()
    english = antq("validate", str(INVALID), ANTQ_LANG="en").stderr.splitlines()

    def places(lines):  # file:line:col and the field path, before the message
        return [
            line.split(": ")[0] + ": " + line.split(": ")[1].split(" ")[0]
            for line in lines
            if line.startswith(str(INVALID))
        ]

    assert places(vietnamese) == places(english) and len(places(english)) == 5


@pytest.mark.parametrize(
    "environment, language",
    [
        ({}, "vi"),
        ({"ANTQ_LANG": "en"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LANGUAGE": "vi", "LANG": "en_US.UTF-8"}, "vi"),
        ({"ANTQ_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANG": "de_DE.UTF-8"}, "vi"),
    ],
)
def test_the_language_is_chosen_from_the_environment(environment, language):
    from antq_docs.i18n import choose_language

    assert choose_language(None, environment) == language


def test_lang_option_wins_and_a_wrong_one_is_refused():
    assert "Render a plan to DOCX" in antq("--lang", "en", "--help", ANTQ_LANG="vi").stdout
    after = antq("validate", "--lang", "en", str(INVALID))  # after the command, too
    assert "unknown key 'subjct'" in after.stderr and after.returncode == 2
    assert "unknown key" in antq("validate", str(INVALID), "--lang=en").stderr
    refused = antq("--lang", "fr", "render", str(EXAMPLE))
    assert refused.returncode == 2
    assert (
        "--lang fr" in refused.stderr
        and "vi" in refused.stderr
        and "Traceback" not in (refused.stderr)
    )


@pytest.mark.parametrize(
    "command",
    [
        None,
        "render",
        "validate",
        "test",
        "schema",
        "new",
        "batch",
        "places",
        "check",
        "fix",
        "import",
        "serve",
    ],
)
def test_help_is_vietnamese(command):
    from antq_docs.cli import app
    from antq_docs.i18n import gettext_in

    args = [command, "--help"] if command else ["--help"]
    shown = antq(*args).stdout
    assert "Cách dùng:" in shown and "Tùy chọn" in shown
    assert "Hiện trợ giúp này rồi thoát." in shown
    if command:
        info = next(
            c for c in app.registered_commands if (c.name or c.callback.__name__) == command
        )
        first_line = gettext_in("vi", info.help).splitlines()[0]
        assert first_line[:40] in " ".join(shown.split())


def test_draft_comments_follow_the_language(tmp_path):
    antq(
        "new", "ngay-hoi", "--year", "2026", "--org", str(PROFILE), "-o", str(tmp_path / "vi.yaml")
    )
    antq(
        "new",
        "ngay-hoi",
        "--year",
        "2026",
        "--org",
        str(PROFILE),
        "-o",
        str(tmp_path / "en.yaml"),
        ANTQ_LANG="en",
    )
    assert "# Để văn thư điền: số và ngày" in (tmp_path / "vi.yaml").read_text("utf-8")
    assert "# Left for the văn thư" in (tmp_path / "en.yaml").read_text("utf-8")


def test_check_findings_and_summary_in_vietnamese(tmp_path):
    draft = ROOT / "examples" / "drafts" / "du-thao.docx"
    shown = antq("check", str(draft)).stdout
    assert "lỗi" in shown and "cảnh báo" in shown
    assert "[ND30-" in shown  # rule ids are never translated
    assert " errors" not in shown and "paragraph " not in shown


def test_schema_has_a_vietnamese_title_and_description_for_every_key():
    from antq_docs.model.schema import schema_dict

    for which in ("plan", "org"):
        schema = schema_dict(which)
        holders = [schema, *schema["$defs"].values()]
        for holder in holders:
            for key, node in holder.get("properties", {}).items():
                assert node["title"] and node["x-title-en"], (which, key)
                assert node["description"] != node["x-description-en"] or (
                    node["description"].startswith(("Cơ quan", "Địa danh"))
                ), (which, key)
    recipients = schema_dict("plan")["properties"]["recipients"]
    assert recipients["title"] == "Nơi nhận"
    assert recipients["description"].startswith("Nơi nhận: mỗi nơi một dòng")


def test_the_catalogue_agrees_with_the_code():
    """Every marked message is in antq.po, translated, and compiled into antq.mo."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalogue.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout


# Calls whose text reaches a person: their literal words must be marked for the catalogue.
_SHOWN_BY = {
    "echo",
    "error",
    "Problem",
    "problem",
    "OutputError",
    "MessageError",
    "PdfError",
    "TemplateProblem",
    "MarkupProblem",
    "ValueError",
    "LookupError",
    "Refused",
    "print",
    "missing",
    "_warn",
    "PlanError",
    "BadParameter",
    "prompt",
    "append",
    "extend",
    "said",
    "add",  # an import note (importer/notes.py)
    "Note",
    "ImportRefused",
}
_EXEMPT = {  # text that is not words for a clerk
    "src/antq_docs/inspect/dump.py",  # a developer's dump of a document
}
_NOT_TRANSLATED = {
    # a programming error (antq itself never asks for these): it would be an internal error
    "no Roman numeral for ",
    "footnote in a place that cannot carry one",
    # nd30's own consistency, checked when the module is imported
    " lies outside ",
    " is not one of ",
}


def _unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in _SHOWN_BY:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            words = ""
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                words = arg.value
            elif isinstance(arg, ast.JoinedStr):
                words = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
            # English words; Vietnamese ones are the document's own text or the decree's terms
            if (
                words not in _NOT_TRANSLATED
                and sum(len(w) > 2 for w in words.split() if w.isalpha() and w.isascii()) >= 2
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:60]!r}")
    return found


def test_no_words_for_a_clerk_outside_the_catalogue():
    paths = [p for p in (ROOT / "src").rglob("*.py") if str(p.relative_to(ROOT)) not in _EXEMPT]
    assert [line for p in paths for line in _unmarked(p)] == []


def test_a_console_that_is_not_utf8_still_shows_vietnamese(monkeypatch):
    from antq_docs.cli.language import utf8_console

    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252")  # a Windows console's code page
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", console)
    utf8_console()
    print("Nơi nhận: Ủy ban nhân dân tỉnh")
    console.flush()
    assert raw.getvalue().decode("utf-8").strip() == "Nơi nhận: Ủy ban nhân dân tỉnh"


def test_the_readme_names_every_key_as_the_schema_does():
    import re

    from antq_docs.key_names import KEY_NAMES
    from antq_docs.model.schema import schema_dict

    text = (ROOT / "README.md").read_text("utf-8")
    listed = dict(re.findall(r"`([a-z_]+)` \| ([^|]+?) \|", text[text.index("| key | tên gọi") :]))
    assert listed == KEY_NAMES
    keys = {
        key
        for which in ("plan", "org")
        for holder in [schema_dict(which), *schema_dict(which)["$defs"].values()]
        for key in holder.get("properties", {})
    }
    assert keys <= set(KEY_NAMES), sorted(keys - set(KEY_NAMES))


# The operating system's and the libraries' own words («Read-only file system», «File is not a
# zip file») are English whatever the language: every reason for a file failing is antq's.
_ERRNOS = [
    "ENOENT", "EROFS", "EACCES", "EPERM", "ENOSPC", "EDQUOT", "EISDIR", "ENOTDIR",
    "ENAMETOOLONG", "EBUSY", "ETXTBSY", "EEXIST", "EIO", "EMFILE", "ELOOP", "EINVAL", "ENXIO",
]  # fmt: skip


def _english_words(text: str, english: str) -> set[str]:
    """The words of `english` (of four letters or more) that stand in `text`."""
    import re

    return {w for w in re.findall(r"[A-Za-z]{4,}", english) if w.lower() in text.lower()}


@pytest.mark.parametrize("name", [n for n in _ERRNOS if hasattr(__import__("errno"), n)])
def test_every_errno_is_said_in_vietnamese_with_advice(name):
    import errno

    from antq_docs.i18n import use_language
    from antq_docs.reasons import reason

    code = getattr(errno, name)
    system = os.strerror(code)
    try:
        use_language("vi")
        said = reason(OSError(code, system))
    finally:
        use_language("en")
    assert said and said != system
    assert _english_words(said, system) == set(), (name, said)
    assert ":" in said or name == "ENXIO"  # what happened, then what to do


def test_a_bad_zip_and_a_damaged_one_are_said_in_vietnamese():
    import zipfile

    from antq_docs.i18n import use_language
    from antq_docs.reasons import reason

    for library in (
        zipfile.BadZipFile("File is not a zip file"),
        zipfile.BadZipFile("Bad CRC-32 for file 'part.xml'"),
        EOFError(),
        NotImplementedError("That compression method is not supported"),
        SyntaxError("Opening and ending tag mismatch: p line 1 and body"),
    ):
        try:
            use_language("vi")
            said = reason(library)
        finally:
            use_language("en")
        assert _english_words(said, str(library)) == set() and "zip" not in said, said
        assert "Word" in said  # what to do: open it in Word and save it as .docx


def test_check_and_fix_say_a_missing_file_and_a_bad_zip_in_vietnamese(tmp_path):
    not_zip = tmp_path / "khong-phai.docx"
    not_zip.write_text("plain text", "utf-8")
    for command in ("check", "fix"):
        for path in (tmp_path / "khong-co.docx", not_zip):
            said = antq(command, str(path))
            shown = said.stdout + said.stderr
            assert said.returncode == 2, shown
            assert "No such file" not in shown and "not a zip file" not in shown, shown
            assert "hãy" in shown  # and what to do


def test_no_message_takes_the_systems_own_words():
    """`exc.strerror` is the operating system's English: messages take antq_docs.reasons'."""
    allowed = {"src/antq_docs/reasons.py", "src/antq_docs/files.py"}  # files: re-raised as is
    found = []
    for path in (ROOT / "src").rglob("*.py"):
        if str(path.relative_to(ROOT)) in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            is_strerror = isinstance(node, ast.Attribute) and node.attr == "strerror"
            if is_strerror or (
                isinstance(node, ast.Constant) and node.value == "strerror"  # getattr(exc, …)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
