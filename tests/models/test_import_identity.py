"""The id of an imported review with neither an id nor an author covers its date and rating
(models.identity.imported_content_id); crawled reviews keep the id they always had."""

from __future__ import annotations

import hashlib

from models.identity import content_id, imported_content_id, repeated_id


def test_a_crawled_review_keeps_its_id() -> None:
    """Crawls see relative dates: their id stays source|author|text, exactly as before."""
    assert content_id("feed", "Ann", "Great product") == "sha1:" + hashlib.sha1(b"feed|ann|great product").hexdigest()


def test_date_and_rating_tell_short_imported_reviews_apart() -> None:
    source, text = "import:same.csv", "Great product"
    ids = {imported_content_id(source, text, date, rating)
           for date, rating in [("2026-11-02", "5"), ("2026-11-09", "1"), ("2026-11-16", "4"), ("2026-11-16", "5")]}
    assert len(ids) == 4 and content_id(source, None, text) not in ids


def test_the_imported_id_is_stable_and_reads_cells_as_written() -> None:
    source = "import:same.csv"
    one = imported_content_id(source, "Great product", "2026-11-02", "5")
    assert one == imported_content_id(source, "  great   PRODUCT ", " 2026-11-02 ", 5)  # spacing, case, JSON number
    assert one != imported_content_id(source, "Great product", "2 Nov 2026", "5")  # not parsed: the file's own cell
    assert one != imported_content_id("import:other.csv", "Great product", "2026-11-02", "5")
    assert imported_content_id(source, "Great product", "", None) == content_id(source, None, "Great product")


def test_repeated_rows_get_their_own_ids() -> None:
    first = content_id("import:x.csv", None, "ok")
    assert repeated_id(first, 1) == first
    assert len({first, repeated_id(first, 2), repeated_id(first, 3)}) == 3
    assert repeated_id(first, 2) == repeated_id(first, 2)
