"""Document tree -> text, in two flavours: plain text (`antq render --text`: what a person
reads in a terminal or pastes into an e-mail) and Markdown (the input for pandoc in the
benchmark, and previews that keep emphasis). Layout is not attempted; the words are kept."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import nd30
from ..tree.nodes import Block, Document, FootnoteRef, Frame, Inline, Paragraph, Table

__all__ = ["render_text"]


@dataclass
class _Writer:
    markdown: bool
    notes: list[str] = field(default_factory=list)

    def mark(self, text: str, marker: str) -> str:
        return f"{marker}{text}{marker}" if self.markdown and text else text

    def line_break(self, line: str) -> str:
        """A line inside a block (Nơi nhận, signature): Markdown needs two trailing spaces."""
        return line + "  " if self.markdown else line

    def note_ref(self, number: int) -> str:
        return f"[^{number}]" if self.markdown else f"[{number}]"

    def inline(self, runs: tuple[Inline, ...]) -> str:
        out = []
        for item in runs:
            if isinstance(item, FootnoteRef):
                self.notes.append(self.inline(item.runs))
                out.append(self.note_ref(len(self.notes)))
                continue
            text = item.text
            if item.superscript and self.markdown:
                text = f"^{text}^"
            core = text.strip()
            if core and (item.bold or item.italic) and self.markdown:
                marker = "***" if item.bold and item.italic else "**" if item.bold else "*"
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                text = f"{lead}{marker}{core}{marker}{trail}"
            out.append(text)
        return "".join(out)

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            text = self.inline(block.runs)
            if block.role == "heading" and self.markdown:
                level = "#" * min(block.level + 1, 6)
                return f"{level} " + text.replace("**", "").replace("*", "")
            return text
        if isinstance(block, Frame):
            lines = [self.inline(line) for line in block.lines]
            return "\n".join(f"> {line}  " if self.markdown else f"    {line}" for line in lines)
        return self.table(block)

    def table(self, table: Table) -> str:
        rows = [" | ".join(table.headings)]
        if self.markdown:
            rows.append(" | ".join("---" for _ in table.headings))
        joiner = "<br>" if self.markdown else " / "
        for row in table.rows:
            cells = []
            for cell in row:
                # a merged cell: its text once, «←» in the columns it spans, «↑» in the rows below
                text = "↑" if cell.merged else joiner.join(self.inline(p) for p in cell.paragraphs)
                cells += [text] + ["←"] * (cell.span - 1)
            rows.append(" | ".join(cells))
        return "\n".join(f"| {row} |" for row in rows)


def render_text(document: Document, *, markdown: bool = False) -> str:
    """The document's words in reading order; `markdown` keeps emphasis, headings and
    footnotes as Markdown marks them."""
    out = _Writer(markdown)
    header = document.header
    parts = [
        *header.parent_lines,
        *header.body_lines,
        header.number_line,
        "",
        nd30.NATIONAL_TITLE.text,
        nd30.MOTTO.text,
        out.mark(header.place_date, "*"),
        "",
        f"# {document.title.name}" if markdown else document.title.name,
        "",
        out.mark(out.inline(document.title.subject), "**"),
        "",
    ]
    if document.addressees:  # ô 9a
        label, lines = document.addressees.label, document.addressees.lines
        parts += (
            [f"{label} {lines[0]}", ""]
            if document.addressees.single
            else [out.line_break(label), *(out.line_break(line) for line in lines), ""]
        )
    parts += [out.block(b) + "\n" for b in document.body]
    closing = document.closing
    parts += [
        out.line_break(out.mark(nd30.RECIPIENTS_LABEL.text, "***")),
        *(out.line_break(line) for line in closing.recipients),
    ]
    for name, lines in closing.after_filing:
        parts += [out.line_break(out.mark(name, "***")), *(out.line_break(line) for line in lines)]
    parts.append("")
    parts += [out.line_break(out.mark(line, "**")) for line in closing.signer_titles]
    if closing.signer_post:
        parts.append(out.line_break(out.mark(closing.signer_post, "**")))
    parts += [out.mark(closing.signer_name, "**"), ""]
    for part in document.appendices:
        parts += ["", f"# {part.label}" if markdown else part.label, ""]
        if part.title:
            parts += [out.mark(part.title, "**"), ""]
        parts += [out.mark(part.attached_to, "*"), ""]
        parts += [out.block(b) + "\n" for b in part.blocks]
    if markdown:
        parts += [f"[^{i}]: {note}" for i, note in enumerate(out.notes, start=1)]
    elif out.notes:
        parts += ["", "―――――", *(f"[{i}] {note}" for i, note in enumerate(out.notes, start=1))]
    return "\n".join(parts).rstrip() + "\n"
