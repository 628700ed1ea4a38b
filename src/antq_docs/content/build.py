"""Plan -> document tree. Numbering, phrasing and emphasis are decided here; layout is not."""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import PlanError, Problem
from ..load.yaml_source import PathKey, Source
from ..model.body import Piece
from ..model.plan import Item, LegalBasis, Plan, Recipient, Table as TableModel
from ..model.plan_year import issued_from
from ..model.timeline import YearlyDay
from ..tree.nodes import (
    Addressees,
    Block,
    Closing,
    Document,
    Frame,
    Header,
    Inline,
    Paragraph,
    Part,
    Run,
    Title,
    UNDATED,
)
from .markup import MarkupProblem, merge_runs, parse_inline
from .numbering import Counter, child_style
from .tables import table_node, too_wide
from .timeline_text import timeline_phrase, yearly_phrase
from ..nd30 import ADDRESSEES
from ..nd30.forms import DRAFT_BLANK, issue_date_text, padded, roman, short_date
from ..i18n import _

__all__ = ["build_document", "END_MARK"]

END_MARK = "./."
_SENTENCE_END = ".!?…:;"
# Scheme B of PL1 II.6: Mục (I.) bold capitals, khoản title (1.) bold; deeper titles
# (1.1., 1.1.1.) bold italic, then italic — office convention, the decree stops at khoản.
_TITLE_EMPHASIS = {1: (True, False), 2: (True, False), 3: (True, True)}
_LEGAL_TYPES_WITHOUT_NUMBER = ("Hiến pháp", "Luật", "Bộ luật", "Pháp lệnh")


