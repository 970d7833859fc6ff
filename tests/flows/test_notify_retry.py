"""A detractor whose webhook POST failed is posted by the next night, once; and so is one a stopped night raised.

Before, a hook answering 500 meant ``notified: failed`` and the next night posted nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from rich.console import Console
from sqlmodel import select

from flows.nightly import nightly
from flows.notify_backlog import legacy_file, load_state
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


def _set_webhook(store: str, url: str) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        crud.get_or_create_brand(session, "Acme").webhook_url = url


def test_a_failed_post_is_sent_by_the_next_night_and_only_once(
    store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    from umot.cli import _run_display

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/down")
    fake_crawls({"shop": [review_rows("shop", 6), []]})  # r0, r3: detractors; then nothing new

    first = nightly(**FAST)
    assert [b.notified for b in first.brands] == [False] and [p for p, _ in got] == ["/down"]
    console = Console(width=200, record=True)
    monkeypatch.setattr(_run_display, "console", console)
    _run_display.print_summary(first)
    assert ("notified: failed — Acme: 2 detractors not posted yet; the next run posts them again "
            "(see `umot detractors list`)") in console.export_text()

    _set_webhook(store, f"{base}/acme")  # the hook fixed
    second = nightly(**FAST)
    assert second.detractors == 0 and [b.notified for b in second.brands] == [True]
    [(path, body)] = got[1:]
    lines = body["text"].splitlines()
    assert path == "/acme" and lines[0].startswith("*umot — Acme*: 2 detractors not posted before")
    assert sorted(line.split("reviews/")[1] for line in lines[1:]) == ["0", "3"]

    third = nightly(**FAST)
    assert len(got) == 2 and [b.notified for b in third.brands] == [None]  # posted once
    assert load_state()[str(first.brands[0].brand_id)]["unsent"] == []


def test_detractors_handled_in_triage_meanwhile_are_not_posted_late(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Flag

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/down")
    fake_crawls({"shop": [review_rows("shop", 3), []]})
    nightly(**FAST)
    with session_scope(get_engine(store)) as session:
        for flag in session.exec(select(Flag)):
            flag.status = "responded"
    _set_webhook(store, f"{base}/acme")
    assert [b.notified for b in nightly(**FAST).brands] == [None] and [p for p, _ in got] == ["/down"]


def test_detractors_of_a_night_stopped_before_posting_are_posted_by_the_next(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [review_rows("shop", 2, start=1), []]})  # no detractor
    nightly(**FAST)  # a night that settled: what came before it is not posted again
    with session_scope(get_engine(store)) as session:  # a night that flagged r1, then was killed
        review = session.exec(select(Review).where(Review.external_id == "r1")).one()
        crud.upsert_flags(session, [{"review_id": review.id, "brand_id": review.brand_id, "severity": 0.9}])
    assert got == []

    nightly(**FAST)
    [(_path, body)] = got
    assert body["text"].startswith("*umot — Acme*: 1 detractor not posted before")


def test_a_night_without_notifications_keeps_them_for_the_next(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/down")
    fake_crawls({"shop": [review_rows("shop", 3), []]})
    nightly(**FAST)
    _set_webhook(store, f"{base}/acme")
    nightly(**FAST, notify=False)
    assert [p for p, _ in got] == ["/down"]
    nightly(**FAST)
    assert [p for p, _ in got] == ["/down", "/acme"]
    result = nightly(**FAST)
    assert result.finished_at is not None and len(got) == 2
    assert result.started_at < datetime.now(UTC)


def test_the_backlog_is_in_the_store_so_another_machine_posts_it(
    store, add_source, fake_crawls, fake_scorer, webhook_server, tmp_path, monkeypatch
) -> None:
    """It was a file under UMOT_DATA_DIR: a parent flow on another machine (another data dir) never posted it."""
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/down")
    fake_crawls({"shop": [review_rows("shop", 6), []]})
    nightly(**FAST)
    _set_webhook(store, f"{base}/acme")
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "another-machine"))  # the same store, by its URL
    nightly(**FAST)
    assert [p for p, _ in got] == ["/down", "/acme"]
    assert got[1][1]["text"].startswith("*umot — Acme*: 2 detractors not posted before")


def test_a_backlog_file_of_an_older_umot_is_posted_once_and_removed(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Brand, Flag

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [review_rows("shop", 6), [], []]})
    nightly(**FAST, notify=False)  # flags r0 and r3, posts nothing
    with session_scope(get_engine(store)) as session:
        flags = sorted(f.id for f in session.exec(select(Flag)))
        brand = session.exec(select(Brand)).one()
        brand_id, brand.webhook_seen_flag_id, brand.webhook_unsent = brand.id, None, None  # as before 0008
    legacy_file().parent.mkdir(parents=True, exist_ok=True)
    legacy_file().write_text(json.dumps({str(brand_id): {"seen": max(flags), "unsent": flags}}), encoding="utf-8")
    nightly(**FAST)
    [(_path, body)] = got
    assert body["text"].startswith("*umot — Acme*: 2 detractors not posted before")
    assert not legacy_file().exists()
    nightly(**FAST)
    assert len(got) == 1
