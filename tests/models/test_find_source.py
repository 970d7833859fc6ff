"""models/crud/source_lookup.py: a stored source found by its brand's name and its own."""

from __future__ import annotations

from models.crud import add_source, get_or_create_brand
from models.crud.sources import find_source
from models.db import session_scope


def test_find_source_by_brand_and_name(engine) -> None:
    with session_scope(engine) as s:
        ios = add_source(s, brand="Acme", name="ios", urls=["https://a.example"], spider="appstore")
        add_source(s, brand="Other", name="blog", urls=["https://b.example"], spider="feed")
        get_or_create_brand(s, "Empty")
    with session_scope(engine) as s:
        found = find_source(s, " Acme ", "ios")  # the brand name is trimmed, as everywhere
        assert found is not None and found.id == ios.id
        assert find_source(s, "Acme", "blog") is None  # another brand's source
        assert find_source(s, "Empty", "ios") is None and find_source(s, "Nobody", "ios") is None
