"""The plan format. Field descriptions here are what an editor shows on hover (JSON Schema).

Where a clerk would naturally write a bare string (a paragraph, a recipient, a legal basis)
the model accepts it and expands it into the full object.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..nd30 import ABBREVIATIONS, AUTHORITY_PREFIXES
from .base import Strict
from .shorthand import DAY_SCHEMA, expand
from .table import Column, Table
from .timeline import Timeline, YearlyDay, parse_day
from ..i18n import N_, _

__all__ = [
    "Plan",
    "Issuer",
    "IssueDate",
    "Preamble",
    "LegalBasis",
    "Item",
    "Table",
    "Column",
    "Recipient",
    "Filing",
    "Signature",
    "Appendix",
    "Window",
    "DOCUMENT_TYPES",
    "AUTHORITY_PREFIXES",
]

#: The document types antq lays out as Mẫu 1.4, by their abbreviation (Phụ lục III, Mục I).
DOCUMENT_TYPES: dict[str, str] = {
    abbreviation: ABBREVIATIONS[abbreviation]
    for abbreviation in ("KH", "BC", "HD", "CTr", "PA", "ĐA", "TB", "CT")
}
_WRONG_PREFIX = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ|Q)(?=\s)")

ListStyle = Literal["roman", "arabic", "dotted", "letter", "dash", "plus", "none"]


Day = Annotated[dt.date, BeforeValidator(parse_day), WithJsonSchema(DAY_SCHEMA)]
# A day, or a day of every year: only the shape written is tried, so that a mistake in one
# is not also reported as a mistake in the other. Tags start with "~": messages drop them.
Deadline = Annotated[
    Annotated[Day, Tag("~day")] | Annotated[YearlyDay, Tag("~yearly")],
    Discriminator(lambda v: "~yearly" if isinstance(v, dict | YearlyDay) else "~day"),
]
_ISSUE_DATE_SCHEMA = {
    "anyOf": [
        *DAY_SCHEMA["anyOf"],
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["year"],
            "properties": {
                "day": {"type": "integer", "minimum": 1, "maximum": 31},
                "month": {"type": "integer", "minimum": 1, "maximum": 12},
                "year": {"type": "integer", "minimum": 1945, "maximum": 2200},
            },
        },
    ],
    "description": N_(
        "Date of issue: 04/4/2022 or 2022-04-04; a draft: {month: 4, year: "
        "2024}, or {year: 2026} with the month blank too."
    ),
}


class IssueDate(Strict):
    """Date of issue. A draft leaves the day out: `{month: 4, year: 2024}`."""

    day: int | None = Field(None, ge=1, le=31, description=N_("Day; leave out in a draft."))
    month: int | None = Field(
        None, ge=1, le=12, description=N_("Month; a draft may leave it out too.")
    )
    year: int = Field(ge=1945, le=2200, description=N_("Year."))

    @model_validator(mode="before")
    @classmethod
    def _from_date(cls, value: Any) -> Any:
        value = parse_day(value)
        if isinstance(value, dt.date):
            return {"day": value.day, "month": value.month, "year": value.year}
        return value

    @model_validator(mode="after")
    def _exists(self) -> IssueDate:
        if self.day is not None and self.month is None:
            raise ValueError(_("a day needs its month: {day: 5, month: 3, year: 2026}"))
        if self.day is not None:
            parse_day(f"{self.day}/{self.month}/{self.year}")
        return self

    @property
    def is_draft(self) -> bool:
        return self.day is None

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


class Issuer(Strict):
    """Who issues the plan: the header's left column, the number and the place and date."""

    parent: str | None = Field(
        None,
        description=N_(
            "Cơ quan chủ quản, as printed (e.g. 'UBND TỈNH CAO BẰNG'); leave out if none."
        ),
    )
    name: str = Field(
        min_length=1,
        description=N_(
            "Cơ quan ban hành, as printed, in capitals "
            "(e.g. 'BAN CHỈ ĐẠO 138'); a line break may be written as \\n."
        ),
    )
    symbol: str = Field(
        min_length=1,
        description=N_(
            "Ký hiệu after the '/', e.g. 'KH-UBND', "
            "'KH-BCĐ', "
            "'BCĐ-CAT-PV05'. Groups joined by '-' with no spaces."
        ),
    )
    number: int | None = Field(
        None,
        ge=1,
        description=N_(
            "Số; leave out in a draft (printed as a blank to be filled in by the văn thư)."
        ),
    )
    place: str = Field(min_length=1, description=N_("Địa danh, e.g. 'Cao Bằng'."))
    date: Annotated[IssueDate, WithJsonSchema(_ISSUE_DATE_SCHEMA)] = Field(
        description=N_("Date of issue: 04/4/2022 or 2022-04-04; a draft: {month: 4, year: 2024}.")
    )
    short_name: str | None = Field(
        None,
        description=N_(
            "How the body names itself in the "
            "'Kèm theo' line of appendices, e.g. 'UBND tỉnh Cao Bằng'."
        ),
    )

    @field_validator("symbol")
    @classmethod
    def _symbol(cls, value: str) -> str:
        if re.search(r"\s", value):
            joined = re.sub(r"\s+", "", value)
            raise ValueError(
                _("write the ký hiệu without spaces: '{joined}' (Nghị định 30, PL1 II.3.c)").format(
                    joined=joined
                )
            )
        if value.startswith("/"):
            raise ValueError(_("write the ký hiệu without the leading '/'"))
        return value

    @field_validator("name", "parent")
    @classmethod
    def _capitals(cls, value: str | None) -> str | None:
        if value is not None and value != value.upper():
            raise ValueError(
                _("body names are printed in capitals: '{upper}'").format(upper=value.upper())
            )
        return value


