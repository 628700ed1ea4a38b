"""Output file names from a template, safe whatever a row holds.

Every value is reduced to lowercase ASCII letters, digits and hyphens before it enters the
template, and the template's own text is reduced the same way segment by segment, so no name
can hold a separator, "..", a control character or a Windows-reserved name, and none can
leave the output folder. Two rows whose names would be the same file on a case-insensitive
disk (NTFS, APFS) get distinct names: the later row takes a "-2", "-3", … suffix.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata

from ..errors import MessageError
from ..i18n import _

__all__ = [
    "slug",
    "file_names",
    "check_template",
    "NameTemplateError",
    "DEFAULT_NAME",
    "COUNTRY_NAME",
]

DEFAULT_NAME = "{kind}-{year}-{unit}"
COUNTRY_NAME = "{kind}-{year}-{province}-{unit}"  # --province all: «Xã Tân Lập» is in several
MAX_SEGMENT = 80  # characters of one folder or file name, before the suffix
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


class NameTemplateError(MessageError, ValueError):
    """The --name template uses a field that rows do not have, or is malformed."""


@functools.lru_cache(maxsize=8192)  # a national batch slugs the same kind, year, province
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
    check_template(template, fields)
    values = {name: slug(fields[name]) for _, name, _, _ in _parsed(template) or () if name}
    return "/".join(_segments(template.format_map(values)))


@functools.lru_cache(maxsize=64)
def _parsed(template: str) -> tuple[tuple[str, str | None, str | None, str | None], ...] | None:
    """The template's pieces as string.Formatter reads them, once per template (a national
    batch names 3,321 rows with one); None when its braces do not pair."""
    try:
        return tuple(string.Formatter().parse(template))
    except ValueError:
        return None


def check_template(template: str, fields: dict[str, object]) -> None:
    """A --name template is literal text and `{field}`s of the row, nothing else: no format
    spec (`{unit:d}`), conversion (`{unit!r}`), attribute, index or position (`{0}`)."""
    parts = _parsed(template)
    if parts is None:
        raise NameTemplateError(
            _(
                "--name '{template}': a brace without its pair; write fields as {{unit}}, "
                "and a brace itself as '{{{{' or '}}}}'; a row has: "
            ).format(template=template)
            + _known(fields)
        )
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            raise NameTemplateError(
                _("--name '{template}': '{{{name}}}' is not a field; a row has: ").format(
                    template=template, name=name
                )
                + _known(fields)
            )
        if spec or conversion:
            extra = (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise NameTemplateError(
                _(
                    "--name '{template}': '{extra}' after {{{name}}} is not allowed; write the "
                    "field alone, as {{{name}}}; a row has: "
                ).format(template=template, extra=extra, name=name)
                + _known(fields)
            )
        if name not in fields:
            raise NameTemplateError(
                _("--name '{template}' uses {{{unknown}}}; a row has: ").format(
                    template=template, unknown=name
                )
                + _known(fields)
            )


def _known(fields: dict[str, object]) -> str:
    return ", ".join("{" + k + "}" for k in sorted(fields))


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
