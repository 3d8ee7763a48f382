"""The read-only web API over a store (``storyline serve``), built with FastAPI.

Every error, whatever raised it (an unknown story, a bad parameter, an
unknown path, a fault of ours), answers with one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

The interactive docs (``/docs``) load Swagger UI from the installed
``swagger-ui-bundle-v2`` package, so they work without network.
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from storyline.render.html import ASSET_FILES, CSP, asset_path, dossier_to_html, index_to_html
from storyline.store.reader import Page, Reader
from storyline.version import __version__

# Pages we serve may not be framed; the meta CSP cannot say so, the header can.
PAGE_CSP = CSP + "; frame-ancestors 'none'"
_STORY_ID = re.compile(r"^s[0-9a-f]{16}$")

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameter",
    500: "internal_error",
}


class ClaimStatus(StrEnum):
    corroborated = "corroborated"
    repeated = "repeated"
    conflicting = "conflicting"
    single_source = "single-source"


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorResponse(BaseModel):
    error: ErrorBody


class PageOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "A parameter is missing or invalid"},
}

Limit = Annotated[int, Query(ge=1, le=200, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


def error_response(
    status: int, message: str, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body = {
        "error": {
            "status": status,
            "code": CODES.get(status, f"http_{status}"),
            "message": message,
            "details": details or [],
        }
    }
    return JSONResponse(body, status_code=status)


def _page(page: Page, limit: int, offset: int) -> JSONResponse:
    # Returned as a response, so FastAPI does not walk the items again to encode them;
    # the declared response_model still documents the shape.
    body = {"total": page.total, "limit": limit, "offset": offset, "items": page.items}
    return JSONResponse(body)


@lru_cache(maxsize=64)
def _report_html(story_json: str) -> str:
    """A story's report page; the key is the stored dossier text, so a rerun refreshes it."""
    return dossier_to_html(json.loads(story_json), assets="/assets/", index="/")


def _html(text: str) -> HTMLResponse:
    return HTMLResponse(
        text,
        headers={
            "Content-Security-Policy": PAGE_CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def create_app(db: str | Path) -> FastAPI:
    """The API over the store file ``db``, opened read-only."""
    reader = Reader(db)
    app = FastAPI(
        title="Storyline",
        version=__version__,
        description="Read-only access to a Storyline store: stories, dossiers, entities, "
        "claims, full-text search over articles, and each story's HTML report.",
        docs_url=None,
        redoc_url=None,
    )
    _install_error_handlers(app)
    _install_docs(app)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        return _html(
            index_to_html(reader.all_dossiers(), assets="/assets/", link="/stories/{id}/report")
        )

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> FileResponse:
        if name not in ASSET_FILES:
            raise HTTPException(404, f"no asset {name}")
        return FileResponse(asset_path(name), headers={"X-Content-Type-Options": "nosniff"})

    @app.get("/stories", response_model=PageOut, responses=ERRORS, tags=["stories"])
    def stories(
        q: Annotated[str | None, Query(description="words in the title or articles")] = None,
        entity: Annotated[str | None, Query(description="entity name, alias or id")] = None,
        date_from: Annotated[date | None, Query(alias="from", description="YYYY-MM-DD")] = None,
        date_to: Annotated[date | None, Query(alias="to", description="YYYY-MM-DD")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Stories, most recent first; filter by words, an entity, and a date range."""
        page = reader.stories(
            q=q,
            entity=entity,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None,
            limit=limit,
            offset=offset,
        )
        return _page(page, limit, offset)

    def _dossier(story_id: str) -> str:
        raw = reader.dossier_json(story_id) if _STORY_ID.match(story_id) else None
        if raw is None:
            raise HTTPException(404, f"no story {story_id}")
        return raw

    @app.get(
        "/stories/{story_id}",
        responses={200: {"content": {"application/json": {}}}, **ERRORS},
        tags=["stories"],
    )
    def story(story_id: str) -> Response:
        """The story's dossier, as in ``docs/dossier.schema.json``."""
        return Response(_dossier(story_id), media_type="application/json")

    @app.get(
        "/stories/{story_id}/report",
        response_class=HTMLResponse,
        responses=ERRORS,
        tags=["stories"],
    )
    def report(story_id: str) -> HTMLResponse:
        """The story's HTML report (map, timeline, claims, highlighted articles)."""
        return _html(_report_html(_dossier(story_id)))

    @app.get("/entities", response_model=PageOut, responses=ERRORS, tags=["entities"])
    def entities(
        q: Annotated[str | None, Query(description="part of a name or alias")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Entities across all stories, most mentioned first."""
        return _page(reader.entities(q, limit=limit, offset=offset), limit, offset)

    @app.get("/claims", response_model=PageOut, responses=ERRORS, tags=["claims"])
    def claims(
        status: ClaimStatus | None = None,
        story: Annotated[str | None, Query(pattern=r"^s[0-9a-f]{16}$")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Claims across stories, each with its story id; filter by status or story."""
        page = reader.claims(
            status.value if status else None, story=story, limit=limit, offset=offset
        )
        return _page(page, limit, offset)

    @app.get("/search", response_model=PageOut, responses=ERRORS, tags=["search"])
    def search(
        q: Annotated[str, Query(min_length=1, description="words, all required")],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Full-text search over article titles and text (SQLite FTS5), best match first."""
        return _page(reader.search(q, limit=limit, offset=offset), limit, offset)

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> Response:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        details = [
            {
                "where": ".".join(str(p) for p in err.get("loc", ())),
                "problem": str(err.get("msg", "")),
            }
            for err in exc.errors()
        ]
        return error_response(422, "invalid request parameters", details)

    @app.exception_handler(Exception)
    async def crashed(_: Request, exc: Exception) -> Response:
        return error_response(500, f"internal error ({type(exc).__name__})")


def _install_docs(app: FastAPI) -> None:
    import swagger_ui_bundle  # the Swagger UI files, served from this machine

    app.mount(
        "/docs-assets",
        StaticFiles(directory=str(swagger_ui_bundle.swagger_ui_path)),
        name="docs-assets",
    )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Storyline API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
