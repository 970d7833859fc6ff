"""Every way into the store ends in ``upsert_reviews``: texts beyond UMOT_MAX_REVIEW_CHARS are cut there."""

from __future__ import annotations

import logging

import pytest
from sqlmodel import select

from models.crud import upsert_reviews
from models.db import session_scope
from models.tables import Review


def test_a_huge_text_is_cut_counted_and_logged(engine, brand_id, caplog: pytest.LogCaptureFixture) -> None:
    huge = "Broke on day one. " + "page dump " * 5_000_000 + "Stay away."  # a 50 MB "review"
    rows = [{"source": "shop", "external_id": "big", "text": huge},
            {"source": "shop", "external_id": "small", "text": "Fine kettle."}]
    with caplog.at_level(logging.WARNING, logger="models.crud.reviews"), session_scope(engine) as s:
        result = upsert_reviews(s, rows, brand_id=brand_id, max_text_chars=1000)
    assert result.new == 2 and result.texts_cut == 1
    assert "review shop/big:" in caplog.text and "UMOT_MAX_REVIEW_CHARS=1000" in caplog.text
    with session_scope(engine, write=False) as s:
        texts = {r.external_id: r.text for r in s.exec(select(Review))}
    assert len(texts["big"]) <= 1000 and texts["big"].startswith("Broke on day one.")
    assert texts["big"].endswith("Stay away.") and texts["small"] == "Fine kettle."


def test_the_default_limit_comes_from_the_settings(engine, brand_id, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "500")
    with session_scope(engine) as s:
        result = upsert_reviews(s, [{"source": "shop", "external_id": "a", "text": "x" * 501}], brand_id=brand_id)
    assert result.texts_cut == 1


def test_a_review_repeated_in_one_batch_is_stored_and_counted_once(engine, brand_id) -> None:
    row = {"source": "shop", "external_id": "twice", "text": "Too long. " * 200}
    with session_scope(engine) as s:
        result = upsert_reviews(s, [row, dict(row)], brand_id=brand_id, max_text_chars=1000)
    assert (result.new, result.existing, result.repeated, result.texts_cut) == (1, 0, 1, 1)  # a repeat: not stored
