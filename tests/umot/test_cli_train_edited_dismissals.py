"""`umot train --from-db` and a dismissal older than the review's last edit at the source.

Review r1 1★ "Works great, love it" was dismissed as positive; then edited into a complaint.
Before, the complaint was trained as 4 stars with the old text's 'positive' label.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from models.crud import get_or_create_brand, save_scores, upsert_flags, upsert_reviews
from models.crud.triage import update_flag
from models.db import init_db, session_scope
from models.tables import Flag, Review
from umot.cli._training_from_store import rated_reviews_from_db

PRAISE = {"source": "s", "external_id": "r1", "text": "Works great, love it", "rating": 1}
COMPLAINT = {**PRAISE, "text": "Stopped working after a week, useless junk, avoid this seller"}
OTHER = {"source": "s", "external_id": "r2", "text": "Loved it, wrong star clicked", "rating": 1}


def test_a_dismissal_of_the_old_text_no_longer_labels_the_edited_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    with session_scope(init_db(url)) as session:
        acme = int(get_or_create_brand(session, "Acme").id or 0)
        upsert_reviews(session, [PRAISE, OTHER], brand_id=acme)
        for review in session.exec(select(Review)).all():
            [sid] = save_scores(session, [{"review_id": review.id, "model_version": "m1", "detractor": True}])
            upsert_flags(session, [{"review_id": review.id, "score_id": sid, "brand_id": acme, "reasons": ["rated 1★"]}])
        for flag in session.exec(select(Flag)).all():
            update_flag(session, int(flag.id or 0), actor="cli:ana", status="dismissed", corrected_label="positive")
    assert rated_reviews_from_db(url, "Acme")[1:] == ([4, 4], 2)
    with session_scope(init_db(url)) as session:
        upsert_reviews(session, [COMPLAINT], brand_id=acme)  # r1 edited at the source; r2 not
    texts, stars, corrected = rated_reviews_from_db(url, "Acme")
    assert dict(zip(texts, stars, strict=True)) == {COMPLAINT["text"]: 1, OTHER["text"]: 4} and corrected == 1
