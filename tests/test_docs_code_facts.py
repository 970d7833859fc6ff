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


def test_every_import_column_name_is_listed_in_the_docs_and_the_help() -> None:
    """`score` was read as the rating and `name` as the author, and neither page said so."""
    from crawlers.import_columns import ALIASES
    from umot.cli.import_reviews import import_reviews

    table = (DOCS / "crawl.md").read_text(encoding="utf-8").split("**Columns** (any case)", 1)[1].split("\n\n", 2)[1]
    rows = {re.findall(r"`(\w+)`", line)[0]: line for line in table.splitlines()[2:]}
    helped = " ".join((import_reviews.__doc__ or "").split())
    for field, names in ALIASES.items():
        row = rows.get(field) or next(line for line in rows.values() if f"`{field}`" in line)
        assert {n.lower() for n in re.findall(r"`(\w+)`", row)} >= set(names), field
        assert all(re.search(rf"\b{name}\b", helped, re.IGNORECASE) for name in names), field


def test_the_data_folder_list_names_what_umot_writes_there() -> None:
    """configuration.md's tree of UMOT_DATA_DIR left out the corrections, the trained model and the teacher."""
    from nlp.themes.corrections import FOLDER

    tree = (DOCS / "configuration.md").read_text(encoding="utf-8").split("data/ ", 1)[1].split("exports/ ", 1)[0]
    assert all(f"\n  {name}/ " in tree for name in (FOLDER, "model", "teacher", "prefect", "reports", "httpcache"))


def test_options_only_the_help_named_are_in_the_pages_of_their_commands() -> None:
    """`umot rescore --all`, `themes correct --polarity`, `sources add --disabled`, `demo --seed`."""
    flat = {page: " ".join((DOCS / page).read_text(encoding="utf-8").split())
            for page in ("themes.md", "sources.md", "flows.md")}
    assert "`umot rescore --all`" in flat["themes.md"]
    assert re.search(r"`umot themes correct REVIEW_ID --add THEME` .{0,60}`--polarity negative`", flat["themes.md"])
    assert re.search(r"umot sources add \S+ \S+ [^`]*--disabled", flat["sources.md"])
    assert re.search(r"\*\*`umot demo`\*\*.{0,400}`--seed N`", flat["flows.md"])


def test_a_prefect_server_is_started_and_named_before_a_worker_needs_it() -> None:
    """README's `prefect worker start` had no server (it hangs, then a traceback); scaling.md's
    `prefect server start` blocks its terminal, so the exports after it never ran."""
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    before = readme.split("prefect worker start --pool umot", 1)[0].rsplit("```bash", 1)[1]
    assert "docs/deployments.md, step 1" in before and "export PREFECT_API_URL=http://127.0.0.1:4200/api" in before
    block = (DOCS / "scaling.md").read_text(encoding="utf-8").split("## Setup", 1)[1].split("```bash", 1)[1]
    server, after = block.split("prefect server start", 1)
    assert "PREFECT_HOME=" in server and "PREFECT_SERVER_ANALYTICS_ENABLED=false" in server
    assert "another terminal" in after.split("export PREFECT_API_URL", 1)[0]


def test_the_store_page_names_one_way_to_write_a_migration() -> None:
    """It gave alembic's command and `umot db revision` as the same thing; only the latter numbers it."""
    text = " ".join((DOCS / "store.md").read_text(encoding="utf-8").split())
    assert "Use `umot db revision` only" in text and "same thing" not in text
    assert "alembic -c models/alembic.ini revision --autogenerate" not in text
