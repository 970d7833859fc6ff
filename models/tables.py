"""SQLModel tables: the whole schema in one place, mirrored by the migrations.

Rows flow crawl -> store -> score -> flag: a ``Review`` is stored once per
(brand, source, external id); each model version adds its own ``Score`` so a new
model re-scores without losing history; a ``Flag`` marks a detractor and carries
its triage state, with every change kept in ``FlagEvent``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.status import CrawlStatus, FlagStatus

# Named constraints, so SQLite batch migrations can drop or alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware now; stored as UTC."""
    return datetime.now(UTC)


class Brand(SQLModel, table=True):
    """A brand whose reviews and mentions we follow."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    webhook_url: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    """One place to crawl for a brand: a spider name and its start URLs."""

    __table_args__ = (UniqueConstraint("brand_id", "name", name="uq_source_brand_name"),)

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    name: str = Field(max_length=200)
    spider: str = Field(default="schemaorg", max_length=50)
    urls: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    options: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    enabled: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class CrawlRun(SQLModel, table=True):
    """One crawl of one source (or of ad-hoc URLs): what it found and how it ended."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    brand_id: int | None = Field(default=None, foreign_key="brand.id", index=True)
    spider: str = Field(default="schemaorg", max_length=50)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: str = Field(default=CrawlStatus.running, max_length=20)  # models.status.CrawlStatus
    # host:pid:boot.start of the process that opened the run (core.processes, #15): a
    # run still ``running`` whose process is gone was killed, and the next run closes it.
    owner: str | None = Field(default=None, max_length=200)
    pages: int = 0
    items_scraped: int = 0
    items_new: int = 0
    errors: int = 0
    error_message: str | None = Field(default=None, sa_column=Column(Text))


