"""The hostile corpus: one case per defect found by an attacker (issue «Hostile plans and
documents»), each a function that writes its files into a folder and returns the command to
run, the exit code expected and words the output must hold (and must not)."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "fixtures" / "minimal.yaml").read_text("utf-8")
PROFILE = (ROOT / "examples" / "orgs" / "cao-bang.yaml").read_text("utf-8")


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes files, returns the antq arguments
    exit_code: int
    says: str = ""  # words the output holds
    never: tuple[str, ...] = ()  # words the output must not hold
    stack_kb: int | None = None  # a smaller stack (Windows gives 1 MB)
    after: Callable[[Path], None] | None = None  # a check of the folder afterwards
    pipe: bool = False  # run as `antq … | head -1`
    extra: dict = field(default_factory=dict)


def _plan(folder: Path, text: str, name: str = "plan.yaml") -> str:
    (folder / name).write_text(text, "utf-8")
    return str(folder / name)


def _with_subject(expression: str) -> str:
    return MINIMAL.replace(
        "subject: Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {{ year }}",
        f'subject: "{expression}"',
    )


def _docx(folder: Path, name: str, parts: dict[str, bytes]) -> str:
    from antq_docs.render import render_file

    base = render_file(ROOT / "tests" / "fixtures" / "minimal.yaml").docx
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries.update(parts)
    entries = {k: v for k, v in entries.items() if v is not None}
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in entries.items():
            target.writestr(part, data)
    return str(path)


# 1. memory bombs through merge keys ------------------------------------------------------
def merge_bomb(folder: Path) -> list[str]:
    lines = ["x0: &x0 {k: v, l: w}"]
    lines += [f"x{i}: &x{i} {{<<: [*x{i - 1}, *x{i - 1}], n{i}: 1}}" for i in range(1, 30)]
    return ["validate", _plan(folder, "\n".join(lines) + "\n" + MINIMAL)]


def merge_bomb_in_profile(folder: Path) -> list[str]:
    lines = ["x0: &x0 {k: v, l: w}"]
    lines += [f"x{i}: &x{i} {{<<: [*x{i - 1}, *x{i - 1}], n{i}: 1}}" for i in range(1, 30)]
    (folder / "org.yaml").write_text("\n".join(lines) + "\n" + PROFILE, "utf-8")
    return ["render", _plan(folder, "org: org.yaml\n" + MINIMAL), "-o", str(folder / "out.docx")]


# 2. expressions ----------------------------------------------------------------------------
def expression(text: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        return ["render", _plan(folder, _with_subject(text)), "-o", str(folder / "out.docx")]

    make.__name__ = text
    return make


def alias_chain_over_expression(folder: Path) -> list[str]:
    lines = ["vars:", "  a0: &a0 \"{{ 'x' * 100000 }}\""]
    lines += [f"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    return [
        "render",
        _plan(folder, "\n".join(lines) + "\n" + MINIMAL.replace("vars:", "x:")),
        "-o",
        str(folder / "out.docx"),
    ]


def many_footnotes(folder: Path) -> list[str]:
    text = MINIMAL.replace(
        "- Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân.", '- "' + "a^[n] " * 25000 + '"'
    )
    return ["render", _plan(folder, text), "-o", str(folder / "out.docx")]


# 3. documents that cost too much to read ----------------------------------------------------
def zip_bomb_in_a_part_never_read(folder: Path) -> list[str]:
    return ["check", _docx(folder, "bomb.docx", {"word/media/image1.bin": b"\0" * 100_000_000})]


def zip_bomb_in_the_document(folder: Path) -> list[str]:
    body = b"<w:p/>" * 20_000_000
    return ["check", _docx(folder, "bomb.docx", {"word/document.xml": body})]


def _empty_paragraphs(count: int) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return (
        f"<w:document {w}><w:body>"
        + "<w:p/>" * count
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    ).encode()


def many_empty_paragraphs(folder: Path) -> list[str]:
    return ["check", _docx(folder, "empty.docx", {"word/document.xml": _empty_paragraphs(29_000)})]


def too_many_paragraphs(folder: Path) -> list[str]:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{i * 7919 % 100003}</w:t></w:r></w:p>" for i in range(40_000))
    document = f"<w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"
    return ["check", _docx(folder, "long.docx", {"word/document.xml": document.encode()})]


def too_repetitive(folder: Path) -> list[str]:
    return ["check", _docx(folder, "empty.docx", {"word/document.xml": _empty_paragraphs(400_000)})]


def long_style_chain(folder: Path) -> list[str]:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(5000)
    )
    document = (
        f"<w:document {w}><w:body>" + '<w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr>'
        "<w:r><w:t>x</w:t></w:r></w:p>" * 2000 + "<w:sectPr/></w:body></w:document>"
    )
    return [
        "check",
        _docx(
            folder,
            "styles.docx",
            {
                "word/styles.xml": f"<w:styles {w}>{styles}</w:styles>".encode(),
                "word/document.xml": document.encode(),
            },
        ),
    ]


# 4. never a clerk's file lost --------------------------------------------------------------
def pdf_beside_the_plan(folder: Path) -> list[str]:
    (folder / "plan.pdf").write_bytes(b"%PDF-1.7 a signed scan")
    return ["render", _plan(folder, MINIMAL), "--pdf"]


def pdf_untouched(folder: Path) -> None:
    assert (folder / "plan.pdf").read_bytes() == b"%PDF-1.7 a signed scan"
    assert not (folder / "plan.docx").exists()


def output_over_the_plan(folder: Path) -> list[str]:
    plan = _plan(folder, MINIMAL)
    return ["render", plan, "-o", plan, "--force"]


def plan_untouched(folder: Path) -> None:
    assert (folder / "plan.yaml").read_text("utf-8") == MINIMAL


# 5. deep nesting --------------------------------------------------------------------------
def deep_flow(folder: Path) -> list[str]:
    return ["validate", _plan(folder, "subject: " + "[" * 25000 + "]" * 25000 + "\n")]


def deep_flow_small_stack(folder: Path) -> list[str]:
    return ["validate", _plan(folder, "subject: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n")]


def extends_chain(length: int) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        _plan(folder, MINIMAL, "p0.yaml")
        for i in range(1, length + 1):
            _plan(folder, f"extends: p{i - 1}.yaml\n", f"p{i}.yaml")
        return ["validate", str(folder / f"p{length}.yaml")]

    return make


# 6. special files -------------------------------------------------------------------------
def output_to_a_device(folder: Path) -> list[str]:
    return ["render", _plan(folder, MINIMAL), "-o", "/dev/full"]


def output_to_a_device_named_docx(folder: Path) -> list[str]:
    (folder / "out.docx").symlink_to("/dev/zero")
    return ["render", _plan(folder, MINIMAL), "-o", str(folder / "out.docx"), "--force"]


def fifo(role: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        pipe = folder / ("pipe.docx" if role in ("check", "output") else "pipe.yaml")
        os.mkfifo(pipe)
        if role == "plan":
            return ["validate", str(pipe)]
        if role == "check":
            return ["check", str(pipe)]
        if role == "org":
            return [
                "new",
                "ngay-hoi",
                "--year",
                "2026",
                "--org",
                str(pipe),
                "-o",
                str(folder / "new.yaml"),
                "--no-input",
            ]
        return ["render", _plan(folder, MINIMAL), "-o", str(pipe), "--force"]

    return make


def huge_plan(folder: Path) -> list[str]:
    path = folder / "plan.yaml"
    with open(path, "wb") as stream:
        stream.truncate(1024 * 1024 * 1024)  # sparse: 1 GB that costs no disk
    return ["validate", str(path)]


# 7. no file's contents in a message ---------------------------------------------------------
def org_names(target: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        secret = folder / "secret.txt"
        secret.write_text("root:SECRET-HASH:19000:0:99999:7:::\n", "utf-8")
        (folder / "not-a-profile.yaml").write_text("SECRET-HASH line of a file\n", "utf-8")
        named = {
            "environ": "/proc/self/environ",
            "secret": str(secret),
            "yaml": str(folder / "not-a-profile.yaml"),
        }[target]
        return ["validate", _plan(folder, f"org: {named}\n" + MINIMAL)]

    return make


# 8. no internal errors --------------------------------------------------------------------
def bad_part(part: str, data: bytes | None) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        good = _docx(folder, "good.docx", {})
        return ["check", _docx(folder, "bad.docx", {part: data}), good]

    return make


def encrypted(folder: Path) -> list[str]:
    path = folder / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)  # OLE: Word's encrypted
    return ["check", str(path)]


def corrupt_zip(folder: Path) -> list[str]:
    data = Path(_docx(folder, "whole.docx", {})).read_bytes()
    (folder / "broken.docx").write_bytes(data[: len(data) // 2])
    return ["check", str(folder / "broken.docx")]


def encrypted_zip_member(folder: Path) -> list[str]:
    data = bytearray(Path(_docx(folder, "whole.docx", {})).read_bytes())
    data[6] |= 1  # the "encrypted" flag of the first entry, in its local header …
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1  # … and in the central directory
    (folder / "flagged.docx").write_bytes(bytes(data))
    return ["check", str(folder / "flagged.docx")]


# 10. smaller --------------------------------------------------------------------------------
def duplicate_keys(folder: Path) -> list[str]:
    return ["validate", _plan(folder, "a: 1\n" * 50_000)]


def too_many_values(folder: Path) -> list[str]:
    return ["validate", _plan(folder, "a: 1\n" * 300_000)]


def long_line(folder: Path) -> list[str]:
    return ["validate", _plan(folder, "subject: " + "x" * 1_500_000 + ": y\n")]


def escapes_in_text(folder: Path) -> list[str]:
    text = (
        MINIMAL.replace("Nâng cao ý thức", "Nâng cao \\e[2J\\e]0;owned\\a ý thức")
        .replace("- Nâng cao", '- "Nâng cao')
        .replace("Nhân dân.", 'Nhân dân."')
    )
    return ["render", _plan(folder, text), "--text"]


def extends_not_a_plan(folder: Path) -> list[str]:
    (folder / "base.yaml").write_text("colour: blue\n", "utf-8")
    return ["validate", _plan(folder, "extends: base.yaml\n" + MINIMAL)]


def stale_temporary(folder: Path) -> list[str]:
    (folder / ".plan.docx.antq-999999-abcd.tmp").write_bytes(b"half a file")
    return ["render", _plan(folder, MINIMAL)]


def no_stale_temporary(folder: Path) -> None:
    assert not list(folder.glob(".*.tmp")) and (folder / "plan.docx").is_file()


def length_units(folder: Path) -> list[str]:
    from antq_docs.render import render_file

    docx = render_file(ROOT / "tests" / "fixtures" / "minimal.yaml").docx
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        xml = source.read("word/document.xml").decode()
    xml = xml.replace('w:left="1701"', 'w:left="1.18in"').replace(
        'w:right="850"', 'w:right="1.5cm"'
    )
    return ["check", _docx(folder, "units.docx", {"word/document.xml": xml.encode()})]


def closed_pipe(folder: Path) -> list[str]:
    return ["check", "--rules"]


CASES: list[Case] = [
    Case("merge-key bomb", merge_bomb, 2, "merges are expanded"),
    Case("merge-key bomb through org:", merge_bomb_in_profile, 2, "merges are expanded"),
    Case("center(10**9)", expression("{{ 'x'|center(10**9) }}"), 2, "too large here"),
    Case("center(10**10)", expression("{{ 'x'|center(10**10) }}"), 2, "too large here"),
    Case(
        "replace blow-up", expression("{{ ('x'*100000)|replace('x', 'y'*100000) }}"), 2, "too long"
    ),
    Case("join blow-up", expression("{{ ('x'*100000).join(['a']*100000) }}"), 2, "too long"),
    Case("number digits", expression("{{ number(1, 10**9) }}"), 2, "too large here"),
    Case("map center", expression("{{ ['x']|map('center', 10**8)|join }}"), 2, "too large here"),
    Case(
        "str.format width",
        expression("{{ '{:>999999999}'.format(1) }}"),
        2,
        "str.format is not available",
    ),
    Case("% width", expression("{{ '%999999999s' % 'x' }}"), 2, "formatting of text"),
    Case("IndexError", expression("{{ [1][5] }}"), 2, "subject"),
    Case("AttributeError", expression("{{ year.real.nothing.deeper }}"), 2, "subject"),
    Case("ValueError on a huge integer", expression("{{ (10**100)|string|int }}"), 2, "too large"),
    Case("aliases over an expression", alias_chain_over_expression, 2, ""),
    Case("25,000 footnotes", many_footnotes, 2, "more than 1,000 emphasis marks"),
    Case("zip bomb in a part never read", zip_bomb_in_a_part_never_read, 0, "no findings"),
    Case("zip bomb in the document", zip_bomb_in_the_document, 2, "zip bomb"),
    Case("29,000 empty paragraphs", many_empty_paragraphs, 2, "not checked"),
    Case("40,000 paragraphs", too_many_paragraphs, 2, "more than 30,000 paragraphs"),
    Case("400,000 empty paragraphs (1,000 times compressed)", too_repetitive, 2, "zip bomb"),
    Case("5,000 styles based on each other", long_style_chain, 2, "not checked"),
    Case(
        "a signed PDF beside the plan",
        pdf_beside_the_plan,
        3,
        "not a PDF antq wrote",
        after=pdf_untouched,
    ),
    Case(
        "-o the plan itself, --force",
        output_over_the_plan,
        3,
        "end the name with .docx",
        after=plan_untouched,
    ),
    Case("25,000 levels of [", deep_flow, 2, "more than 64 levels"),
    Case(
        "10,000 levels, 1 MB stack", deep_flow_small_stack, 2, "more than 64 levels", stack_kb=1024
    ),
    Case("8 levels of extends", extends_chain(8), 0, "valid"),
    Case("9 levels of extends", extends_chain(9), 2, "more than 8 levels of 'extends'"),
    Case("-o /dev/full", output_to_a_device, 3, "end the name with .docx"),
    Case(
        "-o a .docx that is /dev/zero, --force",
        output_to_a_device_named_docx,
        3,
        "not a regular file",
    ),
    Case("a FIFO as the plan", fifo("plan"), 2, "not a regular"),
    Case("a FIFO to check", fifo("check"), 2, "not a regular"),
    Case("a FIFO as --org", fifo("org"), 2, "not a regular"),
    Case("a FIFO as -o", fifo("output"), 3, "not a regular file"),
    Case("a 1 GB plan", huge_plan, 2, "larger than 2 MB"),
    Case(
        "org: /proc/self/environ",
        org_names("environ"),
        2,
        "names a .yaml file",
        never=("PATH=", "HOME="),
    ),
    Case(
        "org: a password file", org_names("secret"), 2, "names a .yaml file", never=("SECRET-HASH",)
    ),
    Case(
        "org: a .yaml that is no profile",
        org_names("yaml"),
        2,
        "a profile is",
        never=("SECRET-HASH",),
    ),
    Case("control character in the subject", expression("a\\u0007b"), 2, "control character"),
    Case("U+FFFE in the subject", expression("a\\uFFFEb"), 2, "control character"),
    Case(
        "!!binary",
        lambda f: [
            "validate",
            _plan(f, MINIMAL.replace("subject: Tổ chức", "subject: !!binary aGVsbG8=\nx: Tổ chức")),
        ],
        2,
        "!!binary",
    ),
    Case(
        "new --year 99999",
        lambda f: [
            "new",
            "ngay-hoi",
            "--year",
            "99999",
            "--org",
            str(ROOT / "examples/orgs/cao-bang.yaml"),
            "-o",
            str(f / "n.yaml"),
            "--no-input",
        ],
        2,
        "2006 to 2100",
    ),
    Case("an encrypted Word file", encrypted, 2, "not a readable DOCX"),
    Case("a zip cut in half", corrupt_zip, 2, "not a readable DOCX"),
    Case("an encrypted zip entry", encrypted_zip_member, 2, "encrypted"),
    Case("malformed styles", bad_part("word/styles.xml", b"<w:styles"), 2, "good.docx: "),
    Case(
        "malformed relationships",
        bad_part("word/_rels/document.xml.rels", b"<oops"),
        2,
        "good.docx: ",
    ),
    Case("malformed core properties", bad_part("docProps/core.xml", b"<core"), 2, "good.docx: "),
    Case("malformed footnotes", bad_part("word/footnotes.xml", b"<w:footnotes"), 2, "good.docx: "),
    Case("malformed header", bad_part("word/header1.xml", b"<w:hdr"), 2, "good.docx: "),
    Case("no document part", bad_part("word/document.xml", None), 2, "good.docx: "),
    Case("check … | head", closed_pipe, 0, "", pipe=True),
    Case("50,000 duplicate keys", duplicate_keys, 2, "the first 100 are shown"),
    Case("600,000 values", too_many_values, 2, "more than 200,000 values"),
    Case("a 1.5 MB line", long_line, 2, "…"),
    Case("escape sequences in the text", escapes_in_text, 2, "control character", never=("\x1b",)),
    Case("extends: a file that is no plan", extends_not_a_plan, 2, "is not a plan"),
    Case(
        "a temporary file a killed render left",
        stale_temporary,
        0,
        "wrote",
        after=no_stale_temporary,
    ),
    Case("lengths with units (0.5in)", length_units, 0, "no findings"),
]
