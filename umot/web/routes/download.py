"""The queue's current filter as a CSV download (every page, not just the one shown).

The file is streamed a chunk of rows at a time, as they are read: a download of
every flag never holds them all in memory, nor the whole file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from models.crud.triage.queue import iter_queue
from umot.web.deps import CurrentViewer, Db
from umot.web.filters import parse_queue_query
from umot.web.queue_csv import queue_csv_chunks

router = APIRouter()


@router.get("/queue.csv")
def queue_csv(request: Request, viewer: CurrentViewer, db: Db) -> StreamingResponse:
    query = parse_queue_query(request.query_params, viewer)
    chunks = iter_queue(db, query.filter)  # runs here: a store down answers an error; one failing mid-stream cuts the file

    def body() -> Iterator[bytes]:
        yield codecs.BOM_UTF8  # Excel then reads accents right
        for text in queue_csv_chunks(db, chunks):
            yield text.encode("utf-8")

    name = f"umot-detractors-{datetime.now(UTC):%Y%m%d-%H%M}.csv"
    return StreamingResponse(
        body(), media_type="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
