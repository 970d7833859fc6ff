"""crawlers.known_reviews.KnownReviews: what an incremental crawl already has, from the runner or the store."""

from __future__ import annotations

from crawlers.known_reviews import KnownReviews
from models.identity import content_id, legacy_content_id


def _store(db_url: str, rows: list[dict]) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, rows, brand_id=brand_id)


def _review(external_id: str, text: str = "fine", source: str = "feed") -> dict:
    return {"source": source, "external_id": external_id, "text": text, "published_at": "2020-01-01"}


def test_without_a_store_nothing_is_known() -> None:
    known = KnownReviews("feed", "Acme")
    assert known.ids("feed") == set()
    assert not known.contains({"source": "feed", "external_id": "r1", "text": "fine"})


def test_the_runners_hand_over_is_used_per_source_and_the_store_is_never_opened() -> None:
    unreachable = "postgresql://nobody@127.0.0.1:1/none"  # a query would fail: the hand-over is enough
    known = KnownReviews("feed", "Acme", unreachable, handed={"feed": {"r1"}, "appstore": {"a9"}})
    assert known.ids("feed") == {"r1"}
    assert known.ids("appstore") == {"a9"}
    assert known.ids("reddit") == set()  # a source the brand has nothing from


def test_a_plain_crawl_reads_each_source_from_the_store_once(db_url: str) -> None:
    _store(db_url, [_review("r1"), _review("x1", source="other")])
    known = KnownReviews("feed", "Acme", db_url)
    assert known.ids("feed") == {"r1"}
    _store(db_url, [_review("r2")])  # stored during the crawl (its own batches): not read again
    assert known.ids("feed") == {"r1"}
    assert KnownReviews("feed", "Acme", db_url).ids("feed") == {"r1", "r2"}
    assert KnownReviews("feed", "Other brand", db_url).ids("feed") == set()


def test_a_review_is_recognised_by_its_own_id_or_by_either_content_id() -> None:
    source, author, text = "feed", "Ann", "Great  value"
    known = KnownReviews("feed", "Acme", handed={"feed": {"r1", legacy_content_id(source, author, text)}})
    assert known.contains({"source": source, "external_id": "r1", "text": "anything"})
    assert not known.contains({"source": source, "external_id": "r2", "text": "anything"})
    # no id from the site: the content id is filled in, and the old "h:" id of earlier crawls still matches
    assert known.contains({"source": source, "external_id": content_id(source, author, text), "author": author,
                           "text": text})
    assert known.contains({"source": source, "author": author, "text": text})  # no external_id at all
    assert not known.contains({"source": source, "author": author, "text": "Another text"})


def test_a_review_without_a_source_is_looked_up_under_the_spiders_name() -> None:
    known = KnownReviews("feed", "Acme", handed={"feed": {"r1"}})
    assert known.contains({"external_id": "r1", "text": "fine"})
    assert not KnownReviews("reddit", "Acme", handed={"feed": {"r1"}}).contains({"external_id": "r1"})
