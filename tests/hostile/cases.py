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
def bad_part(part: str, data: bytes | None, referenced: str = "") -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        good = _docx(folder, "good.docx", {})
        parts = {part: data}
        if referenced:  # a part is read only when the document's relationships name it
            with zipfile.ZipFile(good) as source:
                rels = source.read("word/_rels/document.xml.rels").decode()
            link = (
                f'<Relationship Id="rIdBad" Target="{part.removeprefix("word/")}" Type="http://'
                f'schemas.openxmlformats.org/officeDocument/2006/relationships/{referenced}"/>'
            )
            parts["word/_rels/document.xml.rels"] = rels.replace(
                "</Relationships>", link + "</Relationships>"
            ).encode()
        return ["check", _docx(folder, "bad.docx", parts), good]

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


# 11. round 3 (issue 19) -----------------------------------------------------------------------
def _draft(folder: Path, name: str = "draft.docx") -> Path:
    """A Word draft antq did not write (examples/drafts/du-thao.docx), copied."""
    path = folder / name
    path.write_bytes((ROOT / "examples" / "drafts" / "du-thao.docx").read_bytes())
    return path


def _with_parts(path: Path, parts: dict[str, bytes | None]) -> str:
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in entries.items():
            if data is not None:
                target.writestr(part, data)
    return str(path)


def fix_in_place_twice(folder: Path) -> list[str]:
    draft = _draft(folder)
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "antq_docs", "fix", str(draft), "--in-place"],
        capture_output=True,
        check=False,
    )
    return ["fix", str(draft), "--in-place"]


def original_kept(folder: Path) -> None:
    original = (ROOT / "examples" / "drafts" / "du-thao.docx").read_bytes()
    assert (folder / "draft.bak.docx").read_bytes() == original
    assert (folder / "draft.bak-2.docx").is_file()


def signed(part: str, relationship: bool = False) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        draft = _draft(folder)
        parts: dict[str, bytes | None] = {part: b"<Signature/>"} if part else {}
        if relationship:  # only the package relationship to a signature origin
            with zipfile.ZipFile(draft) as source:
                rels = source.read("_rels/.rels").decode()
            origin = (
                '<Relationship Id="rIdSig" Target="sig/origin.sigs" Type="http://schemas.'
                'openxmlformats.org/package/2006/relationships/DIGITAL-SIGNATURE/origin"/>'
            )
            parts["_rels/.rels"] = rels.replace(
                "</Relationships>", origin + "</Relationships>"
            ).encode()
        return ["fix", _with_parts(draft, parts)]

    return make


def fix_a_fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.docx")
    return ["fix", str(folder / "pipe.docx")]


def unreferenced_headers(folder: Path) -> list[str]:
    """20 headers of 60 MB that no section uses: never decompressed, but over the total."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    header = f"<w:hdr {w}>".encode() + b"<w:p/>" * 10_000_000 + b"</w:hdr>"
    parts: dict[str, bytes | None] = {f"word/header{i}.xml": header for i in range(50, 55)}
    return ["check", _docx(folder, "headers.docx", parts)]


def unreferenced_header_small(folder: Path) -> list[str]:
    """A 60 MB header nothing references (300 times compressed): never decompressed."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    header = f"<w:hdr {w}>".encode() + b"<w:p/>" * 10_000_000 + b"</w:hdr>"
    return ["check", _docx(folder, "header.docx", {"word/header50.xml": header})]


def outside(key: str, how: str) -> Callable[[Path], list[str]]:
    """A plan whose `org:`/`extends:` leaves its folder: by «..», by an absolute path or
    through a link inside the folder."""

    def make(folder: Path) -> list[str]:
        (folder / "secret").mkdir()
        secret = folder / "secret" / "creds.yaml"
        secret.write_text("password: SECRET-HASH\n: : broken line SECRET-HASH\n", "utf-8")
        (folder / "plans").mkdir()
        target = {"dotdot": "../secret/creds.yaml", "absolute": str(secret)}.get(how, "link.yaml")
        if how == "link":
            (folder / "plans" / "link.yaml").symlink_to(secret)
        plan = folder / "plans" / "plan.yaml"
        plan.write_text(f"{key}: {target}\n" + MINIMAL, "utf-8")
        return ["validate", str(plan)]

    return make


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _table_document(rows: int, columns: int, cell: str) -> bytes:
    """A table whose cells differ ({n} is the cell's number): it compresses as text does."""
    body = "".join(
        "<w:tr>" + "".join(cell.format(n=r * columns + c) for c in range(columns)) + "</w:tr>"
        for r in range(rows)
    )
    return (
        f"<w:document {_W}><w:body><w:tbl>{body}</w:tbl><w:sectPr/></w:body></w:document>".encode()
    )


def million_cells(folder: Path) -> list[str]:
    body = _table_document(10_000, 100, "<w:tc><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:tc>")
    return ["check", _docx(folder, "cells.docx", {"word/document.xml": body})]


