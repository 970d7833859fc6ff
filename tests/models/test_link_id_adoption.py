"""Reviews stored under their link to the product page (as crawls took it for their id) take their new id.

Crawls took a review's ``"url": "/mug/"`` for its id; now such a review has the content id and the row
carries the link (``extra["link_id"]``). The stored review that says what the row says takes the row's
id instead of being stored a second time; another review stored under the same link stays as it is.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from crawlers.extract.review_ids import LINK_ID as CRAWL_LINK_ID
from models import crud
from models.crud.link_ids import LINK_ID
from models.identity import content_id
from models.tables import Review

SOURCE = "schemaorg:shop.example"
MUG = "https://shop.example/mug/"


def _row(author: str, *, stored_before: bool = False) -> dict[str, Any]:
    text = f"{author} says the mug is fine."
    row: dict[str, Any] = {"source": SOURCE, "url": MUG, "author": author, "text": text, "rating": 4,
                           "extra": {"syntax": "json-ld", "item_reviewed": "Mug"}}
    if stored_before:
        row["external_id"] = MUG
    else:
        row["extra"][LINK_ID] = MUG
    return row


def _stored(session: Any) -> dict[str, tuple[int, str | None]]:
    return {r.external_id: (r.id, r.author) for r in session.exec(select(Review))}


def test_the_crawler_writes_the_key_the_store_reads() -> None:
    assert CRAWL_LINK_ID == LINK_ID


def test_a_review_stored_under_its_link_takes_its_content_id_and_the_next_one_is_new(session, brand_id) -> None:
    crud.upsert_reviews(session, [_row("Ann", stored_before=True)], brand_id=brand_id)
    session.commit()
    (ann_id, _), = _stored(session).values()

    again = crud.upsert_reviews(session, [_row("Ann"), _row("Bob")], brand_id=brand_id)
    assert (again.new, again.existing, again.edited) == (1, 1, 0)
    session.commit()
    stored = _stored(session)
    assert set(stored) == {content_id(SOURCE, "Ann", "Ann says the mug is fine."),
                           content_id(SOURCE, "Bob", "Bob says the mug is fine.")}
    assert stored[content_id(SOURCE, "Ann", "Ann says the mug is fine.")] == (ann_id, "Ann")


def test_only_the_review_that_says_the_same_moves(session, brand_id) -> None:
    """A full crawl stored Bob's review over Ann's under the link: Bob's moves, Ann's is new."""
    crud.upsert_reviews(session, [_row("Bob", stored_before=True)], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_row("Ann"), _row("Bob")], brand_id=brand_id)
    assert (again.new, again.existing) == (1, 1)
    session.commit()
    assert sorted(author for _, author in _stored(session).values()) == ["Ann", "Bob"]


def test_another_review_stored_under_the_link_stays(session, brand_id) -> None:
    crud.upsert_reviews(session, [_row("Cy", stored_before=True)], brand_id=brand_id)
    session.commit()
    assert crud.upsert_reviews(session, [_row("Ann")], brand_id=brand_id).new == 1
    session.commit()
    assert _stored(session)[MUG][1] == "Cy"
