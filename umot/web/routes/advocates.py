"""Advocates: reviews and mentions recommending the viewer's brands, newest first, to thank."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from models.crud.advocates import list_advocates
from umot.web.deps import CurrentViewer, Db
from umot.web.numbers import PAST_ANY_ID, capped
from umot.web.templating import render

router = APIRouter()
LIMIT = 200


@router.get("/advocates")
def advocates_page(request: Request, viewer: CurrentViewer, db: Db, brand: str = "") -> Response:
    brand_id = None
    if brand.strip():
        number = capped(brand, PAST_ANY_ID)  # not digits, or more than int() reads: no such brand either
        if number is None:
            return render(request, "error.html", status_code=404, code=404, detail="no such brand")
        brand_id = viewer.brand(number).id  # another brand's advocates: 404, like its reviews
    rows = list_advocates(db, brand_ids=viewer.brand_ids, brand_id=brand_id, limit=LIMIT)
    return render(request, "advocates.html", viewer=viewer, rows=rows, brand_id=brand_id, limit=LIMIT)
