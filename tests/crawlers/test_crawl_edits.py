"""A review edited on its site reaches the store through a crawl that reads it again (``CRAWL_FULL``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.crawlers.test_crawl_hosts import TwoHostSite, _crawl, site  # noqa: F401 - site is a fixture


def _stored(db_url: str) -> dict[str, tuple[str, float | None, bool]]:
    """external id -> (text, rating, edited?) of the reviews with a site id."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url), write=False) as session:
        return {r.external_id: (r.text, r.rating, r.edited_at is not None)
                for r in session.exec(select(Review)) if not r.external_id.startswith("sha1:")}


@pytest.mark.slow
def test_a_full_crawl_takes_an_edit_an_incremental_one_passes_it_by(
    site: TwoHostSite, db_url: str, local_settings: dict[str, Any]  # noqa: F811 - the fixture
) -> None:
    for n in range(1, 5):
        site.add(n, datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=n))
    start = site.url("127.0.0.1", "/reviews")
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 4
    edited = next(r for r in site.reviews if r.get("identifier") == "review-3")
    edited["reviewBody"] = "Edited: it stopped boiling after a week."
    edited["reviewRating"]["ratingValue"] = 1
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 0
    assert _stored(db_url)["review-3"][2] is False  # a known review is not read again: the edit is not seen
    full = _crawl("schemaorg", start, db_url, {**local_settings, "CRAWL_FULL": True})
    assert (full.items_new, full.items_edited) == (0, 1)  # what `umot crawl` says: "0 new, 1 edited"
    assert _stored(db_url)["review-3"] == ("Edited: it stopped boiling after a week.", 1.0, True)
    assert _stored(db_url)["review-1"][2] is False  # unchanged reviews read again are not edits