class Review(SQLModel, table=True):
    """A public review or mention, stored once per (brand, source, external id).

    ``external_id`` is the site's own id where it has one, else a content hash.
    ``rating`` is normalised to 1-5 (``None`` = unrated); the raw value and its
    scale are kept beside it.
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


class Score(SQLModel, table=True):
    """The model's view of one review, one row per model version."""

    __table_args__ = (UniqueConstraint("review_id", "model_version", name="uq_score_review_model"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
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


class Flag(SQLModel, table=True):
    """A detractor worth acting on, and its triage state (one per review)."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", unique=True)
    score_id: int | None = Field(default=None, foreign_key="score.id")
    brand_id: int = Field(foreign_key="brand.id", index=True)
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    severity: float = 0.0  # higher = act first
    # new -> in_progress -> responded -> resolved, or dismissed (not a detractor)
    status: str = Field(default=FlagStatus.new, max_length=20, index=True)  # models.status.FlagStatus
    assignee: str | None = Field(default=None, max_length=300)
    note: str | None = Field(default=None, sa_column=Column(Text))
    corrected_label: str | None = Field(default=None, max_length=20)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class FlagEvent(SQLModel, table=True):
    """Audit trail: who changed what on a flag, when, from -> to."""

    id: int | None = Field(default=None, primary_key=True)
    flag_id: int = Field(foreign_key="flag.id", index=True)
    actor: str = Field(max_length=300)
    at: datetime = Field(default_factory=utcnow)
    field_name: str = Field(max_length=50)  # status | assignee | note
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))


class User(SQLModel, table=True):
    """A brand-team member of the triage web app (argon2-hashed password)."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=320)
    password_hash: str = Field(max_length=300)
    is_admin: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    # Sessions (#15): a cookie carries the version it was signed with; logout,
    # a new password, disabling or removing the user bumps it and ends them all.
    session_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    disabled_at: datetime | None = None  # set by `umot users disable`: no login, no session


class BrandCompetitor(SQLModel, table=True):
    """A rival a brand compares itself with (``umot brands link``, ``[[competitors]]`` in umot.toml)."""

    brand_id: int = Field(foreign_key="brand.id", primary_key=True)
    competitor_id: int = Field(foreign_key="brand.id", primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class UserBrand(SQLModel, table=True):
    """Which brands a user may see."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", primary_key=True)


class LoginThrottle(SQLModel, table=True):
    """Failed logins per account or client address (#15), kept in the store so every web process agrees.

    ``key`` is ``account:<email>`` or ``address:<ip>``; ``failures`` counts the
    failures since the last success (or since a quiet window); ``locked_until``
    refuses every attempt on that key, right password included, until then.
    """

    key: str = Field(primary_key=True, max_length=400)
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None


class PageState(SQLModel, table=True):
    """What a crawl last read at a URL for a brand: validators and kind, kept in the store (#15, #16).

    A page may be skipped as "unchanged" (the site answers ``304``) only if the
    store holds what it held: this row is committed in the same transaction as
    that page's reviews, so a new store, a restored backup or a killed crawl
    never has a row for a page whose reviews it lacks. ``links``: a hub's
    in-scope links, followed again on a 304 (no page bodies are kept).
    """

    __table_args__ = (UniqueConstraint("brand_id", "url", name="uq_pagestate_brand_url"),)

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id")
    url: str = Field(max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    kind: str = Field(max_length=10)  # reviews | hub
    links: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)


class ScoreClaim(SQLModel, table=True):
    """A review a scoring worker is scoring now with one model version; gone once its score is written.

    Claims are taken with ``INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at < now``,
    so only one live claim exists per review; a worker that dies leaves a claim
    that expires, and another worker takes the review.
    """

    review_id: int = Field(foreign_key="review.id", primary_key=True)
    model_version: str = Field(max_length=200, primary_key=True)
    claimed_by: str = Field(max_length=300)
    expires_at: datetime = Field(index=True)


class NightShard(SQLModel, table=True):
    """One unit of a fanned-out nightly run (a shard of sources to crawl, or a scoring worker).

    The parent flow plans the rows; the child flow run that does the work
    claims its row, beats ``heartbeat_at`` while it runs and writes its
    ``outcome`` there, so the parent reads results from the store, not from
    a worker's disk, and re-runs a shard whose worker stopped beating.
    """

    __table_args__ = (UniqueConstraint("night", "kind", "shard", name="uq_nightshard_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    night: str = Field(max_length=64, index=True)  # the parent flow run's id
    kind: str = Field(max_length=10)  # crawl | score
    shard: int
    source_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=10)  # pending | running | done
    attempts: int = 0
    worker: str | None = Field(default=None, max_length=300)  # host:pid of the flow run doing it
    flow_run_id: str | None = Field(default=None, max_length=64)
    heartbeat_at: datetime | None = None
    outcome: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class ReviewJourney(SQLModel, table=True):
    """One theme-detector version's reading of a review (#18): its primary journey stage.

    The themes and stages it found are ``ReviewTheme`` and ``ReviewStage`` rows of
    the same (review, model version); the newest row per review is the current one.
    """

    __table_args__ = (UniqueConstraint("review_id", "model_version", name="uq_reviewjourney_review_model"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    model_version: str = Field(max_length=200, index=True)
    primary_stage: str | None = Field(default=None, max_length=20)
    detected_at: datetime = Field(default_factory=utcnow)


class ReviewTheme(SQLModel, table=True):
    """A theme a review speaks of, with its polarity, per detector version (triage corrections applied)."""

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", "theme", name="uq_reviewtheme_review_model_theme"),
        Index("ix_reviewtheme_theme_review", "theme", "review_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    model_version: str = Field(max_length=200)
    theme: str = Field(max_length=60)
    polarity: str = Field(max_length=10)  # negative | neutral | positive


class ReviewStage(SQLModel, table=True):
    """A customer-journey stage a review speaks of, per detector version."""

    __table_args__ = (
        UniqueConstraint("review_id", "model_version", "stage", name="uq_reviewstage_review_model_stage"),
        Index("ix_reviewstage_stage_review", "stage", "review_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    model_version: str = Field(max_length=200)
    stage: str = Field(max_length=20)


class ThemeCorrection(SQLModel, table=True):
    """A triager's correction of a review's themes (#18): the audit trail, and training data for `umot train`."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    theme: str = Field(max_length=60)
    action: str = Field(max_length=10)  # add | remove
    polarity: str | None = Field(default=None, max_length=10)
    actor: str = Field(max_length=300)
    at: datetime = Field(default_factory=utcnow)
