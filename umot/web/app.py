"""Build the triage app: session + CSRF + security headers around the page routers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from umot.web.auth import SESSION_MAX_AGE
from umot.web.csrf import csrf_protect
from umot.web.deps import LoginRequired
from umot.web.head import HeadAsGet
from umot.web.nul_guard import refuse_nul
from umot.web.routes import advocates, download, flag, login, overview, queue, rivals, themes
from umot.web.templating import render

STATIC_DIR = Path(__file__).parent / "static"
# Everything is served from here: no inline script, no CDN, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# Pages and the CSV hold a brand's reviews and the viewer's name: no browser or proxy keeps a copy
# (the back button on a shared computer after logout, a proxy's cache). Static files may be cached.
NO_STORE = {"Cache-Control": "no-store"}


def create_app(
    database_url: str | None = None, *, secret_key: str | None = None, secure_cookies: bool | None = None
) -> FastAPI:
    """The app on ``database_url`` (None -> settings), migrated to the newest schema.

    ``secret_key`` signs the session cookie (None -> ``UMOT_SECRET_KEY`` or the
    key file in the data directory). ``secure_cookies`` (None -> ``UMOT_SECURE_COOKIES``)
    marks the cookie ``Secure``: browsers then send it over HTTPS only (serve behind TLS).
    """
    from core.settings import get_settings
    from models.db import init_db
    from umot.web.secret import load_secret_key

    app = FastAPI(
        title="umot triage", docs_url=None, redoc_url=None, openapi_url=None,
        dependencies=[Depends(refuse_nul), Depends(csrf_protect)],
    )
    app.state.engine = init_db(database_url)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or load_secret_key(get_settings()),
        session_cookie="umot_session",
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=get_settings().secure_cookies if secure_cookies is None else secure_cookies,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        private = not (request.url.path == "/static" or request.url.path.startswith("/static/"))
        for name, value in (SECURITY_HEADERS | NO_STORE if private else SECURITY_HEADERS).items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(HeadAsGet)  # outermost: every layer and route sees a GET

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        """To the login page, the URL asked for encoded once as its ``next`` (it comes back whole)."""
        return RedirectResponse(f"/login?next={quote(exc.next_path, safe='')}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        where = next((str(e.get("loc", ("",))[-1]) for e in exc.errors()), "")
        return render(request, "error.html", status_code=400, code=400, detail=f"Bad request: check {where!r}.")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        """A bug's 500 (answered outside the other layers) still carries the security headers."""
        return PlainTextResponse("Internal Server Error", status_code=500, headers=SECURITY_HEADERS | NO_STORE)

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException) -> Response:
        response = render(request, "error.html", status_code=exc.status_code, code=exc.status_code, detail=exc.detail)
        response.headers.update(exc.headers or {})  # a 503's Retry-After, a 405's Allow
        return response

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in (login, queue, download, flag, overview, rivals, advocates, themes):
        app.include_router(module.router)
    return app
