"""Page states: what a crawl last read at each URL of a brand (validators, kind, a hub's links).

They live in the store, beside the reviews, so "this page did not change
since the last crawl" is only ever believed by the store that holds that
page's reviews (see ``models.tables.PageState``). The crawl writes them in
the same transaction as the reviews of the same pages, so a URL longer than
``pagestate.url`` holds is stored as :func:`page_key` (else PostgreSQL refuses
the whole batch, reviews included).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import Session, select

from models.crud._dialect import chunk_size, chunks, insert_for
from models.tables import PageState, table_of, utcnow

PAGE_TABLE = table_of(PageState)
PAGE_FIELDS = ("url", "etag", "last_modified", "kind", "links")
URL_CHARS: int = PAGE_TABLE.c.url.type.length  # type: ignore[attr-defined]


def page_key(url: str) -> str:
    """``url`` as ``pagestate.url`` holds it: a longer one cut, ending in the hash of the whole, so two
    long URLs stay apart and the next crawl finds its row by the same key (``crawlers.page_state``)."""
    if len(url) <= URL_CHARS:
        return url
    digest = "#sha1:" + hashlib.sha1(url.encode("utf-8")).hexdigest()
    return url[: URL_CHARS - len(digest)] + digest


def page_states(session: Session, *, brand_id: int) -> dict[str, dict[str, Any]]:
    """``{url: {etag, last_modified, kind, links}}`` for every page the brand's crawls read (a long URL
    under its :func:`page_key`)."""
    query = select(PageState).where(PageState.brand_id == brand_id)
    return {
        row.url: {"etag": row.etag, "last_modified": row.last_modified, "kind": row.kind, "links": list(row.links)}
        for row in session.exec(query)
    }


def save_page_states(session: Session, rows: Sequence[Mapping[str, Any]], *, brand_id: int) -> int:
    """Insert or replace page states keyed on (brand, :func:`page_key` of url); the last row of a URL wins."""
    now = utcnow()
    by_url: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = page_key(row["url"])
        by_url[key] = {**{name: row.get(name) for name in PAGE_FIELDS}, "url": key,
                       "links": list(row.get("links") or []), "brand_id": brand_id, "updated_at": now}
    if not by_url:
        return 0
    rows_in_order = [by_url[url] for url in sorted(by_url)]  # one lock order for crawls writing at once
    insert = insert_for(session, PAGE_TABLE)
    stmt = insert.on_conflict_do_update(
        index_elements=["brand_id", "url"],
        set_={name: insert.excluded[name] for name in ("etag", "last_modified", "kind", "links", "updated_at")},
    )
    for batch in chunks(rows_in_order, chunk_size(session, len(PAGE_FIELDS) + 2)):
        session.execute(stmt, list(batch))
    return len(by_url)
