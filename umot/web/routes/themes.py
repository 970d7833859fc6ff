"""A triager corrects a detractor's themes (#18): add or remove one, audited like status changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from models.crud.journeys import current_journeys
from models.crud.theme_corrections import ThemeCorrectionError, correct_theme
from models.stored import stored_id
from umot.web.deps import CurrentViewer, Db
from umot.web.journey_view import known_themes
from umot.web.numbers import PathId
from umot.web.routes.flag import _page, _visible_row, actor_of

router = APIRouter()


@router.post("/flags/{flag_id}/themes")
def change_themes(
    flag_id: PathId,
    request: Request,
    viewer: CurrentViewer,
    db: Db,
    theme: Annotated[str, Form()],
    action: Annotated[str, Form()],
    polarity: Annotated[str, Form()] = "negative",
) -> Response:
    """Apply one correction; a bad one re-shows the page with the reason and changes nothing. One that
    the review already reads as (a double click's second Apply) is no error: back to the page, "Nothing changed"."""
    row = _visible_row(db, flag_id, viewer)
    known = known_themes(viewer.brand(row.flag.brand_id))
    try:
        after = correct_theme(db, stored_id(row.review), theme.strip(), action, actor=actor_of(viewer),
                              known=known, polarity=polarity)
    except ThemeCorrectionError as exc:
        db.rollback()
        row = _visible_row(db, flag_id, viewer)
        if not _already_so(db, stored_id(row.review), theme.strip(), action, polarity or "neutral", known):
            return _page(request, viewer, db, row, error=f"Themes not changed: {exc}")
        request.session["flash"] = f"Nothing changed: {exc}."
    else:
        db.commit()
        request.session["flash"] = "Themes now: " + (", ".join(after) or "none") + "."
    return RedirectResponse(f"/flags/{flag_id}", status_code=303)


def _already_so(db: Session, review_id: int, theme: str, action: str, polarity: str, known: Sequence[str]) -> bool:
    """Whether the review already reads as this correction of a known theme asks (there with that polarity, or
    gone): a double click's first Apply made it, so the second changes nothing and is no error."""
    if theme not in known:  # an unknown name stays an error, whatever the reading holds
        return False
    themes = (current_journeys(db, [review_id]).get(review_id) or {}).get("themes", {})
    return (action == "remove" and theme not in themes) or (action == "add" and themes.get(theme) == polarity)
