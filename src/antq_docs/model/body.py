"""Items (the numbered parts of the body, at any depth) and appendices, with their content:
paragraphs and tables in the order printed.

A clerk writes `text:` and `table:` (paragraphs, then one table), or `blocks:` when the order
needs more: text, a table «Biểu 01 …», text, a table «Biểu 02 …».
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..i18n import N_, _
from .base import Strict
from .fields import Deadline, ListStyle, paragraph_list
from .shorthand import expand
from .table import Table
from .timeline import Timeline

__all__ = ["Block", "Item", "Appendix", "Piece"]

#: `ref:` — a plan item's place: «III», «III.2», «III.2.1», «III.2.a».
_REF = re.compile(r"[IVXLC]+(?:\.(?:\d+|[a-zđ]))*")

#: One piece of content with its path from the item or appendix: a paragraph or a table.
Piece = tuple[tuple[str | int, ...], str | Table]

_BLOCKS = N_(
    "The content in the order printed, instead of 'text' and 'table': paragraphs ('- …') "
    "and tables ('- table: {caption: Biểu 01 …, columns: […], rows: […]}'), e.g. several "
    "captioned tables with text between them."
)


class Block(Strict):
    """One block of `blocks:`: a paragraph (a bare string), paragraphs, or a table."""

    text: str | list[str] | None = Field(
        None,
        description=N_(
            "Paragraph(s); a bare string is one paragraph. Inline: **bold**, *italic*, "
            "^[footnote text]."
        ),
    )
    table: Table | None = Field(
        None, description=N_("A table, with its caption («Biểu 01 …») if it has one.")
    )

    @model_validator(mode="before")
    @classmethod
    def _colon(cls, value: Any) -> Any:
        # «- Kết quả như sau:» unquoted is a key with no value to YAML, not a paragraph
        if isinstance(value, dict) and len(value) == 1:
            ((key, inner),) = value.items()
            if inner is None and key not in cls.model_fields:
                raise ValueError(
                    _(
                        "a paragraph ending with ':' must be put in quotes, or YAML reads it "
                        'as a key: - "{text}:"'
                    ).format(text=key)
                )
        return value

    @model_validator(mode="after")
    def _one(self) -> Block:
        if self.text is None and self.table is None:
            raise ValueError(
                _(
                    "a block is a paragraph ('- …') or a table "
                    "('- table: {columns: […], rows: […]}')"
                )
            )
        if self.text is not None and self.table is not None:
            raise ValueError(
                _("a block holds 'text' or 'table', not both: write them as two blocks, in order")
            )
        return self


def _blocks_alone(blocks: list[Block] | None, info: ValidationInfo) -> list[Block] | None:
    """`blocks:` replaces `text:` and `table:`; with either, the order would be a guess."""
    written = [key for key in ("text", "table") if info.data.get(key) is not None]
    if blocks is not None and written:
        keys = _(" and ").join(f"'{key}'" for key in written)
        raise ValueError(
            _(
                "write the content as 'blocks' or as {keys}, not both: keep 'blocks' and move "
                "{keys} into it where it is printed ('- …' for a paragraph, '- table: …' for a "
                "table)"
            ).format(keys=keys)
        )
    return blocks


def content_of(
    text: str | list[str] | None, table: Table | None, blocks: list[Block] | None
) -> list[Piece]:
    """Paragraphs and tables in the order printed, each with its path (for messages)."""
    if blocks is None:
        pieces: list[Piece] = [(("text",), paragraph) for paragraph in paragraph_list(text)]
        return pieces + ([(("table",), table)] if table is not None else [])
    out: list[Piece] = []
    for index, block in enumerate(blocks):
        if block.table is not None:
            out.append((("blocks", index, "table"), block.table))
        elif isinstance(block.text, list):
            out += [(("blocks", index, "text", i), p) for i, p in enumerate(block.text)]
        elif block.text is not None:
            out.append((("blocks", index, "text"), block.text))
    return out


class Item(Strict):
    """One numbered part of the plan, at any depth: heading, paragraphs, children."""

    number: str | None = Field(
        None,
        description=N_(
            "Print this number instead of the automatic one (the following items continue from it)."
        ),
    )
    title: str | None = Field(
        None,
        description=N_(
            "Heading. Level 1 is printed in capitals. "
            "With 'unit', null means: no heading, the text names the unit."
        ),
    )
    run_in: bool = Field(
        False,
        description=N_(
            "Print the title at the start of the first "
            "paragraph ('2. Sở Tài chính: Chủ trì …') instead of on its own line."
        ),
    )
    text: str | list[str] | None = Field(
        None, description=N_("Paragraph(s). Inline: **bold**, *italic*, ^[footnote text].")
    )
    steps: list[str] | None = Field(
        None,
        description=N_(
            "A programme written in one paragraph and numbered ⁽¹⁾ ⁽²⁾ … automatically."
        ),
    )
    frame: list[str] | None = Field(
        None,
        description=N_(
            "Lines set centred in a framed box (e.g. the backdrop title of the Ngày hội)."
        ),
    )
    table: Table | None = Field(None, description=N_("A table printed after the text."))
    blocks: list[Annotated[Block, expand("text", "Block")]] | None = Field(
        None, description=_BLOCKS
    )
    time: Annotated[Timeline, expand("at", "Timeline")] | None = Field(
        None, description=N_("When: printed as (Thời gian thực hiện: …) after the text.")
    )
    unit: str | None = Field(
        None,
        description=N_(
            "The unit given this work (its title "
            "defaults to the unit's name). Checked against Nơi nhận."
        ),
    )
    role: Literal["chủ trì", "phối hợp", "đề nghị", "giao"] | None = Field(
        None,
        description=N_(
            "'đề nghị' for bodies the issuer cannot instruct (it is printed "
            "before the name); the others are recorded for checks."
        ),
    )
    deadline: Deadline | None = Field(
        None,
        description=N_("When the unit's work or report is due: a day, or {every_year: 15/11}."),
    )
    report_to: str | None = Field(None, description=N_("Whom the unit reports to."))
    ref: str | None = Field(
        None,
        description=N_(
            "In a báo cáo kết quả: the item of the plan this one reports on, by its place: "
            "'III.2' (section III, its 2nd point), 'III.2.1'."
        ),
    )
    numbering: ListStyle | None = Field(
        None,
        description=N_(
            "Numbering of the children: roman, "
            "arabic, dotted (1.1.), letter (a), dash (-), plus (+), "
            "none."
        ),
    )
    items: list[Annotated[Item, expand("text", "Item")]] = Field(
        default_factory=list, description=N_("The numbered points under this one.")
    )
    after: str | list[str] | None = Field(None, description=N_("Paragraph(s) after the children."))

    @field_validator("blocks")
    @classmethod
    def _alone(cls, blocks: list[Block] | None, info: ValidationInfo) -> list[Block] | None:
        return _blocks_alone(blocks, info)

    @field_validator("ref")
    @classmethod
    def _ref(cls, ref: str | None) -> str | None:
        if ref is not None and not _REF.fullmatch(ref):
            raise ValueError(
                _(
                    "write the plan's item as its section in Roman numerals and its places "
                    "below, joined by '.': 'III.2', 'III.2.1' (not '{ref}')"
                ).format(ref=ref)
            )
        return ref

    def content(self) -> list[Piece]:
        return content_of(self.text, self.table, self.blocks)

    def paragraphs(self) -> list[str]:
        """Every paragraph of the item's own text, tables aside."""
        return [piece for _path, piece in self.content() if isinstance(piece, str)]

    def closing_paragraphs(self) -> list[str]:
        return paragraph_list(self.after)

    @model_validator(mode="after")
    def _unit_title(self) -> Item:
        # A unit's name is the item's title unless the plan says `title: null` (the text
        # already names the unit, as in "Phòng … có trách nhiệm …").
        if self.unit and not self.title and "title" not in self.model_fields_set:
            prefix = "Đề nghị " if self.role == "đề nghị" else ""
            self.title = prefix + self.unit
        if self.run_in and not self.title:
            raise ValueError(_("'run_in' needs a 'title' (or 'unit')"))
        return self


