"""What an import tells a person: where something was normalised or guessed, with the
original beside it. A note sits at a path of the plan (the YAML writer puts it there as a
`# antq import:` comment) and says whether a person must look (the exit status 1)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Note", "Notes"]

Path = tuple  # ("sections", 0, "items", 2, "title")


@dataclass(frozen=True)
class Note:
    path: Path
    message: str
    needs_person: bool = False  # a guess or an unmatched unit, not only a normalisation


@dataclass
class Notes:
    items: list[Note] = field(default_factory=list)

    def add(self, path: Path, message: str, *, needs_person: bool = False) -> None:
        self.items.append(Note(tuple(path), message, needs_person))

    def at(self, path: Path) -> list[Note]:
        return [note for note in self.items if note.path == tuple(path)]

    @property
    def needs_person(self) -> bool:
        return any(note.needs_person for note in self.items)
