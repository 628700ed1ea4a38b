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

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanError, Problem
from ..i18n import _
from .tables import MAX_COLUMNS, MAX_ROWS, Record, cell_problem, csv_records, variable_name

if TYPE_CHECKING:
    from ..load.yaml_source import Source

__all__ = [
    "BatchSpec",
    "Row",
    "kind_rows",
    "table_rows",
    "table_columns",
    "select_rows",
    "parse_years",
    "check_year",
    "parse_slice",
    "RESERVED_COLUMNS",
    "Slice",
]

#: One slice of a batch: ("rows", (first, last)) or ("shard", (k, n)).
Slice = tuple[str, tuple[int, int]]

#: Table columns with a meaning of their own; every other column is a plan variable.
RESERVED_COLUMNS = ("org", "year")
ALL_PROVINCES = ("all", "cả nước")  # --province all: the whole country
FIRST_YEAR, LAST_YEAR = 2006, 2100  # the Ngày hội's first year; as far as antq plans


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
    province: str = ""  # the unit's province (kind mode), or the table's province column

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else f"{self.file}, row {self.number}"

    def name_fields(self) -> dict[str, object]:
        fields: dict[str, object] = {
            "row": self.number,
            "unit": self.unit,
            "kind": self.kind,
            "year": self.year or "",
            "province": self.province,
        }
        if self.code:
            fields["code"] = self.code
        fields.update({k: v for k, v in self.values if k.isidentifier()})
        return fields


def parse_years(text: str) -> list[int]:
    """'2026' or '2026-2030' -> the years; ValueError with what to write. The bounds are
    checked on the two ends, before any list of years is made."""
    try:
        first, _dash, last = text.partition("-")
        span = (int(first), int(last or first))
    except ValueError:  # also a number of thousands of digits (Python refuses to read it)
        raise ValueError(
            _("--years '{text}': write one year (2026) or a range (2026-2030)").format(text=text)
        ) from None
    if not FIRST_YEAR <= span[0] <= span[1] <= LAST_YEAR:
        raise ValueError(
            _("--years '{text}': years run from 2006 to 2100, first to last").format(text=text)
        )
    return list(range(span[0], span[1] + 1))


def check_year(year: int) -> int:
    """--year as given; ValueError unless it is a year a plan can have."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(_("--year {year}: years run from 2006 to 2100").format(year=year))
    return year


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
                Row(
                    len(rows) + 1,
                    unit.province,
                    0,
                    unit.name,
                    year,
                    kind,
                    unit.type,
                    unit.code,
                    province=unit.province,
                )
            )
    return rows


def table_rows(path: Path, kind: str, sheet: str | None = None) -> list[Row]:
    """The rows of a CSV (UTF-8, comma or semicolon, header line), YAML (a list of maps) or
    XLSX (one sheet, headings in its first non-empty row) table, each heading made a
    variable by `variable_name`; PlanError listing every malformed row with its place. A
    table past MAX_ROWS is refused at the row that passes it, without reading further."""
    try:
        rows = _table_rows(path, kind, sheet)
    except PlanError as exc:
        raise _placed(exc, path, sheet) from None
    if any(row.problems for row in rows):  # a row's own problems, placed the same way
        from dataclasses import replace

        rows = [
            replace(r, problems=_placed(PlanError(r.problems), path, sheet).problems)
            if r.problems
            else r
            for r in rows
        ]
    return rows


def table_columns(path: Path, sheet: str | None = None) -> list[tuple[str, str, str]]:
    """(heading, where it is, the variable it becomes, "" for none) for each column of the
    table: what `antq batch … --columns` prints."""
    from .workbook import XLSX_SUFFIXES, xlsx_headings

    try:
        if path.suffix.lower() in XLSX_SUFFIXES:
            headings = xlsx_headings(path, sheet)
        else:
            first = next(_records(path), None)
            record = first[1] if first and isinstance(first[1], dict) else {}
            headings = [(str(k), _("column {n}").format(n=n)) for n, k in enumerate(record, 1)]
    except PlanError as exc:
        raise _placed(exc, path, sheet) from None
    return [(h, where, variable_name(h.strip()) or "") for h, where in headings]


def _placed(error: PlanError, path: Path, sheet: str | None) -> PlanError:
    """A workbook's problems placed as `Sheet!B12` rather than line and column."""
    from .workbook import relocate
    from .xlsx_package import XLSX_SUFFIXES, sheet_names

    if path.suffix.lower() not in XLSX_SUFFIXES:
        return error
    if sheet is None:
        names = sheet_names(path) if any(p.line for p in error.problems) else []
        sheet = names[0] if names else ""
    return relocate(error, path, sheet) if sheet else error


