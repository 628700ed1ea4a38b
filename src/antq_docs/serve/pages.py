"""The pages of `antq serve`, in the clerk's language: the words are put through the
catalogue here, when the page is asked for; the scripts (static/antq.js, and form.js with
fields.js for the plan's form) read the words they show from a data block of the page, so
that they hold none of their own; a second block gives the form the plan format's keys in
order."""

from __future__ import annotations

import json
from html import escape

from ..i18n import N_, _, language

__all__ = ["plan_page", "check_page", "SCRIPT_WORDS"]

# Words the script shows, by the key it looks them up with.
SCRIPT_WORDS = {
    "working": N_("Working…"),
    "stale": N_("This preview is out of date: the plan has problems (listed above)."),
    "noProblems": N_("No problems: the plan is valid."),
    "saved": N_("Saved."),
    "unsaved": N_("Not saved yet."),
    "download": N_("Download the corrected file"),
    "fix": N_("Fix the format"),
    "noFindings": N_("No findings."),
    "changes": N_("What was corrected"),
    "needsPerson": N_("What needs a person"),
    "after": N_("Findings after the correction"),
    "line": N_("line {line}, column {column}"),
    "failed": N_("The server did not answer ({status})."),
    "notes": N_("Notes of the import"),
    "imported": N_("Imported: check the plan, then save it."),
    "chooseFile": N_("Choose a .docx file"),
    "excerpt": N_("in the text"),
    # the form of the «Plan» page (static/form.js)
    "noPlan": N_("Open or start a plan above: its form appears here."),
    "formStale": N_(
        "The YAML text cannot be read, so the form shows the plan as it was last read: "
        "correct the text where the problems say."
    ),
    "headerPart": N_("Header"),
    "parent": N_("Parent body (cơ quan chủ quản)"),
    "issuerName": N_("Issuing body (cơ quan ban hành)"),
    "shortName": N_("Short name (in «Kèm theo» lines)"),
    "symbol": N_("Ký hiệu"),
    "number": N_("Number (blank in a draft)"),
    "place": N_("Place name (địa danh)"),
    "date": N_("Date of issue"),
    "subject": N_("Subject (trích yếu)"),
    "signaturePart": N_("Signature"),
    "titles": N_("Authority and titles, one per line"),
    "post": N_("Post in the parent body"),
    "rank": N_("Rank"),
    "signer": N_("Full name of the signer"),
    "recipientsPart": N_("Recipients (Nơi nhận)"),
    "recipient": N_("Recipient"),
    "note": N_("Purpose (để …)"),
    "filing": N_("Filed at (Lưu), separated by commas"),
    "addRecipient": N_("Add a recipient"),
    "bodyPart": N_("Body: sections and items"),
    "addSection": N_("Add a section"),
    "addItem": N_("Add an item"),
    "addChild": N_("Add a sub-item"),
    "up": N_("Move up"),
    "down": N_("Move down"),
    "indent": N_("Indent: make it a sub-item of the item above"),
    "outdent": N_("Outdent: make it an item of the level above"),
    "remove": N_("Delete"),
    "title": N_("Title"),
    "text": N_("Text (a blank line between two paragraphs)"),
    "unit": N_("Unit given the work"),
    "numbering": N_("Numbering of the sub-items"),
    "numberingAuto": N_("as antq numbers them"),
    "noNumber": N_("no number"),
    "also": N_("Also here, to edit in the YAML text: {keys}"),
    "bold": N_("Bold (**…**)"),
    "italic": N_("Italic (*…*)"),
    "underline": N_("Underline (++…++)"),
    "caption": N_("Caption"),
    "addRow": N_("Add a row"),
    "addColumn": N_("Add a column"),
    "removeRow": N_("Delete the row"),
    "paragraph": N_("Paragraph"),
    "appendicesPart": N_("Appendices"),
    "appendix": N_("Appendix {n}"),
    "formTab": N_("Form"),
    "yamlTab": N_("YAML text"),
}


def _data(id_: str, value: object) -> str:
    # «<» inside the data block must not close it: JSON escapes it.
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{id_}">{text}</script>'


def _form_data() -> dict[str, object]:
    """What the form needs to know of the plan format: each part's keys in order, and the
    names of the keys it does not show, in the clerk's language."""
    from ..key_names import KEY_NAMES
    from .form import key_orders

    names = KEY_NAMES if language() == "vi" else {}
    return {"orders": key_orders(), "names": names}


