"""The DOCX limits of issue 19, each held by a hostile case that tests/hostile/cases.py did
not have yet: the input a regular file of at most 100 MB, an existing output read with the
same guards, numbers beyond any measure, packages that cannot be opened, unchanged parts
copied as streams, runs and footnotes capped. tests/test_hostile_docx.py runs them as
tests/test_hostile.py runs the others (own process, memory cap, time limit)."""

from __future__ import annotations

import os
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from .cases import (
    MINIMAL,
    Case,
    _docx,
    _draft,
    _plan,
    _with_parts,
    a_device,
    encrypted,
    encrypted_zip_member,
)

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MB = 1024 * 1024


def _output(command: str, document: str, folder: Path) -> list[str]:
    if command == "fix":
        return ["fix", document, "-o", str(folder / "out.docx")]
    if command == "import":
        return ["import", document, "-o", str(folder / "plan.yaml")]
    return [command, document]


# the input: a regular file of at most 100 MB ----------------------------------------------
def larger_than_100_mb(command: str) -> Callable[[Path], list[str]]:
    """A 101 MB file (sparse: it costs no disk), refused by its size before it is read."""

    def make(folder: Path) -> list[str]:
        path = folder / "large.docx"
        with open(path, "wb") as stream:
            stream.truncate(101 * _MB)
        return _output(command, str(path), folder)

    return make


