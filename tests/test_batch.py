"""`antq batch` and `antq places`: every unit's plan, checked, named safely, resumable."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from antq_docs.batch import BatchSpec, run_batch
from antq_docs.batch.manifest import read_manifest
from antq_docs.batch.naming import file_names, slug
from antq_docs.batch.rows import kind_rows, parse_slice, table_rows
from antq_docs.check import check_docx
from antq_docs.cli import app
from antq_docs.inspect import read_docx
from antq_docs.inspect.dump import plain_paragraphs

from .helpers import FIXTURES, ROOT, ooxml_errors

BATCH = FIXTURES / "batch"
BASE = BATCH / "base.yaml"


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _kind_spec(out: Path, **changes) -> BatchSpec:
    values = dict(
        output=str(out), name_template="{kind}-{year}-{unit}", kind="ngay-hoi", province="Cao Bằng"
    )
    values.update(changes)
    return BatchSpec(**values)


def _text(path: Path) -> str:
    return "\n".join(plain_paragraphs(read_docx(path)))


def _files(folder: Path) -> dict[str, str]:
    """Every file below `folder` (relative name -> SHA-256)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def cao_bang(tmp_path_factory):
    """The ngày hội plan of every xã/phường of Cao Bằng for 2026, made once in process."""
    out = tmp_path_factory.mktemp("cao-bang")
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])
    result = run_batch(_kind_spec(out), rows, jobs=1)
    return out, rows, result


def test_every_commune_of_the_province_gets_its_own_checked_plan(cao_bang):
    out, rows, result = cao_bang
    assert len(rows) == 56 and result.exit_code == 0
    assert (result.written, result.unchanged, result.failed) == (56, 0, [])
    manifest = read_manifest(out / "manifest.csv")
    assert [r.row for r in manifest.values()] == list(range(1, 57))
    assert {r.status for r in manifest.values()} == {"ok"}
    for record in manifest.values():
        path = out / record.output
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256
    xa = next(r for r in manifest.values() if r.unit == "Xã Hòa An")
    text = _text(out / xa.output)
    assert "ỦY BAN NHÂN DÂN\nXÃ HÒA AN" in text or "XÃ HÒA AN" in text
    assert "Hòa An, ngày" in text and "Ủy ban nhân dân xã Hòa An ban hành Kế hoạch" in text
    assert check_docx(out / xa.output) == []


def test_wording_follows_the_unit_type(cao_bang):
    """A xã has thôn, a phường has tổ dân phố; the assignment starts with a capital."""
    out, _, _ = cao_bang
    manifest = read_manifest(out / "manifest.csv").values()
    types_seen = set()
    for record in manifest:
        text = _text(out / record.output)
        kind = record.unit.split(" ")[0]
        types_seen.add(kind)
        if kind == "Xã":
            # «Các thôn:», or «Trưởng các thôn:» since the commune drafts name who does it
            assert "các thôn:" in text.lower() and "tổ dân phố" not in text, record.unit
            assert "Công an xã" in text
        elif kind == "Phường":
            assert "các tổ dân phố:" in text.lower() and "thôn" not in text, record.unit
            assert "Công an phường" in text
        assert "các thôn, tổ dân phố:" not in text
    assert types_seen == {"Xã", "Phường"}


def test_batch_output_is_valid_ooxml(cao_bang):
    out, _, _ = cao_bang
    for name in ("ngay-hoi-2026-phuong-thuc-phan.docx", "ngay-hoi-2026-xa-hoa-an.docx"):
        errors = ooxml_errors(out / name)
        assert not errors, errors[:5]


def test_a_second_run_skips_what_is_unchanged_and_redoes_what_is_not(tmp_path):
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])[:4]
    first = run_batch(_kind_spec(tmp_path), rows, jobs=1)
    before = _files(tmp_path)
    again = run_batch(_kind_spec(tmp_path), rows, jobs=1)
    assert (again.written, again.unchanged) == (0, 4) and _files(tmp_path) == before
    # A deleted output is made again; an edited template changes every row's inputs.
    (tmp_path / read_manifest(tmp_path / "manifest.csv")[2].output).unlink()
    third = run_batch(_kind_spec(tmp_path), rows, jobs=1)
    assert (third.written, third.unchanged) == (1, 3) and _files(tmp_path) == before
    template = (ROOT / "templates" / "commune-org.yaml.j2").read_text("utf-8")
    changed = template.replace("filing:\n  units: [VT]", "filing:\n  units: [VT, CAX]")
    fourth = run_batch(_kind_spec(tmp_path, org_template=changed), rows, jobs=1)
    assert (fourth.written, fourth.unchanged) == (4, 0) and first.exit_code == 0
    assert "Lưu: VT, CAX." in _text(tmp_path / "ngay-hoi-2026-phuong-thuc-phan.docx")
    forced = run_batch(_kind_spec(tmp_path, org_template=changed, force=True), rows, jobs=1)
    assert forced.written == 4


