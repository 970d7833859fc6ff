"""Where a request without a session comes back to after login, and what the login page tells it.

A GET comes back to the URL it asked for. A form's POST can't be replayed (its change is
lost, and the login page says so): it comes back to the page the form is on, never to a
POST-only URL, which answered 405 as a GET after login (``/flags/1/themes``).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from starlette.routing import Match, Mount

from umot.web.csrf import SAFE_METHODS

# Shown once on the login page after a change posted with an ended session (logout elsewhere, 12 h since login).
# Fixed text, kept in the signed session: a link can't make the login page say anything else.
CHANGE_LOST = "Your session ended; your change was not saved — log in and make it again."


def asked_for(request: Request) -> str:
    """The local URL of this request as the browser sent it, to come back to after login.

    The query string arrives percent-encoded already: kept as it is (encoding it again
    turned a saved link's ``schemaorg%3A…`` and ``q=a+b`` into other, literal filters).
    The path arrives decoded, so it is encoded once. An unsafe method's URL is its form's page.
    """
    if request.method not in SAFE_METHODS:
        return form_page(request)
    query = request.url.query
    return quote(request.url.path) + (f"?{query}" if query else "")


def form_page(request: Request) -> str:
    """The nearest page, the path itself or a parent of it, that answers GET (``/flags/1/themes`` -> ``/flags/1``)."""
    parts = request.url.path.rstrip("/").split("/")
    while len(parts) > 1:
        path = "/".join(parts)
        scope = {"type": "http", "method": "GET", "path": path, "root_path": ""}
        routes = (r for r in request.app.router.routes if not isinstance(r, Mount))  # not /static's files
        if any(route.matches(scope)[0] == Match.FULL for route in routes):
            return quote(path)
        parts.pop()
    return "/"


def safe_next(path: str | None) -> str:
    """Only local paths after login (no open redirect to another site)."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"
