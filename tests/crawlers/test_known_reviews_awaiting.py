"""KnownReviews.stored: a recent review awaiting a reply is not "known" (it is read again) but it is stored.

What a crawl asks before naming a review after its page's host (the label earlier
crawls gave it) rather than its start URL's: from the runner's hand-over, or from
the store for a plain ``scrapy crawl``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawlers.known_reviews import KnownReviews

SOURCE = "schemaorg:127.0.0.1"


def _store(db_url: str, rows: list[dict]) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, rows, brand_id=crud.get_or_create_brand(session, "Acme").id)


def test_a_review_awaiting_a_reply_is_stored_though_not_known(db_url: str) -> None:
    recent = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    _store(db_url, [
        {"source": SOURCE, "external_id": "old", "text": "fine", "published_at": "2020-01-01"},
        {"source": SOURCE, "external_id": "new", "text": "fine", "published_at": recent},
        {"source": SOURCE, "author": "Ann", "text": "no id of its own", "published_at": recent},
    ])
    known = KnownReviews("schemaorg", "Acme", db_url)
    assert known.contains({"source": SOURCE, "external_id": "old"})
    assert not known.contains({"source": SOURCE, "external_id": "new"})  # read again for its reply
    assert known.stored({"source": SOURCE, "external_id": "new"})
    assert known.stored({"source": SOURCE, "author": "Ann", "text": "No id  of its own"})
    assert not known.stored({"source": SOURCE, "external_id": "other"})
    assert not known.stored({"source": "schemaorg:localhost", "external_id": "new"})
    assert known.stored_any(SOURCE) and not known.stored_any("schemaorg:localhost")


def test_the_runners_hand_over_of_awaiting_reviews_is_used_without_the_store() -> None:
    unreachable = "postgresql://nobody@127.0.0.1:1/none"
    known = KnownReviews("schemaorg", "Acme", unreachable, handed={SOURCE: {"old"}}, handed_awaiting={SOURCE: {"new"}})
    assert known.stored({"source": SOURCE, "external_id": "new"}) and not known.contains({"source": SOURCE,
                                                                                          "external_id": "new"})
    assert not known.stored({"source": "schemaorg:localhost", "external_id": "new"})
