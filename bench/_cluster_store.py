"""The store side of the scale-out cluster: the 20 sources it crawls and the counts it reads back.

``bench scale`` and tests/flows/test_scale_out.py seed the same sources (4 brands x 5
product pages of one local site) and judge a night by the same counts (every review
stored and scored exactly once), so both live here, apart from the processes.
"""

from __future__ import annotations

BRANDS, SOURCES_PER_BRAND, REVIEWS_PER_SOURCE = 4, 5, 10


def seed_sources(database_url: str, site_url: str) -> list[int]:
    """4 brands x 5 sources, one product page of the site each; their source ids."""
    from models import crud
    from models.db import get_engine, init_db, session_scope

    init_db(database_url)
    ids = []
    with session_scope(get_engine(database_url)) as session:
        for b in range(BRANDS):
            for s in range(SOURCES_PER_BRAND):
                page = b * SOURCES_PER_BRAND + s
                ids.append(crud.add_source(session, brand=f"Brand {b}", name=f"shop-{s}",
                                           urls=[f"{site_url}p{page}/"]).id)
    return ids


def store_figures(database_url: str) -> dict[str, int]:
    """Reviews, distinct reviews, scores, crawl runs and flags in the store."""
    from sqlalchemy import func, select

    from models.db import get_engine
    from models.tables import CrawlRun, Flag, Review, Score

    with get_engine(database_url).connect() as conn:
        one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
        return {
            "reviews": one(select(func.count()).select_from(Review)),
            "distinct_reviews": one(select(func.count(func.distinct(Review.external_id))).select_from(Review)),
            "scores": one(select(func.count()).select_from(Score)),
            "scored_reviews": one(select(func.count(func.distinct(Score.review_id))).select_from(Score)),
            "crawl_runs": one(select(func.count()).select_from(CrawlRun)),
            "flags": one(select(func.count()).select_from(Flag)),
        }
