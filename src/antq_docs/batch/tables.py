"""Reading a table of rows (CSV) with the care every input gets: a regular file of bounded
size, read a line at a time, with bounded columns, rows, records and cells, and the control
characters a document cannot hold refused where they are typed. A table comes from a
spreadsheet someone else filled in, so a million rows, a cell of a megabyte or a quote that
never closes is a located message, not a gigabyte of memory.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import PlanError, Problem
from ..files import open_input
from ..i18n import _
from ..load.yaml_source import control_character
from ..reasons import reason

__all__ = [
    "MAX_TABLE_BYTES",
    "MAX_ROWS",
    "MAX_COLUMNS",
    "MAX_CELL_CHARS",
    "csv_records",
    "cell_problem",
    "variable_name",
]

MAX_TABLE_BYTES = 64 * 1024 * 1024  # 100,000 rows of a few hundred characters, with room
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # what one cell of Excel holds
_MAX_RECORD_CHARS = 1_000_000  # one row, all its cells and line breaks together

Locate = Callable[[str], tuple[int, int]]
#: (line, {column: value}, where a column's cell starts) for each row of a table
Record = tuple[int, dict[str, str], Locate]


def csv_records(path: Path) -> Iterator[Record]:
    """The rows of a CSV (UTF-8, `,` or `;`, a header line), streamed; PlanError at the
    first thing no table of rows holds, with its line and column."""
    try:
        stream = open_input(path, MAX_TABLE_BYTES)
    except OSError as exc:
        raise PlanError(
            [_problem(path, 0, 0, _("cannot read the file: {reason}").format(reason=reason(exc)))]
        ) from None
    with stream:
        lines = _Lines(path, io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""))
        first = lines.peek()
        # Excel writes ';' where the decimal separator is ',' (Vietnamese regional settings).
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(lines, delimiter=delimiter)
        header: list[str] | None = None
        while True:
            lines.start_record()
            try:
                fields = next(reader, None)
            except csv.Error:  # a cell past csv's own limit, or a quote never closed
                raise PlanError([_too_long(path, lines, delimiter, header)]) from None
            if fields is None:
                return
            if not any(f.strip() for f in fields):
                continue
            starts = _cell_starts(lines.first_line, delimiter)
            if header is None:
                header = _header(path, fields, lines.start, starts)
                continue
            if len(fields) != len(header):
                raise PlanError(
                    [
                        _problem(
                            path,
                            lines.start,
                            1,
                            _("{values} values for {count} columns ({columns})").format(
                                values=len(fields), count=len(header), columns=", ".join(header)
                            ),
                        )
                    ]
                )
            yield (
                lines.start,
                dict(zip(header, (unicodedata.normalize("NFC", f) for f in fields))),
                _locator(lines.start, starts, header),
            )


def cell_problem(value: str) -> str | None:
    """What is wrong with one cell of a table as written, or None."""
    if len(value) > MAX_CELL_CHARS:
        return _(
            "the cell holds {length:,} characters; a cell holds at most {limit:,} (as in Excel)"
        ).format(length=len(value), limit=MAX_CELL_CHARS)
    return control_character(value)


def variable_name(heading: str) -> str | None:
    """The plan variable a column's heading names, by one rule for CSV, YAML and XLSX: a
    heading that is already a name (ASCII letters, digits, `_`) is kept exactly; any other
    is folded to one: «Tên trường» -> `ten_truong`, «Số TT» -> `so_tt`. None when nothing
    of a name is left (a heading of only signs)."""
    if heading.isascii() and heading.isidentifier():
        return heading
    text = unicodedata.normalize("NFKD", heading).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    name = "_".join(re.findall(r"[a-z0-9]+", text))
    if not name:
        return None
    return f"c_{name}" if name[0].isdigit() else name  # a name starts with a letter


def _locator(line: int, starts: tuple[int, ...], header: list[str]) -> Locate:
    """Where a column's cell of one row starts: (line, column)."""

    def locate(key: str) -> tuple[int, int]:
        index = header.index(key) if key in header else 0
        return line, starts[index] if index < len(starts) else 1

    return locate


