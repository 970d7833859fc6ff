"""A brand's overview: detractors per week, average rating per week, sentiment split."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from models.crud.triage import QueueFilter, rating_summary, sentiment_split, status_counts, weekly_figures
from umot.web.charts import bar_chart, split_bar
from umot.web.deps import CurrentViewer, Db
from umot.web.journey_view import STAGE_MEANINGS, journey_panel
from umot.web.numbers import PathId
from umot.web.rivals_view import reply_summary
from umot.web.templating import export_zone, render

router = APIRouter()
WEEKS = 12


@router.get("/brands/{brand_id}")
def overview_page(brand_id: PathId, request: Request, viewer: CurrentViewer, db: Db) -> Response:
    brand = viewer.brand(brand_id)  # 404 for a brand the viewer doesn't belong to
    zone = export_zone()  # weeks as the weekly CSVs cut them (UTC, said on the page, if UMOT_TIMEZONE is unknown)
    weeks = weekly_figures(db, brand_id, weeks=WEEKS, zone=zone)
    label = lambda w: w.week.strftime("%d %b")  # noqa: E731
    split = sentiment_split(db, brand_id)
    avg, rated, total = rating_summary(db, brand_id)
    return render(
        request,
        "overview.html",
        viewer=viewer,
        brand=brand,
        weeks=weeks,
        week_zone=str(zone),
        detractor_chart=bar_chart([(label(w), w.detractors) for w in weeks]),
        rating_chart=bar_chart([(label(w), w.avg_rating) for w in weeks], top=5, fmt="{:.1f}"),
        split=split,
        split_segments=split_bar(split),
        avg_rating=avg,
        rated=rated,
        total_reviews=total,
        counts=status_counts(db, QueueFilter(brand_ids=viewer.brand_ids, brand_id=brand.id)),
        replies=reply_summary(db, brand, zone),
        journey=journey_panel(db, brand, zone),  # (#18)
        stage_meanings=STAGE_MEANINGS,
    )
