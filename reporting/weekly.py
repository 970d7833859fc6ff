"""Write one ISO week's export: detractors per brand, a summary, a 12-week chart.

Files (``<brand>`` slugified, ``<week>`` like ``2026-W47``):

- ``detractors-<brand>-<week>.csv``: one row per flagged review of the week;
- ``advocates-<brand>-<week>.csv``: the week's reviews that recommend the brand;
- ``benchmark-<brand>-<week>.csv`` and ``.png``: for a brand with rivals, its
  figures beside theirs (the week, and 12 weeks charted);
- ``summary-<week>.csv``: one row per brand (``summary-<brand>-<week>.csv``
  when the export is limited to one brand, so it never overwrites the full one);
- ``sentiment-<week>.png`` (or ``sentiment-<brand>-<week>.png``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.ratings import rating_as_published, reasons_as_published
from core.settings import get_settings
from models.crud.journeys import current_journeys
from models.stored import stored_id
from models.tables import Brand
from reporting.advocates import write_advocates_csv
from reporting.chart import draw_sentiment_chart
from reporting.columns import DETRACTOR_COLUMNS, SUMMARY_COLUMNS
from reporting.data import FlaggedReview, find_brands, load_detractors, load_reviews
from reporting.files import slugify, write_csv
from reporting.rivals import write_benchmarks
from reporting.summary import week_over_week, weekly_stats
from reporting.themes import journey_cells, write_themes_csv
from reporting.weeks import IsoWeek, WeekError, last_complete_week, parse_week, resolve_timezone

CHART_WEEKS = 12


class ExportError(ValueError):
    """The export cannot run as asked (unknown brand, bad week or timezone)."""


def write_weekly_export(
    session_or_engine: Session | Engine,
    *,
    week: str | IsoWeek | None = None,
    brand: str | None = None,
    out_dir: Path | None = None,
    excel: bool = False,
    tz: str | None = None,
) -> list[Path]:
    """Write the week's CSVs and chart into ``out_dir``; return their paths.

    ``week`` defaults to the last complete ISO week, ``tz`` to ``UMOT_TIMEZONE``
    or UTC, ``out_dir`` to ``UMOT_EXPORT_DIR``. ``excel`` adds a UTF-8 BOM.
    Raises :class:`ExportError` for an unknown brand, week or timezone.
    """
    try:
        zone = resolve_timezone(tz)
        target = week if isinstance(week, IsoWeek) else (parse_week(week) if week else None)
    except WeekError as exc:
        raise ExportError(str(exc)) from None
    target = target or last_complete_week(zone)
    out_dir = Path(out_dir) if out_dir is not None else get_settings().export_dir

    if isinstance(session_or_engine, Session):
        return _export(session_or_engine, target, brand, out_dir, excel, zone)
    with Session(session_or_engine) as session:
        return _export(session, target, brand, out_dir, excel, zone)


def _export(
    session: Session, week: IsoWeek, brand: str | None, out_dir: Path, excel: bool, zone: ZoneInfo
) -> list[Path]:
    brands = find_brands(session, brand)
    if brand is not None and not brands:
        known = ", ".join(b.name for b in find_brands(session, None)) or "none yet"
        raise ExportError(f"no brand named {brand!r} in the store (brands: {known})")
    slugs = _unique_slugs(brands)
    brand_ids = [stored_id(b) for b in brands]
    suffix = f"{slugs[brand_ids[0]]}-{week}" if brand is not None else str(week)
    written: list[Path] = []

    start, end = week.bounds(zone)
    for brand_id in brand_ids:
        path = out_dir / f"detractors-{slugs[brand_id]}-{week}.csv"
        items = load_detractors(session, brand_id, start, end)
        journeys = current_journeys(session, [stored_id(item.review) for item in items])
        rows = (_detractor_row(item, zone, journeys.get(stored_id(item.review))) for item in items)
        written.append(write_csv(path, list(DETRACTOR_COLUMNS), rows, excel=excel))

    weeks = [week.shift(-n) for n in range(CHART_WEEKS - 1, -1, -1)]
    first_start, _ = weeks[0].bounds(zone)
    reviews = load_reviews(session, brand_ids, first_start, end)
    stats = weekly_stats(reviews, brand_ids, weeks, zone)
    summary = week_over_week(stats, week)
    summary_rows = [
        [str(week), b.name, *(_cell(summary.at[brand_id, c]) for c in list(SUMMARY_COLUMNS)[2:])]
        for b, brand_id in zip(brands, brand_ids)
    ]
    written.append(write_csv(out_dir / f"summary-{suffix}.csv", list(SUMMARY_COLUMNS), summary_rows, excel=excel))
    chart = out_dir / f"sentiment-{suffix}.png"
    names = {brand_id: b.name for b, brand_id in zip(brands, brand_ids)}
    written.append(draw_sentiment_chart(stats, names, [str(w) for w in weeks], chart))
    for brand_id in brand_ids:
        advocates = out_dir / f"advocates-{slugs[brand_id]}-{week}.csv"
        written.append(write_advocates_csv(session, brand_id, start, end, advocates, zone, excel=excel))
    for b, brand_id in zip(brands, brand_ids):  # (#18) per theme: mentions, polarity shares, change vs last week
        themes = out_dir / f"themes-{slugs[brand_id]}-{week}.csv"
        written.append(write_themes_csv(session, brand_id, b.name, str(week), start, end, themes, excel=excel))
    written += write_benchmarks(session, brands, slugs, weeks, zone, out_dir, excel=excel)
    return written


def _unique_slugs(brands: list[Brand]) -> dict[int, str]:
    """Slug per brand id; a brand whose slug is empty or taken gets its id appended."""
    slugs: dict[int, str] = {}
    for b in brands:
        slug = slugify(b.name) or "brand"
        brand_id = stored_id(b)
        if slug in slugs.values() or slug == "brand":
            slug = f"{slug}-{brand_id}"
        slugs[brand_id] = slug
    return slugs


def _cell(value: object) -> object:
    """NaN -> empty cell; numpy scalars -> plain Python numbers."""
    if value is None or value != value:  # NaN is the only value not equal to itself
        return None
    return value.item() if hasattr(value, "item") else value


def _detractor_row(item: FlaggedReview, zone: ZoneInfo, journey: dict | None = None) -> list[object]:
    review, flag, score = item.review, item.flag, item.score
    when = item.date.replace(tzinfo=UTC) if item.date.tzinfo is None else item.date
    values = {
        "review_id": review.id,
        "date": when.astimezone(zone).isoformat(timespec="seconds"),
        "source": review.source,
        "url": review.url,
        "author": review.author,
        "rating": review.rating,
        "rating_as_published": rating_as_published(review.rating, review.rating_raw, review.rating_scale),
        "predicted_stars": _round(score.stars if score else None),
        "label": score.label if score else None,
        "p_negative": _round(score.p_negative if score else None),
        "p_neutral": _round(score.p_neutral if score else None),
        "p_positive": _round(score.p_positive if score else None),
        "reasons": "; ".join(reasons_as_published(
            flag.reasons or (score.reasons if score else []) or [], review.rating, review.rating_raw, review.rating_scale
        )),
        "referral_intent": review.referral_intent,
        **journey_cells(journey),
        "triage_status": flag.status,
        "severity": _round(flag.severity),
        "title": review.title,
        "text": review.text,
    }
    return [values[c] for c in DETRACTOR_COLUMNS]


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def default_week(tz: str | None = None, now: datetime | None = None) -> IsoWeek:
    """The week ``write_weekly_export`` writes when none is given."""
    return last_complete_week(resolve_timezone(tz), now)