class _Builder:
    def __init__(self, plan: Plan, source: Source | None):
        self.plan = plan
        self.source = source
        self.problems: list[Problem] = []

    # -- inline text ---------------------------------------------------------------
    def inline(self, text: str, path: PathKey, **emphasis) -> tuple[Inline, ...]:
        try:
            return parse_inline(text, **emphasis)
        except MarkupProblem as exc:
            if self.source is not None:
                self.problems.append(self.source.problem(path, str(exc)))
            else:
                self.problems.append(Problem("<plan>", 0, 0, "", str(exc)))
            return (Run(text),)

    # -- items ---------------------------------------------------------------------
    def items(
        self, items: list[Item], style: str, parent_number: str, level: int, path: PathKey
    ) -> list[Block]:
        counter = Counter(style, parent_number)
        blocks: list[Block] = []
        for index, item in enumerate(items):
            label = counter.label(item.number)
            blocks += self.item(item, label, style, level, path + (index,))
        return blocks

    def item(self, item: Item, label: str, style: str, level: int, path: PathKey) -> list[Block]:
        blocks: list[Block] = []
        pieces = item.content()
        # the text before the first table is the one a run-in title, steps, times and
        # deadlines join; the rest follows the frame in its order
        first_table = next((i for i, (_s, p) in enumerate(pieces) if not isinstance(p, str)), None)
        texts = [(where, p) for where, p in pieces[:first_table] if isinstance(p, str)]
        prefix = (Run(label + " "),) if label else ()
        bold, italic = _TITLE_EMPHASIS.get(level, (False, True))
        if style in ("dash", "plus"):
            bold, italic = False, True
        paragraphs: list[tuple[Inline, ...]] = []
        if item.title:
            title = item.title.upper() if level == 1 else item.title
            # «3.1. ***Thủ tục khen thưởng:*** …»: emphasis the author marked wins over the
            # level's.
            own = {} if _MARKED.search(title) else {"bold": bold, "italic": italic}
            if item.run_in:
                head = title if title.rstrip("*").endswith(":") else title + ":"
                where, first = texts.pop(0) if texts else ((), "")
                runs = prefix + self.inline(head, path + ("title",), **own)
                if first:
                    runs += (Run(" "),) + self.inline(first, path + where)
                paragraphs.append(runs)
            else:
                heading = self.inline(title, path + ("title",), **own)
                runs = merge_runs(_emphasise(prefix, bold, italic) + list(heading))
                blocks.append(Paragraph(runs, role="heading", level=level))
        elif texts:
            where, first = texts.pop(0)
            paragraphs.append(prefix + self.inline(first, path + where))
        elif prefix and (item.steps or item.time):
            paragraphs.append(prefix)
        paragraphs += [self.inline(t, path + where) for where, t in texts]
        if item.steps:
            steps = self.steps(item.steps, path + ("steps",))
            if paragraphs:
                paragraphs[-1] = paragraphs[-1] + steps
            else:
                paragraphs.append(steps)
        due = _due_sentence(item)
        if due and paragraphs:
            paragraphs[-1] = _ending_with(paragraphs[-1], due)
        elif due:
            paragraphs.append(prefix + (Run(due[:1].upper() + due[1:] + "."),))
        if item.time:
            note = (
                Run(" ("),
                Run(f"{item.time.label}: {timeline_phrase(item.time)}", italic=True),
                Run(")."),
            )
            if paragraphs:
                paragraphs[-1] = paragraphs[-1] + note
            else:
                paragraphs.append(note[1:-1] + (Run(")"),))
        blocks += [Paragraph(merge_runs(runs)) for runs in paragraphs]
        if item.frame:
            blocks.append(
                Frame(
                    tuple(
                        self.inline(line, path + ("frame", i)) for i, line in enumerate(item.frame)
                    )
                )
            )
        if first_table is not None:
            blocks += self.pieces(pieces[first_table:], path)
        if item.items:
            child = item.numbering or child_style(style)
            blocks += self.items(item.items, child, label, level + 1, path + ("items",))
        blocks += [Paragraph(self.inline(t, path + ("after",))) for t in item.closing_paragraphs()]
        return blocks

    def steps(self, steps: list[str], path: PathKey) -> tuple[Inline, ...]:
        """A ceremony programme: ⁽¹⁾ …; ⁽²⁾ …; the numbers can never skip."""
        runs: list[Inline] = []
        for index, step in enumerate(steps, start=1):
            runs.append(Run(" " if index == 1 else "; "))
            runs.append(Run(f"({index})", superscript=True))
            runs.append(Run(" "))
            runs += self.inline(step.rstrip(";."), path + (index - 1,))
        runs.append(Run("."))
        return tuple(runs)

    def pieces(
        self, pieces: list[Piece], path: PathKey, orientation: str = "portrait"
    ) -> list[Block]:
        """Paragraphs and tables in their order (`blocks:`, or `text:` then `table:`)."""
        blocks: list[Block] = []
        for where, piece in pieces:
            if isinstance(piece, str):
                blocks.append(Paragraph(self.inline(piece, path + where)))
            else:
                blocks += self.table(piece, path + where, orientation)
        return blocks

    def table(self, table: TableModel, path: PathKey, orientation: str) -> list[Block]:
        """The table, under its caption when it has one (bold unless the author marked it)."""
        blocks: list[Block] = []
        if table.caption:
            own = {} if _MARKED.search(table.caption) else {"bold": True}
            caption = self.inline(table.caption, path + ("caption",), **own)
            blocks.append(Paragraph(caption, role="caption"))
        blocks.append(table_node(table, path, self.inline))
        wide = too_wide(table, orientation)
        if wide and self.source is not None:
            self.problems.append(self.source.problem(path + ("columns",), wide))
        return blocks

    # -- fixed parts -----------------------------------------------------------------
    def header(self) -> Header:
        issuer = self.plan.issuer
        number = padded(issuer.number) if issuer.number else DRAFT_BLANK
        date = issuer.date
        return Header(
            parent_lines=tuple(issuer.parent.split("\n")) if issuer.parent else (),
            body_lines=tuple(issuer.name.split("\n")),
            number_line=f"Số: {number}/{issuer.symbol}",
            place_date=f"{issuer.place}, {issue_date_text(date.day, date.month, date.year)}",
        )

    def preamble(self) -> list[Block]:
        preamble = self.plan.preamble
        blocks: list[Block] = []
        count = len(preamble.bases)
        sentences = [
            _basis_sentence(basis, preamble.verb).rstrip(";.,") for basis in preamble.bases
        ]
        if preamble.run_in and sentences:
            # «Thực hiện …; Thực hiện …, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:»
            runs: tuple[Inline, ...] = ()
            for index, sentence in enumerate(sentences):
                mark = "; " if index < count - 1 else (", " if preamble.text else ".")
                runs += self.inline(sentence + mark, ("preamble", "bases", index))
            texts = preamble.paragraphs()
            if texts:
                runs += self.inline(texts[0], ("preamble", "text"))
            return [
                Paragraph(merge_runs(runs)),
                *(Paragraph(self.inline(t, ("preamble", "text"))) for t in texts[1:]),
            ]
        for index, text in enumerate(sentences):
            end = preamble.last_mark if index == count - 1 else ";"
            runs = self.inline(text + end, ("preamble", "bases", index), italic=True)
            blocks.append(Paragraph(runs, role="basis"))
        blocks += [Paragraph(self.inline(t, ("preamble", "text"))) for t in preamble.paragraphs()]
        return blocks

    def closing(self) -> Closing:
        plan = self.plan
        lines = []
        for recipient in plan.recipients:
            if recipient.items:  # «- Các sở, ban, ngành tỉnh:» then «+ Sở Tài chính;» …
                lines.append(_recipient_line(recipient, ":"))
                lines += [f"+ {item};" for item in recipient.items]
            else:
                lines.append(_recipient_line(recipient, ";"))
        filing = ", ".join(plan.filing.units) + "."
        if plan.filing.drafter:
            filing += f" {plan.filing.drafter}."
        if plan.filing.copies:
            filing = (
                filing[:-1] + f".({plan.filing.copies})."
                if plan.filing.drafter
                else filing + f" ({plan.filing.copies})."
            )
        lines.append(f"- Lưu: {filing}")
        signature = plan.signature
        name = f"{signature.rank} {signature.name}" if signature.rank else signature.name
        lists = tuple(
            (
                group.label + ":",
                tuple(
                    _recipient_line(r, "." if index == len(group.items) - 1 else ";")
                    for index, r in enumerate(group.items)
                ),
            )
            for group in plan.after_filing
        )
        return Closing(tuple(lines), tuple(signature.titles), signature.post, name, lists)

    def appendices(self) -> list[Part]:
        plan = self.plan
        parts = []
        many = len(plan.appendices) > 1
        for index, appendix in enumerate(plan.appendices):
            path: PathKey = ("appendices", index)
            label = f"Phụ lục {roman(index + 1)}" if many else "Phụ lục"
            blocks = self.pieces(appendix.content(), path, appendix.orientation)
            blocks += self.items(appendix.items, appendix.numbering, "", 1, path + ("items",))
            parts.append(
                Part(
                    label,
                    appendix.title.upper() if appendix.title else None,
                    self.attached_line(path),
                    tuple(blocks),
                    landscape=appendix.orientation == "landscape",
                )
            )
        return parts

    def attached_line(self, path: PathKey) -> str:
        issuer = self.plan.issuer
        if not issuer.short_name and self.source is not None:
            self.problems.append(
                self.source.problem(
                    ("issuer",),
                    _(
                        "a plan with appendices needs 'short_name' (e.g. 'UBND tỉnh Cao Bằng') "
                        "for the 'Kèm theo Kế hoạch số …' line"
                    ),
                    key=True,
                )
            )
        number = padded(issuer.number) if issuer.number else DRAFT_BLANK
        date = issuer.date
        return (
            f"(Kèm theo {self.plan.document_name} số {number}/{issuer.symbol} "
            f"{issue_date_text(date.day, date.month, date.year)} "
            f"của {issuer.short_name or issuer.name})"
        )


