"""Per-week theme and journey-stage figures of a brand (#18): the overview, the CSVs, the nightly report.

Windows are by review date (published, else first seen), as everywhere in the
triage app; a window is compared with the one before it: the same length by default,
or from ``before`` (an ISO week's previous week is 167 or 169 hours across a DST change).
Only each review's current reading counts; the records filled in are
``models.crud.journey_weeks``'s.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models.crud.current_reading import current_journey_id
from models.crud.edited_flags import still_detractor
from models.crud.journey_weeks import StageWeek, ThemeWeek, add_example, quote_text
from models.tables import Flag, Review, ReviewJourney, ReviewStage, ReviewTheme, Score

_DATE = func.coalesce(Review.published_at, Review.first_seen_at)


def _readings(session: Session, table: Any, column: Any, brand_id: int, start: datetime, end: datetime, *extra: Any) -> Any:
    """Each review of [start, end) once per theme or stage of its current reading, with its newest label."""
    label = select(Score.label).where(col(Score.review_id) == Review.id).order_by(col(Score.id).desc()).limit(1)
    # sqlalchemy's select: sqlmodel's is typed for at most four columns
    query = (
        sa_select(col(Review.id), column, *extra, label.correlate(Review).scalar_subquery(), col(Review.title),
                  col(Review.text))
        .select_from(Review)
        .join(ReviewJourney, and_(col(ReviewJourney.review_id) == Review.id,
                                  col(ReviewJourney.id) == current_journey_id(Review.id)))
        .join(table, and_(table.review_id == Review.id, table.model_version == ReviewJourney.model_version))
        .where(col(Review.brand_id) == brand_id, start <= _DATE, end > _DATE)
        .order_by(col(Review.id))
    )
    return session.execute(query).all()


def theme_weeks(
    session: Session, brand_id: int, start: datetime, end: datetime, *, before: datetime | None = None,
    previous: bool = True,
) -> list[ThemeWeek]:
    """Every theme mentioned in [start, end), most mentioned first, with [before, start) for change.

    ``before`` defaults to the window of the same length; the exports pass the previous ISO
    week's start in their timezone, which a DST change makes an hour longer or shorter.
    ``previous=False``: this window only (``previous_mentions`` stay 0), one query instead of two,
    for callers that compare windows themselves (the rivals' theme benchmark).
    """
    before = start - (end - start) if before is None else before
    weeks: dict[str, ThemeWeek] = {}
    for rid, theme, polarity, _label, title, text in _readings(session, ReviewTheme, ReviewTheme.theme, brand_id,
                                                               start, end, ReviewTheme.polarity):
        week = weeks.setdefault(theme, ThemeWeek(theme, example_review_id=rid))
        week.mentions += 1
        week.negative += polarity == "negative"
        week.positive += polarity == "positive"
        if polarity == "negative":
            add_example(week, rid, quote_text(title, text))
    earlier = Counter(t for _, t, *_ in _readings(session, ReviewTheme, ReviewTheme.theme, brand_id, before, start,
                                                  ReviewTheme.polarity)) if previous else Counter()
    for theme, n in earlier.items():
        weeks.setdefault(theme, ThemeWeek(theme)).previous_mentions = n
    return sorted(weeks.values(), key=lambda w: (-w.mentions, w.theme))


def stage_weeks(
    session: Session, brand_id: int, start: datetime, end: datetime, stages: tuple[str, ...],
    *, before: datetime | None = None,
) -> list[StageWeek]:
    """Each of ``stages`` in [start, end) and in [before, start): texts and how many read negative.

    ``before`` defaults to the window of the same length; the overview passes the previous
    week's start in its zone, which a DST change makes an hour longer or shorter.
    """
    before = start - (end - start) if before is None else before
    out = {s: StageWeek(s) for s in stages}
    for lo, hi, prefix in ((start, end, ""), (before, start, "previous_")):
        for _rid, stage, label, *_ in _readings(session, ReviewStage, ReviewStage.stage, brand_id, lo, hi):
            if stage in out:
                setattr(out[stage], prefix + "texts", getattr(out[stage], prefix + "texts") + 1)
                if label == "negative":
                    setattr(out[stage], prefix + "negative", getattr(out[stage], prefix + "negative") + 1)
    return list(out.values())


def detractor_themes(session: Session, brand_id: int, start: datetime, end: datetime, *, top: int = 5) -> list[ThemeWeek]:
    """The negative themes of the window's detractors, most frequent first, two quotes each.

    A dismissed flag was triaged "not a detractor": its review counts nowhere, as in the weekly CSVs.
    """
    flagged = set(session.exec(select(Flag.review_id).join(Review, col(Review.id) == Flag.review_id)
                               .where(Flag.brand_id == brand_id, still_detractor(),
                                      start <= _DATE, end > _DATE)))
    found: dict[str, ThemeWeek] = defaultdict(lambda: ThemeWeek(""))
    for rid, theme, polarity, _label, title, text in _readings(session, ReviewTheme, ReviewTheme.theme, brand_id,
                                                               start, end, ReviewTheme.polarity):
        if rid in flagged and polarity == "negative":
            week = found[theme]
            week.theme, week.mentions, week.negative = theme, week.mentions + 1, week.negative + 1
            week.example_review_id = week.example_review_id or rid
            add_example(week, rid, quote_text(title, text))
    return sorted(found.values(), key=lambda w: (-w.mentions, w.theme))[:top]
