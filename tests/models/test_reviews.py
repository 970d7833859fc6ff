"""Review upserts: idempotent, batched, normalised, and safe on failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from models.crud import _bulk as bulk_module
from models.crud import count_reviews, known_external_ids, upsert_reviews
from models.crud._dialect import SQLITE_MAX_VARIABLES
from models.datetimes import parse_datetime
from models.db import session_scope
from models.identity import content_id
from models.schemas import ReviewCreate
from models.tables import Review


def rows(n: int, start: int = 0, source: str = "schemaorg:shop.example") -> list[dict]:
    return [
        {"source": source, "external_id": f"r{i}", "author": f"author {i}", "rating": 1 + i % 5, "text": f"review {i}"}
        for i in range(start, start + n)
    ]


def test_upsert_is_idempotent(engine, brand_id) -> None:
    with session_scope(engine) as s:
        first = upsert_reviews(s, rows(10), brand_id=brand_id)
    with session_scope(engine) as s:
        again = upsert_reviews(s, rows(12), brand_id=brand_id)
    assert (first.new, first.existing, len(first.new_ids)) == (10, 0, 10)
    assert (again.new, again.existing) == (2, 10)
    assert not set(first.new_ids) & set(again.new_ids)
    with session_scope(engine) as s:
        assert count_reviews(s, brand_id=brand_id) == 12
        stored = s.get(Review, first.new_ids[0])
        assert stored.external_id == "r0" and stored.rating == 1.0 and stored.first_seen_at.tzinfo is not None


def test_repeats_inside_one_batch_count_once(engine, brand_id) -> None:
    with session_scope(engine) as s:
        result = upsert_reviews(s, rows(3) + rows(3), brand_id=brand_id)
    assert (result.new, result.existing, result.repeated) == (3, 0, 3)  # a repeat is not a stored review


def test_batch_larger_than_sqlite_variable_limit(engine, brand_id) -> None:
    n = SQLITE_MAX_VARIABLES // 10 + 1500  # > limit / columns-per-row in one list
    assert n * len(Review.__table__.columns) > SQLITE_MAX_VARIABLES
    with session_scope(engine) as s:
        result = upsert_reviews(s, rows(n), brand_id=brand_id)
    assert result.new == n and len(set(result.new_ids)) == n
    with session_scope(engine) as s:
        assert upsert_reviews(s, rows(n), brand_id=brand_id).existing == n
        assert count_reviews(s) == n


def test_same_external_id_other_source_or_brand_is_another_review(engine, brand_id) -> None:
    from models.crud import get_or_create_brand

    with session_scope(engine) as s:
        other = get_or_create_brand(s, "Other").id
        assert upsert_reviews(s, rows(2), brand_id=brand_id).new == 2
        assert upsert_reviews(s, rows(2, source="appstore"), brand_id=brand_id).new == 2
        assert upsert_reviews(s, rows(2), brand_id=other).new == 2


def test_content_id_identity(engine, brand_id) -> None:
    base = {"source": "forum", "author": "Ann", "text": "Great  service,\nthank you!"}
    variant = {"source": "forum", "author": " ann ", "text": "great service, thank you!  "}
    other_author = {"source": "forum", "author": "Bob", "text": base["text"]}
    assert content_id("forum", "Ann", base["text"]) == content_id("forum", " ann", variant["text"])
    with session_scope(engine) as s:
        result = upsert_reviews(s, [base, variant, other_author], brand_id=brand_id)
        assert (result.new, result.existing, result.repeated) == (2, 0, 1)
        ids = known_external_ids(s, brand_id=brand_id, source="forum")
    assert content_id("forum", "Ann", base["text"]) in ids
    assert all(i.startswith("sha1:") and len(i) == 45 for i in ids)


def test_unicode_round_trips(engine, brand_id) -> None:
    texts = ["Très bien 👍", "非常好的服务", "خدمة ممتازة", "Ünïcödé\u200b zero-width", "nul\x00byte"]
    with session_scope(engine) as s:
        result = upsert_reviews(
            s, [{"source": "u", "text": t, "author": "Zoë", "title": "🎉"} for t in texts], brand_id=brand_id
        )
    with session_scope(engine) as s:
        stored = [s.get(Review, i) for i in result.new_ids]
    assert [r.text for r in stored] == [t.replace("\x00", "") for t in texts]
    assert {r.author for r in stored} == {"Zoë"} and {r.title for r in stored} == {"🎉"}


def test_rows_are_normalised(engine, brand_id) -> None:
    messy = {
        "source": " shop ",
        "external_id": 42,
        "rating": "4,5",
        "rating_raw": "9",
        "rating_scale": 10,
        "published_at": "2024-03-01T10:00:00+02:00",
        "title": "x" * 5000,
        "url": "https://example.com/" + "a" * 3000,
        "author": None,
        "text": None,
        "extra": {"when": datetime(2024, 1, 1)},
        "unknown_key": "ignored",
    }
    with session_scope(engine) as s:
        new_id = upsert_reviews(s, [messy], brand_id=brand_id).new_ids[0]
    with session_scope(engine) as s:
        review = s.get(Review, new_id)
    assert review.source == "shop" and review.external_id == "42"
    assert (review.rating, review.rating_raw, review.rating_scale) == (4.5, 9.0, 10.0)
    assert review.published_at == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert len(review.title) == 1000 and len(review.url) == 2000 and review.text == ""
    assert review.extra == {"when": "2024-01-01 00:00:00"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06T07:08:09Z", datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)),
        ("2024-05-06", datetime(2024, 5, 6, tzinfo=UTC)),
        (datetime(2024, 5, 6, 7, 8), datetime(2024, 5, 6, 7, 8, tzinfo=UTC)),
        (datetime(2024, 5, 6, 9, tzinfo=timezone(timedelta(hours=2))), datetime(2024, 5, 6, 7, tzinfo=UTC)),
        ("6 May 2024", datetime(2024, 5, 6, tzinfo=UTC)),
        ("not a date", None),
        ("", None),
        (None, None),
        ("0001-01-01", None),
        ({"a": 1}, None),
        ("2024", None),  # was today's day and month in 2024
        ("March 2024", None),  # was 1 March
        ("2024-13-05", None),  # was 13 May: ISO is never reordered
        ("2024-05-06 07:08 UTC", datetime(2024, 5, 6, 7, 8, tzinfo=UTC)),
    ],
)
def test_published_at_parsing_never_crashes(value, expected) -> None:
    assert parse_datetime(value) == expected


def test_row_without_source_is_refused_by_index(engine, brand_id) -> None:
    with session_scope(engine) as s, pytest.raises(ValueError, match=r"review row 1: source"):
        upsert_reviews(s, [{"source": "a", "text": "ok"}, {"text": "no source"}], brand_id=brand_id)
    with pytest.raises(ValueError):
        ReviewCreate.model_validate({"text": "no source"})


def test_failure_mid_batch_loses_nothing_committed(engine, brand_id, monkeypatch) -> None:
    with session_scope(engine) as s:
        upsert_reviews(s, rows(100), brand_id=brand_id)

    # A later chunk of a big batch fails in the database: the whole batch rolls
    # back, what was committed before stays, and a retry stores everything.
    monkeypatch.setattr(bulk_module, "MAX_ROWS", 50)
    original = Connection.exec_driver_sql
    calls = {"n": 0}

    def failing_exec(self, statement, parameters=None, *args, **kw):
        if statement.startswith("INSERT INTO"):
            calls["n"] += 1
            if calls["n"] == 3:
                raise IntegrityError(statement[:40], None, Exception("simulated failure on chunk 3"))
        return original(self, statement, parameters, *args, **kw)

    monkeypatch.setattr(Connection, "exec_driver_sql", failing_exec)
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        upsert_reviews(s, rows(300, start=50), brand_id=brand_id)
    monkeypatch.setattr(Connection, "exec_driver_sql", original)
    assert calls["n"] == 3

    with session_scope(engine) as s:
        assert count_reviews(s, brand_id=brand_id) == 100
        assert s.execute(select(func.count()).where(Review.external_id == "r99")).scalar() == 1
        retry = upsert_reviews(s, rows(300, start=50), brand_id=brand_id)
    assert (retry.new, retry.existing) == (250, 50)


def test_database_error_rolls_back_only_the_failing_batch(engine, brand_id) -> None:
    with session_scope(engine) as s:
        upsert_reviews(s, rows(5), brand_id=brand_id)
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        upsert_reviews(s, rows(5, start=5), brand_id=brand_id, crawl_run_id=999_999)  # no such run
    with session_scope(engine) as s:
        assert count_reviews(s) == 5


def test_known_external_ids_per_brand_and_source(engine, brand_id) -> None:
    with session_scope(engine) as s:
        upsert_reviews(s, rows(3), brand_id=brand_id)
        upsert_reviews(s, rows(2, source="other"), brand_id=brand_id)
        assert known_external_ids(s, brand_id=brand_id, source="schemaorg:shop.example") == {"r0", "r1", "r2"}
        assert known_external_ids(s, brand_id=brand_id, source="missing") == set()


WRITER = """
import sys
from models.crud import get_or_create_brand, upsert_reviews
from models.db import get_engine, session_scope
url, start = sys.argv[1], int(sys.argv[2])
engine = get_engine(url)
new = 0
for at in range(start, start + 1500, 150):
    with session_scope(engine) as s:
        brand_id = get_or_create_brand(s, "Racing").id
        rows = [{"source": "s", "external_id": f"r{i}", "text": "t"} for i in range(at, at + 150)]
        new += upsert_reviews(s, rows, brand_id=brand_id).new
print(new)
"""


@pytest.mark.slow
def test_concurrent_writers_store_each_review_once(engine) -> None:
    """Two crawls writing overlapping reviews at once: no error, no duplicate, no loss."""
    import subprocess
    import sys

    url = engine.url.render_as_string(hide_password=False)
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, str(start)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for start in (0, 750)
    ]
    outcomes = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), [err for _, err in outcomes]
    with session_scope(engine) as s:
        assert count_reviews(s) == 2250
    assert sum(int(out) for out, _ in outcomes) == 2250
