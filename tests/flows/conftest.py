"""Flow fixtures: one Prefect test server per session, a store per test, and fast doubles.

The doubles replace only the slow parts that have tests of their own: the
Scrapy subprocess (``fake_crawls``: writes rows through the same
``models.crud.upsert_reviews`` the StorePipeline uses) and the transformer
(``KeywordScorer``: the real detractor rule over a keyword polarity). The
end-to-end test (tests/test_end_to_end.py) runs the real ones.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.local_http import QuietHandler, serving

# Prefect reads its settings when first imported: keep its home out of the repo.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="umot-prefect-home-"))


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API (SQLite in a temp dir) shared by the session's flow tests."""
    from flows.prefect_env import configure_prefect

    configure_prefect()  # umot's Prefect defaults before prefect loads
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def restore_prefect_api_url() -> Iterator[None]:
    """``umot serve``/``deploy`` in-process set PREFECT_API_URL and make Prefect read it: undo both after."""
    before = os.environ.get("PREFECT_API_URL")
    yield
    if before is None:
        os.environ.pop("PREFECT_API_URL", None)
    else:
        os.environ["PREFECT_API_URL"] = before
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite store that the flow's tasks find through UMOT_DATABASE_URL."""
    from models.db import dispose_engines, init_db

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    monkeypatch.setenv("UMOT_DATABASE_URL", url)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))  # none: sources come from the store
    init_db(url)
    yield url
    dispose_engines()


class KeywordScorer:
    """Test double of ``nlp.Scorer``: 'bad'/'awful' read negative, 'great'/'love' positive."""

    version = "keyword-test@1"

    def __init__(self) -> None:
        self.calls = 0

    def score(self, texts: Sequence[object], ratings: Sequence[float | None] | None = None, *,
              progress: bool = False) -> list[Any]:
        from nlp import detractor
        from nlp.result import ReviewScore

        self.calls += 1
        out = []
        for i, text in enumerate(texts):
            low = str(text or "").lower()
            rating = ratings[i] if ratings is not None else None
            if not low.strip():
                is_det, reasons = detractor.decide(None, rating)
                out.append(ReviewScore(None, None, None, None, None, None, None, is_det, ["empty text", *reasons]))
                continue
            p_neg = 0.9 if ("bad" in low or "awful" in low) else 0.05
            p_pos = 0.9 if ("great" in low or "love" in low) else 0.05
            p_neu = max(0.0, 1.0 - p_neg - p_pos)
            probs = {"negative": p_neg, "neutral": p_neu, "positive": p_pos}
            label = max(probs, key=probs.get)
            is_det, reasons = detractor.decide(p_neg, rating)
            out.append(ReviewScore(label, 1 + 4 * p_pos, p_neg, p_neu, p_pos, max(probs.values()), "en",
                                   is_det, reasons))
        return out


@pytest.fixture
def fake_scorer(monkeypatch: pytest.MonkeyPatch) -> KeywordScorer:
    """``nlp.load_scorer`` returns one KeywordScorer (so tests can count its calls)."""
    import nlp

    scorer = KeywordScorer()
    loads: list[str | None] = []
    monkeypatch.setattr(nlp, "load_scorer", lambda model=None, **kw: loads.append(model) or scorer)
    scorer.loads = loads  # type: ignore[attr-defined]
    return scorer


def review_rows(source: str, n: int, *, start: int = 0, bad_every: int = 3) -> list[dict[str, Any]]:
    """``n`` crawl rows; every ``bad_every``-th is a 1-star 'bad' one (a detractor)."""
    rows = []
    for i in range(start, start + n):
        bad = i % bad_every == 0
        rows.append({
            "source": source,
            "external_id": f"r{i}",
            "url": f"http://shop.test/reviews/{i}",
            "author": f"user{i}",
            "rating": 1.0 if bad else 5.0,
            "text": f"Review {i}: awful, bad packaging" if bad else f"Review {i}: great shoes, love them",
            "published_at": "2026-11-20T10:00:00Z",
        })
    return rows


CrawlPlan = dict[str, list]  # source name -> [rows | failure message | (message, rows stored first)], one per call
REFUSED = "refused: "  # an answer starting so fails like a site whose connection is refused


