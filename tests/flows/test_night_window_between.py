"""A killed night, a completed ``--brand`` night, then a full night: the full night counts only what no night reported.

Before, the full night's window reached back to the killed night's start and
counted as new (and edited) every review stored since, those the ``--brand``
night had reported too, and said "Includes reviews stored by an unfinished run"
though the killed night stored none.
"""

from __future__ import annotations

import pytest

from flows.nightly import nightly
from tests.flows.conftest import review_rows
from tests.flows.test_night_window import FAST, _kill_at
from tests.flows.test_nightly_flow import run_report

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_a_full_night_does_not_count_again_what_a_brand_night_after_a_killed_night_reported(
    store, add_source, fake_crawls, fake_scorer, monkeypatch
) -> None:
    add_source("Acme", "shop")
    first, *_ = rows = review_rows("shop", 2, start=1)
    edited = {**first, "text": "Review 1: edited, still great shoes"}
    fake_crawls({"shop": [[first], [edited, *rows[1:]]]})
    assert nightly(**FAST).new_reviews == 1  # r1
    _kill_at(monkeypatch, "crawl_all")  # killed before storing anything

    acme = nightly(**FAST, brand="Acme")  # r1 edited, r2 new: reported here
    assert acme.new_reviews == 1 and acme.brands[0].edited_reviews == 1

    state = nightly(**FAST, return_state=True)
    full = state.result()
    assert full.new_reviews == 0 and full.brands[0].edited_reviews == 0
    assert full.unfinished_runs == [] and "unfinished run" not in run_report(state)
    assert nightly(**FAST).new_reviews == 0


def test_a_full_night_counts_what_the_killed_night_stored_but_not_what_a_brand_night_reported(
    store, add_source, fake_crawls, fake_scorer, monkeypatch
) -> None:
    add_source("Acme", "shop")
    add_source("Globex", "store")
    r0, r1, r2 = review_rows("store", 3)
    fake_crawls({"shop": [review_rows("shop", 3)], "store": [[r0, r1], [r0, {**r1, "text": "Review 1: edited"}, r2]]})
    _kill_at(monkeypatch, "score_all")  # stored shop r0-r2 and store r0-r1, never reported

    globex = nightly(**FAST, brand="Globex")  # store r1 edited, r2 new
    assert globex.new_reviews == 1 and globex.brands[0].edited_reviews == 1

    state = nightly(**FAST, return_state=True)
    full = state.result()
    assert {s.source.name: s.items_new for s in full.sources} == {"shop": 3, "store": 2}
    assert {b.brand: b.edited_reviews for b in full.brands} == {"Acme": 0, "Globex": 0}
    assert len(full.unfinished_runs) == 1 and "unfinished run that started" in run_report(state)
    assert nightly(**FAST).new_reviews == 0
