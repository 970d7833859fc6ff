"""Refuse a request whose query string or form carries a NUL character.

PostgreSQL cannot hold NUL in text, so a filter or a form field with one failed
deep in a query as a server error (a 500 on any page with a text filter, or on
login). No person types one, so the request is refused up front with a 400 that
names the field. The store strips NUL from crawled and imported text for the
same reason (``models.review_fields.clean_str``). An app-wide dependency, as the
CSRF check is, so a new filter or form field is covered without a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import HTTPException, Request

NUL = "\x00"


def _first_with_nul(items: Iterable[tuple[str, object]]) -> str | None:
    for name, value in items:
        if NUL in name or (isinstance(value, str) and NUL in value):
            return name.replace(NUL, "\\0")
    return None


async def refuse_nul(request: Request) -> None:
    """400 when a query parameter or form field (name or value) holds a NUL character."""
    where = _first_with_nul(request.query_params.multi_items())
    if where is None and "form" in request.headers.get("content-type", ""):
        where = _first_with_nul((await request.form()).multi_items())  # parsed once: the route reuses it
    if where is not None:
        raise HTTPException(status_code=400, detail=f"Bad request: {where!r} contains a NUL character (%00).")
