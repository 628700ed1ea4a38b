"""One unit's báo cáo kết quả, as a plan the clerk completes: type BC, issued by the unit,
«Kính gửi» whom the plan names, the plan as its basis, sections I–V (or the plan's own
«Đề cương báo cáo»), an item per assignment with its `ref:`, and the landscape table
«Biểu tổng hợp kết quả thực hiện nhiệm vụ»."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import _
from ..model.body import Item
from ..model.plan import Plan
from ..nd30 import REPORT_TYPE
from ..validate.assignments import Assignment, assignments_of, report_deadline
from ..validate.rules import normalise_unit
from .reference import Period, issuer_in_text, plan_about, plan_reference, report_subject

__all__ = [
    "ReportRequest",
    "Result",
    "report_data",
    "report_yaml",
    "outline_sections",
    "report_symbol",
    "report_date",
    "as_yaml",
    "untouched",
    "TABLE_TITLE",
    "COLUMNS",
    "GUIDE",
]

TABLE_TITLE = "Biểu tổng hợp kết quả thực hiện nhiệm vụ"
COLUMNS: list[Any] = [
    {"title": "TT", "align": "center"},
    {"title": "Nhiệm vụ theo Kế hoạch", "width": 8.0},
    {"title": "Vai trò", "align": "center", "width": 2.2},
    {"title": "Thời hạn", "align": "center", "width": 2.6},
    {"title": "Kết quả", "width": 6.0},
    {"title": "Tiến độ", "align": "center", "width": 2.5},
    {"title": "Ghi chú"},
]
_OUTLINE = "đề cương báo cáo"
_RESULTS = "kết quả"
GUIDE = "…"  # where the clerk writes
_INSTRUCTIONS = (
    "Việc quán triệt, xây dựng kế hoạch, ban hành văn bản chỉ đạo, hướng dẫn triển khai "
    "thực hiện Kế hoạch: …"
)


@dataclass(frozen=True)
class Result:
    """What a unit reports on one assignment (a row of the results table)."""

    result: str = ""
    progress: str = ""
    note: str = ""
    unit: str = ""  # as the table names the unit


@dataclass
class ReportRequest:
    """Whose report, from which plan, and what it is sent with."""

    plan: Plan
    unit: str
    plan_file: str  # the plan's YAML, from the report's folder (`answers.plan`)
    org: Any = None  # the unit's model.org.Org (`--org`), else its name with blanks
    plan_org: Any = None  # the plan's own profile: its standing agency
    period: Period | None = None
    province: str | None = None
    results: dict[str, Result] = field(default_factory=dict)  # by ref


def report_data(request: ReportRequest) -> dict[str, Any]:
    """The report as plan data (what `report_yaml` writes)."""
    plan, unit = request.plan, request.unit
    work = assignments_of(unit, plan, request.province)
    addressee = _addressee(request)
    data: dict[str, Any] = {
        "issuer": _issuer(request),
        "type": REPORT_TYPE,
        "subject": report_subject(plan, request.period),
        "addressees": [addressee],
        "answers": {"plan": request.plan_file, "unit": unit},
        "preamble": {
            "verb": "Thực hiện",
            "bases": [f"Thực hiện {plan_reference(plan)} {plan_about(plan)}"],
            "text": f"{_unit_in_text(request)} báo cáo kết quả thực hiện như sau:",
        },
        "sections": _sections(plan, work, request.results),
        "closing": (
            f"Trên đây là báo cáo của {_unit_in_text(request)} về kết quả thực hiện "
            f"{plan_reference(plan)}."
        ),
        "recipients": _recipients(request, addressee),
        "filing": {"units": _filing(request)},
        "signature": _signature(request),
        "appendices": [_table(work, request.results)],
    }
    return data


def report_yaml(request: ReportRequest, schema: str | None = None) -> str:
    """The report as YAML written for people, its header saying what it answers."""
    head = [f"# yaml-language-server: $schema={schema}"] if schema else []
    head += [
        "# "
        + _("Report of {unit} on {plan}: fill in the «…» and the results table.").format(
            unit=request.unit, plan=plan_reference(request.plan)
        ),
        "# " + _("`antq validate` checks that each of the unit's assignments is reported once."),
    ]
    return as_yaml(report_data(request), head)


def as_yaml(data: dict[str, Any], head: list[str]) -> str:
    """The YAML, its last header line the digest of its body: a batch run again replaces a
    report only while that still holds (nobody has filled it in since)."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=92)
    return "\n".join([*head, f"{DIGEST_MARK}{_digest(body)}"]) + "\n" + body