def cells_without_paragraphs(folder: Path) -> list[str]:
    """40,000 cells written with another prefix: counted while reading, not in the bytes."""
    body = _table_document(400, 100, "<x:tc><x:tcPr><x:tcW x:w='{n}'/></x:tcPr></x:tc>")
    body = body.replace(
        b"<w:document ",
        b'<w:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ',
    )
    return ["check", _docx(folder, "cells.docx", {"word/document.xml": body})]


def paragraphs_in_headers(folder: Path) -> list[str]:
    """20,000 paragraphs in the body and 20,000 in a header (written with another prefix,
    so that only the reader's count sees them): counted together."""
    paragraphs = "".join(f"<x:p><x:pPr><x:ind x:left='{i}'/></x:pPr></x:p>" for i in range(20_000))
    header = f"<w:hdr {_W} {_W.replace('w=', 'x=')}>{paragraphs}</w:hdr>".encode()
    body = "".join(f"<w:p><w:pPr><w:ind w:left='{i}'/></w:pPr></w:p>" for i in range(20_000))
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    section = '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>'
    document = f"<w:document {_W} {r}><w:body>{body}{section}</w:body></w:document>"
    return [
        "check",
        _docx(
            folder,
            "header.docx",
            {"word/document.xml": document.encode(), "word/header1.xml": header},
        ),
    ]


def paragraphs_in_cells(folder: Path) -> list[str]:
    """35,000 paragraphs, all inside the cells of one table (one top-level block)."""
    body = _table_document(
        7_000, 1, "<w:tc>" + "<w:p><w:r><w:t>{n}</w:t></w:r></w:p>" * 5 + "</w:tc>"
    )
    return ["check", _docx(folder, "cells.docx", {"word/document.xml": body})]


def huge_number(attribute: str, digits: int, command: str) -> Callable[[Path], list[str]]:
    """A draft whose first three `attribute`s hold a number of `digits` digits."""

    def make(folder: Path) -> list[str]:
        import re

        draft = _draft(folder)
        with zipfile.ZipFile(draft) as source:
            xml = source.read("word/document.xml").decode()
        xml = re.sub(f'{attribute}="\\d+"', f'{attribute}="{"9" * digits}"', xml, count=3)
        path = _with_parts(draft, {"word/document.xml": xml.encode()})
        return [command, path] + (["-o", str(folder / "out.docx")] if command == "fix" else [])

    return make


def unopenable(kind: str) -> Callable[[Path], list[str]]:
    """`antq fix` on packages it cannot open: an OLE (Word's encrypted) file, half a zip."""

    def make(folder: Path) -> list[str]:
        if kind == "ole":
            encrypted(folder)
            return ["fix", str(folder / "locked.docx")]
        if kind == "half":
            corrupt_zip(folder)
            return ["fix", str(folder / "broken.docx")]
        encrypted_zip_member(folder)
        return ["fix", str(folder / "flagged.docx")]

    return make


def many_vars_over_a_base(folder: Path) -> list[str]:
    """20,000 `vars` over a base that has the same 20,000: each one replaces an inherited
    value (quadratic before: minutes)."""
    count = 20_000
    inherited = "".join(f"  v{i}: {i}\n" for i in range(count))
    _plan(folder, MINIMAL + "vars:\n" + inherited, "base.yaml")
    own = "".join(f"  v{i}: {i + 1}\n" for i in range(count))
    return ["validate", _plan(folder, "extends: base.yaml\nvars:\n" + own)]


def bidi_in_a_document(folder: Path) -> list[str]:
    """A right-to-left override and an escape sequence in a document's text and its name:
    shown as \\u202e and \\x1b, never obeyed by the terminal."""
    draft = _draft(folder, "tr\u202eafd.docx")
    with zipfile.ZipFile(draft) as source:
        xml = source.read("word/document.xml").decode()
    xml = xml.replace("<w:t>", "<w:t>\u202e\x1b[2J", 1)
    return ["check", _with_parts(draft, {"word/document.xml": xml.encode()})]


def a_device(command: str) -> Callable[[Path], list[str]]:
    """`fix` or `import` given a device named .docx (/dev/zero would fill the memory)."""

    def make(folder: Path) -> list[str]:
        (folder / "zero.docx").symlink_to("/dev/zero")
        if command == "import":
            return ["import", str(folder / "zero.docx"), "-o", str(folder / "plan.yaml")]
        return [command, str(folder / "zero.docx")]

    return make


