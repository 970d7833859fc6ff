"""Page states: what a crawl last read at each URL of a brand (validators, kind, a hub's links).

They live in the store, beside the reviews, so "this page did not change
since the last crawl" is only ever believed by the store that holds that
page's reviews (see ``models.tables.PageState``). The crawl writes them in
the same transaction as the reviews of the same pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import Session, select

from models.crud._dialect import chunk_size, chunks, insert_for
from models.tables import PageState, table_of, utcnow

PAGE_TABLE = table_of(PageState)
PAGE_FIELDS = ("url", "etag", "last_modified", "kind", "links")


def page_states(session: Session, *, brand_id: int) -> dict[str, dict[str, Any]]:
    """``{url: {etag, last_modified, kind, links}}`` for every page the brand's crawls read."""
    query = select(PageState).where(PageState.brand_id == brand_id)
    return {
        row.url: {"etag": row.etag, "last_modified": row.last_modified, "kind": row.kind, "links": list(row.links)}
        for row in session.exec(query)
    }


def save_page_states(session: Session, rows: Sequence[Mapping[str, Any]], *, brand_id: int) -> int:
    """Insert or replace page states keyed on (brand, url); the last row of a URL wins."""
    now = utcnow()
    by_url = {
        row["url"]: {"brand_id": brand_id, "updated_at": now, "links": list(row.get("links") or []),
                     **{name: row.get(name) for name in PAGE_FIELDS if name != "links"}}
        for row in rows
    }
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
