"""The store's name limits, read from the table definitions and checked in one place per kind of
name, before anything is written (SQLite would keep a longer name; PostgreSQL refused it mid-write)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import crud
from models.configured_source import SourceConfig
from models.crud.brands import BrandNameError, check_brand_name, check_webhook_url
from models.crud.name_limits import NameTooLongError, column_limit
from models.crud.sources import check_source_name
from models.db import get_engine, session_scope
from models.sources_config import SourcesConfigError
from models.sources_config_edits import add_source_to_config
from models.tables import Brand, Source, table_of


def test_the_limits_are_the_columns() -> None:
    assert column_limit(table_of(Brand).c.name) == 200
    assert column_limit(table_of(Source).c.name) == 200
    assert column_limit(table_of(Brand).c.webhook_url) == 2000
    assert check_brand_name(" " + "b" * 200 + " ") == "b" * 200  # trimmed, then measured
    with pytest.raises(BrandNameError, match=r"^brand name 'bbbbbbbbbbbbbbbbbbbbbbbb…' is 201 characters long; at most 200$"):
        check_brand_name("b" * 201)
    with pytest.raises(NameTooLongError, match="source name 'ssss"):
        check_source_name("s" * 201)
    with pytest.raises(NameTooLongError, match=r"^webhook URL is 2001 characters long; at most 2000$"):
        check_webhook_url("h" * 2001)


def test_crud_refuses_and_writes_nothing(db_url: str) -> None:
    with session_scope(get_engine(db_url)) as session:
        acme = crud.get_or_create_brand(session, "Acme")
        with pytest.raises(NameTooLongError):
            crud.get_or_create_brand(session, "B" * 201)
        with pytest.raises(NameTooLongError):
            crud.add_source(session, brand="Acme", name="n" * 201, urls=["https://a.example/"])
        with pytest.raises(NameTooLongError):
            crud.set_brand_webhook(session, acme, "https://hooks.example/" + "x" * 2000)
        assert [b.name for b in crud.list_brands(session)] == ["Acme"] and acme.webhook_url is None
        assert crud.list_sources(session) == []


def test_a_long_brand_an_older_umot_stored_on_sqlite_is_still_found(db_url: str) -> None:
    from sqlalchemy import insert

    from models.tables import utcnow

    with session_scope(get_engine(db_url)) as session:
        session.execute(insert(table_of(Brand)).values(name="B" * 250, created_at=utcnow()))
        assert crud.get_or_create_brand(session, "B" * 250).name == "B" * 250


def test_the_file_is_not_written_for_a_source_the_store_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "umot.toml"
    with pytest.raises(SourcesConfigError, match=r"source name 'nnnn.*201 characters long; at most 200"):
        add_source_to_config(path, SourceConfig(brand="Acme", name="n" * 201, spider="feed"))
    assert not path.exists()
    assert SourceConfig(brand="B" * 201, name="s", spider="feed").too_long() is not None
    assert SourceConfig(brand="Acme", name="s", spider="feed").too_long() is None
