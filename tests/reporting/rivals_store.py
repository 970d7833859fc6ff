"""A known store for the reply, advocate and benchmark figures: Acme with two rivals, weeks 2026-W46/W47.

Acme (rivals Globex, Initech), W47 (16-22 Nov 2026):
  a1 1★ neg, flagged, replied after 6 h     a4 5★ pos, recommends (reply undated)
  a2 2★ neg, flagged, replied after 30 h    a5 unrated mention, pos, recommends
  a3 2★ neg, flagged, never answered        a6 3★ neutral, "recommends" (not an advocate: 3★)
  W46: a0 1★ neg, flagged, never answered
Globex W47: g1 5★ pos, g2 4★ pos.   Initech W47: i1 1★ neg, flagged, replied after 48 h; W46: i0 1★ neg, flagged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

W47, W46 = "2026-W47", "2026-W46"
T = datetime(2026, 11, 17, 10, 0, tzinfo=UTC)  # Tuesday of W47
LAST_WEEK = T - timedelta(days=7)

# brand, id, rating, label, predicted stars, published, reply after (h; None = no reply, "undated"), intent, flagged
REVIEWS = [
    ("Acme", "a1", 1, "negative", 1.2, T, 6, None, True),
    ("Acme", "a2", 2, "negative", 1.8, T + timedelta(hours=1), 30, None, True),
    ("Acme", "a3", 2, "negative", 1.9, T + timedelta(hours=2), None, None, True),
    ("Acme", "a4", 5, "positive", 4.9, T + timedelta(days=1), "undated", "recommend", False),
    ("Acme", "a5", None, "positive", 4.8, T + timedelta(days=2), None, "recommend", False),
    ("Acme", "a6", 3, "neutral", 3.0, T + timedelta(days=3), None, "recommend", False),
    ("Acme", "a0", 1, "negative", 1.1, LAST_WEEK, None, None, True),
    ("Globex", "g1", 5, "positive", 4.9, T, None, None, False),
    ("Globex", "g2", 4, "positive", 4.2, T + timedelta(days=1), None, "recommend", False),
    ("Initech", "i1", 1, "negative", 1.1, T, 48, None, True),
    ("Initech", "i0", 1, "negative", 1.3, LAST_WEEK, None, None, True),
]


def build(db_url: str) -> dict[str, int]:
    """Fill the store at ``db_url``; brand ids by name."""
    from models import crud
    from models.crud.competitors import link_competitor
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        ids = {name: crud.get_or_create_brand(session, name).id for name in ("Acme", "Globex", "Initech")}
        link_competitor(session, "Acme", "Globex")
        link_competitor(session, "Acme", "Initech")
        for brand, ext, rating, label, stars, published, reply, intent, flagged in REVIEWS:
            row = {"source": "trustpilot", "external_id": ext, "rating": rating, "text": f"review {ext}",
                   "author": f"author {ext}", "url": f"https://www.trustpilot.com/reviews/{ext}",
                   "published_at": published, "referral_intent": intent}
            if reply is not None:
                row |= {"reply_text": f"reply to {ext}", "reply_author": brand,
                        "replied_at": None if reply == "undated" else published + timedelta(hours=reply)}
            [review_id] = crud.upsert_reviews(session, [row], brand_id=ids[brand]).new_ids
            [score_id] = crud.save_scores(session, [{"review_id": review_id, "model_version": "m1", "label": label,
                                                      "stars": stars, "detractor": flagged}])
            if flagged:
                crud.upsert_flags(session, [{"review_id": review_id, "score_id": score_id, "brand_id": ids[brand],
                                             "reasons": ["rated 1★"], "severity": 0.9}])
    return ids
