"""Document tree -> Markdown-flavoured plain text: previews, e-mail bodies, and the input
for pandoc in the benchmark. Layout is not attempted; words and emphasis are kept."""

from __future__ import annotations

from .. import nd30
from ..tree.nodes import Block, Document, FootnoteRef, Frame, Inline, Paragraph, Table

__all__ = ["render_text"]


def _inline(runs: tuple[Inline, ...], notes: list[str]) -> str:
    out = []
    for item in runs:
        if isinstance(item, FootnoteRef):
            notes.append(_inline(item.runs, notes))
            out.append(f"[^{len(notes)}]")
            continue
        text = item.text
        if item.superscript:
            text = f"^{text}^"
        core = text.strip()
        if core and (item.bold or item.italic):
            marker = "***" if item.bold and item.italic else "**" if item.bold else "*"
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            text = f"{lead}{marker}{core}{marker}{trail}"
        out.append(text)
    return "".join(out)


def _block(block: Block, notes: list[str]) -> str:
    if isinstance(block, Paragraph):
        text = _inline(block.runs, notes)
        if block.role == "heading":
            return "#" * min(block.level + 1, 6) + " " + text.replace("**", "").replace("*", "")
        return text
    if isinstance(block, Frame):
        return "\n".join(f"> {_inline(line, notes)}  " for line in block.lines)
    return _table(block, notes)


def _table(table: Table, notes: list[str]) -> str:
    rows = [" | ".join(table.headings), " | ".join("---" for _ in table.headings)]
    for row in table.rows:
        cells = []
        for cell in row:
            # a merged cell: its text once, «←» in the columns it spans, «↑» in the rows below
            text = "↑" if cell.merged else "<br>".join(_inline(p, notes) for p in cell.paragraphs)
            cells += [text] + ["←"] * (cell.span - 1)
        rows.append(" | ".join(cells))
    return "\n".join(f"| {row} |" for row in rows)


def render_text(document: Document) -> str:
    notes: list[str] = []
    header = document.header
    parts = [
        *header.parent_lines,
        *header.body_lines,
        header.number_line,
        "",
        nd30.NATIONAL_TITLE.text,
        nd30.MOTTO.text,
        f"*{header.place_date}*",
        "",
        f"# {document.title.name}",
        "",
        f"**{_inline(document.title.subject, notes)}**",
        "",
    ]
    parts += [_block(b, notes) + "\n" for b in document.body]
    closing = document.closing
    parts += [
        f"***{nd30.RECIPIENTS_LABEL.text}***  ",
        *(line + "  " for line in closing.recipients),
    ]
    for name, lines in closing.after_filing:
        parts += [f"***{name}***  ", *(line + "  " for line in lines)]
    parts.append("")
    parts += [f"**{line}**  " for line in closing.signer_titles]
    if closing.signer_post:
        parts.append(f"**{closing.signer_post}**  ")
    parts += [f"**{closing.signer_name}**", ""]
    for part in document.appendices:
        parts += ["", f"# {part.label}", ""]
        if part.title:
            parts += [f"**{part.title}**", ""]
        parts += [f"*{part.attached_to}*", ""]
        parts += [_block(b, notes) + "\n" for b in part.blocks]
    parts += [f"[^{i}]: {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(parts).rstrip() + "\n"
