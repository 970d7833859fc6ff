"""The queue: flagged detractors, newest and most severe first, filtered and paginated."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from models.crud.journeys import current_journeys
from models.crud.triage import LABELS, OPEN_STATUSES, STATUSES, query_queue, queue_sources, status_counts
from models.crud.triage.queue_filter import COUNTED
from models.stored import stored_id
from nlp.themes.catalog import POLARITIES, STAGE_NAMES
from umot.web.deps import CurrentViewer, Db
from umot.web.filters import RATINGS, parse_queue_query
from umot.web.journey_view import theme_options
from umot.web.templating import render

router = APIRouter()
PAGE_SIZE = 25


@router.get("/")
def queue_page(request: Request, viewer: CurrentViewer, db: Db) -> Response:
    query = parse_queue_query(request.query_params, viewer)
    rows, total = query_queue(db, query.filter, limit=PAGE_SIZE, offset=(query.page - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    if query.page > pages:  # past the end (e.g. after filtering): show the last page
        query.page = pages
        rows, total = query_queue(db, query.filter, limit=PAGE_SIZE, offset=(pages - 1) * PAGE_SIZE)
    counts = status_counts(db, query.filter)
    # Detail pages link back to the queue as it was (filters and page).
    request.session["queue_url"] = query.url()
    return render(
        request,
        "queue.html",
        viewer=viewer,
        query=query,
        rows=rows,
        total=total,
        pages=pages,
        counts=counts,
        all_count=sum(counts[s] for s in STATUSES),
        counted_count=counts[COUNTED],
        open_count=sum(counts[s] for s in OPEN_STATUSES),
        first_index=(query.page - 1) * PAGE_SIZE + 1,
        sources=queue_sources(db, viewer.brand_ids),
        statuses=STATUSES,
        labels=LABELS,
        ratings=RATINGS,
        journeys=current_journeys(db, [stored_id(row.review) for row in rows]),  # (#18) chips per row
        theme_options=theme_options(viewer.brands),
        polarities=POLARITIES,
        stage_options=STAGE_NAMES,
    )
