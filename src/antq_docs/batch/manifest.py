"""manifest.csv: one line per row of a batch — what was written where, and from what.

It is rewritten (atomically) as rows finish, so after Ctrl-C or a kill it lists exactly the
rows whose files are complete; the next run skips those whose inputs have not changed. The
status column says what state a row is in, not what this run did, so a resumed batch ends
with the same manifest as an uninterrupted one. Written with a BOM: Excel then reads the
Vietnamese names correctly.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..errors import MessageError
from ..files import read_input
from ..i18n import _
from ..spreadsheet import as_text_cell, from_text_cell

__all__ = ["Record", "Journal", "read_manifest", "write_manifest", "merge_manifests", "MANIFEST"]

MANIFEST = "manifest.csv"
# 100,000 rows (the most a batch has) of a few hundred characters each, with room to spare.
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
_STATUSES = ("ok", "failed")
_SHA256 = re.compile(r"(?:[0-9a-f]{64})?")
_CODE = re.compile(r"[0-9]{0,10}")
# A document a manifest records, read back to compare its SHA-256 (--merge-manifests).
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


@dataclass
class Record:
    row: int
    unit: str
    province: str
    code: str  # the unit's national code, when it has one
    kind: str
    year: str
    output: str  # relative to the output folder, with "/"
    sha256: str
    status: str  # ok · failed
    message: str
    inputs: str  # digest of the row's inputs (inputs.py), taken before it is built


_FIELDS = [f.name for f in fields(Record)]
# The columns of the previous release (no province, no code): its manifests still resume.
_EARLIER_FIELDS = [name for name in _FIELDS if name not in ("province", "code")]


def read_manifest(path: Path) -> dict[int, Record]:
    """The records of a manifest; empty when there is none yet."""
    try:
        text = read_input(path, MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        from ..reasons import reason

        raise MessageError(
            _("{path}: cannot be read ({exc}); delete it to start the batch afresh").format(
                path=path, exc=reason(exc)
            )
        ) from None
    try:
        return _records(path, text)
    except csv.Error:
        raise _foreign(path) from None


def _foreign(path: Path) -> MessageError:
    return MessageError(
        _(
            "{path}: not a manifest antq wrote (its columns should be "
            "{items}); delete it or choose another -o folder"
        ).format(path=path, items=", ".join(_FIELDS))
    )


def _records(path: Path, text: str) -> dict[int, Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames not in (_FIELDS, _EARLIER_FIELDS):
        raise _foreign(path)
    records = {}
    lines = list(reader)
    for index, line in enumerate(lines):
        try:
            record = _record(line)
        except (TypeError, ValueError):
            if index == len(lines) - 1:  # a line cut short by a kill: that row is not done
                break
            raise MessageError(
                _(
                    "{path}: line {value} is not a manifest line; delete "
                    "the manifest to start the batch afresh"
                ).format(path=path, value=index + 2)
            ) from None
        records[record.row] = record  # a row appended again later replaces its old line
    return records


def _record(line: dict) -> Record:
    """One line as antq wrote it; ValueError for anything else."""
    if None in line.values() or None in line:
        raise ValueError
    values = {"province": "", "code": ""} | {k: from_text_cell(v) for k, v in line.items()}
    record = Record(int(values["row"]), *(values[name] for name in _FIELDS[1:]))
    if (
        not 1 <= record.row <= 10_000_000
        or record.status not in _STATUSES
        or not _SHA256.fullmatch(record.sha256)
        or not _CODE.fullmatch(record.code)
        or not record.output.endswith(".docx")
        or record.output.startswith("/")
        or ".." in record.output.split("/")
    ):
        raise ValueError
    return record


def write_manifest(path: Path, records: dict[int, Record]) -> None:
    from ..output import write_atomic

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for number in sorted(records):
        writer.writerow(_cells(records[number]))
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"))


def _cells(record: Record) -> dict[str, object]:
    """A record as a spreadsheet must read it: a unit named "=cmd|…" is text, not a formula."""
    return {
        key: as_text_cell(value) if isinstance(value, str) else value
        for key, value in asdict(record).items()
    }


class Journal:
    """The manifest while a batch runs: each finished row is appended at once (so a kill
    loses nothing that was written), and the file is rewritten in row order at the end."""

    def __init__(self, path: Path, records: dict[int, Record]):
        self.path = path
        write_manifest(path, records)
        self.stream = path.open("a", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.stream, fieldnames=_FIELDS, lineterminator="\r\n")

    def add(self, record: Record) -> None:
        self.writer.writerow(_cells(record))
        self.stream.flush()

    def close(self, records: dict[int, Record]) -> None:
        self.stream.close()
        write_manifest(self.path, records)


def merge_manifests(paths: list[Path]) -> dict[int, Record]:
    """The manifests of several slices as one; a row recorded twice keeps its "ok" record
    (a slice that failed a row that another slice wrote is not a failure of the batch).
    Every "ok" record is held to its file first: a merged manifest vouches for its files."""
    merged: dict[int, Record] = {}
    for path in paths:
        if not path.is_file():
            raise MessageError(_("{path}: no such manifest").format(path=path))
        records = read_manifest(path)
        _check_files(path, records)
        for number, record in records.items():
            kept = merged.get(number)
            if kept is None or (kept.status != "ok" and record.status == "ok"):
                merged[number] = record
            elif kept.status == "ok" and record.status == "ok" and kept.output != record.output:
                raise MessageError(
                    _(
                        "row {number} was written as {output} and as "
                        "{output2}: the slices come from different batches"
                    ).format(number=number, output=kept.output, output2=record.output)
                )
    return merged


def _check_files(path: Path, records: dict[int, Record]) -> None:
    """MessageError naming each record of `path` whose file is not there as written: missing,
    changed since (another SHA-256), or outside the manifest's folder (through a link)."""
    import hashlib
    import os

    folder = os.path.realpath(path.parent)
    wrong = []
    for record in records.values():
        if record.status != "ok":
            continue
        where = _("{path}, row {row}: {output}").format(
            path=path, row=record.row, output=record.output
        )
        target = os.path.realpath(path.parent / record.output)
        if os.path.commonpath([folder, target]) != folder:
            wrong.append(
                _(
                    "{where} lies outside {folder} (a link?); a manifest lists only files "
                    "inside its folder"
                ).format(where=where, folder=path.parent)
            )
            continue
        try:
            data = read_input(Path(target), MAX_DOCUMENT_BYTES)
        except FileNotFoundError:
            wrong.append(
                _(
                    "{where} is missing: copy the slice's files into {folder}, or run that "
                    "slice again"
                ).format(where=where, folder=path.parent)
            )
            continue
        except OSError as exc:
            from ..reasons import reason

            wrong.append(f"{where}: {reason(exc)}")
            continue
        if hashlib.sha256(data).hexdigest() != record.sha256:
            wrong.append(
                _(
                    "{where} is not the file the slice wrote (its SHA-256 differs: changed "
                    "since?); run that slice again, with --force to replace an edited file"
                ).format(where=where)
            )
    if wrong:
        shown = wrong[:20] + (
            [_("… and {count} more").format(count=len(wrong) - 20)] if len(wrong) > 20 else []
        )
        raise MessageError("\n".join(shown))