def _table_rows(path: Path, kind: str, sheet: str | None) -> list[Row]:
    problems: list[Problem] = []
    rows: list[Row] = []
    for line, record, locate in _records(path, sheet):
        if len(rows) == MAX_ROWS:
            problems.append(
                Problem(
                    str(path),
                    line,
                    1,
                    "",
                    _(
                        "more than {MAX_ROWS:,} rows; split the table, or run slices of it "
                        "with --rows"
                    ).format(MAX_ROWS=MAX_ROWS),
                )
            )
            break
        if not isinstance(record, dict) or not record:
            problems.append(
                Problem(str(path), line, 1, "", _("each row is a group of 'column: value' pairs"))
            )
            continue
        values, row_problems = _row_values(record, str(path), line, locate)
        year = values.get("year")
        unit = values.get("unit") or f"row {len(rows) + 1}"
        rows.append(
            Row(
                len(rows) + 1,
                str(path),
                line,
                unit,
                _year(year or ""),
                kind,
                values=tuple(values.items()),
                problems=tuple(row_problems),
                province=values.get("province", ""),
            )
        )
    if not rows and not problems:
        problems.append(Problem(str(path), 1, 1, "", _("the table has no rows")))
    if problems:
        raise PlanError(problems)
    return rows


def _records(path: Path, sheet: str | None = None) -> Iterator[Record]:
    """(line, record, where a column's cell is) for each row of the table, as it is read;
    a workbook's rows are numbered as the sheet numbers them."""
    from ..load.yaml_source import load_source
    from .workbook import XLSX_SUFFIXES, xlsx_records

    if path.suffix.lower() in XLSX_SUFFIXES:
        yield from xlsx_records(path, sheet)
        return
    if path.suffix.lower() not in (".yaml", ".yml"):
        yield from csv_records(path)
        return
    source = load_source(path)  # a plan's limits: 2 MB, 200,000 values, no control characters
    if not isinstance(source.data, list):
        raise PlanError(
            [
                source.problem(
                    (),
                    _("a table of rows is a YAML list: one '- column: value' block per document"),
                )
            ]
        )
    for i, item in enumerate(source.data):
        yield source.locate((i,))[0], item, functools.partial(_locate_key, source, i)


def _locate_key(source: Source, index: int, key: str) -> tuple[int, int]:
    return source.locate((index, key), key=True)


def _year(text: str) -> int | None:
    """A table's year cell as a year, or None (never int() of a cell of thousands of digits)."""
    if len(text) == 4 and text.isascii() and text.isdigit():
        year = int(text)
        return year if FIRST_YEAR <= year <= LAST_YEAR else None
    return None


def _row_values(
    record: dict, file: str, line: int, locate: Callable[[str], tuple[int, int]]
) -> tuple[dict[str, str], list[Problem]]:
    values: dict[str, str] = {}
    problems = []
    if len(record) > MAX_COLUMNS:
        problems.append(
            Problem(
                file,
                line,
                1,
                "",
                _("the row has {count:,} columns; a table of rows has at most {limit}").format(
                    count=len(record), limit=MAX_COLUMNS
                ),
            )
        )
        return values, problems
    headings: dict[str, str] = {}  # variable -> the heading it comes from
    for heading, value in record.items():
        key = variable_name(str(heading).strip())
        if key is None or key in headings:
            problems.append(
                Problem(
                    file,
                    *locate(str(heading)),
                    str(heading),
                    _(
                        "the heading '{heading}' names no variable; write it with letters "
                        "(Tên trường becomes ten_truong)"
                    ).format(heading=heading)
                    if key is None
                    else _(
                        "the headings '{heading}' and '{other}' both become the variable "
                        "'{name}'; rename one"
                    ).format(heading=heading, other=headings[key], name=key),
                )
            )
            continue
        headings[key] = str(heading)
        if isinstance(value, (dict, list)):
            problems.append(
                Problem(
                    file,
                    *locate(str(heading)),
                    key,
                    _("a column holds one value (text, a number or a date), not a list or a group"),
                )
            )
            continue
        values[key] = "" if value is None else str(value).strip()
        wrong = cell_problem(values[key])
        if wrong:
            problems.append(Problem(file, *locate(str(heading)), key, wrong))
    year = values.get("year")
    if year and _year(year) is None:
        problems.append(
            Problem(
                file,
                *locate("year"),
                "year",
                _("'{year}' is not a year from 2006 to 2100").format(year=year),
            )
        )
    return values, problems


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
