"""The hostile corpus of `antq batch` (issue 19, «a batch»): tables, manifests, profile
templates, file-name templates, years and output folders an attacker controls. Each case
writes its files into a folder and returns the command; tests/test_hostile_batch.py runs it
as tests/test_hostile.py runs the others (own process, memory cap, time limit)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from .cases import MINIMAL, ROOT, Case

BASE = (ROOT / "tests" / "fixtures" / "batch" / "base.yaml").read_text("utf-8")
HEADER = "unit,school,head\n"
ROW = "Trường A,Trường Trung học cơ sở A,Hiệu trưởng\n"
KIND = ["batch", "ngay-hoi", "--year", "2026", "--province", "Cao Bằng", "-j", "1"]


def _table_args(folder: Path, table: str, *more: str) -> list[str]:
    """A base plan (beside its base, so that antq may read it) over the table `table`."""
    (folder / "minimal.yaml").write_text(MINIMAL, "utf-8")
    (folder / "base.yaml").write_text(
        BASE.replace("extends: ../minimal.yaml", "extends: minimal.yaml"), "utf-8"
    )
    return ["batch", table, "--plan", str(folder / "base.yaml"), "-o", str(folder / "out"), *more]


def table(text: str | Callable[[Path], None], name: str = "rows.csv") -> Callable[[Path], list]:
    """A rows table written as `text` (or by a function, for the large ones)."""

    def make(folder: Path) -> list[str]:
        if callable(text):
            text(folder / name)
        else:
            (folder / name).write_text(text, "utf-8", newline="")
        return _table_args(folder, str(folder / name), "-j", "1")

    return make


def _million_rows(path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(HEADER)
        for number in range(1_000_000):
            stream.write(f"Trường {number},Trường {number},Hiệu trưởng\n")


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as stream:
            stream.truncate(size)  # no disk space used: only the size is hostile

    return make


def not_a_file(role: str) -> Callable[[Path], list[str]]:
    """A FIFO (nothing ever written into it) as the table, the profile template or a
    manifest: reading it would wait for ever."""

    def make(folder: Path) -> list[str]:
        fifo = folder / ("rows.csv" if role == "table" else "commune.yaml")
        os.mkfifo(fifo)
        if role == "table":
            return _table_args(folder, str(fifo))
        return [*KIND, "--rows", "1-1", "--org-template", str(fifo), "-o", str(folder / "out")]

    return make


def org_template(text: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "commune.yaml").write_text(text, "utf-8")
        path = str(folder / "commune.yaml")
        return [*KIND, "--rows", "1-1", "--org-template", path, "-o", str(folder / "out")]

    return make


def kind_with(*options: str) -> Callable[[Path], list[str]]:
    return lambda folder: [*KIND, "--rows", "1-1", *options, "-o", str(folder / "out")]


def _slices(folder: Path) -> Path:
    """Two slices' manifests as antq writes them, with their files."""
    from antq_docs.batch.manifest import Record, write_manifest

    out = folder / "out"
    out.mkdir()
    for number in (1, 2):
        data = f"document {number}".encode()
        (out / f"d{number}.docx").write_bytes(data)
        record = Record(
            number, f"Xã {number}", "", "", "ngay-hoi", "2026", f"d{number}.docx",
            hashlib.sha256(data).hexdigest(), "ok", "", "x",
        )  # fmt: skip
        write_manifest(out / f"manifest.shard-{number}-of-2.csv", {number: record})
    return out


def merge(damage: str) -> Callable[[Path], list[str]]:
    """--merge-manifests where the file of row 2 is missing, changed, or a link out."""

    def make(folder: Path) -> list[str]:
        out = _slices(folder)
        target = out / "d2.docx"
        if damage == "missing":
            target.unlink()
        elif damage == "changed":
            target.write_bytes(b"edited since")
        elif damage == "link":
            (folder / "elsewhere.docx").write_bytes(b"document 2")
            target.unlink()
            target.symlink_to(folder / "elsewhere.docx")
        return ["batch", "--merge-manifests", "-o", str(out)]

    return make


def no_merged_manifest(folder: Path) -> None:
    assert not (folder / "out" / "manifest.csv").exists()