def _shell(title: str, active: str, body: str, *, form: bool = False) -> str:
    words = {key: _(text) for key, text in SCRIPT_WORDS.items()}
    scripts = (_data("antq-form", _form_data()) + SCRIPT_FORM) if form else ""
    local = escape(_("on this computer only"))
    links = [("/", _("Plan")), ("/check", _("Check a Word document"))]
    nav = "".join(
        f'<a href="{href}"{" class=active" if href == active else ""}>{escape(label)}</a>'
        for href, label in links
    )
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} · antq</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/antq.css">'
        f"{_data('antq-words', words)}{scripts}"
        '<script src="/static/antq.js" defer></script></head><body>'
        f'<header class="top"><span class="brand">antq</span><nav>{nav}</nav>'
        f'<span class="local">{local}</span></header>'
        f"<main>{body}</main></body></html>"
    )


SCRIPT_FORM = (
    '<script src="/static/fields.js" defer></script><script src="/static/form.js" defer></script>'
)


def _button(id_: str, label: str, *, disabled: bool = False) -> str:
    return (
        f'<button type="button" id="{id_}"{" disabled" if disabled else ""}>'
        f"{escape(label)}</button>"
    )


def _drop(id_: str, label: str) -> str:
    return (
        f'<label class="drop" id="{id_}">{escape(label)}'
        f'<input type="file" accept=".docx" id="{id_}-input"></label>'
    )


def plan_page() -> str:
    start = (
        '<section class="start"><h2>' + escape(_("Open or start a plan")) + "</h2>"
        '<div class="row"><label>' + escape(_("A plan of the folder")) + ' <select id="plans">'
        "</select></label>" + _button("open", _("Open")) + "</div>"
        '<div class="row"><label>' + escape(_("Kind")) + ' <select id="kind"></select></label>'
        "<label>" + escape(_("Year")) + ' <input id="year" type="number" min="2006" '
        'max="2100"></label><label>' + escape(_("Profile")) + ' <select id="profile"></select>'
        "</label><label>" + escape(_("File name")) + ' <input id="new-name" value="ke-hoach.yaml">'
        "</label>" + _button("create", _("Start the plan")) + "</div>"
        '<div class="row">'
        + _drop("import", _("…or drop last year's plan (.docx) here"))
        + "</div>"
        "</section>"
    )
    editor = (
        '<section class="editor"><div class="row"><label>' + escape(_("Plan file")) + " <input "
        'id="name" value="ke-hoach.yaml"></label>'
        + _button("save", _("Save"))
        + _button("docx", _("Download DOCX"))
        + _button("pdf", _("Download PDF"))
        + '<span id="state" class="state"></span></div>'
        '<p id="message" class="message" role="status"></p>'
        '<ul id="notes" class="notes"></ul>'
        '<div class="tabs" role="tablist">'
        + _button("tab-form", _("Form"))
        + _button("tab-yaml", _("YAML text"))
        + '</div><div id="form" class="form"></div>'
        '<textarea id="text" spellcheck="false" aria-label="YAML" hidden></textarea>'
        "<h3>" + escape(_("Problems")) + '</h3><ul id="problems" class="problems"></ul>'
        "</section>"
    )
    preview = (
        '<section class="preview-pane"><h2>' + escape(_("Preview")) + "</h2>"
        '<p class="approximate">'
        + escape(
            _(
                "Words, numbering, emphasis, tables and footnotes are those of the DOCX; the "
                "pages are approximate: Word breaks them where it needs to."
            )
        )
        + '</p><p id="stale" class="stale-note" hidden></p><div id="preview" class="preview">'
        "</div></section>"
    )
    columns = f'<div class="columns">{editor}{preview}</div>'
    body = f'<div class="plan-page" data-page="plan">{start}{columns}</div>'
    return _shell(_("Plan"), "/", body, form=True)


def check_page() -> str:
    body = (
        '<div class="check-page" data-page="check"><h2>'
        + escape(_("Check a Word document against Nghị định 30"))
        + "</h2>"
        + _drop("upload", _("Drop a .docx file here, or click to choose one"))
        + '<p id="summary" class="summary" role="status"></p>'
        '<p id="error" class="error" role="alert"></p>'
        '<div id="findings" class="findings"></div>'
        + _button("fix", _("Fix the format"), disabled=True)
        + '<div id="fixed" class="fixed"></div></div>'
    )
    return _shell(_("Check a Word document"), "/check", body)