class _Dumper(yaml.SafeDumper):
    """A body name broken into lines stays one line of YAML: "ỦY BAN NHÂN DÂN\\nPHƯỜNG …"."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)

DIGEST_MARK = "# antq-digest: "


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def untouched(path: Path) -> bool:
    """A report antq wrote that nobody has changed since (its digest line still holds)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    head, mark, rest = text.partition(DIGEST_MARK)
    digest, _newline, body = rest.partition("\n")
    return bool(mark) and head.count("\n") < 8 and digest == _digest(body)


# -- the parts -------------------------------------------------------------------------------
def _issuer(request: ReportRequest) -> dict[str, Any]:
    due = report_deadline(request.unit, request.plan, request.province)
    date = report_date(due, request)
    if request.org is not None:
        issuer = request.org.issuer
        found: dict[str, Any] = {"name": issuer.name}
        if issuer.parent:
            found["parent"] = issuer.parent
        found["symbol"] = report_symbol(issuer.symbol)
        found["place"] = issuer.place
        found["short_name"] = issuer.short_name or request.unit
        return found | {"date": date}
    return {
        "name": _header_lines(request.unit.upper()),
        "symbol": f"{REPORT_TYPE}-{_initials(request.unit)}",
        "place": request.plan.issuer.place,
        "date": date,
        "short_name": request.unit,
    }


def report_date(due: Assignment | None, request: ReportRequest) -> dict[str, int]:
    """A draft dated in the month the report is due (the day left for the văn thư)."""
    if due is not None and due.due is not None:
        return {"month": due.due.month, "year": due.due.year}
    if request.period is not None:
        month = request.period.month or 12
        return {"month": month, "year": request.period.year}
    plan_date = request.plan.issuer.date
    year = plan_date.year or dt.date.today().year
    return {"year": year}


def report_symbol(symbol: str) -> str:
    """The unit's own ký hiệu with BC in place of its type: «KH-UBND» → «BC-UBND»."""
    head, _sep, rest = symbol.partition("-")
    return f"{REPORT_TYPE}-{rest}" if rest and head in _TYPES else f"{REPORT_TYPE}-{symbol}"


_TYPES = ("KH", "BC", "HD", "CTr", "PA", "ĐA", "TB", "CT", "QĐ", "TTr")


_HEADER_CHARS = 24  # capitals that fit the header's left column (13 pt, 6.5 cm)


