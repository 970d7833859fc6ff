"""CSRF protection: a per-session token that every unsafe request must echo back.

The check is an app-wide dependency (not per route) so that no form can be
added without it. Forms send the token as the ``csrf_token`` field; scripts
may send it as the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

import secrets

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FIELD = "csrf_token"
HEADER = "x-csrf-token"


def new_csrf_token(request: Request) -> str:
    token = secrets.token_urlsafe(32)
    request.session["csrf"] = token
    return token


def csrf_token(request: Request) -> str:
    """The session's token, made on first use (e.g. the login page of a new visitor)."""
    token = request.session.get("csrf")
    return token if isinstance(token, str) and token else new_csrf_token(request)


async def csrf_protect(request: Request) -> None:
    """Reject an unsafe request whose token is missing or differs from the session's."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent: str | UploadFile | None = request.headers.get(HEADER)  # a form field may also be a file
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = (await request.form()).get(FIELD)
    if not (isinstance(expected, str) and isinstance(sent, str) and _same(expected, sent)):
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid; reload the page and retry")


def _same(expected: str, sent: str) -> bool:
    """Compared as bytes: ``compare_digest`` raises TypeError on a non-ASCII str (a 500, not a 403)."""
    return secrets.compare_digest(expected.encode("utf-8", "surrogatepass"), sent.encode("utf-8", "surrogatepass"))
