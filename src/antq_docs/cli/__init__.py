"""The `antq` command line. core.py holds the app, the guarded runner and `main`;
console.py what a person is shown; exit_codes.py the exit codes; language.py the clerk's
language for typer's and click's own words. Each family of commands is a module with a
`register(app)`, put on the app here, in the order `antq --help` lists them: a new command
is a new module (or a function in one) and, for a new family, one line below."""

from __future__ import annotations

from . import batch, documents, drafts, importing, plans, serve
from .core import app, main

plans.register(app)  # render, validate, test, schema
drafts.register(app)  # new
batch.register(app)  # batch, places
documents.register(app)  # check, fix
importing.register(app)  # import
serve.register(app)  # serve

__all__ = ["app", "main"]
