"""``umot crawl --source-id``: a stored source of --brand, checked before anything is fetched. Another brand's
source took this brand's crawl run (``sources list`` showed it under the other brand); a missing one ran the
crawl and failed it at the end on a foreign key."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


@pytest.fixture
def store(db_url: str) -> dict[str, int]:
    """Other's source ``rd`` and Acme's ``shop``, by name: their ids."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        rd = crud.add_source(session, brand="Other", name="rd", urls=["http://127.0.0.1:9/rd"], spider="reddit")
        shop = crud.add_source(session, brand="Acme", name="shop", urls=["http://127.0.0.1:9/"])
        return {"rd": rd.id, "shop": shop.id}


def _runs_and_brands(db_url: str) -> tuple[list[tuple[int | None, int]], list[str]]:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        runs = [(r.source_id, r.brand_id) for r in crud.list_crawl_runs(session)]
        return runs, sorted(b.name for b in crud.list_brands(session))


@pytest.mark.parametrize(
    ("brand", "source", "message"),
    [("Acme", "rd", "error: --source-id {rd} is source 'rd' of brand 'Other', not of 'Acme' (Acme's sources: {shop} 'shop')"),
     ("Acme", "999", "error: --source-id 999: no source with that id in the store (Acme's sources: {shop} 'shop')"),
     ("New", "rd", "error: --source-id {rd} is source 'rd' of brand 'Other', not of 'New'"),
     # past what a store's id holds: an OverflowError (SQLite) or DataError (PostgreSQL) traceback
     ("Acme", "9223372036854775808", "error: --source-id 9223372036854775808: no source with that id in the store")],
)
def test_a_source_of_another_brand_or_none_is_refused_before_the_crawl(
    brand: str, source: str, message: str, db_url: str, store: dict[str, int]
) -> None:
    source_id = str(store.get(source, source))
    result = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--brand", brand, "--create-brand",
                                 "--source-id", source_id, "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and result.stderr.strip() == message.format(**store)
    assert _runs_and_brands(db_url) == ([], ["Acme", "Other"])  # no run recorded, no brand "New" added


def test_the_brands_own_source_records_the_run(db_url: str, store: dict[str, int]) -> None:
    result = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--brand", "acme", "--source-id", str(store["shop"]),
                                 "--database-url", db_url])
    assert result.exit_code == 1, result.output  # nothing listens there: the crawl ran and failed
    [(source_id, _)] = _runs_and_brands(db_url)[0]
    assert source_id == store["shop"]
