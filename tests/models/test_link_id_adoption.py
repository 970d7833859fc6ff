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


def _permalink_row(author: str, n: int) -> dict[str, Any]:
    """A row whose id is its permalink and whose ``@id`` (the product page, shared) crawls before dropped."""
    row = _row(author)
    row["external_id"] = f"{MUG}reviews/{n}"
    return row


def _content_id(author: str) -> str:
    return content_id(SOURCE, author, f"{author} says the mug is fine.")


def test_a_review_stored_under_its_content_id_takes_its_permalink(session, brand_id) -> None:
    """Several reviews shared the link: crawls stored each under its content id, not under the link."""
    crud.upsert_reviews(session, [_row("Ann"), _row("Bob")], brand_id=brand_id)  # as crawls stored them
    session.commit()
    before = _stored(session)
    again = crud.upsert_reviews(session, [_permalink_row(a, n) for n, a in enumerate(["Ann", "Bob", "Cy"])],
                                brand_id=brand_id)
    assert (again.new, again.existing, again.edited) == (1, 2, 0)
    session.commit()
    stored = _stored(session)
    assert set(stored) == {f"{MUG}reviews/{n}" for n in range(3)}
    assert stored[f"{MUG}reviews/0"] == before[_content_id("Ann")]


def test_a_content_id_moves_once_and_never_onto_a_stored_id(session, brand_id) -> None:
    """Ann wrote the same words twice (two permalinks): one review was stored under their content id, and
    takes the first; a review already stored under its permalink keeps it and the content id stays."""
    crud.upsert_reviews(session, [_row("Ann"), _permalink_row("Bob", 1), _row("Bob")], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_permalink_row("Ann", 0), _permalink_row("Ann", 5),
                                          _permalink_row("Bob", 1)], brand_id=brand_id)
    assert (again.new, again.existing) == (1, 2)
    session.commit()
    assert sorted(_stored(session)) == sorted([f"{MUG}reviews/0", f"{MUG}reviews/5", f"{MUG}reviews/1",
                                               _content_id("Bob")])


def test_a_content_id_a_row_of_the_batch_has_stays(session, brand_id) -> None:
    """The batch's own row under the content id (the review without a permalink) keeps the stored review."""
    crud.upsert_reviews(session, [_row("Ann")], brand_id=brand_id)
    session.commit()
    plain = _row("Ann")
    plain["extra"] = {"syntax": "microdata"}
    again = crud.upsert_reviews(session, [plain, _permalink_row("Ann", 0)], brand_id=brand_id)
    assert (again.new, again.existing) == (1, 1)
    session.commit()
    assert set(_stored(session)) == {_content_id("Ann"), f"{MUG}reviews/0"}


def test_another_review_stored_under_its_content_id_does_not_move(session, brand_id) -> None:
    crud.upsert_reviews(session, [_row("Bob")], brand_id=brand_id)
    session.commit()
    assert crud.upsert_reviews(session, [_permalink_row("Ann", 0)], brand_id=brand_id).new == 1
    session.commit()
    assert set(_stored(session)) == {_content_id("Bob"), f"{MUG}reviews/0"}
