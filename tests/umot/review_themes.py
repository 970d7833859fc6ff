"""A review stored for the theme CLI tests, and the themes its current reading has.

The `umot themes correct` tests here store a review, run the CLI on it and read its themes back; each wrote
these out alike.
"""

from __future__ import annotations

from sqlmodel import col, select


def add_review(db_url: str, external_id: str, text: str) -> int:
    """Store ``text`` as review ``external_id`` of the brand Acme (made if new); its id."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, [{"source": "t", "external_id": external_id, "text": text}], brand_id=brand)
    with session_scope(get_engine(db_url), write=False) as session:
        return stored_id(session.exec(select(Review).where(col(Review.external_id) == external_id)).one())


def reading_themes(db_url: str, review_id: int) -> dict[str, str]:
    """The themes (theme -> polarity) of the review's current reading."""
    from models.crud.journeys import current_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url), write=False) as session:
        return current_journeys(session, [review_id])[review_id]["themes"]
