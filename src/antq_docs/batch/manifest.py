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
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..errors import MessageError
from ..i18n import _

__all__ = ["Record", "Journal", "read_manifest", "write_manifest", "merge_manifests", "MANIFEST"]

MANIFEST = "manifest.csv"


@dataclass
class Record:
    row: int
    unit: str
    kind: str
    year: str
    output: str  # relative to the output folder, with "/"
    sha256: str
    status: str  # ok · failed
    message: str
    inputs: str  # digest of the validated plan and antq's version


_FIELDS = [f.name for f in fields(Record)]


def read_manifest(path: Path) -> dict[int, Record]:
    """The records of a manifest; empty when there is none yet."""
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise MessageError(
            _("{path}: cannot be read ({exc}); delete it to start the batch afresh").format(
                path=path, exc=exc
            )
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != _FIELDS:
        raise MessageError(
            _(
                "{path}: not a manifest antq wrote (its columns should be "
                "{items}); delete it or choose another -o folder"
            ).format(path=path, items=", ".join(_FIELDS))
        )
    records = {}
    lines = list(reader)
    for index, line in enumerate(lines):
        try:
            if None in line.values() or None in line:
                raise ValueError
            record = Record(**{**line, "row": int(line["row"])})
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


def write_manifest(path: Path, records: dict[int, Record]) -> None:
    from ..output import write_atomic

    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for number in sorted(records):
        writer.writerow(asdict(records[number]))
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"))


class Journal:
    """The manifest while a batch runs: each finished row is appended at once (so a kill
    loses nothing that was written), and the file is rewritten in row order at the end."""

    def __init__(self, path: Path, records: dict[int, Record]):
        self.path = path
        write_manifest(path, records)
        self.stream = path.open("a", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.stream, fieldnames=_FIELDS, lineterminator="\r\n")

    def add(self, record: Record) -> None:
        self.writer.writerow(asdict(record))
        self.stream.flush()

    def close(self, records: dict[int, Record]) -> None:
        self.stream.close()
        write_manifest(self.path, records)


def merge_manifests(paths: list[Path]) -> dict[int, Record]:
    """The manifests of several slices as one; a row recorded twice keeps its "ok" record
    (a slice that failed a row that another slice wrote is not a failure of the batch)."""
    merged: dict[int, Record] = {}
    for path in paths:
        if not path.is_file():
            raise MessageError(_("{path}: no such manifest").format(path=path))
        for number, record in read_manifest(path).items():
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