def build_document(plan: Plan, source: Source | None = None) -> Document:
    """Build the tree; raise PlanError for text that cannot be laid out (bad markup)."""
    builder = _Builder(plan, source)
    body: list[Block] = builder.preamble()
    body += builder.items(plan.sections, plan.numbering, "", 1, ("sections",))
    if plan.closing:
        body.append(Paragraph(builder.inline(plan.closing, ("closing",))))
    body = _with_end_mark(body)
    document = Document(
        header=builder.header(),
        title=Title(plan.document_name.upper(), builder.inline(plan.subject, ("subject",))),
        body=tuple(body),
        closing=builder.closing(),
        appendices=tuple(builder.appendices()),
        date=issued_from(plan) or UNDATED,
        author=plan.issuer.name.replace("\n", " "),
        addressees=_addressees(plan.addressees),
    )
    if builder.problems:
        raise PlanError(builder.problems)
    return document


def _addressees(names: list[str]) -> Addressees | None:
    """ô 9a: one name on the line of «Kính gửi:»; several, one «- …;» line each, the last
    ending with «.» (PL1 II.9.b)."""
    if not names:
        return None
    if len(names) == 1:
        return Addressees(ADDRESSEES.text, (names[0] + ".",))
    last = len(names) - 1
    return Addressees(
        ADDRESSEES.text,
        tuple(f"- {name}{'.' if index == last else ';'}" for index, name in enumerate(names)),
    )