class Appendix(Strict):
    """A phụ lục, on its own page with its own page numbers."""

    title: str | None = Field(
        None,
        description=N_("Printed in capitals under 'Phụ lục'; \\n breaks a long one into lines."),
    )
    text: str | list[str] | None = Field(None, description=N_("Paragraph(s) of the appendix."))
    table: Table | None = Field(None, description=N_("A table, often the whole appendix."))
    blocks: list[Annotated[Block, expand("text", "Block")]] | None = Field(
        None, description=_BLOCKS
    )
    numbering: ListStyle = Field("roman", description=N_("Numbering of the top-level items."))
    items: list[Annotated[Item, expand("text", "Item")]] = Field(
        default_factory=list, description=N_("The numbered points of the appendix.")
    )
    orientation: Literal["portrait", "landscape"] = Field(
        "portrait",
        description=N_(
            "'landscape' for a wide table: A4 turned, the margins turned with it, the main text "
            "staying upright."
        ),
    )

    @field_validator("blocks")
    @classmethod
    def _alone(cls, blocks: list[Block] | None, info: ValidationInfo) -> list[Block] | None:
        return _blocks_alone(blocks, info)

    def content(self) -> list[Piece]:
        return content_of(self.text, self.table, self.blocks)

    def paragraphs(self) -> list[str]:
        return [piece for _path, piece in self.content() if isinstance(piece, str)]