def test_years_make_one_plan_per_unit_and_year(tmp_path):
    result = run(
        "batch",
        "ngay-hoi",
        "--years",
        "2026-2027",
        "--province",
        "Cao Bằng",
        "--rows",
        "1-2",
        "-o",
        tmp_path,
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    # Rows are numbered years first: rows 1-2 are the first two units in 2026.
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [
        "ngay-hoi-2026-phuong-nung-tri-cao.docx",
        "ngay-hoi-2026-phuong-thuc-phan.docx",
    ]
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026, 2027])
    assert len(rows) == 112 and rows[56].year == 2027 and rows[56].unit == rows[0].unit


def test_a_table_of_rows_fills_the_base_plan(tmp_path):
    result = run(
        "batch",
        BATCH / "schools.csv",
        "--plan",
        BASE,
        "-o",
        tmp_path,
        "-j",
        "1",
        "--name",
        "{row}-{unit}",
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert names == [
        "1-truong-thpt-thanh-nhan.docx",
        "2-truong-thcs-hop-giang.docx",
        "3-truong-tieu-hoc-song-hien.docx",
    ]
    text = _text(tmp_path / names[1])
    assert "tại Trường Trung học cơ sở Hợp Giang năm 2026" in text
    assert "Phối hợp với Hiệu trưởng Trường Trung học cơ sở Hợp Giang" in text


def test_invalid_rows_are_all_reported_with_their_lines_and_nothing_is_written(tmp_path):
    result = run("batch", BATCH / "communes.yaml", "--plan", BASE, "-o", tmp_path)
    assert result.exit_code == 2
    table = str(BATCH / "communes.yaml")
    assert (
        f"{table}:6:1: unit: 'Thị trấn Nước Hai' is not a current xã/phường of Cao "
        "Bằng — it was merged on 01/7/2025 into 'Xã Hòa An'" in result.output
    )
    assert (
        f"{table}:10:1: unit: 'Xã Hoa An' is not a current xã/phường of Cao Bằng; did "
        "you mean 'Xã Hòa An'?" in result.output
    )
    assert f"{table}:14:3: year: '1990' is not a year from 2006 to 2100" in result.output
    assert "nothing was written" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_variable_the_base_plan_lacks_names_the_row(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("unit,school\nA,Trường A\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        BASE.read_text("utf-8")
        .replace("extends: ../minimal.yaml", f"extends: {FIXTURES / 'minimal.yaml'}")
        .replace("{{ vars.head }}", "{{ vars.chief }}"),
        encoding="utf-8",
    )
    result = run("batch", rows, "--plan", plan, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "chief" in result.output
    assert not (tmp_path / "out").exists()


def test_an_old_commune_name_in_the_plan_text_is_an_error_in_a_batch(tmp_path):
    """`antq render` only warns about «xã Nước Hai»; a batch of hundreds must not let it by."""
    rows = tmp_path / "rows.csv"
    rows.write_text("unit,school,head\nA,Trường xã Nước Hai,Hiệu trưởng\n", encoding="utf-8")
    result = run("batch", rows, "--plan", BASE, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert (
        "'xã Nước Hai' is not in the current list of xã/phường — it was merged on "
        "01/7/2025 into 'Xã Hòa An" in result.output  # «(Cao Bằng)» when no province is known
    )
    assert f"row 1 (A), {rows}:2" in result.output


def test_hostile_unit_names_stay_inside_the_output_folder_and_never_collide(tmp_path):
    nfc = unicodedata.normalize("NFC", "Trường Hòa An")
    nfd = unicodedata.normalize("NFD", "Trường Hòa An")
    hostile = [
        "../../etc/x",
        "/etc/passwd",
        "a/b\\c",
        "..",
        ".",
        "CON",
        'x?y*z:<>|"',  # control characters are refused (tests/hostile/batch_cases.py)
        "Z" * 300,
        nfc,
        nfd,
        "TRƯỜNG HÒA AN",
        "trường hòa an",
        "",
        "‮gnp.exe",
    ]
    rows = tmp_path / "rows.csv"  # a table from a spreadsheet: any text may sit in a cell
    import csv

    with rows.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["unit", "school", "head"])
        writer.writerows([name, "Trường A", "Hiệu trưởng"] for name in hostile)
    out = tmp_path / "out"
    result = run("batch", rows, "--plan", BASE, "-o", out, "-j", "1", "--name", "{unit}")
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*.docx")]
    assert len(written) == len(hostile)  # no row overwrote another's file
    assert all(p.resolve().is_relative_to(out.resolve()) for p in written)
    assert len({p.name.casefold() for p in written}) == len(hostile)
    for path in written:
        assert all(c.isascii() and (c.isalnum() or c in "-.") for c in path.name), path.name
        assert len(path.name) <= 100
    manifest = read_manifest(out / "manifest.csv")
    assert sorted(r.output for r in manifest.values()) == sorted(
        p.relative_to(out).as_posix() for p in written
    )


def test_names_are_slugs_and_duplicates_get_a_suffix():
    assert slug("Xã Hòa An") == "xa-hoa-an" and slug("Phường Đông Khê") == "phuong-dong-khe"
    assert slug("../../etc/x") == "etc-x"
    fields = [{"unit": "A b"}, {"unit": "a B"}, {"unit": "a-b"}, {"unit": ""}]
    assert file_names("{unit}", fields) == ["a-b", "a-b-2", "a-b-3", "row-4"]
    assert file_names("{unit}/{unit}", [{"unit": "../x"}]) == ["x/x"]
    with pytest.raises(ValueError, match=r"\{school\}"):
        file_names("{school}", [{"unit": "a"}])


def test_a_row_that_fails_does_not_stop_the_others_unless_fail_fast(tmp_path):
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])[:3]
    out = tmp_path / "out"
    out.mkdir()
    # A clerk's own file where row 2 would go: antq must not replace it.
    blocker = out / "ngay-hoi-2026-phuong-nung-tri-cao.docx"
    blocker.write_bytes(b"the clerk's own file")
    result = run_batch(_kind_spec(out), rows, jobs=1)
    assert result.exit_code == 1 and result.written == 2
    assert [o.number for _, o in result.failed] == [2]
    assert "not a document antq wrote" in result.failed[0][1].message
    assert blocker.read_bytes() == b"the clerk's own file"
    record = read_manifest(out / "manifest.csv")[2]
    assert record.status == "failed" and "--force" in record.message

    stopped = tmp_path / "stopped"
    stopped.mkdir()
    (stopped / blocker.name).write_bytes(b"mine")
    (stopped / "ngay-hoi-2026-phuong-thuc-phan.docx").write_bytes(b"mine too")
    result = run_batch(_kind_spec(stopped), rows, jobs=1, fail_fast=True)
    assert result.exit_code == 1 and result.stopped and result.written == 0
    assert len(result.failed) == 1


def test_slices_merge_into_the_manifest_of_the_whole_batch(tmp_path):
    whole, sliced = tmp_path / "whole", tmp_path / "sliced"
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])[:6]
    assert run_batch(_kind_spec(whole), rows, jobs=1).exit_code == 0
    for k in (1, 2, 3):
        result = run_batch(_kind_spec(sliced), rows, jobs=1, chosen=parse_slice(None, f"{k}/3"))
        assert result.rows == 2 and result.exit_code == 0
    parts = sorted(sliced.glob("manifest.shard-*.csv"))
    assert [p.name for p in parts] == [f"manifest.shard-{k}-of-3.csv" for k in (1, 2, 3)]
    merged = run("batch", "--merge-manifests", "-o", sliced)
    assert merged.exit_code == 0, merged.output
    assert (sliced / "manifest.csv").read_bytes() == (whole / "manifest.csv").read_bytes()
    assert "6 rows, 0 failed" in merged.output
    assert run("batch", "--merge-manifests", "-o", whole).exit_code == 2  # no slices there