def _header_lines(name: str) -> str:
    """A long body name in balanced lines, as offices break «ĐÀI PHÁT THANH VÀ\nTRUYỀN
    HÌNH TỈNH»: the column is narrow and the rule under it follows the longest line."""
    if len(name) <= _HEADER_CHARS:
        return name
    count = -(-len(name) // _HEADER_CHARS)
    return "\n".join(textwrap.wrap(name, width=-(-len(name) // count) + 4))


def _initials(unit: str) -> str:
    """«Sở Tài chính» → «STC»: a ký hiệu the unit corrects to its own."""
    letters = "".join(word[0] for word in re.findall(r"[^\W\d_]+", unit))
    return letters.upper() or "DV"


def _unit_in_text(request: ReportRequest) -> str:
    if request.org is not None and request.org.issuer.short_name:
        return str(request.org.issuer.short_name)
    return request.unit


def _addressee(request: ReportRequest) -> str:
    """The plan's `report_to:`, else its standing agency, else its issuer."""
    due = report_deadline(request.unit, request.plan, request.province)
    if due is not None and due.report_to:
        return due.report_to
    if request.plan_org is not None and request.plan_org.standing_agency:
        return str(request.plan_org.standing_agency)
    return issuer_in_text(request.plan)


def _recipients(request: ReportRequest, addressee: str) -> list[Any]:
    lines: list[Any] = ["Như trên"]
    issuer = issuer_in_text(request.plan)
    if normalise_unit(issuer) != normalise_unit(addressee):
        lines.append({"name": issuer, "note": "để b/cáo"})
    return lines


def _filing(request: ReportRequest) -> list[str]:
    if request.org is not None:
        return list(request.org.filing.units)
    return ["VT", _initials(request.unit)]


def _signature(request: ReportRequest) -> dict[str, Any]:
    if request.org is not None:
        return request.org.signature.model_dump(exclude_none=True)
    return {"titles": ["THỦ TRƯỞNG ĐƠN VỊ"], "name": GUIDE}


def _sections(plan: Plan, work: list[Assignment], results: dict[str, Result]) -> list[Any]:
    outline = _outline(plan)
    items = [_work_item(a, results.get(a.ref)) for a in work]
    if outline is None:
        return outline_sections(items)
    sections = [_outline_item(item) for item in outline]
    target = next(
        (s for s in sections if _RESULTS in str(s.get("title", "")).casefold()), sections[0]
    )
    target["items"] = list(target.get("items", [])) + items
    return sections


def outline_sections(results: list[Any]) -> list[Any]:
    """Sections I–V of a báo cáo kết quả, `results` under II."""
    return [
        {"title": "Công tác chỉ đạo, triển khai", "text": _INSTRUCTIONS},
        {"title": "Kết quả thực hiện", "items": results},
        {
            "title": "Đánh giá chung",
            "items": [
                {"title": "Ưu điểm", "text": GUIDE},
                {"title": "Hạn chế, khó khăn, vướng mắc và nguyên nhân", "text": GUIDE},
            ],
        },
        {"title": "Phương hướng, nhiệm vụ thời gian tới", "text": GUIDE},
        {"title": "Đề xuất, kiến nghị", "text": GUIDE},
    ]


def _outline(plan: Plan) -> list[Item] | None:
    """The plan's own report outline (an appendix «Đề cương báo cáo»), which wins."""
    for appendix in plan.appendices:
        if _OUTLINE in (appendix.title or "").casefold() and appendix.items:
            return appendix.items
    return None


def _outline_item(item: Item) -> dict[str, Any]:
    found: dict[str, Any] = {"title": item.title} if item.title else {}
    paragraphs = item.paragraphs()
    if paragraphs:
        found["text"] = paragraphs if len(paragraphs) > 1 else paragraphs[0]
    if item.numbering:
        found["numbering"] = item.numbering
    if item.items:
        found["items"] = [_outline_item(child) for child in item.items]
    if not paragraphs and not item.items:
        found["text"] = GUIDE
    return found


def _work_item(assignment: Assignment, result: Result | None) -> dict[str, Any]:
    """«1. <the task> (mục III.2 của Kế hoạch; chủ trì; thời hạn …)» and what was done."""
    said = [f"mục {assignment.ref} của Kế hoạch", assignment.role]
    if assignment.deadline:
        said.append(f"thời hạn {assignment.deadline}")
    text = result.result if result and result.result else GUIDE
    if result and result.progress:
        text = f"{text.rstrip('.')}. Tiến độ: {result.progress.rstrip('.')}."
    return {
        "title": f"{assignment.task.rstrip('.')} ({'; '.join(said)})",
        "ref": assignment.ref,
        "text": text,
    }


def _table(work: list[Assignment], results: dict[str, Result]) -> dict[str, Any]:
    rows = []
    for number, assignment in enumerate(work, start=1):
        result = results.get(assignment.ref, Result())
        rows.append(
            [
                number,
                f"{assignment.task.rstrip('.')} (mục {assignment.ref})",
                assignment.role.capitalize(),
                assignment.deadline or GUIDE,
                result.result or GUIDE,
                result.progress or GUIDE,
                result.note or "",
            ]
        )
    if not rows:
        rows.append([1, GUIDE, GUIDE, GUIDE, GUIDE, GUIDE, ""])
    return {
        "title": TABLE_TITLE,
        "orientation": "landscape",
        "table": {"columns": COLUMNS, "rows": rows},
    }
