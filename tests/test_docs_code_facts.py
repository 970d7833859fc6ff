"""Facts the docs state that the code decides: each checked against the code, so the page cannot drift.

docs/model.md's list of what ``umot score`` adds left out ``themes``, ``stages`` and ``primary_stage``;
docs/sources.md gave an email 320 characters where ``umot users add`` allows 296; docs/crawl.md's
conditional requests named a ``page-kinds-*.json`` file nothing writes, not the ``pagestate`` table."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_score_columns_are_each_listed_in_order() -> None:
    from umot.cli._scored_rows import SCORE_COLUMNS

    paragraph = (DOCS / "model.md").read_text(encoding="utf-8").split("Each row gets", 1)[1].split(". A review", 1)[0]
    listed = [name for name in re.findall(r"`(\w+)`", paragraph) if name in SCORE_COLUMNS]
    assert listed == SCORE_COLUMNS


def test_the_email_limit_is_the_one_users_add_applies() -> None:
    from umot.web.auth import email_limit

    said = re.search(r"an email of at most (\d+)", " ".join((DOCS / "sources.md").read_text(encoding="utf-8").split()))
    assert said is not None and int(said.group(1)) == email_limit()[0]


def test_conditional_requests_name_the_table_the_skipping_spiders_keep() -> None:
    from models.tables import PageState

    text = (DOCS / "crawl.md").read_text(encoding="utf-8")
    section = text.split("**Conditional requests**", 1)[1].split("\n\n", 1)[0]
    assert f"`{PageState.__tablename__}`" in section and "page_state.py" in section
    assert "page-kinds" not in text and "page-kinds" not in (DOCS / "configuration.md").read_text(encoding="utf-8")