def test_bad_arguments_exit_2_with_a_message(tmp_path):
    cases = [
        (["batch"], "give a kind"),
        (["batch", "ngay-hoi", "--year", "2026"], "give --province"),
        (["batch", "ngay-hoi", "--province", "Bắc Giang"], "merged into Bắc Ninh"),
        (["batch", "ngay-hoi", "--province", "Cao Bang"], "did you mean 'Cao Bằng'"),
        (["batch", "ngay-hoi", "--province", "Cao Bằng", "--years", "2030-2026"], "first to last"),
        (["batch", "ngay-hoi", "--province", "Cao Bằng", "--shard", "5/4"], "1 ≤ K ≤ N"),
        (["batch", "ngay-hoi", "--province", "Cao Bằng", "--level", "tinh"], "--level xa"),
        (["batch", "nothing.txt"], "neither a kind"),
        (["batch", BATCH / "schools.csv"], "--plan"),
    ]
    for args, message in cases:
        result = run(*args, "-o", tmp_path / "out")
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
    assert not (tmp_path / "out").exists()


def test_places_lists_provinces_and_units():
    provinces = run("places")
    assert provinces.exit_code == 0 and len(provinces.stdout.splitlines()) == 34
    units = run("places", "Cao Bằng")
    lines = units.stdout.splitlines()
    assert units.exit_code == 0 and len(lines) == 56
    assert any(line.split() == ["1654", "xã", "Xã", "Hòa", "An"] for line in lines)
    wrong = run("places", "Bắc Giang")
    assert wrong.exit_code == 2 and "Bắc Ninh" in wrong.output


