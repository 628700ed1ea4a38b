"""What a batch makes: its rows.

Two sources of rows:
- a kind (`antq batch ngay-hoi --province "Cao Bằng" --years 2026-2030`): one row per
  xã/phường/đặc khu of the province and per year, each issued by that unit;
- a table (`antq batch rows.csv --plan base.yaml`): one row per line of a CSV or YAML file;
  its columns are the base plan's `{{ vars.… }}`, and `org`, when given, is the row's profile.

Rows are numbered from 1 in a fixed order, so a row number means the same document in every
run and every slice of a batch (`--rows`, `--shard`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlanError, Problem
from ..i18n import _

__all__ = [
    "BatchSpec",
    "Row",
    "kind_rows",
    "table_rows",
    "select_rows",
    "parse_years",
    "parse_slice",
    "RESERVED_COLUMNS",
    "Slice",
]

#: One slice of a batch: ("rows", (first, last)) or ("shard", (k, n)).
Slice = tuple[str, tuple[int, int]]

#: Table columns with a meaning of their own; every other column is a plan variable.
RESERVED_COLUMNS = ("org", "year")
MAX_ROWS = 100_000
ALL_PROVINCES = ("all", "cả nước")  # --province all: the whole country


@dataclass(frozen=True)
class BatchSpec:
    """Everything a worker needs besides its row; small and picklable (spawned workers)."""

    output: str  # the output folder
    name_template: str
    kind: str | None = None  # kind mode
    province: str | None = None
    org_template: str | None = None  # the commune profile template's text (kind mode)
    org_template_file: str = "<antq's commune profile>"
    plan: str | None = None  # table mode: the base plan
    rows_file: str | None = None
    strict: bool = False
    force: bool = False


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, stable across runs: the manifest's key
    file: str  # where the row comes from (the table, or the province)
    line: int  # its line in that file; 0 for a generated row
    unit: str  # who issues the document (manifest, file name)
    year: int | None = None
    kind: str = ""
    unit_type: str = ""  # xã, phường, đặc khu (kind mode)
    code: int = 0  # the unit's national code (kind mode)
    values: tuple[tuple[str, str], ...] = field(default=())  # table mode: the row's columns
    problems: tuple[Problem, ...] = ()  # what is wrong with the row as written in the table

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else f"{self.file}, row {self.number}"

    def name_fields(self) -> dict[str, object]:
        fields: dict[str, object] = {
            "row": self.number,
            "unit": self.unit,
            "kind": self.kind,
            "year": self.year or "",
        }
        if self.code:
            fields["code"] = self.code
        fields.update({k: v for k, v in self.values if k.isidentifier()})
        return fields


def parse_years(text: str) -> list[int]:
    """'2026' or '2026-2030' -> the years; ValueError with what to write."""
    try:
        first, _dash, last = text.partition("-")
        years = list(range(int(first), int(last or first) + 1))
    except ValueError:
        raise ValueError(
            _("--years '{text}': write one year (2026) or a range (2026-2030)").format(text=text)
        ) from None
    if not years or not all(2006 <= y <= 2100 for y in years):
        raise ValueError(
            _("--years '{text}': years run from 2006 to 2100, first to last").format(text=text)
        )
    return years


def kind_rows(kind: str, province: str, years: list[int]) -> list[Row]:
    """A row per unit of the province per year (years outer, units in code order);
    province "all": every unit of the country."""
    from ..places import current_province_names, units_of

    names = current_province_names() if province.casefold() in ALL_PROVINCES else [province]
    units = sorted((u for name in names for u in units_of(name)), key=lambda u: u.code)
    rows: list[Row] = []
    for year in years:
        for unit in units:
            rows.append(
                Row(len(rows) + 1, unit.province, 0, unit.name, year, kind, unit.type, unit.code)
            )
    return rows


def table_rows(path: Path, kind: str) -> list[Row]:
    """The rows of a CSV (UTF-8, comma or semicolon, header line) or YAML (a list of maps)
    table; PlanError listing every malformed row with its line."""
    from ..load.yaml_source import load_source

    if path.suffix.lower() in (".yaml", ".yml"):
        source = load_source(path)
        if not isinstance(source.data, list):
            raise PlanError(
                [
                    source.problem(
                        (),
                        _(
                            "a table of rows is a YAML list: one '- column: value' block per "
                            "document"
                        ),
                    )
                ]
            )
        records = [
            (source.locate((i,))[0], item, lambda key, i=i: source.locate((i, key), key=True))
            for i, item in enumerate(source.data)
        ]
    else:
        records = [
            (line, item, lambda key, line=line: (line, 1)) for line, item in _csv_records(path)
        ]
    problems: list[Problem] = []
    rows: list[Row] = []
    for line, record, locate in records:
        if not isinstance(record, dict) or not record:
            problems.append(
                Problem(str(path), line, 1, "", _("each row is a group of 'column: value' pairs"))
            )
            continue
        values, row_problems = _row_values(record, str(path), locate)
        year = values.get("year")
        unit = values.get("unit") or f"row {len(rows) + 1}"
        rows.append(
            Row(
                len(rows) + 1,
                str(path),
                line,
                unit,
                int(year) if year and year.isdigit() else None,
                kind,
                values=tuple(values.items()),
                problems=tuple(row_problems),
            )
        )
    if len(rows) > MAX_ROWS:
        problems.append(
            Problem(
                str(path),
                1,
                1,
                "",
                _(
                    "more than {MAX_ROWS:,} rows; split the table, or run slices of it with --rows"
                ).format(MAX_ROWS=MAX_ROWS),
            )
        )
    if not rows and not problems:
        problems.append(Problem(str(path), 1, 1, "", _("the table has no rows")))
    if problems:
        raise PlanError(problems)
    return rows


def _row_values(
    record: dict, file: str, locate: Callable[[str], tuple[int, int]]
) -> tuple[dict[str, str], list[Problem]]:
    values: dict[str, str] = {}
    problems = []
    for key, value in record.items():
        key = str(key).strip()
        if isinstance(value, (dict, list)):
            line, column = locate(key)
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    key,
                    _("a column holds one value (text, a number or a date), not a list or a group"),
                )
            )
            continue
        values[key] = "" if value is None else str(value).strip()
    year = values.get("year")
    if year and not (year.isdigit() and 2006 <= int(year) <= 2100):
        line, column = locate("year")
        problems.append(
            Problem(
                file,
                line,
                column,
                "year",
                _("'{year}' is not a year from 2006 to 2100").format(year=year),
            )
        )
    return values, problems


def _csv_records(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise PlanError(
            [
                Problem(
                    str(path),
                    0,
                    0,
                    "",
                    _("cannot read the file: {reason}").format(reason=exc.strerror or exc),
                )
            ]
        ) from None
    except UnicodeDecodeError:
        raise PlanError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "",
                    _("the table is not UTF-8; in Excel save it as 'CSV UTF-8 (Comma delimited)'"),
                )
            ]
        ) from None
    # Excel writes ';' where the decimal separator is ',' (Vietnamese regional settings).
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records = []
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if header is None:
            header = [f.strip() for f in fields]
            if len(set(header)) != len(header) or "" in header:
                raise PlanError(
                    [
                        Problem(
                            str(path),
                            line,
                            1,
                            "",
                            _("the first line names the columns, each once and none empty"),
                        )
                    ]
                )
            continue
        if len(fields) != len(header):
            raise PlanError(
                [
                    Problem(
                        str(path),
                        line,
                        1,
                        "",
                        _("{values} values for {count} columns ({columns})").format(
                            values=len(fields), count=len(header), columns=", ".join(header)
                        ),
                    )
                ]
            )
        records.append((line, dict(zip(header, fields))))
    return records


def parse_slice(rows: str | None, shard: str | None) -> Slice | None:
    """`--rows 1-1000` or `--shard 2/4` -> a description; ValueError with what to write."""
    if rows and shard:
        raise ValueError(_("give --rows or --shard, not both"))
    try:
        if rows:
            first, _dash, last = rows.partition("-")
            span = (int(first), int(last or first))
            if not 1 <= span[0] <= span[1]:
                raise ValueError
            return ("rows", span)
        if shard:
            index, _slash, count = shard.partition("/")
            part = (int(index), int(count))
            if not 1 <= part[0] <= part[1]:
                raise ValueError
            return ("shard", part)
    except ValueError:
        raise ValueError(
            _("--rows takes FIRST-LAST (1-1000); --shard takes K/N (2/4), with 1 ≤ K ≤ N")
        ) from None
    return None


def select_rows(rows: list[Row], chosen: Slice | None) -> list[Row]:
    """The rows of one slice: a span of row numbers, or the K-th of N equal shares."""
    if chosen is None:
        return rows
    what, (a, b) = chosen
    if what == "rows":
        return [row for row in rows if a <= row.number <= b]
    size = -(-len(rows) // b)  # contiguous shares: each machine writes a range of rows
    return rows[(a - 1) * size : a * size]


def slice_label(chosen: Slice | None) -> str:
    if chosen is None:
        return ""
    what, (a, b) = chosen
    return f"rows-{a}-{b}" if what == "rows" else f"shard-{a}-of-{b}"
