"""Visit every item of a plan with its path in the source file."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.plan import Item, Plan

__all__ = ["walk_items"]

PathKey = tuple[str | int, ...]


def walk_items(plan: Plan) -> Iterator[tuple[PathKey, Item]]:
    for index, item in enumerate(plan.sections):
        yield from _walk(item, ("sections", index))
    for a_index, appendix in enumerate(plan.appendices):
        for index, item in enumerate(appendix.items):
            yield from _walk(item, ("appendices", a_index, "items", index))


def _walk(item: Item, path: PathKey) -> Iterator[tuple[PathKey, Item]]:
    yield path, item
    for index, child in enumerate(item.items):
        yield from _walk(child, path + ("items", index))
