"""The Vietnamese message catalogue: extract, merge, compile — or check that it is current.

    .venv/bin/python scripts/catalogue.py           after changing a message: merges the
                                                    new msgids into antq.po (translate the
                                                    empty msgstr "" entries, run it again)
                                                    and compiles antq.mo
    .venv/bin/python scripts/catalogue.py --check   exit 1 when antq.po or antq.mo is out of
                                                    date or a message is untranslated

Messages are found where babel.cfg says: `_()`, `N_()` and `ngettext()` in src/, and `_()`
in the kind templates. The .po is written without source lines or dates, so that it
changes only when a message does.
"""

from __future__ import annotations

import gettext
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "src" / "antq_docs" / "locale" / "vi" / "LC_MESSAGES"
PO, MO = FOLDER / "antq.po", FOLDER / "antq.mo"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extracted() -> Catalog:
    """Every message the code and the templates mark, as a template catalogue."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)
    template = Catalog(project="antq", fuzzy=False)
    # The whole tree is walked (but for hidden folders); babel.cfg says which files count.
    for _file, _line, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=()
    ):
        template.add(message, None, auto_comments=comments, context=context)
    return template


def merged(template: Catalog) -> Catalog:
    """The current translations carried over to the extracted messages; new ones empty."""
    with open(PO, "rb") as stream:
        catalogue = read_po(stream, locale="vi")
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.obsolete.clear()
    _fixed_header(catalogue)
    return catalogue


def _fixed_header(catalogue: Catalog) -> None:
    catalogue.fuzzy = False
    catalogue.project, catalogue.version = "antq", ""
    catalogue.last_translator = "antq"
    catalogue.language_team = "Tiếng Việt"
    catalogue.msgid_bugs_address = ""
    catalogue.copyright_holder = "antq"
    catalogue.header_comment = (
        "# Vietnamese messages of antq: scripts/catalogue.py keeps them current."
    )
    import datetime as dt

    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    catalogue.creation_date = catalogue.revision_date = fixed


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, width=0, no_location=True, sort_output=True, include_previous=False)
    # the Babel version would make every release of Babel a change to the catalogue
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def same_messages(mo: bytes, catalogue: Catalog) -> bool:
    """Whether a compiled catalogue holds exactly these translations (its header aside)."""

    def messages(data: bytes) -> dict:
        table = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)
        table.pop("", None)
        return table

    return messages(mo) == messages(mo_bytes(catalogue))


def untranslated(catalogue: Catalog) -> list[str]:
    out = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if not all(strings) or message.fuzzy:
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main(argv: list[str]) -> int:
    catalogue = merged(extracted())
    new_po = po_bytes(catalogue)
    new_mo = mo_bytes(catalogue)
    missing = untranslated(catalogue)
    if "--check" in argv:
        stale = [PO.name] if not PO.exists() or PO.read_bytes() != new_po else []
        if not MO.exists() or not same_messages(MO.read_bytes(), catalogue):
            stale.append(MO.name)
        for name in stale:
            print(f"{name} is out of date: run .venv/bin/python scripts/catalogue.py")
        for message in missing:
            print(f"untranslated: {message!r}")
        return 1 if stale or missing else 0
    PO.write_bytes(new_po)
    MO.write_bytes(new_mo)
    print(f"{len(catalogue) - 1} messages, {len(missing)} to translate in {PO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
