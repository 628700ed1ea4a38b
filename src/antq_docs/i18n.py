"""The clerk's language: every message a person reads goes through `_()`.

Messages are written in English in the code (the msgid) and translated in the catalogue
`locale/vi/LC_MESSAGES/antq.po`, compiled to `antq.mo` beside it. Vietnamese is the default;
`--lang`, then `ANTQ_LANG`, then the usual `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG`
choose. Rule ids, keys and file:line:col are never translated, so a message can be searched
for in either language.

    scripts/update-catalogue.sh     extract, merge and compile after changing a message
"""

from __future__ import annotations

import gettext
import os
import re
import string
from pathlib import Path

__all__ = [
    "_",
    "N_",
    "ngettext",
    "gettext_in",
    "use_language",
    "language",
    "choose_language",
    "LANGUAGES",
]

DOMAIN = "antq"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT = "vi"

_state: dict[str, object] = {"language": None, "translations": None}


def choose_language(explicit: str | None = None, environ=os.environ) -> str:
    """`explicit` (from --lang), else ANTQ_LANG, else the first locale variable that names
    English or Vietnamese; Vietnamese when none does (a Windows console sets none)."""
    for value in (explicit, environ.get("ANTQ_LANG")):
        if value:
            code = _code(value)
            if code not in LANGUAGES:
                raise ValueError(value)
            return code
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in environ.get(variable, "").split(":"):
            if _code(value) in LANGUAGES:
                return _code(value)
    return DEFAULT


def _code(value: str) -> str:
    """'en_US.UTF-8' -> 'en'; 'vi-VN' -> 'vi'."""
    return value.strip().replace("-", "_").split("_")[0].split(".")[0].lower()


def use_language(code: str) -> None:
    """Make `code` the language of every later `_()`."""
    if code not in LANGUAGES:
        raise ValueError(code)
    _state["language"] = code
    _state["translations"] = _load(code)


def language() -> str:
    if _state["language"] is None:
        use_language(choose_language())
    return str(_state["language"])


def _load(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    try:
        with open(folder / f"{DOMAIN}.mo", "rb") as stream:
            return gettext.GNUTranslations(stream)
    except FileNotFoundError:
        # A checkout whose catalogue was edited but not compiled still speaks Vietnamese.
        return _compiled_from_po(folder / f"{DOMAIN}.po")


def _compiled_from_po(po_path: Path) -> gettext.NullTranslations:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as stream:
        catalogue = read_po(stream)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _translations() -> gettext.NullTranslations:
    language()  # chosen on first use
    return _state["translations"]  # type: ignore[return-value]


def _(message: str) -> str:
    """`message` in the chosen language; its `.format()` writes numbers the language's way."""
    return Message(_translations().gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    return Message(_translations().ngettext(singular, plural, count))


class Message(str):
    """A translated message: `.format()` writes decimal numbers as the language does —
    «25,4 mm» and «1.500 dòng» in Vietnamese, «25.4 mm» and «1,500 rows» in English. Whole
    numbers without a grouping mark (years, line numbers) are left as they are."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return _FORMATTER.vformat(str(self), args, kwargs)


class _NumberFormatter(string.Formatter):
    def format_field(self, value, format_spec: str):
        if language() != "vi" or isinstance(value, bool) or not isinstance(value, int | float):
            return super().format_field(value, format_spec)
        if isinstance(value, int) and "," not in format_spec:
            return super().format_field(value, format_spec)
        from babel.numbers import format_decimal

        decimals = re.search(r"\.(\d+)[fF]", format_spec)
        grouping = "#,##0" if "," in format_spec else "0"
        if decimals:
            pattern = grouping + ("." + "0" * int(decimals[1]) if int(decimals[1]) else "")
            return format_decimal(value, format=pattern, locale="vi_VN")
        return format_decimal(value, format=grouping + ".###", locale="vi_VN")


_FORMATTER = _NumberFormatter()


def gettext_in(code: str, message: str) -> str:
    """`message` in the language `code`, whatever the current one (the JSON Schema is
    always written in Vietnamese)."""
    return _load(code).gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_()` translates it where it
    is shown (help texts, rule titles: made at import, read later)."""
    return message
