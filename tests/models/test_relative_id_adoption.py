"""Reviews stored under a relative site id (``review-1``, as crawls kept it) take its absolute id.

Crawls now resolve ``"@id": "review-1"`` against the page; the row carries the
id as written (``extra["relative_id"]``). The stored review of the same page
takes the absolute id instead of being stored a second time; another page's
``review-1`` is another review and leaves it alone.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import crud
from models.crud.legacy_ids import RELATIVE_ID
from models.tables import Review

SOURCE = "schemaorg:127.0.0.1"
SITE = "http://127.0.0.1:8765/relid"


def _row(product: str, n: int, *, resolved: bool = True) -> dict[str, Any]:
    written = f"review-{n}"
    row: dict[str, Any] = {"source": SOURCE, "url": f"{SITE}/{product}/", "author": f"Author {n}",
                           "text": f"product {product}: review {n}", "rating": 2, "extra": {"syntax": "json-ld"}}
    if resolved:
        row["external_id"] = f"{SITE}/{product}/{written}"
        row["extra"][RELATIVE_ID] = written
    else:  # as crawls before stored it
        row["external_id"] = written
    return row


def _stored(session) -> dict[str, tuple[str | None, str, Any]]:
    return {r.external_id: (r.url, r.text, r.edited_at) for r in session.exec(select(Review))}


def test_a_review_stored_under_its_relative_id_takes_the_absolute_one(session, brand_id) -> None:
    old = crud.upsert_reviews(session, [_row("a", 1, resolved=False), _row("a", 2, resolved=False)], brand_id=brand_id)
    ids = dict(zip(("review-1", "review-2"), old.new_ids, strict=True))
    session.commit()

    again = crud.upsert_reviews(session, [_row("a", 1), _row("a", 2)], brand_id=brand_id)
    assert (again.new, again.existing, again.edited) == (0, 2, 0)
    session.commit()
    stored = {r.external_id: r.id for r in session.exec(select(Review))}
    assert stored == {f"{SITE}/a/review-1": ids["review-1"], f"{SITE}/a/review-2": ids["review-2"]}
    assert crud.known_external_ids(session, brand_id=brand_id, source=SOURCE) == set(stored)


def test_another_pages_relative_id_is_another_review(session, brand_id) -> None:
    crud.upsert_reviews(session, [_row("a", 1, resolved=False)], brand_id=brand_id)
    session.commit()

    b = crud.upsert_reviews(session, [_row("b", 1)], brand_id=brand_id)
    assert (b.new, b.edited) == (1, 0)
    session.commit()
    assert _stored(session) == {
        "review-1": (f"{SITE}/a/", "product a: review 1", None),  # product a's review, untouched
        f"{SITE}/b/review-1": (f"{SITE}/b/", "product b: review 1", None),
    }
    a = crud.upsert_reviews(session, [_row("a", 1)], brand_id=brand_id)  # a's page read again: now adopted
    assert (a.new, a.existing) == (0, 1)
    session.commit()
    assert set(_stored(session)) == {f"{SITE}/a/review-1", f"{SITE}/b/review-1"}


def test_a_review_stored_under_both_ids_keeps_both(session, brand_id) -> None:
    """Nothing to move when the absolute id is stored too (the update would break the identity)."""
    crud.upsert_reviews(session, [_row("a", 1, resolved=False), _row("a", 1)], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_row("a", 1)], brand_id=brand_id)
    assert (again.new, again.existing) == (0, 1)
    session.commit()
    assert set(_stored(session)) == {"review-1", f"{SITE}/a/review-1"}
