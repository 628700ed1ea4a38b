"""`antq serve`: antq's page on the clerk's own computer — check and fix a Word document
(«Kiểm tra văn bản Word»), and write a plan with a live preview («Kế hoạch») — by the same
functions as the command line.

    safety.py    the rules every request passes (Host, token, Origin, headers, its folder)
    names.py     files of the folder, named by the page and confined to it
    documents.py check and fix, as `antq check` and `antq fix`
    plans.py     open, new, import, validate, preview, save, render a plan
    form.py      the plan's data for the page's form, and the YAML the form's edits write
    pages.py     the two pages, in the clerk's language
    app.py       the routes (starlette)
    server.py    the socket on 127.0.0.1 and uvicorn
    static/      the page's own scripts (antq.js, form.js) and style sheet (no framework, no
                 CDN)
"""

from .app import create_app
from .safety import Settings
from .server import Run, prepare, serve_until_stopped

__all__ = ["create_app", "Settings", "Run", "prepare", "serve_until_stopped"]