class LegalBasis(Strict):
    """A document the plan rests on, written as 'Căn cứ Quyết định số … ngày … của … về …'."""

    verb: str | None = Field(
        None, description=N_("'Căn cứ' or 'Thực hiện'; defaults to the preamble's verb.")
    )
    type: str | None = Field(
        None, description=N_("Document type: Luật, Nghị định, Quyết định, Kế hoạch, Công văn, …")
    )
    number: str | None = Field(None, description=N_("Số and ký hiệu, e.g. '521/QĐ-TTg'."))
    date: Day | None = Field(None, description=N_("Date of the document."))
    date_form: Literal["long", "short"] | None = Field(
        None,
        description=N_(
            "How its date is printed: long ('ngày 19 tháng 6 năm 2015', for laws by default) or "
            "short ('ngày 15/6/2022', for the others by default)."
        ),
    )
    issuer: str | None = Field(None, description=N_("Who issued it, e.g. 'Thủ tướng Chính phủ'."))
    subject: str | None = Field(None, description=N_("What it is about, starting with 'về …'."))
    text: str | None = Field(None, description=N_("The whole basis in your own words instead."))

    @model_validator(mode="after")
    def _enough(self) -> LegalBasis:
        if not self.text and not self.type:
            raise ValueError(
                _(
                    "give the document 'type' (and number, date, issuer, "
                    "subject) or write the basis as 'text'"
                )
            )
        return self


class Preamble(Strict):
    """The opening: legal bases, one per line, then the sentence that introduces the plan."""

    verb: str = Field("Căn cứ", description=N_("Default verb of each basis."))
    bases: list[Annotated[LegalBasis, expand("text", "LegalBasis")]] = Field(
        default_factory=list, description=N_("Legal bases, in order.")
    )
    text: str | list[str] | None = Field(
        None,
        description=N_(
            "The sentence after the bases, e.g. 'Ủy ban nhân dân tỉnh ban hành Kế hoạch … như "
            "sau:'; a list for several paragraphs."
        ),
    )
    run_in: bool = Field(
        False,
        description=N_(
            "Print the bases and the sentence after them as one paragraph: 'Thực hiện …; Thực "
            "hiện …, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:'."
        ),
    )
    last_mark: Literal[".", ";"] = Field(
        ".", description=N_("The mark after the last basis when each has its own line: '.' or ';'.")
    )

    def paragraphs(self) -> list[str]:
        return _paragraphs(self.text)


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

    def paragraphs(self) -> list[str]:
        return _paragraphs(self.text)

    def closing_paragraphs(self) -> list[str]:
        return _paragraphs(self.after)

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


