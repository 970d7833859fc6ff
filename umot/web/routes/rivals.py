"""A brand's benchmark page: its figures beside its rivals' (aggregates only), 12 weeks charted."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from umot.web.deps import CurrentViewer, Db, id_or_404
from umot.web.numbers import PathId
from umot.web.rivals_view import benchmark_view
from umot.web.templating import render

router = APIRouter()


@router.get("/brands/{brand_id}/benchmark")
def benchmark_page(brand_id: PathId, request: Request, viewer: CurrentViewer, db: Db) -> Response:
    brand = viewer.brand(id_or_404(brand_id, "brand"))  # 404 for a brand the viewer doesn't belong to
    view = benchmark_view(db, brand)
    # a rival's overview is linked only for a viewer who belongs to that rival too
    links = {brand.name: brand.id} | {r.name: r.id for r in view.rivals if r.id in viewer.brand_ids}
    return render(request, "benchmark.html", viewer=viewer, brand=brand, view=view, links=links)
