"""``umot import`` of a ``umot crawl -o`` file keeps what the crawl read: the brand's replies were
put in ``extra`` (answered detractors stayed ``new``, reply rates empty) and the crawl's own
``extra`` was nested one level down, as ``extra.extra``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from crawlers.items import item_to_row
from crawlers.output_file import ReviewWriter, output_format
from umot.cli import app

ANSWERED = {
    "source": "schemaorg:shop.example", "url": "https://shop.example/p/1", "external_id": "r1", "author": "Ana",
    "rating": 1.0, "rating_raw": 1.0, "rating_scale": 5.0, "title": "Broken", "text": "It broke after a week.",
    "published_at": "2024-03-05T12:00:00+00:00", "language": "en",
    "extra": {"item_reviewed": "Kettle", "verified": True},
    "reply_text": "Sorry! We sent a new one.", "reply_author": "Shop Team", "replied_at": "2024-03-06T09:30:00+00:00",
}
UNANSWERED = {**ANSWERED, "external_id": "r2", "text": "Fine.", "rating": 4.0, "extra": {},
              "reply_text": None, "reply_author": None, "replied_at": None}


def _crawl_file(path: Path) -> Path:
    """The file ``umot crawl -o`` writes (its writer, its rows)."""
    writer = ReviewWriter(path, output_format(path))
    for row in (ANSWERED, UNANSWERED):
        writer.write(item_to_row(row))
    writer.close()
    return path


@pytest.mark.parametrize("name", ["crawl.jsonl", "crawl.csv", "crawl.jsonl.gz"])
def test_a_crawl_file_imports_with_its_replies_and_its_extra(tmp_path: Path, db_url: str, name: str) -> None:
    file = _crawl_file(tmp_path / name)
    result = CliRunner().invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        rows = {r.external_id: r for r in session.exec(select(Review))}
        answered, unanswered = rows["r1"], rows["r2"]
        assert (answered.reply_text, answered.reply_author) == ("Sorry! We sent a new one.", "Shop Team")
        assert answered.replied_at is not None and answered.replied_at.isoformat().startswith("2024-03-06T09:30:00")
        assert answered.source == "schemaorg:shop.example" and answered.extra["item_reviewed"] == "Kettle"
        assert answered.extra["verified"] is True and "extra" not in answered.extra
        assert not {"reply_text", "reply_author", "replied_at"} & set(answered.extra)
        assert unanswered.reply_text is None and unanswered.replied_at is None


def test_an_extra_column_that_is_no_json_object_stays_a_column(tmp_path: Path) -> None:
    from crawlers.importer import read_review_file

    file = tmp_path / "own.csv"
    file.write_text('text,extra,note\nfine,"{not json",a\nok,"[1, 2]",b\ngood,"{""note"": ""inner""}",c\n')
    assert [r["extra"] for r in read_review_file(file)] == [
        {"extra": "{not json", "note": "a"}, {"extra": "[1, 2]", "note": "b"}, {"note": "c"}]
    lines = tmp_path / "own.jsonl"
    lines.write_text(json.dumps({"text": "fine", "extra": "plain words"}) + "\n")
    assert read_review_file(lines)[0]["extra"] == {"extra": "plain words"}


def test_a_crawl_file_stores_the_rating_a_crawl_into_the_store_stores(tmp_path: Path, db_url: str) -> None:
    """6 of 10: raw 6 on scale 10 either way (the import read the 1-5 rating 3.22 as raw 3.22 of 5)."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    ten = {**UNANSWERED, "external_id": "r10", "rating": 3.22, "rating_raw": 6.0, "rating_scale": 10.0}
    file = tmp_path / "crawl.csv"
    writer = ReviewWriter(file, output_format(file))
    writer.write(item_to_row(ten))
    writer.close()
    result = CliRunner().invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [item_to_row(ten)], brand_id=stored_id(crud.get_or_create_brand(session, "Crawled")))
    with session_scope(get_engine(db_url)) as session:
        stored = {(r.rating, r.rating_raw, r.rating_scale, "rating_raw" in r.extra) for r in session.exec(select(Review))}
    assert stored == {(3.22, 6.0, 10.0, False)}
