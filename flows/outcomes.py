"""What a nightly run hands to its report, notifications and CLI table, as plain dataclasses.

Tasks return these instead of ORM rows, so nothing depends on a database
session that has already closed, and the report, the notifications and the
CLI table all read the same figures. The plan, crawl and score stages' own
results are in :mod:`flows.stage_outcomes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.wording import plural
from flows.stage_outcomes import SourceOutcome
from reporting.rounding import whole_shares


@dataclass(frozen=True)
class Detractor:
    """A review flagged in this run, with what the report quotes."""

    review_id: int
    brand_id: int
    severity: float
    reasons: tuple[str, ...]
    text: str
    url: str | None = None
    rating: float | None = None  # normalised 1-5, for computing
    author: str | None = None
    source: str | None = None
    rating_shown: str | None = None  # as published ("8/10", "4★"), for people to read

    @property
    def rating_text(self) -> str | None:
        """The rating to print: as published, else the normalised stars."""
        return self.rating_shown or (f"{self.rating:g}★" if self.rating is not None else None)


@dataclass
class BrandReport:
    """One brand's part of the nightly summary."""

    brand_id: int
    brand: str
    new_reviews: int = 0
    stored_reviews: int = 0
    edited_reviews: int = 0  # stored reviews found edited on their site since the night began (scored again)
    scored: int = 0
    labels: dict[str, int] = field(default_factory=dict)  # this run's scored reviews by label
    new_detractors: int = 0  # flags raised in this run
    detractors: list[Detractor] = field(default_factory=list)  # the most severe of them, first
    # ``models.crud.brand_summary`` figures for the last 7 days and the 7 before
    week: dict = field(default_factory=dict)
    previous_week: dict = field(default_factory=dict)
    webhook_url: str | None = None
    notified: bool | None = None  # None: nothing to send or no webhook
    # (#18) the detractors written in the last 7 days: their most frequent negative themes, (theme, mentions)
    negative_themes: list[tuple[str, int]] = field(default_factory=list)

    @property
    def labelled(self) -> int:
        """This run's scores with a label: a review scored without text (``unscored``) has no sentiment, so the
        report's "sentiment of the N reviews scored" counting it would share the split over reviews it never saw."""
        return sum(self.labels.get(label, 0) for label in ("negative", "neutral", "positive"))

    @property
    def label_split(self) -> dict[str, float] | None:
        """This run's labelled scores in whole percent adding up to 100 (largest remainder, ties in the labels'
        order: the report and the ``umot run`` table show the same figures); None when nothing is labelled."""
        labelled = {label: self.labels.get(label, 0) for label in ("negative", "neutral", "positive")}
        return whole_shares(labelled) if sum(labelled.values()) else None

    @property
    def share_positive(self) -> float | None:
        return None if (split := self.label_split) is None else split["positive"] / 100

    @property
    def share_negative(self) -> float | None:
        return None if (split := self.label_split) is None else split["negative"] / 100


@dataclass
class NightlyResult:
    """What a nightly run did: per source, per brand, and overall."""

    started_at: datetime
    finished_at: datetime | None = None
    model_version: str | None = None
    sources: list[SourceOutcome] = field(default_factory=list)
    brands: list[BrandReport] = field(default_factory=list)
    scored: int = 0
    new_flags: int = 0
    themes_read: int = 0  # (#18) reviews whose themes and stages this run read
    config_warnings: list[str] = field(default_factory=list)  # what in umot.toml this run could not use
    artifact_key: str | None = None
    report_path: str | None = None  # the same markdown, under the data dir
    # starts of earlier nights that stored reviews but never reported (killed): counted as new here too
    unfinished_runs: list[datetime] = field(default_factory=list)

    @property
    def counted_since(self) -> datetime:
        """Reviews first stored since then are this report's new ones (``flows.night_window``)."""
        return min([self.started_at, *self.unfinished_runs])

    def unfinished_note(self) -> str | None:
        """The report's line naming the unfinished runs whose reviews it counts; None when there are none."""
        if not self.unfinished_runs:
            return None
        first = min(self.unfinished_runs).strftime("%Y-%m-%d %H:%M %Z").strip()
        if len(self.unfinished_runs) == 1:
            return f"Includes reviews stored, edited or flagged by an unfinished run that started {first}."
        return f"Includes reviews stored, edited or flagged by {len(self.unfinished_runs)} unfinished runs, the first started {first}."

    @property
    def failed_sources(self) -> list[SourceOutcome]:
        return [s for s in self.sources if not s.ok]

    @property
    def new_reviews(self) -> int:
        return sum(s.items_new for s in self.sources)

    @property
    def stored_reviews(self) -> int:
        return sum(b.stored_reviews for b in self.brands)

    @property
    def detractors(self) -> int:
        return sum(b.new_detractors for b in self.brands)

    def headline(self) -> str:
        """``"12 new reviews; 240 already stored; 3 new detractors"`` (+ failures)."""
        already = self.stored_reviews - self.new_reviews
        text = (f"{plural(self.new_reviews, 'new review')}; {max(already, 0)} already stored; "
                f"{plural(self.detractors, 'new detractor')}")
        if self.failed_sources:
            names = ", ".join(s.source.label for s in self.failed_sources)
            text += f"; {plural(len(self.failed_sources), 'source')} failed: {names}"
        return text
