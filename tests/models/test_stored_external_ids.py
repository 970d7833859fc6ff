"""Which external ids the store holds: one query per 500 ids, and legacy adoption costs no query per row.

``models.crud.stored_external_ids`` is the one ``IN (...)`` lookup that adoptions, replies and edits share;
a batch of N rows must cost O(N / 500) queries (the relative-id adoption once asked once per row).
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from models import crud
from models.crud.legacy_ids import RELATIVE_ID, adopt_legacy_ids
from models.crud.stored_external_ids import CHUNK, stored_ids, stored_rows
from models.tables import Review
from tests.sql_statements import beginning_with, recorded_sql

SOURCE, OTHER = "schemaorg:shop.example", "trustpilot"
SITE = "https://shop.example/p"


def _review(source: str, external_id: str, n: int = 0, url: str | None = None) -> dict[str, Any]:
    return {"source": source, "external_id": external_id, "author": f"Author {n}", "text": f"review {n}",
            "rating": 4, "url": url, "extra": {}}


def test_only_the_sources_and_brands_ids_are_stored(session: Session, brand_id: int) -> None:
    other_brand = crud.get_or_create_brand(session, "Globex").id
    assert other_brand is not None
    crud.upsert_reviews(session, [_review(SOURCE, "a"), _review(SOURCE, "b", 1)], brand_id=brand_id)
    crud.upsert_reviews(session, [_review(OTHER, "c")], brand_id=brand_id)
    crud.upsert_reviews(session, [_review(SOURCE, "d")], brand_id=other_brand)
    session.commit()

    assert stored_ids(session, brand_id, SOURCE, ["a", "b", "c", "d", "e", "a"]) == {"a", "b"}
    assert stored_ids(session, brand_id, OTHER, ["a", "c"]) == {"c"}
    assert stored_ids(session, brand_id, SOURCE, []) == set()


def test_rows_give_the_columns_asked_of_one_source_or_any(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [_review(SOURCE, "a", 1), _review(OTHER, "a", 2)], brand_id=brand_id)
    session.commit()

    mine = stored_rows(session, brand_id, SOURCE, {"a", "z"}, Review.external_id, Review.author)
    assert [tuple(row) for row in mine] == [("a", "Author 1")]
    anywhere = stored_rows(session, brand_id, None, ["a"], Review.source, Review.text)
    assert sorted(tuple(row) for row in anywhere) == [(SOURCE, "review 1"), (OTHER, "review 2")]


def test_many_ids_cost_one_query_per_chunk(session: Session, brand_id: int) -> None:
    n = 2 * CHUNK + 3
    ids = [f"r{i:05d}" for i in range(n)]
    crud.upsert_reviews(session, [_review(SOURCE, i, k) for k, i in enumerate(ids[::2])], brand_id=brand_id)
    session.commit()

    with recorded_sql(session.get_bind()) as sent:
        found = stored_ids(session, brand_id, SOURCE, [*ids, *ids])  # repeated ids are asked once
    assert found == set(ids[::2])
    assert len(beginning_with(sent, "SELECT")) == 3


def test_relative_ids_of_many_rows_are_adopted_in_a_few_queries(session: Session, brand_id: int) -> None:
    """Each move once asked whether its absolute id was stored: 1,100 rows took over 1,100 queries."""
    n = 1100
    old = [_review(SOURCE, f"review-{i}", i, f"{SITE}/{i}/") for i in range(n)]
    crud.upsert_reviews(session, old, brand_id=brand_id)
    session.commit()
    rows = [{**row, "external_id": f"{SITE}/{i}/review-{i}", "extra": {RELATIVE_ID: f"review-{i}"}}
            for i, row in enumerate(old)]

    with recorded_sql(session.get_bind()) as sent:
        moved = adopt_legacy_ids(session, brand_id, rows)
    session.commit()
    assert moved == n
    # the written ids, then their absolute ones: 500 a query
    assert len(beginning_with(sent, "SELECT")) <= 2 * -(-n // CHUNK)
    assert stored_ids(session, brand_id, SOURCE, [row["external_id"] for row in rows]) == {
        row["external_id"] for row in rows}


def test_two_relative_ids_of_one_absolute_move_one_review(session: Session, brand_id: int) -> None:
    """The first move takes the absolute id: the second review keeps its own (the identity stays unique)."""
    url = f"{SITE}/1/"
    crud.upsert_reviews(session, [_review(SOURCE, "review-1", 1, url), _review(SOURCE, "review-2", 2, url)],
                        brand_id=brand_id)
    session.commit()
    absolute = f"{url}review-1"
    rows = [{**_review(SOURCE, absolute, n, url), "extra": {RELATIVE_ID: f"review-{n}"}} for n in (1, 2)]

    assert adopt_legacy_ids(session, brand_id, rows) == 1
    session.commit()
    stored = sorted(r.external_id for r in session.exec(select(Review)))
    assert absolute in stored and len(stored) == 2 and set(stored) - {absolute} <= {"review-1", "review-2"}
