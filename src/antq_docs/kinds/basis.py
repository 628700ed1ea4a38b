"""`antq new --basis`: the higher plan a draft carries out, written as a clerk cites it
(«123/KH-UBND ngày 15/3/2026 của UBND tỉnh Cao Bằng»), read into the plan's own basis
fields so that antq prints it in the decree's form («Thực hiện Kế hoạch số 123/KH-UBND
ngày 15/3/2026 của UBND tỉnh Cao Bằng về …»)."""

from __future__ import annotations

import re

from ..i18n import _
from ..nd30.doctypes import ABBREVIATIONS

__all__ = ["parse_basis", "BASIS_EXAMPLE"]

BASIS_EXAMPLE = "123/KH-UBND ngày 15/3/2026 của UBND tỉnh Cao Bằng"
_TYPES = {abbreviation.casefold(): name for abbreviation, name in ABBREVIATIONS.items()}
_BASIS = re.compile(
    r"^(?:(?P<type>[^\d/]+?)\s+số\s+)?"  # «Kế hoạch số», optional: the symbol says it
    r"(?P<number>\d+/(?P<abbr>[^\W\d_]+)(?:-[\w&.]+)*)\s+"
    r"ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+"
    r"của\s+(?P<issuer>.+?)"
    r"(?:\s+(?P<subject>về\s+.+))?$",
    re.IGNORECASE,
)


def parse_basis(text: str, subject: str | None = None) -> dict[str, str]:
    """The fields of a `preamble.bases` entry for `text`; `subject` («về …») when the text
    does not say what the plan is about. ValueError with a sentence saying what to write."""
    import unicodedata

    found = _BASIS.match(" ".join(unicodedata.normalize("NFC", text).split()))
    if found is None:
        raise ValueError(
            _(
                "--basis «{text}»: write the number, the date and the issuer of the plan this "
                "one carries out, as «{example}»"
            ).format(text=text, example=BASIS_EXAMPLE)
        )
    kind = found["type"] or _TYPES.get(found["abbr"].casefold())
    if not kind:
        raise ValueError(
            _(
                "--basis «{text}»: '{abbr}' is not a document type of Nghị định 30; write the "
                "type before the number: «Kế hoạch số {number} …»"
            ).format(text=text, abbr=found["abbr"], number=found["number"])
        )
    basis = {
        "verb": "Thực hiện",
        "type": kind[:1].upper() + kind[1:],
        "number": found["number"],
        "date": found["date"],
        "issuer": found["issuer"],
    }
    if found["subject"] or subject:
        basis["subject"] = found["subject"] or subject or ""
    _check(basis, text)
    return basis


def _check(basis: dict[str, str], text: str) -> None:
    """The fields read as the plan's LegalBasis reads them (a real date, above all)."""
    from pydantic import ValidationError

    from ..model.plan import LegalBasis

    try:
        LegalBasis.model_validate(basis)
    except ValidationError:
        raise ValueError(
            _("--basis «{text}»: {date} is not a real date (day/month/year)").format(
                text=text, date=basis["date"]
            )
        ) from None
