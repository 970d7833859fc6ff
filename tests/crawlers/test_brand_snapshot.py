"""A night's batch of crawls builds each brand's known ids once, not once per source, and each crawl
still knows what it would have known alone (``crawlers.brand_snapshot``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawlers import run_handover, runner
from crawlers.runner import CrawlJob


def _store(db_url: str, brand: str, rows: list[dict[str, Any]]) -> int:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, brand))
        crud.upsert_reviews(session, rows, brand_id=brand_id)
    return brand_id


def _review(source: str, external_id: str, published_at: str = "2020-01-01") -> dict[str, Any]:
    return {"source": source, "external_id": external_id, "text": f"review {external_id}", "published_at": published_at}


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What each crawl of a batch is handed (its run, its known and awaiting ids), read where the
    crawl process would read it; the process itself is not started."""
    seen: list[dict[str, Any]] = []

    def fake_process(cmd: list[str], log_path: Path, timeout: float | None) -> int:
        for job in json.loads(Path(cmd[-1]).read_text(encoding="utf-8")):
            settings = job["settings"]
            seen.append({
                "spider": job["spider"], "run": settings.get(run_handover.RUN_ID),
                "known": run_handover.read_known(settings[run_handover.KNOWN_FILE]),
                "awaiting": run_handover.read_known(settings[run_handover.AWAITING_FILE]),
            })
        log_path.write_text("", encoding="utf-8")
        return 0

    monkeypatch.setattr(runner, "_run_process", fake_process)
    return seen


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """The brand ids each whole-brand query ran for: the known ids, the page states."""
    from models import crud

    calls: dict[str, list[int]] = {"known_ids_by_source": [], "page_states": []}

    def counted(real: Any, found: list[int]) -> Any:
        def counting(session: Any, *, brand_id: int, **kwargs: Any) -> Any:
            found.append(brand_id)
            return real(session, brand_id=brand_id, **kwargs)
        return counting

    for name, found in calls.items():
        monkeypatch.setattr(crud, name, counted(getattr(crud, name), found))
    return calls


def test_a_batch_builds_each_brands_known_ids_once_for_all_its_sources(
    db_url: str, handed: list[dict[str, Any]], builds: dict[str, list[int]]
) -> None:
    acme = _store(db_url, "Acme", [_review(f"schemaorg:shop{i}.example", f"r{i}") for i in range(3)])
    rival = _store(db_url, "Rival", [_review("schemaorg:rival.example", "x1")])
    jobs = [CrawlJob("schemaorg", [f"http://shop{i}.example/"], brand="Acme", database_url=db_url) for i in range(3)]
    jobs.append(CrawlJob("schemaorg", ["http://rival.example/"], brand="Rival", database_url=db_url))

    runner.run_crawls(jobs)

    assert builds == {"known_ids_by_source": [acme, rival], "page_states": [acme, rival]}
    whole = {f"schemaorg:shop{i}.example": {f"r{i}"} for i in range(3)}
    assert [crawl["known"] for crawl in handed] == [whole, whole, whole, {"schemaorg:rival.example": {"x1"}}]
    assert len({crawl["run"] for crawl in handed}) == 4  # each crawl its own run all the same


def test_crawls_with_and_without_a_reply_window_keep_their_own_ids(
    db_url: str, handed: list[dict[str, Any]], builds: dict[str, list[int]]
) -> None:
    recent = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    acme = _store(db_url, "Acme", [_review("trustpilot", "old"), _review("trustpilot", "waiting", recent)])
    jobs = [CrawlJob(spider, ["http://a.example/"], brand="Acme", database_url=db_url)
            for spider in ("trustpilot", "appstore", "yelp", "reddit")]

    runner.run_crawls(jobs)

    assert builds["known_ids_by_source"] == [acme, acme]  # one per reply window
    assert builds["page_states"] == [acme]
    settled, every = {"trustpilot": {"old"}}, {"trustpilot": {"old", "waiting"}}
    assert [crawl["known"] for crawl in handed] == [settled, every, settled, every]
    assert [crawl["awaiting"] for crawl in handed] == [{"trustpilot": {"waiting"}}, {}, {"trustpilot": {"waiting"}}, {}]


def test_two_stores_in_one_batch_keep_apart_and_the_next_batch_sees_what_was_stored(
    db_url: str, tmp_path: Path, handed: list[dict[str, Any]], builds: dict[str, list[int]]
) -> None:
    from models.db import init_db

    other = f"sqlite:///{tmp_path / 'other.db'}"
    init_db(other)
    _store(db_url, "Acme", [_review("appstore", "here")])
    _store(other, "Acme", [_review("appstore", "there")])  # the same brand id, in another store
    jobs = [CrawlJob("appstore", ["http://a.example/"], brand="Acme", database_url=url) for url in (db_url, other)]

    runner.run_crawls(jobs)
    _store(db_url, "Acme", [_review("appstore", "tonight")])  # a crawl of the batch stored it
    runner.run_crawls(jobs[:1])  # a retry alone: a batch of its own

    assert [crawl["known"] for crawl in handed] == [
        {"appstore": {"here"}}, {"appstore": {"there"}}, {"appstore": {"here", "tonight"}}]
    assert len(builds["known_ids_by_source"]) == 3