@pytest.fixture
def fake_crawls(monkeypatch: pytest.MonkeyPatch) -> Callable[[CrawlPlan], list[str]]:
    """Replace ``crawlers.runner.run_crawl`` (and ``run_crawls``, one job at a time): each call pops the source's next answer.

    An answer is a list of rows (stored like the StorePipeline does, with a
    CrawlRun) or a string (the crawl fails with that message, nothing stored;
    one starting with :data:`REFUSED` fails as a refused connection does), or a
    (message, rows) pair: the rows are stored, then the crawl fails (a timeout).
    Returns the log of crawled source names.
    """
    import crawlers.runner as runner
    from crawlers.runner import CrawlResult

    calls: list[str] = []

    def install(plan: CrawlPlan) -> list[str]:
        def run_crawl(spider: str, urls: list[str], *, brand: str | None, source_id: int | None = None,
                      **kwargs: Any) -> CrawlResult:
            from models import crud
            from models.db import get_engine, session_scope
            from models.tables import Source

            with session_scope(get_engine()) as session:
                name = session.get(Source, source_id).name
            calls.append(name)
            answer = plan[name].pop(0) if len(plan[name]) > 1 else plan[name][0]
            with session_scope(get_engine()) as session:
                # Take SQLite's write lock first: a read-then-write transaction
                # fails at once if a parallel crawl wrote in between.
                session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
                brand_id = crud.get_or_create_brand(session, brand).id
                run = crud.start_crawl_run(session, brand_id=brand_id, source_id=source_id, spider=spider)
                if isinstance(answer, tuple):  # stored some, then failed
                    answer, rows = answer
                    stored = crud.upsert_reviews(session, rows, brand_id=brand_id, source_id=source_id,
                                                 crawl_run_id=run.id)
                    crud.finish_crawl_run(session, run.id, status="failed", pages=1, items_scraped=len(rows),
                                          items_new=stored.new, errors=1, error_message=answer)
                    return CrawlResult(ok=False, pages=1, items_scraped=len(rows), items_new=stored.new, errors=1,
                                       error_message=answer, run_id=run.id)
                if isinstance(answer, str):
                    crud.finish_crawl_run(session, run.id, status="failed", pages=0, items_scraped=0,
                                          items_new=0, errors=1, error_message=answer)
                    return CrawlResult(ok=False, errors=1, error_message=answer, run_id=run.id,
                                       refused=answer.startswith(REFUSED),
                                       forbidden=answer.startswith("robots.txt forbids "))
                stored = crud.upsert_reviews(session, answer, brand_id=brand_id, source_id=source_id,
                                             crawl_run_id=run.id)
                crud.finish_crawl_run(session, run.id, status="ok", pages=1, items_scraped=len(answer),
                                      items_new=stored.new, errors=0)
                return CrawlResult(ok=True, pages=1, items_scraped=len(answer), items_new=stored.new,
                                   items_edited=stored.edited, run_id=run.id)

        def run_crawls(jobs: list[Any], **kwargs: Any) -> list[CrawlResult]:
            # several sources in one Scrapy process: each job answers as run_crawl would
            return [run_crawl(j.spider, j.urls, brand=j.brand, source_id=j.source_id) for j in jobs]

        monkeypatch.setattr(runner, "run_crawl", run_crawl)
        monkeypatch.setattr(runner, "run_crawls", run_crawls)
        return calls

    return install


@pytest.fixture
def webhook_server() -> Iterator[tuple[str, list[tuple[str, dict]]]]:
    """A local Slack-style webhook receiver: (base URL, [(path, JSON body)]); ``/down`` answers 502."""
    got: list[tuple[str, dict]] = []

    class Hook(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802
            got.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(502 if self.path == "/down" else 200)
            self.end_headers()

    with serving(Hook) as base:
        yield base, got


@pytest.fixture
def add_source(store: str) -> Callable[..., int]:
    """Add a source (brand created on first use); returns its id."""

    def add(brand: str, name: str, urls: Sequence[str] = ("http://shop.test/",), *,
            webhook_url: str | None = None) -> int:
        from models import crud
        from models.db import get_engine, session_scope

        with session_scope(get_engine(store)) as session:
            source = crud.add_source(session, brand=brand, name=name, urls=list(urls))
            if webhook_url is not None:
                crud.get_or_create_brand(session, brand).webhook_url = webhook_url
            return source.id

    return add


@pytest.fixture
def unit_deployments() -> Iterator[None]:
    """The ``crawl-shard`` and ``score-shard`` deployments on the test server, as ``umot deploy`` makes them."""
    from prefect.client.orchestration import get_client

    from flows.night_units import CRAWL_UNIT, SCORE_UNIT, crawl_shard, score_shard
    from flows.prefect_typing import called_sync

    ids = [called_sync(called_sync(unit.to_deployment(name)).apply())
           for unit, name in ((crawl_shard, CRAWL_UNIT), (score_shard, SCORE_UNIT))]
    yield
    with get_client(sync_client=True) as client:
        for deployment_id in ids:
            client.delete_deployment(deployment_id)
