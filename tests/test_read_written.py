"""A batch checks each document from the parts its writer holds (render_docx_parts ->
check_written), not by unzipping the file: both readings must give the same inspect model
and the same findings, for every example, a batch row and the drafts of other offices."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from antq_docs.batch import BatchSpec
from antq_docs.batch.job import _validated
from antq_docs.batch.rows import kind_rows
from antq_docs.check import check_docx
from antq_docs.check.run import check_written
from antq_docs.content.build import build_document
from antq_docs.inspect.docx_read import read_docx, read_written
from antq_docs.inspect.package import MAX_PARAGRAPHS
from antq_docs.render import build_tree
from antq_docs.write.docx import render_docx, render_docx_parts

from .helpers import EXAMPLES

DRAFTS = sorted((Path(__file__).parent.parent / "examples" / "drafts").glob("*.docx"))


def _plain(value):
    """The model as plain data: every compared field of every dataclass, recursively (the
    lxml elements kept for antq fix are not compared: they are different trees)."""
    if dataclasses.is_dataclass(value):
        return (
            type(value).__name__,
            tuple(
                (f.name, _plain(getattr(value, f.name)))
                for f in dataclasses.fields(value)
                if f.compare
            ),
        )
    if isinstance(value, dict):
        return tuple((k, _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    return value


def _entries(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _assert_same_reading(docx: bytes, parts: dict[str, bytes]) -> None:
    assert _plain(read_written(parts)) == _plain(read_docx(docx))
    assert [str(f) for f in check_written(parts)] == [str(f) for f in check_docx(docx)]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_reads_the_same_from_its_parts_as_from_its_file(path):
    document, _ = build_tree(path)
    docx, parts = render_docx_parts(document)
    assert docx == render_docx(document)  # handing the parts over changes no byte
    assert parts == _entries(docx)  # the parts are exactly what the zip holds
    _assert_same_reading(docx, parts)


def test_a_batch_row_reads_the_same_from_its_parts_as_from_its_file():
    row = kind_rows("ngay-hoi", "Cao Bằng", [2026])[0]
    spec = BatchSpec(output="", name_template="{unit}", kind="ngay-hoi", province="Cao Bằng")
    validated = _validated(spec, row)
    docx, parts = render_docx_parts(build_document(validated.plan, validated.source))
    view = read_written(parts)
    assert row.unit.upper() in "\n".join(p.text for p in view.paragraphs())
    _assert_same_reading(docx, parts)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_a_draft_with_findings_reads_the_same_both_ways(path):
    docx = path.read_bytes()
    assert check_docx(docx), "the drafts are there for their defects"
    _assert_same_reading(docx, _entries(docx))


def test_parts_in_memory_keep_the_reader_limits():
    document, _ = build_tree(EXAMPLES[0])
    _, parts = render_docx_parts(document)
    body = parts["word/document.xml"]
    extra = b"<w:p/>" * (MAX_PARAGRAPHS + 1)
    parts["word/document.xml"] = body.replace(b"<w:body>", b"<w:body>" + extra, 1)
    with pytest.raises(ValueError, match="paragraphs"):
        read_written(parts)
    del parts["[Content_Types].xml"]
    with pytest.raises(ValueError, match="Content_Types"):
        read_written(parts)
