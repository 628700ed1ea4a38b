"""Identical input gives a byte-identical DOCX, whatever the clock, time zone or process."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
import io

from antq_docs.render import render_file

from .helpers import EXAMPLES


def test_two_renders_are_byte_identical(rendered):
    for path in EXAMPLES:
        assert render_file(path).docx == rendered[path.stem].docx


def test_another_process_in_another_time_zone_gives_the_same_bytes(rendered, tmp_path):
    path = EXAMPLES[0]
    out = tmp_path / "out.docx"
    env = dict(os.environ, TZ="America/Los_Angeles", PYTHONHASHSEED="123")
    subprocess.run(
        [sys.executable, "-m", "antq_docs", "render", str(path), "-o", str(out)],
        check=True,
        env=env,
        capture_output=True,
    )
    assert out.read_bytes() == rendered[path.stem].docx


def test_zip_entries_have_fixed_dates_and_order(rendered):
    archive = zipfile.ZipFile(io.BytesIO(rendered[EXAMPLES[0].stem].docx))
    infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.create_system for i in infos} == {3}
    names = [i.filename for i in infos]
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names
