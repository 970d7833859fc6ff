"""A dismissed flag whose review is edited at the source into a complaint: the next night raises it again.

Before, the flag stayed ``dismissed``: the new complaint was in no queue, count or webhook post.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import col, select

from flows.nightly import nightly

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST: dict[str, Any] = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)
PRAISE = {"source": "shop", "external_id": "r1", "url": "http://shop.test/reviews/1", "author": "ann",
          "rating": 1.0, "text": "Works great, love it", "published_at": "2026-11-20T10:00:00Z"}
COMPLAINT = {**PRAISE, "text": "Stopped working after a week, awful junk, avoid this seller"}


def test_a_dismissed_flag_edited_into_a_complaint_is_raised_and_posted_again(
    store: str, add_source: Any, fake_crawls: Any, fake_scorer: Any, webhook_server: Any
) -> None:
    from models.crud.triage import update_flag
    from models.db import get_engine, session_scope
    from models.tables import Flag, FlagEvent

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [[PRAISE], [COMPLAINT], [COMPLAINT]]})
    assert nightly(**FAST).detractors == 1 and len(got) == 1  # 1★: flagged
    with session_scope(get_engine(store)) as session:
        flag_id = int(session.exec(select(Flag.id)).one() or 0)
        update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive")

    second = nightly(**FAST)  # the edit, flagged again
    assert second.detractors == 1 and len(got) == 2 and "Stopped working" in got[1][1]["text"]
    with session_scope(get_engine(store)) as session:
        flag = session.exec(select(Flag)).one()
        assert (flag.status, flag.corrected_label) == ("new", None)
        trail = session.exec(select(FlagEvent.actor, FlagEvent.field_name, FlagEvent.new_value)
                             .where(FlagEvent.field_name == "status").order_by(col(FlagEvent.id))).all()
        assert trail == [("cli:ana", "status", "dismissed"), ("umot", "status", "new")]
    assert nightly(**FAST).detractors == 0 and len(got) == 2  # once
