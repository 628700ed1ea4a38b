"""Step 2 of the pipeline: raw data -> typed Plan, reporting every problem in one pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PlanError, Problem
from ..load.yaml_source import PathKey, Source
from .limits import check_plan_size
from .templating import TemplateProblem, TextRenderer, build_context, has_template
from ..i18n import _

__all__ = ["ValidatedPlan", "validate_source", "validate_layers", "load_plan"]


@dataclass
class ValidatedPlan:
    plan: Any  # model.plan.Plan (imported lazily: pydantic is the slowest import)
    source: Source
    warnings: list[Problem] = field(default_factory=list)
    org: Any = None  # model.org.Org when the plan names a profile


def load_plan(
    path: str | Path, *, strict: bool = False, folders: tuple[Path, ...] = ()
) -> ValidatedPlan:
    """Read a plan file with what it inherits (`org:`, `extends:`, from the plan's folder
    and `folders`), render its {{ … }} expressions and validate it; `strict` adds the
    content lint (as warnings)."""
    from ..load.merge import load_with_inheritance

    source, org_source = load_with_inheritance(Path(path), folders)
    return validate_layers(source, org_source, strict=strict)


def validate_layers(
    source: Source, org_source: Source | None, *, strict: bool = False
) -> ValidatedPlan:
    """A plan already merged with its bases, laid over its profile (if any), validated."""
    from ..load.merge import merge_sources, subtree
    from ..model.org import PLAN_LAYER_KEYS

    org = None
    if org_source is not None:
        org = validate_org(org_source)
        source = merge_sources(subtree(org_source, PLAN_LAYER_KEYS), source)
    return validate_source(source, strict=strict, org=org)


def validate_org(source: Source):
    """An organisation profile -> Org; PlanError (located in the profile) if it is wrong."""
    from pydantic import ValidationError

    from ..model.org import Org
    from ..places import province_problem
    from .messages import problems_from_pydantic

    if not isinstance(source.data, dict):  # no line shown: it may be anybody's file
        raise PlanError(
            [
                Problem(
                    source.file,
                    0,
                    0,
                    "",
                    _(
                        "a profile is a group of 'key: value' lines starting with 'issuer:'; this "
                        "file is not"
                    ),
                )
            ]
        )
    try:
        org = Org.model_validate(source.data)
    except ValidationError as exc:
        raise PlanError(
            problems_from_pydantic(exc.errors(include_url=False), source, Org)
        ) from None
    problem = province_problem(org.province)
    if problem:
        raise PlanError([source.problem(("province",), problem)])
    return org


def validate_source(source: Source, *, strict: bool = False, org=None) -> ValidatedPlan:
    from pydantic import ValidationError

    from ..model.plan import Plan
    from .messages import problems_from_pydantic
    from .rules import check_plan

    if not isinstance(source.data, dict):
        raise PlanError(
            [
                Problem(
                    source.file,
                    0,
                    0,
                    "",
                    _(
                        "a plan is a group of 'key: value' lines starting with 'issuer:'; this "
                        "file is not"
                    ),
                )
            ]
        )
    problems: list[Problem] = []
    renderer = TextRenderer(build_context(source.data, org))
    data = _render(source.data, (), renderer, source, problems)
    check_plan_size(data, source)  # before any model or document is built from it
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems += problems_from_pydantic(exc.errors(include_url=False), source, Plan)
        raise PlanError(problems) from None
    if problems:
        raise PlanError(problems)
    problems += check_plan(plan, source)
    if any(p.severity == "error" for p in problems):
        raise PlanError(problems)
    warnings = [
        source.problem(
            path,
            _(
                "the text was not in Unicode NFC (typed with a "
                "combining-accent keyboard); antq normalised it"
            ),
            severity="warning",
        )
        for path in source.normalised
    ]
    from .places import place_warnings

    placed = place_warnings(plan, source, org)
    if any(p.severity == "error" for p in placed):  # work given to a body that is gone
        raise PlanError(problems + placed)
    warnings += placed
    from .report_lint import report_warnings  # a báo cáo against the plan it answers

    warnings += report_warnings(plan, source)
    if strict:
        from .lint import lint_plan

        warnings += lint_plan(plan, source)
    return ValidatedPlan(plan, source, warnings + problems, org)


def _render(
    value: Any, path: PathKey, renderer: TextRenderer, source: Source, problems: list[Problem]
) -> Any:
    """Render {{ … }} in every string, recording failures at the string's position."""
    if isinstance(value, str):
        if not has_template(value):
            return value
        try:
            return renderer.render(value)
        except TemplateProblem as exc:
            problems.append(source.problem(path, exc.message))
            return value
    if isinstance(value, dict):
        return {k: _render(v, path + (k,), renderer, source, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_render(v, path + (i,), renderer, source, problems) for i, v in enumerate(value)]
    return value
