"""`antq new`: generate, check and write a plan for a kind, a year and a profile."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import OutputError, PlanError
from .files import SCHEMA_FILE, schema_beside
from .i18n import _

__all__ = ["write_new_plan", "profile_for_plan", "draft_schema"]


def write_new_plan(
    kind: str,
    year: int,
    org_path: Path,
    target: Path,
    *,
    force: bool = False,
    basis: dict[str, str] | None = None,
) -> list:
    """Write the plan; it is validated (as the clerk will render it) before it is written.
    `basis`: the higher plan it carries out (kinds.basis.parse_basis). Beside it, antq's
    plan.schema.json when the editor needs one there (draft_schema)."""
    from .kinds import generate_plan
    from .load.yaml_source import load_source
    from .output import write_atomic
    from .validate import load_plan, validate_org

    org_source = load_source(org_path)
    org = validate_org(org_source)
    from .kinds import KINDS

    if not KINDS[kind].accepts(org):
        raise PlanError(
            [
                org_source.problem(
                    ("body",),
                    _(
                        "a {kind} plan is issued by a UBND; this profile is a Ban Chỉ đạo (body: "
                        "bcd)"
                    ).format(kind=kind),
                    key=True,
                )
            ]
        )
    if target.exists() and not force:
        raise OutputError(
            str(target),
            _("already exists; choose another name with -o, or add --force to replace it"),
        )
    plan_profile = profile_for_plan(org_path, target)
    relative_org = Path(os.path.relpath(plan_profile, target.resolve().parent))
    schema, write_schema = draft_schema(target)
    text = generate_plan(kind, year, org, relative_org.as_posix(), schema_path=schema, basis=basis)
    # Check the plan exactly as it will be read, beside its profile, before writing it.
    probe = target.with_name(f".{target.name}.check.yaml")
    try:
        write_atomic(probe, text.encode("utf-8"))
    except OutputError as exc:  # the clerk asked for `target`: never name the probe
        raise OutputError(str(target), exc.message) from None
    copying = plan_profile != org_path.resolve() and not plan_profile.exists()
    if copying:
        write_atomic(plan_profile, org_path.read_bytes())
    try:
        validated = load_plan(probe, folders=(org_path.resolve().parent,))
        from .content.build import build_document

        build_document(validated.plan, validated.source)
    except PlanError as exc:
        if copying:  # nothing of a refused draft stays behind
            plan_profile.unlink(missing_ok=True)
        raise PlanError([_rename(p, probe, target) for p in exc.problems]) from None
    finally:
        probe.unlink(missing_ok=True)
    write_atomic(target, text.encode("utf-8"))
    if write_schema:
        from .model.schema import schema_json

        write_atomic(target.resolve().parent / SCHEMA_FILE, schema_json("plan").encode("utf-8"))
    return [_rename(w, probe, target) for w in validated.warnings]


def draft_schema(target: Path) -> tuple[str | None, bool]:
    """The schema the draft's modeline names, and whether antq writes `plan.schema.json`
    beside it (files.schema_beside: never over one antq did not write)."""
    return schema_beside(target, PLAN_SCHEMA_ID)


# The `$id` of model.schema's plan schema: it tells antq's plan.schema.json from another.
PLAN_SCHEMA_ID = "https://antq.invalid/schema/plan.schema.json"


def profile_for_plan(org_path: Path, target: Path) -> Path:
    """The profile the new plan names: the one given when it lies in the plan's folder (or
    below it) or in a folder of --profiles or ANTQ_PROFILES, else a copy beside the plan —
    `antq render` reads profiles only from the plan's folder and the folders it is given, so
    a draft must carry its profile along."""
    from .load.merge import allowed_folders

    given = org_path.resolve()
    folder = target.resolve().parent
    if any(given.is_relative_to(allowed) for allowed in allowed_folders(target)):
        return given  # the plan's folder, --profiles or ANTQ_PROFILES: render finds it there
    copy = folder / org_path.name
    if copy.exists() and copy.read_bytes() != org_path.read_bytes():
        raise OutputError(
            str(copy),
            _(
                "another profile of this name lies beside the plan; put the plan in the "
                "profile's folder, or rename one of the two profiles"
            ),
        )
    return copy


def _rename(problem, probe: Path, target: Path):
    from dataclasses import replace

    return replace(problem, file=str(target)) if problem.file == str(probe) else problem
