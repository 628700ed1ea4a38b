"""What a regular (not editable) install ships: every package under src/antq_docs."""

from __future__ import annotations

import tomllib

from .helpers import ROOT


def test_every_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = ROOT / "src"
    found = {
        ".".join(path.parent.relative_to(source).parts)
        for path in source.glob("antq_docs/**/__init__.py")
    }
    assert found <= listed, sorted(found - listed)
