"""Readable text of a DOCX with its formatting marked, for golden snapshots and diffs.

^ centred   = justified   < left   > right      → first-line indent
**bold**  *italic*  ^(superscript)  [^1] footnote mark   {13pt} size when not 14 pt
─── rule 40 mm   (a bordered empty paragraph: the rules under names and titles)
"""

from __future__ import annotations

from ..ooxml.units import mm_from_twips
from .docx_read import DocxView, Para, TableView, TextRun

__all__ = ["dump_text", "plain_paragraphs", "format_runs"]

_ALIGN = {"center": "^", "both": "=", "left": "<", "right": ">"}
_BODY_SIZE = 14.0


def _merged(runs: list[TextRun]) -> list[TextRun]:
    """Neighbouring runs with the same emphasis read as one ('**a b**', not '**a** **b**')."""
    out: list[TextRun] = []
    for run in runs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and run.footnote is None
            and prev.footnote is None
            and (prev.bold, prev.italic, prev.superscript)
            == (run.bold, run.italic, run.superscript)
        ):
            out[-1] = TextRun(
                prev.text + run.text,
                prev.bold,
                prev.italic,
                prev.underline,
                prev.superscript,
                prev.size,
                prev.fonts,
                None,
                prev.field,
            )
        else:
            out.append(run)
    return out


def format_runs(runs: list[TextRun]) -> str:
    out = []
    for run in _merged(runs):
        if run.footnote is not None:
            out.append(f"[^{run.footnote}]")
            continue
        if not run.text:
            continue
        text = run.text.replace("\n", "⏎")
        if run.superscript:
            text = f"^({text})"
        if run.bold and run.italic:
            text = f"***{text}***"
        elif run.bold:
            text = f"**{text}**"
        elif run.italic:
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def _size_note(para: Para) -> str:
    sizes = {
        r.size if r.size is not None else _BODY_SIZE
        for r in para.runs
        if r.text.strip() or r.footnote is not None
    }
    if not sizes or sizes == {_BODY_SIZE}:
        return ""
    return "{" + "/".join(f"{s:g}pt" for s in sorted(sizes)) + "} "


def _para_line(para: Para, text_width_mm: float | None = None) -> str:
    if not para.text.strip() and not any(r.footnote is not None for r in para.runs):
        if para.border_top or para.border_bottom:
            if text_width_mm is not None:
                length = text_width_mm - mm_from_twips(para.left_twips + para.right_twips)
                return f"─── rule {length:.0f} mm"
            return "─── rule"
        return ""
    indent = "→" if para.first_line_twips > 0 else ""
    fields = {r.field for r in para.runs if r.field}
    field = f" «{'/'.join(sorted(fields))} field»" if fields else ""
    return f"{_ALIGN[para.align]}{indent} {_size_note(para)}{format_runs(para.runs)}{field}"


def dump_text(view: DocxView) -> str:
    lines: list[str] = []
    section = view.sections[0] if view.sections else None
    text_mm = None
    if section:
        text_mm = mm_from_twips(
            section.page_width - section.margins.get("left", 0) - section.margins.get("right", 0)
        )
    for number, sect in enumerate(view.sections, start=1):
        margins = " ".join(f"{k[0].upper()}{mm_from_twips(v):.0f}" for k, v in sect.margins.items())
        start = f", numbered from {sect.page_start}" if sect.page_start else ""
        first = ", no number on its first page" if sect.title_page else ""
        lines.append(
            f"# section {number}: {mm_from_twips(sect.page_width):.0f}×"
            f"{mm_from_twips(sect.page_height):.0f} mm, margins {margins} mm"
            f"{first}{start}"
        )
        for kind, paras in sorted(sect.headers.items()):
            text = " | ".join(_para_line(p) for p in paras if _para_line(p)) or "(empty)"
            lines.append(f"#   header {kind}: {text}")
    lines.append("")
    for block in view.blocks:
        if isinstance(block, TableView):
            widths = " | ".join(f"{mm_from_twips(w) / 10:.2f}" for w in block.grid_twips)
            lines.append(
                f"[table {block.index}: {widths} cm, "
                f"{'borders' if block.borders else 'no borders'}]"
            )
            for r, row in enumerate(block.rows, start=1):
                for c, cell in enumerate(row, start=1):
                    cell_mm = mm_from_twips(cell.width_twips or 0) - 3.8
                    for para in cell.paragraphs:
                        line = _para_line(para, cell_mm)
                        if line:
                            lines.append(f"  [{r}.{c}] {line}")
            lines.append("[/table]")
        else:
            line = _para_line(block, _section_text_mm(view, block, text_mm))
            if line:
                lines.append(line)
    if view.footnotes:
        lines.append("")
        for note_id, paras in sorted(view.footnotes.items()):
            text = " ".join(
                format_runs([r for r in p.runs if r.footnote is None]).strip() for p in paras
            )
            lines.append(f"[^{note_id}]: {text}")
    return "\n".join(lines) + "\n"


def _section_text_mm(view: DocxView, para: Para, default: float | None) -> float | None:
    """The text width of the section `para` is in (a landscape appendix is wider)."""
    found = [s for s in view.sections if s.first_paragraph <= para.index]
    if not found:
        return default
    sect = found[-1]
    return mm_from_twips(
        sect.page_width - sect.margins.get("left", 0) - sect.margins.get("right", 0)
    )


def plain_paragraphs(view: DocxView) -> list[str]:
    """The words of every non-empty paragraph in reading order (footnotes left out)."""
    return [p.text for p in view.paragraphs() if p.text.strip()]
