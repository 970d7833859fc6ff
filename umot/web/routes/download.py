"""The queue's current filter as a CSV download (every page, not just the one shown)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from models.crud.journeys import current_journeys
from models.crud.triage import query_queue
from models.stored import stored_id
from umot.web.deps import CurrentViewer, Db
from umot.web.filters import parse_queue_query
from umot.web.queue_csv import write_queue_csv

router = APIRouter()


@router.get("/queue.csv")
def queue_csv(request: Request, viewer: CurrentViewer, db: Db) -> Response:
    query = parse_queue_query(request.query_params, viewer)
    rows, _ = query_queue(db, query.filter, limit=None)
    journeys = current_journeys(db, [stored_id(r.review) for r in rows])  # themes and stages (#18)
    name = f"umot-detractors-{datetime.now(UTC):%Y%m%d-%H%M}.csv"
    return Response(
        write_queue_csv(rows, journeys).encode("utf-8-sig"),  # BOM: Excel then reads accents right
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
