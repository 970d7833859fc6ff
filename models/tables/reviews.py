"""Reviews as found, and each model version's score of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.tables.base import utcnow


class Review(SQLModel, table=True):
    """A public review or mention, stored once per (brand, source, external id).

    ``external_id`` is the site's own id where it has one, else a content hash.
    ``rating`` is normalised to 1-5 (``None`` = unrated); the raw value and its
    scale are kept beside it. A review edited on its site takes the new text
    and rating in place; ``edited_at`` says when a crawl or import last saw
    such an edit (``models.crud.review_edits``).
    """

    __table_args__ = (
        UniqueConstraint("brand_id", "source", "external_id", name="uq_review_identity"),
        Index("ix_review_brand_published", "brand_id", "published_at"),
        Index("ix_review_brand_first_seen", "brand_id", "first_seen_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    crawl_run_id: int | None = Field(default=None, foreign_key="crawlrun.id")
    source: str = Field(max_length=200)  # e.g. "schemaorg:shop.example", "appstore"
    external_id: str = Field(max_length=300)
    url: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=300)
    rating: float | None = None
    rating_raw: float | None = None
    rating_scale: float | None = None  # bestRating of the raw value (e.g. 5, 10, 100)
    title: str | None = Field(default=None, max_length=1000)
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    language: str | None = Field(default=None, max_length=20)
    referral_intent: str | None = Field(default=None, max_length=20)  # recommend | warn
    published_at: datetime | None = None
    first_seen_at: datetime = Field(default_factory=utcnow, index=True)
    extra: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The brand's public reply at the source, where the site shows one (None = unanswered).
    reply_text: str | None = Field(default=None, sa_column=Column(Text))
    reply_author: str | None = Field(default=None, max_length=300)
    replied_at: datetime | None = None  # as the site dates it; None when it gives no usable date
    reply_seen_at: datetime | None = None  # when a crawl first found the reply
    # when a crawl or import last found the text, title or rating edited; indexed (0009): a night's
    # counts scan it by time (models.crud.night_counts)
    edited_at: datetime | None = Field(default=None, index=True)


class Score(SQLModel, table=True):
    """The model's view of one review, one row per model version."""

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", name="uq_score_review_model"),
        # A review's newest score is looked up per review: (review_id, id) answers it from the
        # index whatever PostgreSQL's statistics say (0007).
        Index("ix_score_review_newest", "review_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id")
    model_version: str = Field(max_length=200, index=True)
    label: str | None = Field(default=None, max_length=20)  # negative | neutral | positive
    stars: float | None = None
    p_negative: float | None = None
    p_neutral: float | None = None
    p_positive: float | None = None
    confidence: float | None = None
    language: str | None = Field(default=None, max_length=20)
    detractor: bool = False
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    scored_at: datetime = Field(default_factory=utcnow)
