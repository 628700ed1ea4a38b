"""The routes of `antq serve`: two pages, their static files, and the calls their script
makes. Every call runs antq's own functions (those the command line calls) in a worker
thread, one at a time (antq's engine is not written for threads), and answers with
`status`, the exit code the command line would give."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import MessageError, OutputError, PlanError
from ..i18n import _
from ..write.pdf import PdfError
from . import documents, pages, plans
from .safety import Guard, Settings

__all__ = ["create_app"]

STATIC = Path(__file__).with_name("static")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ENGINE = threading.Lock()
_HTTP = {0: 200, 1: 200, 2: 422, 3: 409}  # exit code -> HTTP status


class TooLarge(Exception):
    pass


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) past `limit`, whatever Content-Length claims."""
    declared = request.headers.get("content-length")
    if declared and (not declared.isdigit() or int(declared) > limit):
        raise TooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> PlainTextResponse:
    return PlainTextResponse(
        _("the file is larger than {limit} MB").format(limit=limit // 1024 // 1024) + "\n", 413
    )


def _answer(result: dict[str, Any]) -> JSONResponse:
    return JSONResponse(result, _HTTP.get(result.get("status", 0), 200))


async def _engine(function, *args):
    def locked():
        with _ENGINE:
            return function(*args)

    return await run_in_threadpool(locked)


def create_app(settings: Settings):
    """The ASGI application of one run, behind its guard."""
    folder = settings.folder

    async def _upload(request: Request) -> tuple[bytes, str]:
        data = await _body(request, settings.max_upload)
        return data, unquote(request.headers.get("x-antq-name", "document.docx"))

    async def _json(request: Request) -> dict[str, Any]:
        from ..load.yaml_source import MAX_FILE_BYTES

        raw = await _body(request, 2 * MAX_FILE_BYTES)
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            value = None
        if not isinstance(value, dict):
            raise MessageError(_("the page sent a request antq cannot read; reload the page"))
        return value

    def text_of(value: dict[str, Any], key: str) -> str:
        field = value.get(key)
        if not isinstance(field, str):
            raise MessageError(_("the page sent a request antq cannot read; reload the page"))
        return field

    async def plan_page(request: Request) -> Response:
        return HTMLResponse(pages.plan_page())

    async def check_page(request: Request) -> Response:
        return HTMLResponse(pages.check_page())

    async def check(request: Request) -> Response:
        data, name = await _upload(request)
        return _answer(await _engine(documents.check_upload, data, name))

    async def fix(request: Request) -> Response:
        data, name = await _upload(request)
        return _answer(await _engine(documents.fix_upload, data, name))

    async def listing(request: Request) -> Response:
        return _answer(await _engine(plans.catalogue, folder))

    async def open_plan(request: Request) -> Response:
        return _answer(await _engine(plans.open_plan, folder, request.query_params.get("name", "")))

    async def preview(request: Request) -> Response:
        value = await _json(request)
        name = text_of(value, "name")
        if "form" in value:  # an edit in the form: the answer holds the YAML it writes
            return _answer(await _engine(plans.preview_plan, folder, name, None, value["form"]))
        return _answer(await _engine(plans.preview_plan, folder, name, text_of(value, "text")))

    async def save(request: Request) -> Response:
        value = await _json(request)
        seen = value.get("digest")
        return _answer(
            await _engine(
                plans.save_plan,
                folder,
                text_of(value, "name"),
                text_of(value, "text"),
                seen if isinstance(seen, str) else None,
            )
        )

    async def download(request: Request) -> Response:
        value = await _json(request)
        name, text = text_of(value, "name"), text_of(value, "text")
        pdf = request.url.path.endswith("/pdf")
        if pdf:
            data = await run_in_threadpool(plans.plan_pdf, folder, name, text, request.state.work)
        else:
            data = await _engine(plans.plan_docx, folder, name, text)
        stem = Path(name).stem
        filename = f"{stem}.pdf" if pdf else f"{stem}.docx"
        return Response(
            data,
            media_type="application/pdf" if pdf else DOCX_TYPE,
            headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
        )

    async def new(request: Request) -> Response:
        value = await _json(request)
        year = value.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise MessageError(_("--year: write a whole number"))
        return _answer(
            await _engine(
                plans.new_plan,
                folder,
                text_of(value, "kind"),
                year,
                text_of(value, "org"),
                text_of(value, "name"),
            )
        )

    async def import_plan(request: Request) -> Response:
        data, name = await _upload(request)
        return _answer(await _engine(plans.import_upload, data, name))

    async def too_large(request: Request, exc: Exception) -> Response:
        return _too_large(settings.max_upload)

    async def refused(request: Request, exc: Exception) -> Response:
        if isinstance(exc, PlanError):
            problems = plans.problems_of(exc, folder)
            error = "\n".join(p["text"] for p in problems)
            return _answer({"status": 2, "problems": problems, "error": error})
        if isinstance(exc, OutputError):
            return _answer({"status": 3, "error": plans.output_error(exc, folder)})
        message = getattr(exc, "message", str(exc))
        status = 3 if isinstance(exc, PdfError) else 2  # as `antq render --pdf` exits
        return _answer({"status": status, "error": message})

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)  # the browser asks; antq has none to give

    routes = [
        Route("/", plan_page),
        Route("/favicon.ico", no_icon),
        Route("/check", check_page),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/plans", listing),
        Route("/api/plan", open_plan),
        Route("/api/preview", preview, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/docx", download, methods=["POST"]),
        Route("/api/pdf", download, methods=["POST"]),
        Route("/api/new", new, methods=["POST"]),
        Route("/api/import", import_plan, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            TooLarge: too_large,
            MessageError: refused,
            PlanError: refused,
            OutputError: refused,
        },
    )
    return Guard(app, settings)