def link_in_the_output(what: str) -> Callable[[Path], list[str]]:
    """A link where the batch writes: a document's name, the manifest, or a folder of
    --name pointing out of -o."""

    def make(folder: Path) -> list[str]:
        out = folder / "out"
        out.mkdir()
        (folder / "precious.txt").write_text("the clerk's own file", "utf-8")
        options = []
        if what == "document":
            (out / "ngay-hoi-2026-phuong-thuc-phan.docx").symlink_to(folder / "precious.txt")
        elif what == "manifest":
            (out / "manifest.csv").symlink_to(folder / "precious.txt")
        else:
            (folder / "elsewhere").mkdir()
            (out / "cao-bang").symlink_to(folder / "elsewhere")
            options = ["--name", "{province}/{unit}"]
        return [*KIND, "--rows", "1-1", *options, "-o", str(out)]

    return make


def nothing_written_through_links(folder: Path) -> None:
    assert (folder / "precious.txt").read_text("utf-8") == "the clerk's own file"
    assert not (folder / "elsewhere").exists() or not any((folder / "elsewhere").iterdir())


NESTED_LOOP = "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}"

BATCH_CASES: list[Case] = [
    Case("a CSV cell of 200,000 characters", table(HEADER + "A," + "x" * 200_000 + ",B\n"), 2,
         "rows.csv:2:"),
    Case("a CSV cell of 40,000 characters", table(HEADER + "A," + "x" * 40_000 + ",B\n"), 2,
         "school: the cell holds 40,000 characters"),
    Case("a quote never closed", table(HEADER + 'A,"' + "x" * 200_000 + "\n"), 2,
         "rows.csv:2:"),
    Case("a CSV of 1,000,000 rows", table(_million_rows), 2, "more than 100,000 rows"),
    Case("a CSV of 5,000 columns", table(",".join(f"c{i}" for i in range(5000)) + "\n"), 2,
         "rows.csv:1:1: the table has 5,000 columns"),
    Case("a CSV of 200 MB", table(_sparse(200 * 1024 * 1024)), 2, "larger than"),
    Case("a YAML table of 3 MB", table(_sparse(3 * 1024 * 1024), "rows.yaml"), 2,
         "larger than 2 MB"),
    Case("a control character in a CSV cell", table(HEADER + "A,Trường\x07 A,B\n"), 2,
         "rows.csv:2:3: school: the text holds a control character (U+0007)"),
    Case("U+FFFE in a CSV header", table("unit,sch\ufffeool\nA,B\n"), 2,
         "rows.csv:1:6: the text holds a control character (U+FFFE)"),
    Case("a FIFO as the table", not_a_file("table"), 2, "not a regular"),
    Case("a FIFO as --org-template", not_a_file("template"), 2, "not a regular"),
    Case("an --org-template of 10 MB", org_template("x" * 10 * 1024 * 1024), 2, "larger than"),
    Case("a nested loop in --org-template", org_template(NESTED_LOOP), 2,
         "only {{ expressions }}"),
    Case("a list of lists in --org-template", org_template("a: {{ [[0]*100000]*100000 }}"), 2,
         "too much text"),
    Case("100 parentheses in --org-template",
         org_template("a: {{ " + "(" * 100 + "1" + ")" * 100 + " }}"), 2, "at most 50"),
    Case("--name {unit:d}", kind_with("--name", "{unit:d}"), 2,
         "--name '{unit:d}': ':d' after {unit}"),
    Case("--name {unit.name}", kind_with("--name", "{unit.__class__}"), 2, "--name"),
    Case("--name {unit!r}", kind_with("--name", "{unit!r}"), 2, "--name"),
    Case("--name {0}", kind_with("--name", "{0}"), 2, "{unit}"),
    Case("--name {unit", kind_with("--name", "x-{unit"), 2, "--name"),
    Case("--years 2026-99999999999", kind_with("--years", "2026-99999999999"), 2, "2006 to 2100"),
    Case("--year 99999", kind_with("--year", "99999"), 2, "2006 to 2100"),
    Case("--year 1", kind_with("--year", "1"), 2, "2006 to 2100"),
    Case("merge: a recorded file is missing", merge("missing"), 2,
         "manifest.shard-2-of-2.csv, row 2: d2.docx", after=no_merged_manifest),
    Case("merge: a recorded file was changed", merge("changed"), 2, "SHA-256",
         after=no_merged_manifest),
    Case("merge: a recorded file is a link out", merge("link"), 2, "outside",
         after=no_merged_manifest),
    Case("a link as a document's name", link_in_the_output("document"), 3, "link",
         after=nothing_written_through_links),
    Case("a link as manifest.csv", link_in_the_output("manifest"), 3, "link",
         after=nothing_written_through_links),
    Case("a link as a folder of --name", link_in_the_output("folder"), 3, "link",
         after=nothing_written_through_links),
]  # fmt: skip