# an existing -o target, read with the guards of any document ---------------------------------
def existing_target(kind: str, command: str = "render") -> Callable[[Path], list[str]]:
    """`-o` names a file that is there already: Word's encrypted file, a zip whose entry is
    flagged encrypted, half a zip, a zip bomb, a pipe or /dev/zero."""

    def make(folder: Path) -> list[str]:
        name = "plan.yaml" if command == "import" else "out.docx"
        target = folder / name
        if kind == "ole":
            encrypted(folder)
            (folder / "locked.docx").rename(target)
        elif kind == "entry":
            encrypted_zip_member(folder)
            (folder / "flagged.docx").rename(target)
        elif kind == "half":
            whole = Path(_docx(folder, "whole.docx", {})).read_bytes()
            target.write_bytes(whole[: len(whole) // 2])
        elif kind == "bomb":  # 300 MB of one byte: over every limit of a package
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
                with package.open("word/document.xml", "w", force_zip64=True) as part:
                    for _ in range(300):
                        part.write(b"\0" * _MB)
        elif kind == "fifo":
            os.mkfifo(target)
        else:
            target.symlink_to("/dev/zero")
        if command == "import":
            return ["import", str(_draft(folder)), "-o", str(target)]
        return ["render", _plan(folder, MINIMAL), "-o", str(target)]

    return make


# numbers beyond any measure --------------------------------------------------------------------
def huge_size_in_styles(folder: Path) -> list[str]:
    """The default font size of the styles, 400 digits long."""
    draft = _draft(folder)
    with zipfile.ZipFile(draft) as source:
        styles = source.read("word/styles.xml").decode()
    styles = re.sub(r'(<w:sz w:val=")\d+', lambda m: m[1] + "9" * 400, styles)
    return _output("fix", _with_parts(draft, {"word/styles.xml": styles.encode()}), folder)


# packages that cannot be opened: exit 2, never a success -----------------------------------------
def _raw_method(data: bytes, part: str, method: int) -> bytes:
    """The package with the compression method of `part` declared as `method` (in its local
    header and in the central directory), its data unchanged."""
    patched = bytearray(data)
    name = part.encode()
    for signature, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (found := patched.find(signature, start)) >= 0:
            offset = 30 if signature == b"PK\x03\x04" else 46
            if patched[found + offset : found + offset + len(name)] == name:
                patched[found + at : found + at + 2] = method.to_bytes(2, "little")
            start = found + 4
    return bytes(patched)


def unopenable(kind: str) -> Callable[[Path], list[str]]:
    """`fix` on a package it can read only in part: an image packed with a method zipfile
    lacks, or whose data is damaged (found only when fix copies it); two parts of one name;
    no [Content_Types].xml; a referenced header that is empty."""

    def make(folder: Path) -> list[str]:
        draft = _draft(folder)
        image = {"word/media/unused.png": b"\x89PNG" + bytes(range(256)) * 40}
        data = Path(_with_parts(draft, image)).read_bytes()
        if kind == "method":
            data = _raw_method(data, "word/media/unused.png", 99)
        elif kind == "damaged":
            at = data.find(b"word/media/unused.png") + len("word/media/unused.png") + 200
            data = data[:at] + bytes(b ^ 0xFF for b in data[at : at + 64]) + data[at + 64 :]
        elif kind == "twice":
            with zipfile.ZipFile(draft, "a") as package:
                with package.open("WORD/document.xml", "w") as part:
                    part.write(b"<w:document/>")
            data = draft.read_bytes()
        elif kind == "no types":
            data = Path(_with_parts(draft, {"[Content_Types].xml": None})).read_bytes()
        else:
            with zipfile.ZipFile(draft) as source:
                headers = [n for n in source.namelist() if re.fullmatch(r"word/header\d+\.xml", n)]
            data = Path(_with_parts(draft, {headers[0]: b""})).read_bytes()
        draft.write_bytes(data)
        return _output("fix", str(draft), folder)

    return make


def nothing_written(folder: Path) -> None:
    assert not (folder / "out.docx").exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def no_document_relationships(folder: Path) -> list[str]:
    """A draft without word/_rels/document.xml.rels: the page-number fixer adds the header
    and the relationships part it needs."""
    draft = _draft(folder)
    return _output("fix", _with_parts(draft, {"word/_rels/document.xml.rels": None}), folder)


def a_whole_zip(folder: Path) -> None:
    with zipfile.ZipFile(folder / "out.docx") as package:
        assert package.testzip() is None


# unchanged parts copied as streams --------------------------------------------------------------
_ARCHIVE_MB = 200


def large_unchanged_part(folder: Path) -> list[str]:
    """A rendered plan (without antq's fingerprint, so that fix takes it) holding a 200 MB
    part nothing references, 75 times compressed: fix copies it a megabyte at a time, so
    the 500 MB cap holds (a part held whole would take 200 MB, twice)."""
    rng = random.Random(19)
    runs = rng.randbytes(_ARCHIVE_MB * _MB // 300)
    archive = b"".join(bytes([value]) * 300 for value in runs)
    parts: dict[str, bytes | None] = {
        "docProps/custom.xml": None,
        "word/media/archive.bin": archive,
    }
    return _output("fix", _docx(folder, "large.docx", parts), folder)


def archive_copied(folder: Path) -> None:
    with (
        zipfile.ZipFile(folder / "large.docx") as source,
        zipfile.ZipFile(folder / "out.docx") as fixed,
    ):
        before, after = (
            source.getinfo("word/media/archive.bin"),
            fixed.getinfo("word/media/archive.bin"),
        )
        assert (after.CRC, after.file_size) == (before.CRC, before.file_size)


# runs and footnotes capped -----------------------------------------------------------------------
def too_many_runs(prefix: str) -> Callable[[Path], list[str]]:
    """300,001 runs in 3,000 paragraphs (under `prefix`: another prefix is counted as the
    document is read, not in its bytes)."""

    def make(folder: Path) -> list[str]:
        p = prefix
        paragraphs = "".join(
            f"<{p}:p>"
            + "".join(f"<{p}:r><{p}:t>{i}.{j}</{p}:t></{p}:r>" for j in range(101))
            + f"</{p}:p>"
            for i in range(2_971)
        )
        namespaces = f"{_W} {_W.replace('xmlns:w=', f'xmlns:{p}=')}"
        document = f"<w:document {namespaces}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"
        return ["check", _docx(folder, "runs.docx", {"word/document.xml": document.encode()})]

    return make


def too_many_footnotes(folder: Path) -> list[str]:
    """5,001 footnotes, each of one paragraph."""
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:footnote>'
        for n in range(1, 5_002)
    )
    footnotes = f"<w:footnotes {_W}>{notes}</w:footnotes>".encode()
    path = Path(_docx(folder, "notes.docx", {}))
    with zipfile.ZipFile(path) as source:
        rels = source.read("word/_rels/document.xml.rels").decode()
    parts: dict[str, bytes | None] = {"word/footnotes.xml": footnotes}
    if "footnotes.xml" not in rels:
        link = (
            '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
        )
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>", link + "</Relationships>"
        ).encode()
    return ["check", _with_parts(path, parts)]


# text a plan holds only escaped ---------------------------------------------------------------
def c1_control_in_the_text(folder: Path) -> list[str]:
    """U+0090 (a C1 control: XML takes it, YAML only escaped) in words of a draft's body,
    as a wrongly declared encoding leaves it: imported, written the safe way."""
    draft = _draft(folder)
    with zipfile.ZipFile(draft) as source:
        xml = source.read("word/document.xml").decode()
    sentence = re.compile(r"(<w:t(?: [^>]*)?>)([^<]{40,})")  # the body's words, not titles
    xml = sentence.sub(lambda m: m[1] + m[2][:20] + "\u0090" + m[2][20:], xml)
    return _output("import", _with_parts(draft, {"word/document.xml": xml.encode()}), folder)


NOT_REGULAR = "not a regular"
NOT_ANTQS = "not a document antq wrote"
CASES: list[Case] = [
    Case("check /dev/zero", a_device("check"), 2, NOT_REGULAR),
    *(
        Case(f"{command} a 101 MB file", larger_than_100_mb(command), 2, "larger than 100 MB")
        for command in ("check", "fix", "import")
    ),
    Case("render -o an existing Word-encrypted file", existing_target("ole"), 3, NOT_ANTQS),
    Case("render -o an existing encrypted zip entry", existing_target("entry"), 3, NOT_ANTQS),
    Case("render -o an existing half zip", existing_target("half"), 3, NOT_ANTQS),
    Case("render -o an existing zip bomb", existing_target("bomb"), 3, NOT_ANTQS),
    Case("import -o an existing FIFO", existing_target("fifo", "import"), 3, NOT_REGULAR),
    Case("import -o an existing /dev/zero", existing_target("zero", "import"), 3, NOT_REGULAR),
    Case("fix: a font size of 400 digits in the styles", huge_size_in_styles, 0, "wrote"),
    Case(
        "fix: a part packed with an unknown method",
        unopenable("method"),
        2,
        "not changed",
        after=nothing_written,
    ),
    Case(
        "fix: a damaged part nothing reads",
        unopenable("damaged"),
        2,
        "not changed",
        after=nothing_written,
    ),
    Case("fix: two parts of one name", unopenable("twice"), 2, "two parts", after=nothing_written),
    Case(
        "fix: no [Content_Types].xml",
        unopenable("no types"),
        2,
        "[Content_Types].xml",
        after=nothing_written,
    ),
    Case(
        "fix: an empty header", unopenable("empty header"), 2, "not changed", after=nothing_written
    ),
    Case(
        "fix: no document relationships",
        no_document_relationships,
        0,
        "wrote",
        never=("could not fix",),
        after=a_whole_zip,
    ),
    Case(
        "fix: a 200 MB part nothing references",
        large_unchanged_part,
        0,
        "wrote",
        after=archive_copied,
    ),
    Case("300,001 runs", too_many_runs("w"), 2, "more than 300,000 runs"),
    Case("300,001 runs, another prefix", too_many_runs("x"), 2, "more than 300,000 runs"),
    Case("5,001 footnotes", too_many_footnotes, 2, "more than 5,000 footnotes"),
    Case("import: U+0090 in the text", c1_control_in_the_text, 1, "wrote"),
]
