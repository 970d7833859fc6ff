"""The Advocates page shows each rating as published ("8/10"), as `umot advocates list` and the queue do.

Before, it showed only the stars converted to five (★★★★☆ for 8/10), where the CLI said 8/10.
"""

from __future__ import annotations

from triage_pages import BASE_DAY


def test_advocates_show_the_rating_as_published(ana, seeded) -> None:  # noqa: ANN001
    from models.crud import upsert_reviews
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as s:
        upsert_reviews(s, [
            {"source": "schemaorg:hotel.example", "external_id": "fan10", "author": "Tenfan", "rating": 4.11,
             "rating_raw": 8, "rating_scale": 10, "text": "Lovely stay, I recommend it to everyone.",
             "referral_intent": "recommend", "published_at": BASE_DAY},
            {"source": "appstore", "external_id": "fan5", "author": "Fivefan", "rating": 5,
             "text": "Great app, recommend it.", "referral_intent": "recommend", "published_at": BASE_DAY},
        ], brand_id=seeded.acme)
    page = ana.get("/advocates").text
    ten = page.split("Tenfan", 1)[1].split("</tr>", 1)[0]
    assert '<span class="stars" title="8/10">★★★★☆</span> <span class="small">8/10</span>' in ten
    five = page.split("Fivefan", 1)[1].split("</tr>", 1)[0]
    assert '<span class="stars" title="5★">★★★★★</span></td>' in five  # five stars: the stars say it
