"""An organisation profile (org.yaml): what stays the same from one plan to the next."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Strict
from .plan import Filing, IssueDate, Issuer, Recipient, RecipientList, Signature
from .shorthand import expand
from ..i18n import N_

__all__ = ["Org", "OrgIssuer", "PLAN_LAYER_KEYS"]

#: The keys a profile gives every plan that names it (the rest feed the kind templates).
PLAN_LAYER_KEYS = ("issuer", "signature", "recipients", "filing")


class OrgIssuer(Issuer):
    """The issuer without what changes per plan (number, date)."""

    date: IssueDate | None = Field(  # type: ignore[assignment]
        None, description=N_("Usually left out: each plan gives its own date.")
    )


class Org(Strict):
    """Parent and issuing body, place, symbol, signatory, standing agency, recipients."""

    issuer: OrgIssuer = Field(
        description=N_(
            "The issuing body, its parent, symbol and place (ô 1–4), shared by its plans."
        )
    )
    level: Literal["tỉnh", "xã"] = Field(
        "tỉnh",
        description=N_(
            "tỉnh (province) or xã (commune, ward): decides whom the plans assign work to."
        ),
    )
    province: str = Field(
        description=N_(
            "The province, as in the current list of 34: 'Cao Bằng', 'Thành phố Hà Nội'."
        )
    )
    commune: str | None = Field(
        None, description=N_("For a commune's profile: the xã/phường, e.g. 'Phường Thục Phán'.")
    )
    body: Literal["ubnd", "bcd"] = Field(
        "ubnd", description=N_("ubnd: the People's Committee issues; bcd: its Ban Chỉ đạo does.")
    )
    standing_agency: str = Field(
        description=N_("Cơ quan thường trực: 'Công an tỉnh', 'Công an xã'.")
    )
    signature: Signature = Field(description=N_("Who signs the body's plans (ô 7)."))
    recipients: list[Annotated[Recipient, expand("name", "Recipient")]] = Field(
        default_factory=list,
        description=N_("Standing recipients (a plan appends with 'recipients+:')."),
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
