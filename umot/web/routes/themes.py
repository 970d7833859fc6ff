"""A triager corrects a detractor's themes (#18): add or remove one, audited like status changes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from models.crud.theme_corrections import ThemeCorrectionError, correct_theme
from models.stored import stored_id
from umot.web.deps import CurrentViewer, Db
from umot.web.journey_view import known_themes
from umot.web.routes.flag import _page, _visible_row, actor_of

router = APIRouter()


@router.post("/flags/{flag_id}/themes")
def change_themes(
    flag_id: int,
    request: Request,
    viewer: CurrentViewer,
    db: Db,
    theme: Annotated[str, Form()],
    action: Annotated[str, Form()],
    polarity: Annotated[str, Form()] = "negative",
) -> Response:
    """Apply one correction; a bad one re-shows the page with the reason and changes nothing."""
    row = _visible_row(db, flag_id, viewer)
    try:
        after = correct_theme(db, stored_id(row.review), theme.strip(), action, actor=actor_of(viewer),
                              known=known_themes(viewer.brand(row.flag.brand_id)), polarity=polarity)
    except ThemeCorrectionError as exc:
        db.rollback()
        return _page(request, viewer, db, _visible_row(db, flag_id, viewer), error=f"Themes not changed: {exc}")
    db.commit()
    request.session["flash"] = "Themes now: " + (", ".join(after) or "none") + "."
    return RedirectResponse(f"/flags/{flag_id}", status_code=303)
