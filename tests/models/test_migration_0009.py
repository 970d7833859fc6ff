"""Migration 0009: a crawl run's handover state in columns, filled from the messages of the runs before it;
review.edited_at indexed. Runs on SQLite and on PostgreSQL (a database of its own: tests/conftest.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Executable, Integer, inspect, text

from models.db import create_engine_for
from models.migrate import current_revision, upgrade
from tests.models.migration_steps import downgrade

BOTH = ("could not fetch http://shop.test/?page=2 and 2 other pages: the pages after them were not read; "
        "the store may lack the reviews before 2024-06-01: a crawl stopped paginating at --since 2024-06-01")
#: (status, error_message) of the runs stored before 0009, and the columns each should get.
RUNS = [
    ("ok", BOTH, 3, date(2024, 6, 1)),
    ("ok", "could not fetch a page: the pages after it were not read", 1, None),
    ("ok", "the store may lack the reviews before 2023-12-31: a crawl stopped paginating at --since 2023-12-31",
     0, date(2023, 12, 31)),
    ("ok", None, 0, None),
    ("failed", "crawl timed out after 20s", 0, None),
    ("failed", BOTH, 0, None),  # only an ok run's notes were ever read back
]


def _inspect(url: str, table: str) -> tuple[set[str], set[str]]:
    """The table's column names and index names."""
    engine = create_engine_for(url)
    try:
        inspector = inspect(engine)
        return ({c["name"] for c in inspector.get_columns(table)},
                {i["name"] for i in inspector.get_indexes(table) if i["name"]})
    finally:
        engine.dispose()


def _runs(url: str, columns: str) -> list[tuple]:
    """The runs' ``columns``, a day read as a date (SQLite keeps it as text)."""
    engine = create_engine_for(url)
    plain = text(f"SELECT {columns} FROM crawlrun ORDER BY id")
    query: Executable = plain.columns(pages_unread=Integer, since_cut=Date) if "since_cut" in columns else plain
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(query)]
    finally:
        engine.dispose()


def test_runs_stored_before_get_their_handover_from_their_notes_and_keep_them(empty_url: str) -> None:
    upgrade(empty_url, "0008")
    engine = create_engine_for(empty_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO brand (name, created_at) VALUES ('Acme', CURRENT_TIMESTAMP)"))
        for status, message, _, _ in RUNS:
            conn.execute(text(
                "INSERT INTO crawlrun (brand_id, spider, started_at, status, pages, items_scraped, items_new, errors, "
                "error_message) SELECT id, 'schemaorg', CURRENT_TIMESTAMP, :status, 1, 1, 0, 0, :message FROM brand"),
                {"status": status, "message": message})
    engine.dispose()

    assert upgrade(empty_url, "0009") == "0009"

    assert _runs(empty_url, "pages_unread, since_cut") == [(unread, cut) for _, _, unread, cut in RUNS]
    assert _runs(empty_url, "status, error_message") == [(status, message) for status, message, _, _ in RUNS]
    assert "ix_review_edited_at" in _inspect(empty_url, "review")[1]
    downgrade(empty_url, "0008")
    assert current_revision(empty_url) == "0008"
    assert not {"pages_unread", "since_cut"} & _inspect(empty_url, "crawlrun")[0]
    assert "ix_review_edited_at" not in _inspect(empty_url, "review")[1]
    assert _runs(empty_url, "status, error_message") == [(status, message) for status, message, _, _ in RUNS]


def test_a_run_opened_after_it_gets_no_unread_pages_by_default(empty_url: str) -> None:
    """The column's server default: a row written without it (an older umot beside this one) reads 0."""
    upgrade(empty_url, "0009")
    engine = create_engine_for(empty_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO crawlrun (spider, started_at, status, pages, items_scraped, items_new, errors) "
                          "VALUES ('schemaorg', CURRENT_TIMESTAMP, 'running', 0, 0, 0, 0)"))
    engine.dispose()
    assert _runs(empty_url, "pages_unread, since_cut") == [(0, None)]
