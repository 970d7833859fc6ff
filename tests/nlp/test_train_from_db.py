"""`umot train --from-db` reads rated reviews and triage corrections from the store."""

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from models.crud import get_or_create_brand, upsert_flags, upsert_reviews
from models.db import init_db, session_scope
from models.tables import Flag, Review
from umot.cli import app
from umot.cli._training_from_store import rated_reviews_from_db


def test_rated_reviews_and_corrections(tmp_path):
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    engine = init_db(url)
    with session_scope(engine) as session:
        acme = get_or_create_brand(session, "Acme")
        other = get_or_create_brand(session, "Other")
        rows = [
            {"source": "s", "external_id": "1", "text": "Love it", "rating": 5},
            {"source": "s", "external_id": "2", "text": "Broke fast", "rating": 1},
            {"source": "s", "external_id": "3", "text": "No rating here", "rating": None},
            {"source": "s", "external_id": "4", "text": "Sarcastic but happy, 'worst' buy ever", "rating": 2},
            {"source": "s", "external_id": "5", "text": "   ", "rating": 4},
            {"source": "s", "external_id": "6", "text": "Unrated, dismissed flag", "rating": None},
        ]
        upsert_reviews(session, rows, brand_id=acme.id)
        upsert_reviews(session, [{"source": "s", "external_id": "x", "text": "Other brand", "rating": 3}],
                       brand_id=other.id)
        ids = {r.external_id: r.id for r in session.exec(select(Review).where(Review.brand_id == acme.id))}
        upsert_flags(session, [{"review_id": ids["4"], "brand_id": acme.id, "reasons": ["rated 2★"]},
                               {"review_id": ids["6"], "brand_id": acme.id, "reasons": ["negative text"]}])
        for flag in session.exec(select(Flag)):
            flag.status = "dismissed"
            flag.corrected_label = "positive" if flag.review_id == ids["4"] else None
            session.add(flag)
    texts, stars, corrected = rated_reviews_from_db(url, "Acme")
    got = dict(zip(texts, stars))
    assert got == {
        "Love it": 5, "Broke fast": 1,
        "Sarcastic but happy, 'worst' buy ever": 4,  # corrected_label positive
        "Unrated, dismissed flag": 3,  # dismissed without a label: neutral
    }
    assert corrected == 2
    texts_all, _, _ = rated_reviews_from_db(url, None)
    assert "Other brand" in texts_all


@pytest.mark.slow
def test_cli_train_from_db_writes_a_card_naming_the_store(tmp_path):
    """`umot train --from-db --brand` end to end: the card names the store and the command."""
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    with session_scope(init_db(url)) as session:
        acme = get_or_create_brand(session, "Acme")
        rows = [{"source": "s", "external_id": f"{i}", "rating": 1 + i % 5,
                 "text": ["Broke at once.", "Poor.", "It is fine.", "Good buy.", "Love it!"][i % 5] + f" #{i}"}
                for i in range(40)]
        upsert_reviews(session, rows, brand_id=acme.id)
    out = tmp_path / "model"
    result = CliRunner().invoke(app, [
        "train", "--from-db", "--brand", "Acme", "--database-url", url, "--out", str(out),
        "--epochs", "1", "--max-length", "16", "--batch-size", "16",
    ])
    assert result.exit_code == 0, result.output
    card = (out / "MODEL_CARD.md").read_text()
    assert "- The store's rated reviews of brand Acme (`umot train --from-db`; 0 triage corrections):\n  40 reviews, 5 held out." in card  # one per star
    assert "umot train --from-db --brand Acme" in card and "--data" not in card.split("## What it does")[0]
    assert "may be used for research only" not in card


def test_the_store_trains_on_what_the_scorer_reads(tmp_path):
    """--from-db trained on the raw body (HTML, entities, emoji the tokenizer maps to [UNK]) without the title,
    while --data files are cleaned and scoring reads the title, then the text."""
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    with session_scope(init_db(url)) as session:
        acme = get_or_create_brand(session, "Acme")
        upsert_reviews(session, [
            {"source": "s", "external_id": "1", "title": "Great buy", "text": "<p>Love it &amp; more \U0001F600</p>",
             "rating": 5},
            {"source": "s", "external_id": "2", "title": "Awful", "text": "<br>", "rating": 1},
        ], brand_id=acme.id)
    texts, stars, _ = rated_reviews_from_db(url, "Acme")
    assert dict(zip(texts, stars)) == {"Great buy Love it & more grinning face": 5, "Awful": 1}
