"""What a worker does with one row: build its plan in memory, validate it, and — in the
second phase — render, check and write it.

Workers are started with "spawn" (Windows has no fork), so everything here is a plain
function of picklable values; each worker keeps its parsed templates and profile between rows.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OutputError, PlanError, Problem
from .rows import RESERVED_COLUMNS, BatchSpec, Row
from ..i18n import _

__all__ = [
    "Prepared",
    "Outcome",
    "prepare_row",
    "produce_row",
    "read_org_template",
    "DEFAULT_ORG_TEMPLATE",
]

DEFAULT_ORG_TEMPLATE = "commune-org.yaml.j2"
MAX_ORG_TEMPLATE_BYTES = 1024 * 1024  # antq's own is 1.4 KB


@dataclass
class Prepared:
    """Phase 1: is the row valid? (Whether it needs making at all is inputs.py's.)"""

    number: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # The validated plan, pickled and compressed (~6 KB): phase 2 renders from it instead
    # of validating the row a second time.
    plan: bytes = b""


@dataclass
class Outcome:
    """Phase 2: what became of the row."""

    number: int
    status: str  # "ok" or "failed"
    sha256: str = ""
    message: str = ""
    problems: list[Problem] = field(default_factory=list)


def prepare_row(spec: BatchSpec, row: Row) -> Prepared:
    try:
        validated = _validated(spec, row)
    except PlanError as exc:
        return Prepared(row.number, problems=sorted({*row.problems, *exc.problems}))
    if row.problems:
        return Prepared(row.number, problems=list(row.problems))
    plan = zlib.compress(pickle.dumps((validated.plan, validated.source), protocol=5), 1)
    return Prepared(row.number, warnings=list(validated.warnings), plan=plan)


def produce_row(spec: BatchSpec, row: Row, target: str, plan: bytes = b"") -> Outcome:
    """Render, check and write one row (to a temporary file renamed into place); `plan` is
    what prepare_row validated, or empty to validate the row here."""
    from ..check.run import check_written
    from ..content.build import build_document
    from ..output import check_overwrite, write_atomic
    from ..write.docx import render_docx_parts

    try:
        if plan:
            # Our own bytes, from prepare_row in this batch (never from a file or a user).
            validated_plan, source = pickle.loads(zlib.decompress(plan))
        else:
            validated = _validated(spec, row)
            validated_plan, source = validated.plan, validated.source
        docx, parts = render_docx_parts(build_document(validated_plan, source))
        findings = check_written(parts)  # what was written, not unzipped and parsed again
        if findings:
            return Outcome(row.number, "failed", message="; ".join(str(f) for f in findings))
        path = Path(target)
        check_overwrite(path, force=spec.force)
        write_atomic(path, docx)
    except PlanError as exc:
        return Outcome(
            row.number, "failed", message=str(exc.problems[0]), problems=list(exc.problems)
        )
    except OutputError as exc:
        return Outcome(row.number, "failed", message=str(exc))
    return Outcome(row.number, "ok", hashlib.sha256(docx).hexdigest())


def _validated(spec: BatchSpec, row: Row):
    """The row's plan, validated; in a batch a place that does not exist is an error."""
    from ..validate import validate_layers
    from ..validate.places import place_warnings

    plan_source, org_source = _kind_sources(spec, row) if spec.kind else _table_sources(spec, row)
    validated = validate_layers(plan_source, org_source, strict=spec.strict)
    places = (
        set(place_warnings(validated.plan, validated.source, validated.org))
        if validated.warnings
        else set()
    )
    errors = [p for p in validated.warnings if spec.strict or p in places]
    if errors:
        raise PlanError([_as_error(p) for p in errors])
    return validated


def _as_error(problem: Problem) -> Problem:
    from dataclasses import replace

    return replace(problem, severity="error")


def _kind_sources(spec: BatchSpec, row: Row):
    """A commune's profile from the profile template, and its plan from the kind."""
    from ..kinds import KINDS, generate_plan
    from ..load.merge import own_layer
    from ..load.yaml_source import load_text
    from ..places import Unit
    from ..validate import validate_org

    unit = Unit(row.unit, row.unit_type, row.code, row.file)
    org_text = _render_org(spec, unit)
    org_source = load_text(org_text, f"{spec.org_template_file} ({unit.name})")
    org = validate_org(org_source)
    kind_name, year = spec.kind, row.year
    assert kind_name is not None and year is not None  # kind mode: kind_rows gives both
    kind = KINDS[kind_name]
    if not kind.accepts(org):
        raise PlanError(
            [
                org_source.problem(
                    ("body",),
                    _(
                        "a {name} plan is issued by a UBND; this profile is a Ban Chỉ đạo (body: "
                        "bcd)"
                    ).format(name=kind.name),
                )
            ]
        )
    plan_text = generate_plan(kind_name, year, org, "org.yaml")
    return own_layer(load_text(plan_text, f"{spec.kind} {row.year} ({unit.name})")), org_source


def _unit_fields(unit) -> dict[str, object]:
    """What a profile template can use: {{ unit.name }}, {{ unit.type }}, …"""
    return {
        "name": unit.name,
        "type": unit.type,
        "bare": unit.bare,
        "in_text": unit.in_text,
        "code": unit.code,
        "province": unit.province,
        "villages": unit.villages,
        "police": unit.police,
    }


def read_org_template(path: Path) -> str:
    """The text of an --org-template file: a regular file of at most 1 MB, UTF-8 (a profile
    is a page of YAML); PlanError saying what is wrong with it."""
    from ..files import read_input
    from ..reasons import reason

    try:
        return read_input(path, MAX_ORG_TEMPLATE_BYTES).decode("utf-8-sig")
    except OSError as exc:
        message = _("cannot read the file: {reason}").format(reason=reason(exc))
    except UnicodeDecodeError:
        message = _(
            "the file is not UTF-8; save it as 'UTF-8' in your editor (Notepad: Save as → Encoding)"
        )
    raise PlanError([Problem(str(path), 0, 0, "", message)])


def _render_org(spec: BatchSpec, unit) -> str:
    """The commune's profile: the template rendered in the sandbox plan text is rendered in
    (expressions only, each and all of them bounded in size and time)."""
    from ..validate.templating import TemplateProblem, TextRenderer

    template = spec.org_template if spec.org_template is not None else _default_org_template()
    try:
        return TextRenderer({"unit": _unit_fields(unit)}).render(template)
    except TemplateProblem as exc:
        where = f"{spec.org_template_file} ({unit.name})"
        raise PlanError([Problem(where, 0, 0, "", exc.message)]) from None


@functools.cache
def _default_org_template() -> str:
    from importlib import resources

    return (resources.files("antq_docs.templates") / DEFAULT_ORG_TEMPLATE).read_text("utf-8")


def _table_sources(spec: BatchSpec, row: Row):
    """The row as a tiny plan that extends the base plan: its columns are `vars:`."""
    from ..load.merge import load_with_inheritance_from
    from ..load.yaml_source import PathKey, Source

    assert spec.plan is not None  # table mode: the CLI requires --plan
    rows_file = Path(row.file)
    values = dict(row.values)
    _check_unit(values, row)
    data: dict[str, object] = {"extends": str(Path(spec.plan).resolve())}
    if values.get("org"):
        data["org"] = values["org"]
    variables = {k: v for k, v in values.items() if k not in RESERVED_COLUMNS}
    data["vars"] = variables
    positions: dict[PathKey, tuple[int, int]] = {(): (row.line, 1)}
    for key in data:
        positions[(key,)] = (row.line, 1)
    for key in variables:
        positions[("vars", key)] = (row.line, 1)
    source = Source(
        file=str(rows_file), data=data, positions=positions, key_positions=dict(positions)
    )
    # The base plan was named on the command line: its folder is one antq was given.
    return load_with_inheritance_from(source, rows_file, (Path(spec.plan).resolve().parent,))


def _check_unit(values: dict[str, str], row: Row) -> None:
    """A row naming a xã/phường and its province must name a current one."""
    from ..places import is_commune_name, unit_named

    unit, province = values.get("unit", ""), values.get("province", "")
    if unit and province and is_commune_name(unit):
        try:
            unit_named(unit, province)
        except LookupError as exc:
            raise PlanError([Problem(row.file, row.line, 1, "unit", str(exc))]) from None
