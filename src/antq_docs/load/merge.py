"""Inheritance between plan files: `org:` (an organisation profile) and `extends:` (a base
plan), merged key by key while remembering which file and line each value came from.

Merge rules (a child file over the files it inherits from):
  - maps merge key by key, recursively;
  - any other value, lists included, replaces the inherited one;
  - `KEY+: [...]` appends to the inherited list instead of replacing it;
  - `KEY-: [...]` removes inherited list entries (matched by their text, or their
    `name`/`title`/`text`), and `KEY-: true` removes an inherited key altogether.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import PlanError, Problem
from ..i18n import _
from .yaml_source import PathKey, Source, load_source

__all__ = ["merge_sources", "load_with_inheritance", "subtree", "INHERIT_KEYS", "MAX_DEPTH"]

INHERIT_KEYS = ("org", "extends")
# The keys a plan may have (model/plan.py); a base plan must have one of them.
PLAN_KEYS = {
    "issuer",
    "subject",
    "preamble",
    "sections",
    "closing",
    "recipients",
    "filing",
    "signature",
    "appendices",
    "vars",
    "window",
    "numbering",
    "type",
    "org",
    "extends",
}
MAX_DEPTH = 8
_MATCH_FIELDS = ("name", "title", "text", "unit")


def _identity(value: Any) -> Any:
    if isinstance(value, dict):
        for name in _MATCH_FIELDS:
            if name in value:
                return value[name]
    return value


class _Merger:
    def __init__(self, base: Source, child: Source):
        self.base, self.child = base, child
        self.out = Source(file=child.file, data=None)
        self.problems: list[Problem] = []

    def copy_positions(self, source: Source, src: PathKey, dst: PathKey) -> None:
        """Carry the positions of `source`'s subtree at `src` over to `dst` in the result."""
        n = len(src)
        for table, target in (
            (source.positions, self.out.positions),
            (source.key_positions, self.out.key_positions),
        ):
            for path, position in table.items():
                if path[:n] == src:
                    new = dst + path[n:]
                    target[new] = position
                    origin = source.origins.get(path, source.file)
                    if origin != self.out.file:
                        self.out.origins[new] = origin
                    else:
                        self.out.origins.pop(new, None)

    def merge(
        self, base: Any, child: Any, base_path: PathKey, child_path: PathKey, path: PathKey
    ) -> Any:
        if isinstance(base, dict) and isinstance(child, dict):
            result: dict[str, Any] = {}
            for key, value in base.items():
                result[key] = value
                self.copy_positions(self.base, base_path + (key,), path + (key,))
            for raw_key, value in child.items():
                if raw_key.endswith(("+", "-")) and len(raw_key) > 1:
                    self.operator(result, raw_key, value, base_path, child_path, path)
                    continue
                if raw_key in result:
                    result[raw_key] = self.merge(
                        result[raw_key],
                        value,
                        base_path + (raw_key,),
                        child_path + (raw_key,),
                        path + (raw_key,),
                    )
                else:
                    result[raw_key] = value
                    self.copy_positions(self.child, child_path + (raw_key,), path + (raw_key,))
            return result
        self.clear(path)
        self.copy_positions(self.child, child_path, path)
        return child

    def clear(self, path: PathKey) -> None:
        n = len(path)
        for table in (self.out.positions, self.out.key_positions, self.out.origins):
            for old in [p for p in table if p[:n] == path and len(p) > n]:
                del table[old]

    def operator(
        self,
        result: dict,
        raw_key: str,
        value: Any,
        base_path: PathKey,
        child_path: PathKey,
        path: PathKey,
    ) -> None:
        key, op = raw_key[:-1], raw_key[-1]
        here = child_path + (raw_key,)
        inherited = result.get(key)
        if op == "-" and not isinstance(value, list):
            if value is True:
                result.pop(key, None)
                self.clear(path + (key,))
                self.out.positions.pop(path + (key,), None)
                return
            self.problems.append(
                self.child.problem(
                    here,
                    _(
                        "write '{raw_key} true' to remove the inherited '{key}', or a list of "
                        "entries "
                        "to remove from it"
                    ).format(raw_key=raw_key, key=key),
                )
            )
            return
        if not isinstance(value, list) or (
            inherited is not None and not isinstance(inherited, list)
        ):
            self.problems.append(
                self.child.problem(
                    here,
                    _("'{raw_key}' works on lists: the inherited '{key}' is not one").format(
                        raw_key=raw_key, key=key
                    ),
                )
            )
            return
        inherited = inherited or []
        if op == "+":
            start = len(inherited)
            result[key] = inherited + value
            for index in range(len(value)):
                self.copy_positions(self.child, here + (index,), path + (key, start + index))
            self.out.positions.setdefault(path + (key,), self.child.positions.get(here, (1, 1)))
            return
        wanted = {_identity(v) for v in value}
        kept = [(i, v) for i, v in enumerate(inherited) if _identity(v) not in wanted]
        missing = wanted - {_identity(v) for v in inherited}
        for entry in sorted(map(str, missing)):
            self.problems.append(
                self.child.problem(
                    here,
                    _("'{entry}' is not among the inherited '{key}'; nothing to remove").format(
                        entry=entry, key=key
                    ),
                )
            )
        snapshot = Source(
            file=self.out.file,
            data=None,
            positions=dict(self.out.positions),
            key_positions=dict(self.out.key_positions),
            origins=dict(self.out.origins),
        )
        self.clear(path + (key,))
        for new_index, (old_index, _entry) in enumerate(kept):
            self.copy_positions(snapshot, path + (key, old_index), path + (key, new_index))
        result[key] = [v for _, v in kept]