def test_table_rows_keep_their_lines():
    rows = table_rows(BATCH / "schools.csv", "base")
    assert [(r.number, r.line, r.unit) for r in rows] == [
        (1, 2, "Trường THPT Thành Nhân"),
        (2, 3, "Trường THCS Hợp Giang"),
        (3, 4, "Trường Tiểu học Sông Hiến"),
    ]


def _batch_command(out: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("antq")),
        "batch",
        "ngay-hoi",
        "--year",
        "2026",
        "--province",
        "Cao Bằng",
        "-o",
        str(out),
        "-j",
        "2",
    ]


def _started_batch(out: Path, files: int, **streams) -> subprocess.Popen:
    """The -j 2 batch of Cao Bằng in its own session, once `files` documents are written."""
    process = subprocess.Popen(_batch_command(out), start_new_session=True, **streams)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < files:
        time.sleep(0.01)
    return process


@pytest.mark.slow
def test_a_killed_batch_leaves_only_complete_files_and_resumes_to_the_same_result(tmp_path):
    """SIGKILL part-way: every file then present is complete, and running the command
    again ends with exactly the files of an uninterrupted run."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX")
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    subprocess.run(_batch_command(whole), check=True, capture_output=True)
    process = subprocess.Popen(
        _batch_command(killed),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    seen: set[Path] = set()
    while time.monotonic() < deadline and len(seen) < 15:
        for path in set(killed.glob("*.docx")) - seen:  # complete from the moment it appears
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None
            seen.add(path)
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the workers too, as a power cut would
    process.wait()
    present = list(killed.glob("*.docx"))
    assert 15 <= len(present) < 56, "the batch was not killed part-way"
    for path in present:
        check_docx(path)  # a partial file would not even open
    manifest = read_manifest(killed / "manifest.csv")
    assert 0 < len(manifest) < 56
    for record in manifest.values():  # what the manifest calls done is done
        assert hashlib.sha256((killed / record.output).read_bytes()).hexdigest() == record.sha256
    again = subprocess.run(_batch_command(killed), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert _files(killed) == _files(whole)


@pytest.mark.pdf
def test_pdfs_for_a_whole_batch_come_from_one_libreoffice_run(tmp_path, soffice, monkeypatch):
    import antq_docs.write.pdf as pdf

    calls = []
    for name in ("run", "Popen"):  # Popen when progress is reported as each PDF is made
        real = getattr(pdf.subprocess, name)
        monkeypatch.setattr(
            pdf.subprocess,
            name,
            lambda command, real=real, **k: (
                (calls.append(command) if "--convert-to" in command else None) or real(command, **k)
            ),
        )
    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])[:3]
    result = run_batch(_kind_spec(tmp_path), rows, jobs=1, pdf=True)
    assert result.exit_code == 0 and result.pdfs == 3 and len(calls) == 1
    for docx in tmp_path.glob("*.docx"):
        text = subprocess.run(
            ["pdftotext", str(docx.with_suffix(".pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "KẾ HOẠCH" in text and "Ngày hội toàn dân bảo vệ an ninh Tổ quốc" in text
    again = run_batch(_kind_spec(tmp_path), rows, jobs=1, pdf=True)  # all up to date
    assert again.pdfs == 0 and len(calls) == 1


def test_an_office_profile_template_replaces_antqs(tmp_path):
    template = (ROOT / "templates" / "commune-org.yaml.j2").read_text("utf-8")
    mine = tmp_path / "commune.yaml"
    mine.write_text(
        template.replace("symbol: KH-UBND", "symbol: KH-CAX").replace(
            "units: [VT]", "units: [VT, {{ unit.code | yaml_text }}]"
        ),
        encoding="utf-8",
    )
    result = run(
        "batch",
        "ngay-hoi",
        "--year",
        "2026",
        "--province",
        "Cao Bằng",
        "--rows",
        "1-1",
        "--org-template",
        mine,
        "-o",
        tmp_path / "out",
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    text = _text(tmp_path / "out" / "ngay-hoi-2026-phuong-thuc-phan.docx")
    assert "/KH-CAX" in text and "Lưu: VT, 1273." in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(template.replace("level: xã", "level: [xã"), encoding="utf-8")
    result = run(
        "batch",
        "ngay-hoi",
        "--year",
        "2026",
        "--province",
        "Cao Bằng",
        "--rows",
        "1-2",
        "--org-template",
        broken,
        "-o",
        tmp_path / "out2",
        "-j",
        "1",
    )
    assert result.exit_code == 2 and f"{broken} (Phường Thục Phán):" in result.output


@pytest.mark.slow  # a batch interrupted part-way, as its killed siblings above
def test_ctrl_c_says_what_to_do_and_keeps_what_is_done(tmp_path):
    """SIGINT part-way: exit 130 with a sentence, no traceback, a manifest of complete rows."""
    if sys.platform == "win32":
        pytest.skip("SIGINT to a process group is POSIX")
    out = tmp_path / "out"
    process = _started_batch(out, 10, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's group
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 130, errors[-2000:]
    assert "run the same command again" in errors and "Traceback" not in errors
    for record in read_manifest(out / "manifest.csv").values():
        assert hashlib.sha256((out / record.output).read_bytes()).hexdigest() == record.sha256


def _table_batch(folder: Path, monkeypatch) -> tuple[Path, Path]:
    """schools.csv over base.yaml, copied so that a test may edit every input; the copy of
    minimal.yaml that base.yaml extends is in a folder antq is given (ANTQ_PROFILES)."""
    monkeypatch.setenv("ANTQ_PROFILES", str(folder))
    (folder / "batch").mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal.yaml", folder / "minimal.yaml")
    shutil.copy(BASE, folder / "batch" / "base.yaml")
    table = folder / "batch" / "schools.csv"
    shutil.copy(BATCH / "schools.csv", table)
    return table, folder / "batch" / "base.yaml"


def _table_spec(out: Path, plan: Path, **changes) -> BatchSpec:
    return BatchSpec(output=str(out), name_template="{row}-{unit}", plan=str(plan), **changes)


def test_a_rerun_with_nothing_changed_builds_nothing(tmp_path, monkeypatch):
    """The inputs are digested before any row is built: an unchanged row is never validated,
    rendered or checked again, and no worker is started for it."""
    import antq_docs.batch.runner as runner

    table, plan = _table_batch(tmp_path, monkeypatch)
    out = tmp_path / "out"
    assert run_batch(_table_spec(out, plan), table_rows(table, "base"), jobs=1).written == 3

    def never(*args):
        raise AssertionError("an unchanged row was built")

    monkeypatch.setattr(runner, "prepare_row", never)
    monkeypatch.setattr(runner, "produce_row", never)
    monkeypatch.setattr(runner, "Pool", never)
    again = run_batch(_table_spec(out, plan), table_rows(table, "base"), jobs=2)
    assert (again.exit_code, again.written, again.unchanged) == (0, 0, 3)


def test_a_changed_input_redoes_exactly_its_rows(tmp_path, monkeypatch):
    table, plan = _table_batch(tmp_path, monkeypatch)
    out = tmp_path / "out"

    def again(**changes):
        result = run_batch(_table_spec(out, plan, **changes), table_rows(table, "base"), jobs=1)
        assert result.exit_code == 0, result.invalid or result.failed
        return result.written, result.unchanged

    assert again() == (3, 0)
    # A row's own value: that row only.
    table.write_text(
        table.read_text("utf-8").replace("Hợp Giang,Hiệu trưởng", "Hợp Giang,Phó Hiệu trưởng"),
        "utf-8",
    )
    assert again() == (1, 2)
    # A profile named by one row's org column: that row when the profile changes.
    org = tmp_path / "batch" / "org.yaml"
    shutil.copy(ROOT / "examples" / "orgs" / "bcd-cao-bang.yaml", org)
    lines = table.read_text("utf-8").splitlines()
    lines[0] += ",org"
    lines[1:] = [
        line + ("," if number != 2 else ",org.yaml") for number, line in enumerate(lines[1:], 1)
    ]
    table.write_text("\n".join(lines) + "\n", "utf-8")
    assert again() == (3, 0)  # every row gained a column
    assert again() == (0, 3)
    org.write_text(org.read_text("utf-8").replace("PV05", "PV01"), "utf-8")
    assert again() == (1, 2)
    # The base plan's own base (extends: ../minimal.yaml): every row.
    base = tmp_path / "minimal.yaml"
    base.write_text(base.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert again() == (3, 0)
    assert again(force=True) == (3, 0)
    assert again() == (0, 3)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_manifest_cells_a_spreadsheet_would_run_are_written_as_text(tmp_path, start):
    """CSV injection: a unit named "=cmd|' /C calc'!A0" is text in manifest.csv, and the
    manifest reads back exactly."""
    import csv
    import io

    from antq_docs.batch.manifest import Record, write_manifest
    from antq_docs.spreadsheet import as_text_cell, from_text_cell

    unit = f"{start}cmd|' /C calc'!A0"
    record = Record(
        1, unit, f"{start}Cao Bằng", "", "ngay-hoi", "2026", "a.docx", "", "failed",
        f"{start}1+1", "x",
    )  # fmt: skip
    write_manifest(tmp_path / "manifest.csv", {1: record})
    text = (tmp_path / "manifest.csv").read_text("utf-8-sig")
    cells = [cell for line in csv.reader(io.StringIO(text, newline="")) for cell in line]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert read_manifest(tmp_path / "manifest.csv")[1] == record
    assert from_text_cell(as_text_cell(unit)) == unit and as_text_cell("Xã A") == "Xã A"


@pytest.mark.parametrize(
    "content",
    [
        b"name,email\r\nA,a@example.org\r\n",  # some other table
        b"row,unit,kind,year,output,sha256,status,message,inputs\r\n"
        b"1,A,k,2026,../../etc/passwd.docx,,ok,,x\r\n2,B,k,2026,b.docx,,ok,,x\r\n",
        b"row,unit,kind,year,output,sha256,status,message,inputs\r\n1,A,k,2026,"
        + b"a" * 200_000
        + b".docx,,ok,,x\r\n2,B,k,2026,b.docx,,ok,,x\r\n",  # a cell over csv's own limit
        b"\xff\xfe\x00binary",
    ],
)
def test_a_foreign_manifest_in_the_output_folder_is_refused_with_exit_2(tmp_path, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.csv").write_bytes(content)
    result = run(
        "--lang", "en", "batch", "ngay-hoi", "--year", "2026", "--province", "Cao Bằng",
        "--rows", "1-1", "-o", out, "-j", "1",
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "manifest.csv" in result.output and "Traceback" not in result.output
    assert not list(out.glob("*.docx"))


def _descendants(pid: int) -> set[int]:
    """The living processes below `pid` (Linux /proc; a zombie counts as ended)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.slow
def test_workers_end_when_the_main_process_is_killed(tmp_path):
    """SIGKILL of the main process alone (not its group): no worker outlives it, and the
    next run is neither blocked nor corrupted."""
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    out = tmp_path / "out"
    process = _started_batch(out, 5, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = _descendants(process.pid)
    assert len(workers) >= 2, "the pool had not started"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # leave no orphan behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not survivors
    again = subprocess.run(_batch_command(out), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    for record in read_manifest(out / "manifest.csv").values():
        assert hashlib.sha256((out / record.output).read_bytes()).hexdigest() == record.sha256
