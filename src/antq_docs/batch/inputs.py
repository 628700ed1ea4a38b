"""What a row's document depends on, digested before any work is done on it.

A re-run must cost next to nothing when nothing changed, so the digest is taken from the
inputs themselves — the plan and every file it names through `org:`/`extends:`, the row's
values, the commune profile template, antq's templates, antq's version and the language —
never from the validated plan (which would mean building every row to learn that it need
not be built). Files are read once per run however many rows name them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..files import read_input
from ..load.merge import INHERIT_KEYS
from ..load.yaml_source import MAX_FILE_BYTES
from .rows import BatchSpec, Row

__all__ = ["InputDigests"]

_DIGEST_CHARS = 32


@dataclass
class InputDigests:
    """The digest of every row's inputs for one run; what is shared is hashed once."""

    spec: BatchSpec
    language: str
    _files: dict[Path, str] = field(default_factory=dict)
    _common: str = ""

    def of(self, row: Row) -> str:
        if not self._common:
            self._common = self._shared_inputs()
        parts = [self._common, repr(row.number), repr(row.year), row.kind, row.unit]
        if self.spec.kind:
            parts += [row.unit_type, repr(row.code), row.file]
        else:
            parts += [f"{key}\0{value}" for key, value in row.values]
            org = dict(row.values).get("org")
            if org:
                parts.append(self._file_chain(Path(row.file).parent / org))
        return _hash("\x1f".join(parts))

    def _shared_inputs(self) -> str:
        from ..version import __version__

        spec = self.spec
        parts = [__version__, self.language, repr(spec.strict), spec.kind or "", _templates()]
        if spec.kind:
            parts += [spec.province or "", spec.org_template_file, spec.org_template or ""]
        if spec.plan:
            parts.append(self._file_chain(Path(spec.plan)))
        return _hash("\x1f".join(parts))

    def _file_chain(self, path: Path, depth: int = 0) -> str:
        """A file's bytes and, recursively, those of the profiles and bases it names; a file
        that cannot be read digests as such (the row then fails where it is built)."""
        key = Path(path).resolve()
        if key in self._files:
            return self._files[key]
        self._files[key] = "loop"  # a file that names itself ends here
        try:
            data = read_input(key, MAX_FILE_BYTES)
        except OSError:
            self._files[key] = _hash(f"unreadable\0{key}")
            return self._files[key]
        parts = [hashlib.sha256(data).hexdigest()]
        if depth < 20:
            parts += [self._file_chain(key.parent / name, depth + 1) for name in _named(data)]
        self._files[key] = _hash("\x1f".join(parts))
        return self._files[key]


def _named(data: bytes) -> list[str]:
    """The files a plan or profile names through `org:` and `extends:` (its top-level keys);
    nothing when it is not YAML: loading the row will say what is wrong."""
    import yaml

    try:
        loaded = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return []
    if not isinstance(loaded, dict):
        return []
    return [loaded[key] for key in INHERIT_KEYS if isinstance(loaded.get(key), str)]


def _templates() -> str:
    """antq's own templates (the kinds' plans, the default commune profile)."""
    digest = hashlib.sha256()
    folder = resources.files("antq_docs.templates")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".j2", ".yaml")):
            digest.update(entry.name.encode("utf-8") + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]
