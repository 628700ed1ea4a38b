"""An organisation profile (org.yaml): what stays the same from one plan to the next."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .plan import Filing, IssueDate, Issuer, Recipient, Signature, _Strict
from .shorthand import expand

__all__ = ["Org", "OrgIssuer", "PLAN_LAYER_KEYS"]

#: The keys a profile gives every plan that names it (the rest feed the kind templates).
PLAN_LAYER_KEYS = ("issuer", "signature", "recipients", "filing")


class OrgIssuer(Issuer):
    """The issuer without what changes per plan (number, date)."""

    date: IssueDate | None = None  # type: ignore[assignment]


class Org(_Strict):
    """Parent and issuing body, place, symbol, signatory, standing agency, recipients."""

    issuer: OrgIssuer
    level: Literal["tỉnh", "xã"] = Field("tỉnh", description="tỉnh (province) or xã (commune, "
                                        "ward): decides whom the plans assign work to.")
    province: str = Field(description="The province, as in the current list of 34: "
                          "'Cao Bằng', 'Thành phố Hà Nội'.")
    commune: str | None = Field(None, description="For a commune's profile: the xã/phường, "
                                "e.g. 'Phường Thục Phán'.")
    body: Literal["ubnd", "bcd"] = Field("ubnd", description="ubnd: the People's Committee "
                                         "issues; bcd: its Ban Chỉ đạo does.")
    standing_agency: str = Field(description="Cơ quan thường trực: 'Công an tỉnh', "
                                 "'Công an xã'.")
    signature: Signature
    recipients: list[Annotated[Recipient, expand("name", "Recipient")]] = Field(
        default_factory=list, description="Standing recipients (a plan appends with "
        "'recipients+:').")
    filing: Filing = Field(default_factory=Filing)
