"""`umot detractors set ID --status dismissed --label L` on a dismissal its review's edit made stale.

Before, the unchanged label made no audit event: the command said "nothing changed" and
`umot train --from-db` went on training the edited review by its rating.
"""

from __future__ import annotations

from sqlmodel import select
from typer.testing import CliRunner

from models.crud import get_or_create_brand, upsert_flags, upsert_reviews
from models.crud.triage import update_flag
from models.db import get_engine, session_scope
from models.tables import Flag
from umot.cli import app
from umot.cli._training_from_store import rated_reviews_from_db

REVIEW = {"source": "s", "external_id": "r1", "text": "Works great, love it", "rating": 1}


def test_confirming_a_stale_dismissal_says_so_and_trains_by_its_label(db_url: str) -> None:
    with session_scope(get_engine(db_url)) as session:
        acme = int(get_or_create_brand(session, "Acme").id or 0)
        upsert_reviews(session, [REVIEW], brand_id=acme)
        upsert_flags(session, [{"review_id": 1, "brand_id": acme, "reasons": ["rated 1★"]}])
        flag_id = int(session.exec(select(Flag.id)).one() or 0)
        update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive")
    with session_scope(get_engine(db_url)) as session:
        upsert_reviews(session, [{**REVIEW, "text": "Edited: still great, love it"}], brand_id=acme)
    assert rated_reviews_from_db(db_url, "Acme")[1:] == ([1], 0)  # the old judgement no longer applies
    args = ["detractors", "set", str(flag_id), "--status", "dismissed", "--label", "positive", "--database-url", db_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"flag {flag_id}: dismissal confirmed after the review's edit (positive)\n"
    assert rated_reviews_from_db(db_url, "Acme")[1:] == ([4], 1)
    again = CliRunner().invoke(app, args)
    assert again.output == f"flag {flag_id}: nothing changed\n"