def _header(path: Path, fields: list[str], line: int, starts: tuple[int, ...]) -> list[str]:
    header = [f.strip() for f in fields]
    locate = _locator(line, starts, header)
    if len(header) > MAX_COLUMNS:
        raise PlanError(
            [
                _problem(
                    path,
                    *locate(header[0]),
                    _(
                        "the table has {count:,} columns; a table of rows has at most {limit}"
                    ).format(count=len(header), limit=MAX_COLUMNS),
                )
            ]
        )
    for name in header:
        wrong = cell_problem(name)
        if wrong:
            raise PlanError([_problem(path, *locate(name), wrong)])
    if len(set(header)) != len(header) or "" in header:
        raise PlanError(
            [
                _problem(
                    path,
                    *locate(header[0]),
                    _("the first line names the columns, each once and none empty"),
                )
            ]
        )
    return header


def _too_long(path: Path, lines: _Lines, delimiter: str, header: list[str] | None) -> Problem:
    """The record csv gave up on: its widest cell, by the line it starts on."""
    starts = _cell_starts(lines.first_line, delimiter)
    ends = [*starts[1:], len(lines.first_line) + 2]
    widest = max(range(len(starts)), key=lambda i: ends[i] - starts[i])
    named = header[widest] if header and widest < len(header) else ""
    return Problem(
        str(path),
        lines.start,
        starts[widest],
        named,
        _(
            'a cell is longer than {limit:,} characters, or a quote (") opened here is never closed'
        ).format(limit=MAX_CELL_CHARS),
    )


def _cell_starts(line: str, delimiter: str) -> tuple[int, ...]:
    """The 1-based column where each cell of `line` starts (quotes respected)."""
    starts = [1]
    if '"' not in line:  # the usual row: no character-by-character walk
        for cell in line.split(delimiter)[:-1]:
            starts.append(starts[-1] + len(cell) + 1)
        return tuple(starts)
    quoted = False
    for index, character in enumerate(line):
        if character == '"':
            quoted = not quoted  # a doubled quote inside a cell toggles twice
        elif character == delimiter and not quoted:
            starts.append(index + 2)
    return tuple(starts)


def _problem(path: Path, line: int, column: int, message: str) -> Problem:
    return Problem(str(path), line, column, "", message)


class _Lines:
    """The table's lines for csv, one at a time, each record held to a size: a record of a
    megabyte (a quote never closed swallows the rest of the file) stops here."""

    def __init__(self, path: Path, stream) -> None:
        self.path = path
        self.stream = stream
        self.number = 0  # lines read
        self.start = 1  # the line the current record starts on
        self.first_line = ""  # and that line's text
        self.chars = 0  # characters of the current record so far
        self._peeked: str | None = None

    def peek(self) -> str:
        self._peeked = self._read()
        return self._peeked

    def start_record(self) -> None:
        self.start, self.chars, self.first_line = self.number + 1, 0, ""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._peeked if self._peeked is not None else self._read()
        self._peeked = None
        if not line:
            raise StopIteration
        self.number += 1
        if not self.chars:
            self.first_line = line.rstrip("\r\n")
        self.chars += len(line)
        if self.chars > _MAX_RECORD_CHARS:
            raise PlanError(
                [
                    _problem(
                        self.path,
                        self.start,
                        1,
                        _(
                            'the row is longer than {limit:,} characters (a quote (") never '
                            "closed?); a row of a table is far shorter"
                        ).format(limit=_MAX_RECORD_CHARS),
                    )
                ]
            )
        return line

    def _read(self) -> str:
        try:
            return self.stream.readline(_MAX_RECORD_CHARS + 1)
        except UnicodeDecodeError:
            raise PlanError(
                [
                    _problem(
                        self.path,
                        self.number + 1,
                        1,
                        _(
                            "the table is not UTF-8; in Excel save it as 'CSV UTF-8 (Comma "
                            "delimited)'"
                        ),
                    )
                ]
            ) from None
