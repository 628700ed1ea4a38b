"""`antq import`: a Kế hoạch typed in Word becomes a plan, word for word.

The reader's view of the DOCX is cut into its parts (parts.py), each part becomes the plan
keys it stands for (header, body, outline, tables, closing, appendices), the plan is written
as commented YAML (yaml_out.py) and read back exactly as `antq render` reads it, and the
words of that render are compared with the original's (roundtrip.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..i18n import _
from ..inspect.docx_read import DocxView, read_docx
from ..inspect.model import Para, TableView
from .appendices import read_appendix
from .body import read_body
from .closing import read_closing
from .header import issue_year, read_issuer, read_subject
from .markup import markup
from .notes import Note, Notes
from .parts import DocumentParts, split_document
from .roundtrip import round_trip, similarity, tree_paragraphs, words
from .units import assign_units
from .yaml_out import to_yaml

__all__ = ["ImportResult", "ImportRefused", "import_docx", "import_view"]

EXIT_CLEAN, EXIT_NOTES, EXIT_REFUSED = 0, 1, 2


class ImportRefused(ValueError):
    """Not a Kế hoạch antq can import (unreadable, not administrative, another type)."""


@dataclass
class ImportResult:
    yaml: str
    notes: list[Note] = field(default_factory=list)
    status: int = EXIT_CLEAN  # 0 clean round trip, 1 notes for a person
    plan: dict[str, Any] = field(default_factory=dict)
    word_similarity: float = 1.0  # the round trip's words against the original's


def import_docx(
    data: bytes,
    *,
    year: int | None = None,
    org: dict[str, Any] | None = None,
    org_path: str | None = None,
    schema: str | None = None,
) -> ImportResult:
    """Import one DOCX; ImportRefused (exit 2) when it is not a Kế hoạch to import."""
    if data.startswith(b"%PDF"):
        raise ImportRefused(
            _(
                "a PDF (a scan or a print), not a Word document: import the .docx or .doc "
                "file the plan was typed in"
            )
        )
    try:
        view = read_docx(data)
    except ValueError as exc:
        raise ImportRefused(str(exc)) from None
    return import_view(view, data, year=year, org=org, org_path=org_path, schema=schema)


def _refusal(data: bytes) -> str:
    from ..check import check_document

    from ..nd30.doctypes import ABBREVIATIONS

    result = check_document(data)
    if not result.administrative:  # «not administrative (Tham luận)», in the clerk's words
        return _("{recognised}: there is no plan to import").format(recognised=result.recognised)
    if result.recognised == ABBREVIATIONS["KH"]:  # its ký hiệu says KH, but no title
        return _(
            "the title «KẾ HOẠCH» was not found under the header: write it on a line of its "
            "own, centred, above the subject"
        )
    return _("a {recognised}, not a Kế hoạch: antq imports plans only").format(
        recognised=result.recognised
    )


def import_view(
    view: DocxView,
    data: bytes,
    *,
    year: int | None = None,
    org: dict[str, Any] | None = None,
    org_path: str | None = None,
    schema: str | None = None,
) -> ImportResult:
    parts = split_document(view)
    if parts.title is None or not parts.header:
        raise ImportRefused(_refusal(data))
    notes = Notes()
    footnotes = {
        fid: " ".join(markup(p.runs) for p in paras if markup(p.runs))
        for fid, paras in view.footnotes.items()
    }

    def footnote(fid: int) -> str:
        return footnotes.get(fid, "")

    subject = read_subject(parts.subject, notes)
    plan: dict[str, Any] = {}
    if org_path:
        plan["org"] = org_path
    plan["issuer"] = read_issuer(parts.header, subject, notes, year)
    plan["subject"] = subject
    plan.update(read_body(parts.body, footnote, notes))
    if parts.closing:
        plan.update(read_closing(parts.closing, notes))
    else:
        notes.add(("recipients",), _("no Nơi nhận was found"), needs_person=True)
        plan.update({"recipients": ["?"], "signature": {"titles": ["?"], "name": ""}})
    appendices = []
    for index, blocks in enumerate(parts.appendices):
        appendix, short_name = read_appendix(blocks, view, footnote, notes, ("appendices", index))
        appendices.append(appendix)
        if short_name and "short_name" not in plan["issuer"]:
            plan["issuer"]["short_name"] = short_name
    if appendices:
        plan["appendices"] = appendices
        if "short_name" not in plan["issuer"]:
            plan["issuer"]["short_name"] = plan["issuer"]["name"].replace("\n", " ")
            notes.add(
                ("issuer", "short_name"), _("guessed from the issuing body"), needs_person=True
            )
    assign_units(plan, notes)
    # The round trip is the import's own: the words before the year's replacements.
    as_read = copy.deepcopy(plan) if year is not None and not org else None
    if year is not None:
        from .reissue import reissue

        reissue(plan, year, notes, issue_year(parts.header))
    if org:
        from .profile import leave_out_profile

        leave_out_profile(plan, org, notes)
    header = _(
        "Imported by antq import from a Word document; the notes «antq import:» say\n"
        "where something was normalised or guessed."
    ).splitlines()
    text = to_yaml(plan, notes, header, schema)
    result = ImportResult(text, notes.items, EXIT_NOTES if notes.needs_person else EXIT_CLEAN, plan)
    if not org:
        read = to_yaml(as_read, Notes(), [], schema) if as_read is not None else text
        _check_round_trip(result, read, parts, view)
    return result


def original_paragraphs(
    blocks: list[Para | TableView], footnotes: dict[int, list[Para]]
) -> list[str]:
    """The paragraphs of body or appendix blocks as the tree holds them: labels first,
    footnote texts where their marks stand."""

    def text(para: Para) -> str:
        pieces = [para.label or ""]
        for run in para.runs:
            pieces.append(
                run.text
                if run.footnote is None
                else " " + " ".join(p.text for p in footnotes.get(run.footnote, [])) + " "
            )
        return " ".join("".join(pieces[:1]).split() + ["".join(pieces[1:])])

    out: list[str] = []
    for block in blocks:
        if isinstance(block, TableView):
            out += [text(p) for row in block.rows for cell in row for p in cell.paragraphs]
        else:
            out.append(text(block))
    return [p for p in out if p.strip()]


def _check_round_trip(
    result: ImportResult, yaml_text: str, parts: DocumentParts, view: DocxView
) -> None:
    trip = round_trip(yaml_text)
    if trip.document is None:
        result.status = EXIT_NOTES
        result.notes.append(
            Note(
                (),
                _("the imported plan does not validate: {problems}").format(
                    problems="; ".join(trip.problems[:5])
                ),
                True,
            )
        )
        return
    mine = words(tree_paragraphs(trip.document.body), labels=False)
    theirs = words(original_paragraphs(parts.body, view.footnotes), labels=False)
    # antq prints section titles in capitals (PL1 II.6): case is not a difference of words.
    score = similarity([w.casefold() for w in mine], [w.casefold() for w in theirs])
    result.word_similarity = score
    if score < 0.999:
        result.status = EXIT_NOTES
        result.notes.append(
            Note(
                (),
                _("the render's words differ from the original's: similarity {score:.3f}").format(
                    score=score
                ),
                True,
            )
        )
