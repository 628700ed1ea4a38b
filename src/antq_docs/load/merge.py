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

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import PlanError, Problem
from ..i18n import _
from .yaml_source import PathKey, Source, load_source

__all__ = [
    "merge_sources",
    "load_with_inheritance",
    "allowed_folders",
    "subtree",
    "INHERIT_KEYS",
    "MAX_DEPTH",
    "PROFILES_VARIABLE",
]

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
PROFILES_VARIABLE = "ANTQ_PROFILES"  # more folders `org:` and `extends:` may name files in
_MATCH_FIELDS = ("name", "title", "text", "unit")


def _identity(value: Any) -> Any:
    if isinstance(value, dict):
        for name in _MATCH_FIELDS:
            if name in value:
                return value[name]
    return value


class _Subtrees:
    """The paths of a table of positions, found by the subtree they are in without reading
    the whole table: merging 60,000 keys stays linear. Paths added later are registered
    with `add`; a path deleted from the table is skipped when found. Without a table, it
    indexes every path added."""

    def __init__(self, table: dict[PathKey, Any] | None = None):
        self.grows = table is None
        self.table: dict[PathKey, Any] = {} if table is None else table
        self.children: dict[PathKey, list[PathKey]] = {}
        for path in self.table:
            self.add(path)

    def add(self, path: PathKey) -> None:
        if self.grows:
            self.table[path] = None
        while path and path not in self.children:
            self.children[path] = []
            self.children.setdefault(path[:-1], []).append(path)
            path = path[:-1]

    def under(self, prefix: PathKey) -> list[PathKey]:
        """The paths of the table at `prefix` or below it."""
        found, pending = [], [prefix]
        while pending:
            path = pending.pop()
            if path in self.table:
                found.append(path)
            pending.extend(self.children.get(path, ()))
        return found


class _Merger:
    def __init__(self, base: Source, child: Source):
        self.base, self.child = base, child
        self.out = Source(file=child.file, data=None)
        self.problems: list[Problem] = []
        self._subtrees: dict[int, _Subtrees] = {}
        # The result's tables grow as values are merged: one index of every path put in
        # any of them, so that clearing a subtree reads that subtree only.
        self.written = _Subtrees()

    def subtrees(self, table: dict[PathKey, Any]) -> _Subtrees:
        """The index of a table of the base or the child (those never change here)."""
        if id(table) not in self._subtrees:
            self._subtrees[id(table)] = _Subtrees(table)
        return self._subtrees[id(table)]

    def copy_positions(self, source: Source, src: PathKey, dst: PathKey) -> None:
        """Carry the positions of `source`'s subtree at `src` over to `dst` in the result."""
        n = len(src)
        for table, target in (
            (source.positions, self.out.positions),
            (source.key_positions, self.out.key_positions),
        ):
            for path in self.subtrees(table).under(src):
                new = dst + path[n:]
                target[new] = table[path]
                self.written.add(new)
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
        self.clear_inherited(base_path, path)
        self.copy_positions(self.child, child_path, path)
        return child

    def clear_inherited(self, base_path: PathKey, path: PathKey) -> None:
        """Forget the positions below `path` that the base's value at `base_path` brought
        (the result holds nothing else below a path its child replaces)."""
        n = len(base_path)
        for table in (self.base.positions, self.base.key_positions):
            for old in self.subtrees(table).under(base_path):
                if len(old) > n:
                    new = path + old[n:]
                    for target in (self.out.positions, self.out.key_positions, self.out.origins):
                        target.pop(new, None)

    def clear(self, path: PathKey) -> None:
        """Forget the result's positions strictly below `path`."""
        below = [p for p in self.written.under(path) if len(p) > len(path)]
        for table in (self.out.positions, self.out.key_positions, self.out.origins):
            for old in below:
                table.pop(old, None)

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
            if here in self.child.key_positions:  # a misspelt «recipents+:» points at its key
                self.out.key_positions.setdefault(path + (key,), self.child.key_positions[here])
            self.written.add(path + (key,))
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
        self.renumber(path + (key,), {old: new for new, (old, _entry) in enumerate(kept)})
        result[key] = [v for _, v in kept]

    def renumber(self, path: PathKey, moves: dict[int, int]) -> None:
        """The result's positions of the list at `path` after entries were removed: those of
        entry `old` move to `moves[old]`, those of removed entries go (reads that list's
        positions only, once)."""
        n = len(path)
        tables: tuple[dict[PathKey, Any], ...] = (
            self.out.positions,
            self.out.key_positions,
            self.out.origins,
        )
        below = [p for p in self.written.under(path) if len(p) > n]
        saved = [{p: table[p] for p in below if p in table} for table in tables]
        self.clear(path)
        for table, entries in zip(tables, saved, strict=True):
            for old, value in entries.items():
                index = old[n]
                if isinstance(index, int) and index in moves:
                    new = path + (moves[index],) + old[n + 1 :]
                    table[new] = value
                    self.written.add(new)


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