def subtree(source: Source, keys: tuple[str, ...]) -> Source:
    """The part of `source` under the given top-level keys, positions included."""
    data = {k: v for k, v in source.data.items() if k in keys}
    positions = {p: v for p, v in source.positions.items() if not p or p[0] in data}
    key_positions = {p: v for p, v in source.key_positions.items() if p and p[0] in data}
    return Source(
        file=source.file,
        data=data,
        positions=positions,
        key_positions=key_positions,
        normalised=[p for p in source.normalised if p and p[0] in data],
        origins={p: v for p, v in source.origins.items() if p and p[0] in data},
    )


def merge_sources(base: Source, child: Source) -> Source:
    """`child` laid over `base`; positions and files follow each value."""
    merger = _Merger(base, child)
    merger.out.data = merger.merge(base.data, child.data, (), (), ())
    merger.out.positions.setdefault((), child.positions.get((), (1, 1)))
    merger.out.normalised = list(child.normalised) + [p for p in base.normalised]
    if merger.problems:
        raise PlanError(merger.problems)
    return merger.out


def load_with_inheritance(path: Path) -> tuple[Source, Source | None]:
    """Load `path` merged with its `extends:` chain; return it and the organisation profile
    it names (its own `org:`, else the nearest one of its bases), not yet merged: the profile
    is checked against its own model before its plan keys become the lowest layer."""
    return _content(Path(path), ())


def _content(path: Path, chain: tuple[Path, ...]) -> tuple[Source, Source | None]:
    """A plan and its `extends:` chain merged, without the profile; and the profile."""
    resolved = path.resolve()
    if resolved in chain:
        cycle = " → ".join(p.name for p in chain + (resolved,))
        raise PlanError(
            [
                Problem(
                    str(path), 1, 1, "extends", _("inheritance loops: {cycle}").format(cycle=cycle)
                )
            ]
        )
    if len(chain) > MAX_DEPTH:
        raise PlanError(
            [
                Problem(
                    str(path),
                    1,
                    1,
                    "extends",
                    _("more than {depth} levels of 'extends'").format(depth=MAX_DEPTH),
                )
            ]
        )
    return _layers(load_source(path), path, chain + (resolved,))


def load_with_inheritance_from(source: Source, path: Path) -> tuple[Source, Source | None]:
    """As `load_with_inheritance`, for a plan built in memory (a batch row) whose `org:` and
    `extends:` are relative to `path`."""
    return _layers(source, Path(path), ())


def own_layer(source: Source) -> Source:
    """A plan's own keys, without `org:` and `extends:`."""
    data = source.data if isinstance(source.data, dict) else {}
    return Source(
        file=source.file,
        data={k: v for k, v in data.items() if k not in INHERIT_KEYS},
        positions=source.positions,
        key_positions=source.key_positions,
        normalised=source.normalised,
        origins=source.origins,
    )


def _layers(source: Source, path: Path, chain: tuple[Path, ...]) -> tuple[Source, Source | None]:
    data = source.data if isinstance(source.data, dict) else {}
    child = own_layer(source)
    org_source = load_source(_target(source, path, "org")) if data.get("org") else None
    if data.get("extends") is None:
        return child, org_source
    base, base_org = _content(_target(source, path, "extends"), chain)
    if not isinstance(base.data, dict) or not set(base.data) & PLAN_KEYS:
        raise PlanError(
            [
                source.problem(
                    ("extends",),
                    _(
                        "'{plan}' is not a plan (it has none of the keys issuer, subject, "
                        "sections, "
                        "recipients …)"
                    ).format(plan=data.get("extends")),
                )
            ]
        )
    return merge_sources(base, child), org_source or base_org


def _target(source: Source, path: Path, key: str) -> Path:
    target = source.data.get(key)
    if not isinstance(target, str):
        raise PlanError(
            [
                source.problem(
                    (key,),
                    _("'{key}' is the path of a YAML file, relative to this plan").format(key=key),
                )
            ]
        )
    found = path.parent / target
    if Path(target).suffix.lower() not in (".yaml", ".yml"):
        # Never read /etc/shadow or /proc/self/environ as a "profile": their lines would be
        # echoed in the error message.
        raise PlanError(
            [
                source.problem(
                    (key,),
                    _("'{key}' names a .yaml file (a profile or a plan); this is not one").format(
                        key=key
                    ),
                )
            ]
        )
    if not found.is_file():
        raise PlanError(
            [
                source.problem(
                    (key,),
                    _("'{target}' does not exist (looked for {found})").format(
                        target=target, found=found
                    ),
                )
            ]
        )
    return found
