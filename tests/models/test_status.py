"""Statuses are StrEnums (models.status) whose stored text is what it always was."""

from sqlalchemy import text

from models import crud
from models.status import OPEN_FLAG_STATUSES, CrawlStatus, FlagStatus


def test_enum_values_are_the_stored_text() -> None:
    assert [s.value for s in FlagStatus] == ["new", "in_progress", "responded", "resolved", "dismissed"]
    assert [s.value for s in CrawlStatus] == ["running", "ok", "failed"]
    assert all(s.name == s.value for s in [*FlagStatus, *CrawlStatus])  # psycopg writes an enum's name
    assert OPEN_FLAG_STATUSES == ("new", "in_progress", "responded")


def test_rows_store_the_plain_text(session, brand_id) -> None:
    run = crud.start_crawl_run(session, brand_id=brand_id, source_id=None, spider="schemaorg")
    session.commit()
    assert session.execute(text("SELECT status FROM crawlrun")).scalar_one() == "running"
    crud.finish_crawl_run(session, run.id, status=CrawlStatus.failed, pages=0, items_scraped=0, items_new=0, errors=1)
    session.commit()
    assert session.execute(text("SELECT status FROM crawlrun")).scalar_one() == "failed"