def _basis_sentence(basis: LegalBasis, default_verb: str) -> str:
    verb = basis.verb or default_verb
    if basis.text:
        # Free text is printed as written when it already begins a sentence ("Căn cứ …",
        # "Thực hiện …"); otherwise the verb is put before it.
        written_whole = basis.text.startswith(verb) or (
            basis.verb is None and basis.text[:1].isupper()
        )
        return basis.text if written_whole else f"{verb} {basis.text}"
    words = [verb, basis.type or ""]
    # Laws are cited by name and full date ("Luật … ngày 19 tháng 6 năm 2015", PL1 II.6.a);
    # other documents by number and short date ("Quyết định số 521/QĐ-TTg ngày 13/6/2005").
    is_law = (basis.type or "").startswith(_LEGAL_TYPES_WITHOUT_NUMBER)
    if basis.number and not is_law:
        words.append(f"số {basis.number}")
    if basis.date:
        date = basis.date
        long_form = basis.date_form == "long" if basis.date_form else is_law
        words.append(
            issue_date_text(date.day, date.month, date.year)
            if long_form
            else f"ngày {short_date(date)}"
        )
    if basis.issuer:
        words.append(f"của {basis.issuer}")
    if basis.subject:
        words.append(basis.subject)
    return " ".join(w for w in words if w)


def _recipient_line(recipient: Recipient, end: str) -> str:
    """«- Cục V05 - BCA (để b/cáo);»"""
    note = f" ({recipient.note})" if recipient.note else ""
    return f"- {recipient.name}{note}{end}"


_MARKED = re.compile(r"(?<!\\)\*")  # a «*» that is markup, not an escaped star


def _due_sentence(item: Item) -> str:
    """«báo cáo kết quả về Công an tỉnh trước ngày 15/11/2026» from `report_to:` and
    `deadline:`, unless the item's own words already say when or to whom (as the seeds do)."""
    if not item.deadline and not item.report_to:
        return ""
    written = " ".join(item.paragraphs() + list(item.steps or []))
    if item.deadline and re.search(
        rf"(?<!\d)0?{item.deadline.day}/0?{item.deadline.month}"
        rf"(?!\d)",
        written,
    ):
        return ""
    if item.report_to and item.report_to.casefold() in written.casefold():
        return ""
    words = [f"báo cáo kết quả về {item.report_to}" if item.report_to else "hoàn thành"]
    if isinstance(item.deadline, YearlyDay):
        words.append(f"trước {yearly_phrase(item.deadline.day, item.deadline.month)}")
    elif item.deadline:
        words.append(f"trước ngày {short_date(item.deadline)}")
    return " ".join(words)


def _ending_with(runs: tuple[Inline, ...], sentence: str) -> tuple[Inline, ...]:
    """The paragraph with «; sentence.» in place of its final full stop."""
    last = runs[-1] if runs else None
    if isinstance(last, Run):
        text = last.text.rstrip()
        text = text[:-1] if text.endswith((".", ";")) else text
        return runs[:-1] + (
            replace(last, text=text),
            Run(f"; {sentence}."),
        )
    return runs + (Run(f"; {sentence}."),)


def _emphasise(runs: tuple[Inline, ...], bold: bool, italic: bool) -> list[Inline]:
    return [replace(r, bold=bold, italic=italic) if isinstance(r, Run) else r for r in runs]


def _with_end_mark(blocks: list[Block]) -> list[Block]:
    """End the body with './.' (every model of Phụ lục III does)."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Paragraph) and block.role != "caption":
            runs = list(block.runs)
            found = next(
                ((i, r) for i, r in reversed(list(enumerate(runs))) if isinstance(r, Run)), None
            )
            if found is None:
                return blocks
            last_run, run = found
            text = run.text.rstrip()
            if not text.endswith(END_MARK):
                text = text.rstrip(_SENTENCE_END) + END_MARK
            runs[last_run] = replace(run, text=text)
            blocks[index] = Paragraph(tuple(runs), block.role, block.level)
            return blocks
    return blocks