def load_with_inheritance(path: Path, folders: Sequence[Path] = ()) -> tuple[Source, Source | None]:
    """Load `path` merged with its `extends:` chain; return it and the organisation profile
    it names (its own `org:`, else the nearest one of its bases), not yet merged: the profile
    is checked against its own model before its plan keys become the lowest layer.

    `org:` and `extends:` may name files only inside the plan's folder, `folders` and the
    folders of ANTQ_PROFILES (allowed_folders)."""
    path = Path(path)
    return _content(path, (), allowed_folders(path, folders))


def allowed_folders(plan: Path, folders: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The folders a plan's `org:` and `extends:` may name files in, their subfolders
    included: the plan's own folder, the profile folders the caller was given and those of
    the ANTQ_PROFILES variable (separated as PATH is). A plan that came by e-mail cannot
    make antq read a file anywhere else, nor show its lines in a message."""
    import os

    configured = [Path(f) for f in os.environ.get(PROFILES_VARIABLE, "").split(os.pathsep) if f]
    return tuple(folder.resolve() for folder in (Path(plan).parent, *folders, *configured))


def _content(
    path: Path, chain: tuple[Path, ...], roots: tuple[Path, ...]
) -> tuple[Source, Source | None]:
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
    return _layers(load_source(path), path, chain + (resolved,), roots)


def load_with_inheritance_from(
    source: Source, path: Path, folders: Sequence[Path] = ()
) -> tuple[Source, Source | None]:
    """As `load_with_inheritance`, for a plan built in memory (a batch row) whose `org:` and
    `extends:` are relative to `path`."""
    return _layers(source, Path(path), (), allowed_folders(Path(path), folders))


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


def _layers(
    source: Source, path: Path, chain: tuple[Path, ...], roots: tuple[Path, ...]
) -> tuple[Source, Source | None]:
    data = source.data if isinstance(source.data, dict) else {}
    child = own_layer(source)
    org_source = load_source(_target(source, path, "org", roots)) if data.get("org") else None
    if data.get("extends") is None:
        return child, org_source
    base, base_org = _content(_target(source, path, "extends", roots), chain, roots)
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


def _target(source: Source, path: Path, key: str, roots: tuple[Path, ...]) -> Path:
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
    resolved = found.resolve()  # a link inside the folder may point anywhere
    if not any(resolved.is_relative_to(root) for root in roots):
        raise PlanError(
            [
                source.problem(
                    (key,),
                    _(
                        "'{target}' is outside the plan's folder {folder}: antq reads "
                        "profiles and base plans only in that folder, its subfolders and "
                        "the folders given with --profiles or listed in {variable}; copy the "
                        "file beside the plan, or give its folder with --profiles"
                    ).format(target=target, folder=roots[0], variable=PROFILES_VARIABLE),
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
