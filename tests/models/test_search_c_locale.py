"""The queue's text search in a PostgreSQL database created with ``--locale=C``.

There ``lower()`` lowers ASCII letters only, while the search term was lowered in Python: "Ünïcödé"
did not even find itself. The term and the columns are now folded by the same SQL, with ICU's
Unicode case mapping where the server has ICU.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from models.crud import get_or_create_brand, upsert_flags, upsert_reviews
from models.crud.triage.queue import joined_flag_query
from models.crud.triage.queue_filter import QueueFilter, filter_conditions
from models.db import dispose_engines, init_db
from models.tables import Flag, Review

pytestmark = pytest.mark.postgres


@pytest.fixture
def c_locale_engine(pg_database: str) -> Iterator[Engine]:
    """A migrated database created as ``createdb --locale=C --template=template0`` would (dropped afterwards)."""
    url = make_url(pg_database)
    name = f"{url.database}_c"
    admin = {"host": url.host, "port": url.port, "user": url.username, "dbname": url.database}
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" LOCALE \'C\' ENCODING \'UTF8\' TEMPLATE template0')
    try:
        engine = init_db(url.set(database=name).render_as_string(hide_password=False))
        with engine.connect() as db:
            assert db.execute(text("SELECT datctype FROM pg_database WHERE datname = current_database()")).scalar() == "C"
            assert db.execute(text("SELECT lower('Ü')")).scalar() == "Ü"  # the locale this is about
        yield engine
    finally:
        dispose_engines()
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _has_icu(engine: Engine) -> bool:
    with engine.connect() as db:
        return bool(db.execute(text("SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'")).scalar())


def test_search_finds_every_letter_in_any_case(c_locale_engine: Engine) -> None:
    with Session(c_locale_engine) as session:
        brand_id = int(get_or_create_brand(session, f"Acme {uuid.uuid4().hex[:6]}").id or 0)
        rows = [{"source": "t", "external_id": "u", "text": "Ünïcödé ÉTÉ straße", "published_at": datetime(2026, 3, 2, tzinfo=UTC)},
                {"source": "t", "external_id": "a", "text": "plain", "author": "MALLORY", "published_at": datetime(2026, 3, 2, tzinfo=UTC)}]
        ids = upsert_reviews(session, rows, brand_id=brand_id).new_ids
        upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": [], "severity": 0.5} for i in ids])
        session.commit()

        def kept(q: str) -> set[str]:
            query = joined_flag_query(select(col(Review.external_id)).select_from(Flag))
            return set(session.exec(query.where(*filter_conditions(QueueFilter(q=q)))))

        assert kept("Ünïcödé") == {"u"}  # found itself: whatever the server, both sides fold alike
        assert kept("mallory") == {"a"} and kept("100%") == set()
        if not _has_icu(c_locale_engine):
            pytest.skip("this PostgreSQL server has no ICU: a C-locale database folds ASCII letters only")
        for q in ("ünïcödé", "ÜNÏCÖDÉ", "été", "STRAẞE"):
            assert kept(q) == {"u"}, q


def test_without_icu_a_term_still_finds_itself(c_locale_engine: Engine) -> None:
    """A server built without ICU: the database's lower() on both sides (here: ICU hidden from a fresh engine)."""
    from models import text_fold
    from models.db import create_engine_for

    engine = create_engine_for(c_locale_engine.url.render_as_string(hide_password=False))
    setattr(engine.dialect, text_fold._HAS_ICU, False)  # noqa: B010 - as the probe would find it
    try:
        with Session(engine) as session:
            brand_id = int(get_or_create_brand(session, "Acme").id or 0)
            ids = upsert_reviews(session, [{"source": "t", "external_id": "u", "text": "Ünïcödé",
                                            "published_at": datetime(2026, 3, 2, tzinfo=UTC)}], brand_id=brand_id).new_ids
            upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": [], "severity": 0.5} for i in ids])
            session.commit()
            query = joined_flag_query(select(col(Review.external_id)).select_from(Flag))
            found = {q: set(session.exec(query.where(*filter_conditions(QueueFilter(q=q))))) for q in ("Ünïcödé", "ÜNïCödé", "ünïcödé")}
            # ASCII letters in any case, others as written
            assert found == {"Ünïcödé": {"u"}, "ÜNïCödé": {"u"}, "ünïcödé": set()}
    finally:
        engine.dispose()
