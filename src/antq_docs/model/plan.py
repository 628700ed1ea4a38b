"""The plan format. Field descriptions here are what an editor shows on hover (JSON Schema).

Where a clerk would naturally write a bare string (a paragraph, a recipient, a legal basis)
the model accepts it and expands it into the full object.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from ..nd30 import ABBREVIATIONS, ADDRESSED_TYPES, AUTHORITY_PREFIXES
from .base import Strict
from .shorthand import DAY_SCHEMA, expand
from .body import Appendix, Block, Item
from .fields import Day, ListStyle, paragraph_list
from .table import Column, Table
from .timeline import parse_day
from ..i18n import N_, _

__all__ = [
    "Plan",
    "Issuer",
    "IssueDate",
    "Preamble",
    "LegalBasis",
    "Item",
    "Block",
    "Table",
    "Column",
    "Recipient",
    "Filing",
    "Signature",
    "Appendix",
    "Window",
    "Answers",
    "DOCUMENT_TYPES",
    "AUTHORITY_PREFIXES",
]

#: The document types antq lays out as Mẫu 1.4, by their abbreviation (Phụ lục III, Mục I).
DOCUMENT_TYPES: dict[str, str] = {
    abbreviation: ABBREVIATIONS[abbreviation]
    for abbreviation in ("KH", "BC", "HD", "CTr", "PA", "ĐA", "TB", "CT")
}
_WRONG_PREFIX = re.compile(r"^(T/M|K/T|T/L|TM|KT|TL|TUQ|Q)(?=\s)")

_ISSUE_DATE_SCHEMA = {
    "anyOf": [
        *DAY_SCHEMA["anyOf"],
        {
            "type": "object",
            "additionalProperties": False,
            "dependentRequired": {"day": ["year"], "month": ["year"]},
            "properties": {
                "day": {"type": "integer", "minimum": 1, "maximum": 31},
                "month": {"type": "integer", "minimum": 1, "maximum": 12},
                "year": {"type": "integer", "minimum": 1945, "maximum": 2200},
            },
        },
    ],
    "description": N_(
        "Date of issue: 04/4/2022 or 2022-04-04; a draft: {month: 4, year: "
        "2024}, or {year: 2026} with the month blank too, or {} with the year blank as well."
    ),
}


class IssueDate(Strict):
    """Date of issue. A draft leaves the day out: `{month: 4, year: 2024}`; `{}` the year too."""

    day: int | None = Field(None, ge=1, le=31, description=N_("Day; leave out in a draft."))
    month: int | None = Field(
        None, ge=1, le=12, description=N_("Month; a draft may leave it out too.")
    )
    year: int | None = Field(
        None,
        ge=1945,
        le=2200,
        description=N_("Year; a draft may leave it out when the day and the month are blank."),
    )

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
        if self.year is None and (self.day is not None or self.month is not None):
            # «ngày 05 tháng 4 năm 20…» is no date a văn thư can complete: the year comes first
            raise ValueError(
                _(
                    "a date with a day or a month needs its year: {month: 4, year: 2026}; "
                    "leave the day and the month out too for «ngày … tháng … năm 20…»"
                )
            )
        if self.day is not None:
            parse_day(f"{self.day}/{self.month}/{self.year}")
        return self

    @property
    def is_draft(self) -> bool:
        return self.day is None

    def earliest(self, year: int | None = None) -> dt.date | None:
        """The first day the plan may be dated; a blank year is `year` (from the plan's
        window or vars), and None when that is unknown too."""
        year = self.year or year
        if year is None:
            return None
        return dt.date(year, self.month or 1, self.day or 1)


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
        description=N_(
            "Date of issue: 04/4/2022 or 2022-04-04; a draft: {month: 4, year: 2024}, or {} "
            "with the year blank too."
        )
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
        return paragraph_list(self.text)


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


class Window(Strict):
    """The period the plan covers, from its first activity to its last report."""

    start: Day = Field(alias="from", description=N_("First day."))
    end: Day = Field(alias="to", description=N_("Last day (reports may fall a little after)."))

    @model_validator(mode="after")
    def _order(self) -> Window:
        if self.end < self.start:
            raise ValueError(_("the window ends before it starts; swap 'from' and 'to'"))
        return self


class Answers(Strict):
    """What a báo cáo kết quả answers: the plan, and the unit whose work it reports."""

    plan: str = Field(
        min_length=1,
        description=N_(
            "The plan's YAML file, from this report's folder: 'ke-hoach.yaml', '../ke-hoach.yaml'."
        ),
    )
    unit: str = Field(
        min_length=1,
        description=N_("The reporting unit, as the plan names it in 'unit:': 'Sở Tài chính'."),
    )


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
    addressees: list[str] = Field(
        default_factory=list,
        description=N_(
            "Kính gửi (ô 9a), for a báo cáo sent up: one name printed on the line of «Kính "
            "gửi:», several as «- …;» lines under it."
        ),
    )
    answers: Answers | None = Field(
        None,
        description=N_(
            "For a báo cáo kết quả: the plan it answers and the reporting unit; `antq validate` "
            "then checks that it covers each of the unit's assignments once, by 'ref'."
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

    @field_validator("addressees")
    @classmethod
    def _addressees(cls, names: list[str], info: ValidationInfo) -> list[str]:
        kind = info.data.get("type")
        if names and kind is not None and kind not in ADDRESSED_TYPES:
            raise ValueError(
                _(
                    "a {document} has no «Kính gửi» (Nghị định 30, PL1 II.9.b): name its "
                    "recipients in 'recipients', or write 'type: BC' for a báo cáo"
                ).format(document=DOCUMENT_TYPES[kind])
            )
        return [Recipient._bare(" ".join(name.split())) for name in names]

    @property
    def document_name(self) -> str:
        return DOCUMENT_TYPES[self.type]
