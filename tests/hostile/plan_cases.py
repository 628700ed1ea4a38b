"""Hostile plans, round 3 (issue 19): a short plan that asks for a huge document through YAML
aliases, and inheritance that must stay linear in the number of keys. Each case is run by
tests/test_hostile_plans.py as tests/test_hostile.py runs its own (same runner, same caps)."""

from __future__ import annotations

from pathlib import Path

from .cases import MINIMAL, PROFILE, Case, _plan

ITEM = "      - Nâng cao ý thức, trách nhiệm của cán bộ và Nhân dân."
COUNT = 20_000  # keys merged over a base (tests/test_hostile_plans.py merges 40,000 in memory)


def aliased_footnotes(folder: Path) -> list[str]:
    """One text of 999 footnotes (under the 1,000 of one text) named 200 times: 199,800
    footnotes from a file of a few kilobytes (1.6 GB and 12 s before)."""
    text = MINIMAL.replace(
        ITEM, "      - &note " + '"' + "a^[n] " * 999 + '"\n' + "      - *note\n" * 199
    )
    return ["render", _plan(folder, text), "-o", str(folder / "out.docx")]


def aliased_rows(folder: Path) -> list[str]:
    """A row of 100 cells named 300 times: 30,000 cells from a few lines."""
    cells = ", ".join(str(i) for i in range(100))
    appendix = (
        "appendices:\n  - title: Bảng\n    table:\n      columns: ["
        + cells
        + "]\n      rows:\n        - &row ["
        + cells
        + "]\n"
        + "        - *row\n" * 299
    )
    return ["render", _plan(folder, MINIMAL + appendix), "-o", str(folder / "out.docx")]


def _base_with_vars(folder: Path, value: str) -> None:
    inherited = "".join(f"  v{i}: {value.format(i=i)}\n" for i in range(COUNT))
    _plan(folder, MINIMAL + "vars:\n" + inherited, "base.yaml")


def vars_replaced(folder: Path) -> list[str]:
    _base_with_vars(folder, "{{a: {i}}}")
    own = "".join(f"  v{i}: {i + 1}\n" for i in range(COUNT))
    return ["validate", _plan(folder, "extends: base.yaml\nvars:\n" + own)]


def vars_removed(folder: Path) -> list[str]:
    """Each `vNAME-: true` clears an inherited subtree (each read the whole result before)."""
    _base_with_vars(folder, "{{a: {i}}}")
    own = "".join(f"  v{i}-: true\n" for i in range(COUNT))
    return ["validate", _plan(folder, "extends: base.yaml\nvars:\n" + own)]


def recipients_removed_from_a_profile(folder: Path) -> list[str]:
    """Half of a profile's 20,000 recipients removed by the plan (`org:`, `recipients-:`)."""
    many = "".join(f"  - Đơn vị {i}\n" for i in range(COUNT))
    profile = PROFILE.replace("recipients:\n", "recipients:\n" + many, 1)
    (folder / "org.yaml").write_text(profile, "utf-8")
    removed = "".join(f"  - Đơn vị {i}\n" for i in range(0, COUNT, 2))
    plan = "org: org.yaml\n" + MINIMAL.replace("recipients:\n", "recipients-:\n" + removed, 1)
    plan = plan.replace("  - Công an tỉnh\nfiling", "recipients+:\n  - Công an tỉnh\nfiling")
    return ["validate", _plan(folder, plan)]


CASES = [
    Case("199,800 aliased footnotes", aliased_footnotes, 2, "more than 1,000 footnotes"),
    Case("30,000 aliased cells", aliased_rows, 2, "more than 20,000 cells"),
    Case("20,000 vars replacing a base's", vars_replaced, 0, "valid"),
    Case("20,000 inherited vars removed", vars_removed, 0, "valid"),
    Case("10,000 profile recipients removed", recipients_removed_from_a_profile, 0, "valid"),
]
