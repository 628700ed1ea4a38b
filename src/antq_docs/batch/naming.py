"""Output file names from a template, safe whatever a row holds.

Every value is reduced to lowercase ASCII letters, digits and hyphens before it enters the
template, and the template's own text is reduced the same way segment by segment, so no name
can hold a separator, "..", a control character or a Windows-reserved name, and none can
leave the output folder. Two rows whose names would be the same file on a case-insensitive
disk (NTFS, APFS) get distinct names: the later row takes a "-2", "-3", … suffix.
"""

from __future__ import annotations

import re
import string
import unicodedata
from ..i18n import _

__all__ = ["slug", "file_names", "NameTemplateError", "DEFAULT_NAME"]

DEFAULT_NAME = "{kind}-{year}-{unit}"
MAX_SEGMENT = 80  # characters of one folder or file name, before the suffix
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


class NameTemplateError(ValueError):
    """The --name template uses a field that rows do not have, or is malformed."""


def slug(value: object) -> str:
    """ "Xã Hòa An" -> "xa-hoa-an"; "../../etc/x" -> "etc-x"."""
    text = unicodedata.normalize("NFKD", str(value)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:MAX_SEGMENT].rstrip("-")


def _segments(rendered: str) -> list[str]:
    parts = [slug(part) for part in re.split(r"[/\\]", rendered)]
    parts = [part for part in parts if part]
    return [f"{part}-" if part in _WINDOWS_RESERVED else part for part in parts]


def render_name(template: str, fields: dict[str, object]) -> str:
    """The name (folders joined by "/", no extension) of one row."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    except ValueError as exc:
        raise NameTemplateError(f"--name '{template}': {exc}") from None
    unknown = sorted(set(names) - set(fields))
    if unknown:
        raise NameTemplateError(
            _("--name '{template}' uses {{{unknown}}}; a row has: ").format(
                template=template, unknown=unknown[0]
            )
            + ", ".join("{" + k + "}" for k in sorted(fields))
        )
    values = {key: slug(value) for key, value in fields.items()}
    return "/".join(_segments(template.format_map(values)))


def file_names(template: str, rows_fields: list[dict[str, object]]) -> list[str]:
    """A distinct name for every row, in row order (deterministic across runs and slices)."""
    taken: set[str] = set()
    out: list[str] = []
    for number, fields in enumerate(rows_fields, start=1):
        name = render_name(template, fields) or f"row-{number}"
        candidate, counter = name, 1
        while candidate.casefold() in taken:
            counter += 1
            candidate = f"{name}-{counter}"
        taken.add(candidate.casefold())
        out.append(candidate)
    return out