def _paragraphs(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Recipient(Strict):
    """A line of Nơi nhận."""

    name: str = Field(min_length=1, description=N_("As printed, e.g. 'Bộ Công an'."))
    note: str | None = Field(None, description=N_("Purpose, printed in brackets: 'để b/cáo'."))
    covers: list[str] = Field(
        default_factory=list,
        description=N_(
            "Units given work in the plan "
            "that this line reaches (e.g. 'Các sở, ban, ngành tỉnh' covers "
            "'Sở Tài chính')."
        ),
    )
    items: list[str] = Field(
        default_factory=list,
        description=N_("Lines under this one, each printed '+ …;' (this line then ends with ':')."),
    )

    @field_validator("items")
    @classmethod
    def _sub_items(cls, items: list[str]) -> list[str]:
        return [cls._bare(" ".join(item.split())) for item in items]

    @field_validator("name", "note")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        """Each recipient is one line of the list: a line break would start a line without
        its dash."""
        return " ".join(value.split()) if value is not None else None

    @field_validator("name")
    @classmethod
    def _bare(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("-"):
            raise ValueError(_("leave out the leading '-': antq writes it"))
        if value.endswith((";", ",", ".")):
            raise ValueError(_("leave out the final punctuation: antq writes ';' and '.'"))
        return value


class RecipientList(Strict):
    """A list printed after «- Lưu: …» with its own name, as Bắc Giang's «Bản điện tử:»."""

    label: str = Field(
        min_length=1, description=N_("Its name, printed like «Nơi nhận:»: 'Bản điện tử'.")
    )
    items: list[Annotated[Recipient, expand("name", "Recipient")]] = Field(
        min_length=1, description=N_("Its lines, each '- …;', the last '- ….'.")
    )

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        return " ".join(value.split()).rstrip(":")


class Filing(Strict):
    """The last line of Nơi nhận: '- Lưu: VT, NC.'"""

    units: list[str] = Field(
        default_factory=lambda: ["VT"],
        description=N_("Văn thư and the drafting unit, e.g. [VT, NC]."),
    )
    drafter: str | None = Field(None, description=N_("Drafter's initials (ô 12)."))
    copies: int | None = Field(None, ge=1, description=N_("Number of copies issued (ô 12)."))

    @field_validator("units")
    @classmethod
    def _one_line(cls, units: list[str]) -> list[str]:
        """The Lưu line is one line: a line break in a unit would cut it."""
        return [" ".join(unit.split()) for unit in units]


class Signature(Strict):
    """The signature block (ô 7a–7c)."""

    titles: list[str] = Field(
        min_length=1,
        description=N_(
            "Authority and title lines, in capitals: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN THỨ NHẤT']."
        ),
    )
    post: str | None = Field(
        None,
        description=N_(
            "The signer's post in the parent body (ô 7b), e.g. 'GIÁM ĐỐC CÔNG AN TỈNH'."
        ),
    )
    rank: str | None = Field(
        None, description=N_("Rank before the name (armed forces, police): 'Đại tá'.")
    )
    name: str = Field(description=N_("Full name: 'Vũ Hồng Quang'."))

    @field_validator("titles")
    @classmethod
    def _titles(cls, lines: list[str]) -> list[str]:
        for line in lines:
            wrong = _WRONG_PREFIX.match(line)
            if wrong:
                right = wrong[1].replace("/", "") + "."
                raise ValueError(
                    _(
                        "write '{right}' with a period, not '{wrong}' (Nghị định 30, PL1 II.7.b)"
                    ).format(right=right, wrong=wrong[1])
                )
            if line != line.upper():
                raise ValueError(
                    _("signature titles are printed in capitals: '{upper}'").format(
                        upper=line.upper()
                    )
                )
        return lines

    @field_validator("post")
    @classmethod
    def _post(cls, value: str | None) -> str | None:
        if value is not None and value != value.upper():
            raise ValueError(
                _("the post is printed in capitals: '{upper}'").format(upper=value.upper())
            )
        return value


class Appendix(Strict):
    """A phụ lục, on its own page with its own page numbers."""

    title: str | None = Field(
        None,
        description=N_("Printed in capitals under 'Phụ lục'; \\n breaks a long one into lines."),
    )
    text: str | list[str] | None = Field(None, description=N_("Paragraph(s) of the appendix."))
    table: Table | None = Field(None, description=N_("A table, often the whole appendix."))
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

    def paragraphs(self) -> list[str]:
        return _paragraphs(self.text)


class Window(Strict):
    """The period the plan covers, from its first activity to its last report."""

    start: Day = Field(alias="from", description=N_("First day."))
    end: Day = Field(alias="to", description=N_("Last day (reports may fall a little after)."))

    @model_validator(mode="after")
    def _order(self) -> Window:
        if self.end < self.start:
            raise ValueError(_("the window ends before it starts; swap 'from' and 'to'"))
        return self


class Plan(Strict):
    """A Kế hoạch (or another Mẫu 1.4 document) in the antq plan format."""

    issuer: Issuer = Field(description=N_("The issuing body, number, place and date (ô 1–4)."))
    type: Literal[tuple(DOCUMENT_TYPES)] = Field(  # type: ignore[valid-type]
        "KH", description=N_("Document type abbreviation (Phụ lục III): KH for Kế hoạch.")
    )
    subject: str = Field(
        min_length=1,
        description=N_(
            "Trích yếu, the subject under the title; "
            "\\n breaks a long one into lines (its rule follows the longest)."
        ),
    )
    window: Window | None = Field(
        None,
        description=N_(
            "The period the plan covers; `antq validate --strict` checks times and deadlines "
            "against it."
        ),
    )
    vars: dict[str, str | int | float | bool | dt.date] = Field(
        default_factory=dict, description=N_("Values for {{ name }} in the text.")
    )
    preamble: Preamble = Field(
        default_factory=Preamble,
        description=N_("The legal bases (Căn cứ …, Thực hiện …) and the sentence after them."),
    )
    numbering: ListStyle = Field("roman", description=N_("Numbering of the sections."))
    sections: list[Annotated[Item, expand("text", "Item")]] = Field(
        min_length=1, description=N_("The body: sections I, II, … each with its points.")
    )
    closing: str | None = Field(
        None, description=N_("The last paragraph ('Trên đây là …'); antq ends the body with './.'.")
    )
    recipients: list[Annotated[Recipient, expand("name", "Recipient")]] = Field(
        min_length=1, description=N_("Nơi nhận: one line per recipient (ô 9b).")
    )
    filing: Filing = Field(
        default_factory=Filing, description=N_("Lưu: the archive and the drafting unit (ô 9b).")
    )
    after_filing: list[RecipientList] = Field(
        default_factory=list,
        description=N_(
            "Lists printed after «- Lưu: …», each with its name: [{label: Bản điện tử, items: "
            "[…]}]."
        ),
    )
    signature: Signature = Field(description=N_("Who signs, and with what authority (ô 7)."))
    appendices: list[Appendix] = Field(
        default_factory=list, description=N_("Appendices, each on a new page.")
    )

    @property
    def document_name(self) -> str:
        return DOCUMENT_TYPES[self.type]
