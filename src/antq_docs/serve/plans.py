"""«Kế hoạch»: plans of the folder opened, started (`antq new`), imported (`antq import`),
checked as `antq validate` checks them, previewed, saved and rendered — the text the page
holds is read exactly as `antq render` would read it from the file it is to be saved as,
beside its profile."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import MessageError, OutputError, PlanError, Problem
from ..i18n import _
from .names import confined, listed_yaml, upload_name

__all__ = [
    "catalogue",
    "open_plan",
    "preview_plan",
    "plan_docx",
    "plan_pdf",
    "save_plan",
    "new_plan",
    "import_upload",
    "digest",
]

OK, FINDINGS, INVALID, OUTPUT = 0, 1, 2, 3  # cli/exit_codes.py, as the page reports them
_PLAN_ONLY_KEYS = re.compile(r"^(subject|sections|extends)\s*:", re.MULTILINE)


def digest(text: str) -> str:
    """What the page saw of a file, so that a save never replaces what another tab wrote."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path) -> str:
    from ..files import read_input
    from ..load.yaml_source import MAX_FILE_BYTES

    try:
        return read_input(path, MAX_FILE_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        from ..reasons import reason

        raise MessageError(_("cannot read the file: {reason}").format(reason=reason(exc))) from None


def catalogue(folder: Path) -> dict[str, Any]:
    """The plans and profiles of the folder, and the kinds `antq new` writes."""
    import datetime as dt

    from ..kinds import KINDS

    plans: list[str] = []
    profiles: list[str] = []
    for name in listed_yaml(folder):
        try:
            head = _read(folder / name)[:20_000]
        except MessageError:
            continue
        is_profile = "issuer:" in head and not _PLAN_ONLY_KEYS.search(head)
        (profiles if is_profile else plans).append(name)
    return {
        "folder": str(folder),
        "plans": plans,
        "profiles": profiles,
        "kinds": [{"name": name, "summary": _(kind.summary)} for name, kind in KINDS.items()],
        "year": dt.date.today().year,
    }


def open_plan(folder: Path, name: str) -> dict[str, Any]:
    text = _read(confined(folder, name))
    return {"name": name, "text": text, "digest": digest(text)}


def _problem(problem: Problem, folder: Path) -> dict[str, Any]:
    """A problem as `antq validate` prints it, with its file named inside the folder."""
    from ..plan_places import place_in_words

    file = problem.file
    if os.path.isabs(file) and Path(file).resolve().is_relative_to(folder.resolve()):
        file = Path(file).resolve().relative_to(folder.resolve()).as_posix()
    shown = replace(problem, file=file)
    return {
        "text": str(shown),
        "file": file,
        "line": problem.line,
        "column": problem.column,
        "path": problem.path,
        "place": place_in_words(problem.path) if problem.path else "",
        "message": problem.message,
        "severity": problem.severity,
    }


def _source(folder: Path, name: str, text: str):
    """`text` read as the file `name` of the folder; PlanError on a YAML problem."""
    from ..load.yaml_source import load_text

    path = confined(folder, name, must_exist=False).resolve()
    return load_text(text, str(path)), path


def _built(source, path: Path):
    """The document tree of a loaded plan beside its profile, and its warnings; PlanError
    with every problem, as `antq validate` finds them."""
    from ..content.build import build_document
    from ..load.merge import load_with_inheritance_from
    from ..validate import validate_layers

    merged, org_source = load_with_inheritance_from(source, path)
    validated = validate_layers(merged, org_source)
    document = build_document(validated.plan, validated.source)
    return document, validated.warnings


def _document(folder: Path, name: str, text: str):
    return _built(*_source(folder, name, text))


def preview_plan(
    folder: Path, name: str, text: str | None = None, form: Any = None
) -> dict[str, Any]:
    """The preview of the plan and every problem `antq validate` finds (status 0 or 2).
    Given the text, the answer holds its form too (None when the YAML cannot be read);
    given the form, the YAML the form writes (`text`), which the page shows and saves."""
    from ..write.docx import render_docx
    from ..write.html import render_html
    from .form import form_of, text_of_form

    answer: dict[str, Any] = {}
    if text is None:
        text = answer["text"] = text_of_form(form)
    else:
        answer["form"] = None
    try:
        source, path = _source(folder, name, text)
        if "form" in answer:  # read before merging lays the profile over the data
            answer["form"] = form_of(source.data, text)
        document, warnings = _built(source, path)
        render_docx(document)  # valid means writable, as `antq validate` holds it
    except PlanError as exc:
        return answer | {
            "status": INVALID,
            "problems": [_problem(p, folder) for p in exc.problems],
            "summary": _("{count} problem(s); the preview shows the last valid text").format(
                count=len(exc.errors)
            ),
        }
    return answer | {
        "status": OK,
        "html": render_html(document),
        "problems": [_problem(p, folder) for p in warnings],
        "summary": _("valid {file}").format(file=name),
    }


def plan_docx(folder: Path, name: str, text: str) -> bytes:
    """The DOCX `antq render` writes of the plan; PlanError when it has problems."""
    from ..write.docx import render_docx

    return render_docx(_document(folder, name, text)[0])


def plan_pdf(folder: Path, name: str, text: str, work: Path) -> bytes:
    """The PDF of `antq render --pdf`, made in the request's own folder; PdfError when
    LibreOffice is missing or fails."""
    from ..write.pdf import convert_to_pdf

    docx = work / "ke-hoach.docx"
    docx.write_bytes(plan_docx(folder, name, text))
    convert_to_pdf(docx, work / "ke-hoach.pdf")
    return (work / "ke-hoach.pdf").read_bytes()


def problems_of(exc: PlanError, folder: Path) -> list[dict[str, Any]]:
    return [_problem(p, folder) for p in exc.problems]


def save_plan(folder: Path, name: str, text: str, seen: str | None) -> dict[str, Any]:
    """Write the text as the plan `name`; refused (status 3) when the file was changed
    since the page read it (`seen`: its digest then; None for a new file), so that two tabs
    never overwrite each other's work."""
    from ..output import write_atomic

    target = confined(folder, name, must_exist=False)
    if target.exists():
        current = _read(target)
        if seen != digest(current):
            return {
                "status": OUTPUT,
                "error": _(
                    "{name}: the file was changed since this page opened it (in another tab, "
                    "or by another program); open it again, or save under another name"
                ).format(name=name),
            }
    write_atomic(target, text.encode("utf-8"))
    return {
        "status": OK,
        "name": name,
        "digest": digest(text),
        "message": _("wrote {path}").format(path=name),
    }


def new_plan(folder: Path, kind: str, year: int, org: str, name: str) -> dict[str, Any]:
    """`antq new KIND --year Y --org ORG -o NAME` inside the folder, then the plan opened."""
    from ..kinds import KINDS
    from ..new import write_new_plan

    if kind not in KINDS:
        raise MessageError(
            _("no kind '{kind}'; choose one of: {kinds}").format(kind=kind, kinds=", ".join(KINDS))
        )
    if not 2006 <= year <= 2100:
        raise MessageError(
            _("--year {year}: antq has plans for the years 2006 to 2100").format(year=year)
        )
    profile = confined(folder, org)
    target = confined(folder, name, must_exist=False)
    warnings = write_new_plan(kind, year, profile, target)
    opened = open_plan(folder, name)
    opened.update(
        status=OK,
        problems=[_problem(p, folder) for p in warnings],
        message=_("wrote {path}").format(path=name),
    )
    return opened


def import_upload(data: bytes, name: str) -> dict[str, Any]:
    """`antq import` of an uploaded Word plan: the plan's text, not yet saved."""
    from ..importer import ImportRefused, import_docx

    file = upload_name(name, "")
    try:
        result = import_docx(data)
    except ImportRefused as exc:
        return {
            "status": INVALID,
            "error": _("{file}: not imported: {reason}").format(file=file, reason=exc),
        }
    plan_name = upload_name(name, ".yaml")
    return {
        "status": FINDINGS if result.status else OK,
        "name": plan_name,
        "text": result.yaml,
        "digest": None,
        "notes": [
            _("{file}: needs a person: {note}").format(file=plan_name, note=note.message)
            for note in result.notes
            if note.needs_person
        ],
    }


def output_error(exc: OutputError, folder: Path) -> str:
    path = Path(exc.path)
    if path.is_absolute() and path.resolve().is_relative_to(folder.resolve()):
        return f"{path.resolve().relative_to(folder.resolve()).as_posix()}: {exc.message}"
    return f"{path.name}: {exc.message}"
