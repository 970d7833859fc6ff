"""The writes the CLI, the flows and the sources file now make through models.crud."""

import pytest

from models import crud
from models.tables import Brand, Review


def test_update_source_sets_fields_and_refuses_others(session) -> None:
    source = crud.add_source(session, brand="Acme", name="shop", urls=["https://a.example/"], spider="schemaorg")
    crud.update_source(session, source, urls=["https://b.example/"], enabled=False)
    again = crud.get_source(session, source.id)
    assert (again.urls, again.enabled) == (["https://b.example/"], False)
    with pytest.raises(ValueError, match="not a source field: brand_id"):
        crud.update_source(session, source, brand_id=7)


def test_brand_webhook_is_set_and_cleared(session) -> None:
    brand = crud.get_or_create_brand(session, "Acme")
    crud.set_brand_webhook(session, brand, "https://hooks.example/x")
    assert session.get(Brand, brand.id).webhook_url == "https://hooks.example/x"
    crud.set_brand_webhook(session, brand, None)
    assert session.get(Brand, brand.id).webhook_url is None


def test_fill_referral_intents_writes_only_the_given_reviews(session, brand_id) -> None:
    result = crud.upsert_reviews(session, [{"source": "s", "external_id": str(i), "text": f"t{i}"} for i in range(3)],
                                 brand_id=brand_id)
    first, second, third = result.new_ids
    assert crud.fill_referral_intents(session, {first: "warn", third: "recommend"}) == 2
    assert crud.fill_referral_intents(session, {}) == 0
    session.expire_all()
    assert [session.get(Review, i).referral_intent for i in (first, second, third)] == ["warn", None, "recommend"]