CASES: list[Case] = [
    Case("merge-key bomb", merge_bomb, 2, "merges are expanded"),
    Case("merge-key bomb through org:", merge_bomb_in_profile, 2, "merges are expanded"),
    Case("center(10**9)", expression("{{ 'x'|center(10**9) }}"), 2, "too large here"),
    Case("center(10**10)", expression("{{ 'x'|center(10**10) }}"), 2, "too large here"),
    Case(
        "replace blow-up", expression("{{ ('x'*100000)|replace('x', 'y'*100000) }}"), 2, "too long"
    ),
    Case("join blow-up", expression("{{ ('x'*100000).join(['a']*100000) }}"), 2, "too much text"),
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
    Case("25,000 footnotes", many_footnotes, 2, "more than 1,000 footnotes"),  # in the plan
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
    Case(
        "malformed footnotes",
        bad_part("word/footnotes.xml", b"<w:footnotes", "footnotes"),
        2,
        "good.docx: ",
    ),
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
    Case(
        "fix --in-place twice",
        fix_in_place_twice,
        0,
        "draft.bak-2.docx",
        after=original_kept,
    ),
    Case("signed, _XMLSignatures/ in capitals", signed("_XMLSignatures/sig1.xml"), 2, "signature"),
    Case("signed, _xmlsignatures/ any name", signed("_xmlsignatures/x/any.bin"), 2, "signature"),
    Case("signed, only an origin relationship", signed("", relationship=True), 2, "signature"),
    Case("fix a FIFO", fix_a_fifo, 2, "not a regular"),
    Case("unreferenced headers, 300 MB in all", unreferenced_headers, 2, "MB in all"),
    Case("an unreferenced 60 MB header", unreferenced_header_small, 0, "no findings"),
    Case("[[0]*100000]*100000", expression("{{ [[0]*100000]*100000 }}"), 2, "subject"),
    Case("[[0]*300]*300000", expression("{{ [[0]*300]*300000 }}"), 2, "subject"),
    Case("a list printed too large", expression("{{ [['x'*30000]*3]*3 }}"), 2, "subject"),
    Case("~ blow-up", expression("{{ ('x'*100000) ~ ('x'*100000) }}"), 2, "subject"),
    Case("+ blow-up", expression("{{ ('x'*100000) + ('x'*100000) }}"), 2, "subject"),
    Case(
        "map center, then join",
        expression("{{ (['x']*19000)|map('center', 100000)|join }}"),
        2,
        "subject",
    ),
    Case("range listed", expression("{{ range(100000)|list }}"), 2, "subject"),
    Case("lipsum", expression("{{ lipsum(100000) }}"), 2, "lipsum"),
    Case(
        "100 nested parentheses", expression("{{ " + "(" * 100 + "1" + ")" * 100 + " }}"), 2, "50"
    ),
    Case(
        "50 nested parentheses", expression("{{ " + "(" * 50 + "1" + ")" * 50 + " }}"), 0, "wrote"
    ),
    Case("a 5,000-digit literal", expression("{{ 1" + "0" * 5000 + " }}"), 2, "1,000"),
    Case(
        "org: ../secret/creds.yaml",
        outside("org", "dotdot"),
        2,
        "outside the plan's folder",
        never=("SECRET-HASH",),
    ),
    Case(
        "extends: an absolute path elsewhere",
        outside("extends", "absolute"),
        2,
        "outside the plan's folder",
        never=("SECRET-HASH",),
    ),
    Case(
        "org: a link to a file elsewhere",
        outside("org", "link"),
        2,
        "outside the plan's folder",
        never=("SECRET-HASH",),
    ),
    Case("a table of 1,000,000 cells", million_cells, 2, "more than 30,000 paragraphs"),
    Case(
        "40,000 cells, another prefix", cells_without_paragraphs, 2, "more than 30,000 table cells"
    ),
    Case("paragraphs in headers count", paragraphs_in_headers, 2, "more than 30,000 paragraphs"),
    Case("35,000 paragraphs in cells", paragraphs_in_cells, 2, "more than 30,000 paragraphs"),
    Case("fix: a font size of 400 digits", huge_number("w:val", 400, "fix"), 0, "wrote"),
    Case("check: a font size of 400 digits", huge_number("w:val", 400, "check"), 1, "error"),
    Case("fix: a margin of 5,000 digits", huge_number("w:left", 5000, "fix"), 0, "wrote"),
    Case("fix: an encrypted Word file", unopenable("ole"), 2, "not changed"),
    Case("fix: half a zip", unopenable("half"), 2, "not changed"),
    Case("fix: an encrypted zip entry", unopenable("entry"), 2, "encrypted"),
    Case("20,000 vars over a base's 20,000", many_vars_over_a_base, 0, "valid"),
    Case(
        "bidi override in a document and its name",
        bidi_in_a_document,
        1,
        "\\u202e",
        never=("\u202e", "\x1b"),
    ),
    Case("fix /dev/zero", a_device("fix"), 2, "not a regular"),
    Case("import /dev/zero", a_device("import"), 2, "not a regular"),
    Case(
        "import a FIFO",
        lambda f: (os.mkfifo(f / "p.docx"), ["import", str(f / "p.docx")])[1],
        2,
        "not a regular",
    ),
]
