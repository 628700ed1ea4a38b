"""The «Kế hoạch» page's form and its YAML: two views of one plan file. The form edits the
file's own data (not what it inherits by `extends:` or `org:`); its edits are written back
by the importer's writer (`importer.yaml_out.to_yaml`: keys in the document's order, long
texts as block scalars), with the comments that open the file kept above it, so that the
file the page saves is one the command line reads, and a person too."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, get_args

from ..errors import MessageError
from ..i18n import _

__all__ = ["form_of", "text_of_form", "key_orders", "MODELINE"]

MODELINE = "# yaml-language-server: $schema="


def _unreadable() -> MessageError:
    return MessageError(_("the page sent a request antq cannot read; reload the page"))


def opening_comments(text: str) -> tuple[str | None, list[str]]:
    """The schema modeline and the comment lines that open the file, as `to_yaml` takes
    them (without their «# »)."""
    schema: str | None = None
    header: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(MODELINE) and schema is None and not header:
            schema = line[len(MODELINE) :].strip() or None
            continue
        header.append(line[2:] if line.startswith("# ") else line[1:])
    return schema, header


def _plain(value: Any) -> Any:
    """The loaded YAML as JSON: a date as it would be written (2022-04-04), a float that
    JSON cannot carry as its text."""
    if isinstance(value, dict):
        return {str(key): _plain(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_plain(inner) for inner in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def form_of(data: Any, text: str) -> dict[str, Any] | None:
    """What the form shows of a file loaded as `data` from `text`; None when the file is not
    a mapping (the form has nothing to show: the problems say what to write)."""
    if not isinstance(data, dict):
        return None
    schema, header = opening_comments(text)
    return {"data": _plain(data), "schema": schema, "header": header}


def _depth(value: Any, limit: int) -> bool:
    """Whether `value` nests no deeper than `limit` (the loader's own limit)."""
    stack = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(current, dict):
            stack += [(inner, depth + 1) for inner in current.values()]
        elif isinstance(current, list):
            stack += [(inner, depth + 1) for inner in current]
    return True


def _one_line(value: Any) -> bool:
    """A comment line the writer may put back: a line break of any kind (\\r, U+2028…)
    would end the comment and start YAML."""
    return isinstance(value, str) and value.splitlines() in ([], [value])


def text_of_form(form: Any) -> str:
    """The YAML of the form's data, with the file's opening comments; MessageError when the
    page sent something no form makes."""
    from ..importer.notes import Notes
    from ..importer.yaml_out import to_yaml
    from ..load.yaml_source import MAX_DEPTH

    if not isinstance(form, dict):
        raise _unreadable()
    data, schema, header = form.get("data"), form.get("schema"), form.get("header", [])
    if (
        not isinstance(data, dict)
        or not (schema is None or _one_line(schema))
        or not isinstance(header, list)
        or not all(_one_line(line) for line in header)
        or not _depth(data, MAX_DEPTH)
    ):
        raise _unreadable()
    return to_yaml(data, Notes(), header, schema)


def key_orders() -> dict[str, Any]:
    """The keys of each part of a plan in the document's order (the model's), so that a key
    the form adds takes its place among those the file has; and the numbering styles."""
    from ..model.body import Appendix, Block, Item
    from ..model.fields import ListStyle
    from ..model.plan import Filing, Issuer, Plan, Preamble, Recipient, Signature
    from ..model.table import Cell, Table
    from pydantic import BaseModel

    models: dict[str, type[BaseModel]] = {
        "plan": Plan,
        "issuer": Issuer,
        "signature": Signature,
        "recipient": Recipient,
        "filing": Filing,
        "preamble": Preamble,
        "item": Item,
        "appendix": Appendix,
        "block": Block,
        "table": Table,
        "cell": Cell,
    }
    orders: dict[str, Any] = {
        name: [field.alias or key for key, field in model.model_fields.items()]
        for name, model in models.items()
    }
    orders["numbering"] = list(get_args(ListStyle))
    return orders
