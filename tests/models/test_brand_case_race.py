"""Two writers creating one new brand in different case at once store one brand (PostgreSQL: ON CONFLICT
covers the exact name only; models.crud.brands waits on an advisory lock of the name's brand_key)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from models import crud
from models.db import session_scope
from tests.models.pg_race import race

pytestmark = pytest.mark.postgres


def test_zeta_shop_and_zeta_shop_in_capitals_created_at_once_are_one_brand(pg_engine: Engine) -> None:
    errors = race(pg_engine, lambda s: crud.get_or_create_brand(s, "Zeta Shop"),
                  lambda s: crud.get_or_create_brand(s, "ZETA SHOP"))
    assert errors == []
    with session_scope(pg_engine, write=False) as session:
        assert [b.name for b in crud.list_brands(session)] == ["Zeta Shop"]
        assert crud.get_or_create_brand(session, "zeta shop").name == "Zeta Shop"

