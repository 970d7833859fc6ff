"""What a night for some brands scores and claims: their unscored reviews only (``None``: every brand's).

A night's brands are a tuple: ``--brand`` gives one, a ``--source`` that
several brands have gives each of them (``umot demo``: 4), a whole night None.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from models import crud
from models.db import session_scope

VERSION = "m@1"


def _store(engine: Engine) -> dict[str, list[int]]:
    """Brands A, B and C with 2 reviews each; review ids by brand name."""
    ids = {}
    with session_scope(engine) as session:
        for name in ("A", "B", "C"):
            brand_id = crud.get_or_create_brand(session, name).id
            rows = [{"source": "s", "external_id": f"{name}{i}", "text": f"text {name} {i}"} for i in range(2)]
            ids[name] = crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids
    return ids


def _brand_ids(engine: Engine, *names: str) -> tuple[int, ...]:
    with session_scope(engine, write=False) as session:
        return tuple(crud.get_brand(session, n).id for n in names)


def test_unscored_reviews_of_the_nights_brands_only(engine: Engine) -> None:
    ids = _store(engine)
    a_and_b = _brand_ids(engine, "A", "B")
    with session_scope(engine, write=False) as session:
        planned = crud.unscored_ids_in_scoring_order(session, model_version=VERSION, brand_ids=a_and_b)
        everyone = crud.unscored_ids_in_scoring_order(session, model_version=VERSION, brand_ids=None)
        nobody = crud.unscored_ids_in_scoring_order(session, model_version=VERSION, brand_ids=())
        read = crud.unscored_reviews(session, model_version=VERSION, brand_ids=set(a_and_b))
        first = crud.unscored_reviews(session, model_version=VERSION, brand_ids=a_and_b[1:], limit=1)
    assert sorted(planned) == sorted(ids["A"] + ids["B"])
    assert sorted(everyone) == sorted(ids["A"] + ids["B"] + ids["C"])  # a night for every brand
    assert nobody == []
    assert [r.id for r in read] == ids["A"] + ids["B"]
    assert [r.id for r in first] == ids["B"][:1]


def test_score_claims_take_the_nights_brands_reviews_only(engine: Engine) -> None:
    ids = _store(engine)
    a_and_c = _brand_ids(engine, "A", "C")

    def claim(worker: str, brand_ids: tuple[int, ...] | None) -> list[int]:
        with session_scope(engine) as session:
            return crud.claim_unscored(session, model_version=VERSION, worker=worker, lease_seconds=60,
                                       brand_ids=brand_ids, limit=10)

    assert sorted(claim("w1", a_and_c)) == sorted(ids["A"] + ids["C"])
    assert claim("w2", a_and_c) == []  # all claimed: B's are not this night's
    assert claim("w3", ()) == []
    assert claim("w4", None) == ids["B"]  # a night for every brand takes what is left
