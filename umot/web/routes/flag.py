"""One detractor: the full review, its scores, the author's other reviews, triage controls."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from models.crud.edited_dismissals import judged_before_edit
from models.crud.journeys import current_journeys
from models.crud.triage import (
    CORRECTED_LABELS,
    DEFAULT_CORRECTED_LABEL,
    STATUSES,
    QueueRow,
    TriageError,
    flag_events,
    flag_id_for_review,
    get_queue_row,
    same_author_reviews,
    update_flag,
)
from models.crud.triage.assignees import assignable_users
from models.status import FlagStatus
from models.stored import stored_id
from models.tables import FlagEvent
from umot.web.auth import web_actor
from umot.web.deps import CurrentViewer, Db, Viewer, id_or_404
from umot.web.flag_form import FlagForm, read_flag_form
from umot.web.journey_view import known_themes
from umot.web.numbers import PathId
from umot.web.templating import render

router = APIRouter()


def actor_of(viewer: Viewer) -> str:
    return web_actor(viewer.user.email)


def _visible_row(db: Session, flag_id: int, viewer: Viewer) -> QueueRow:
    row = get_queue_row(db, id_or_404(flag_id, "detractor"), viewer.brand_ids)
    if row is None:  # absent, or another brand's: the same answer
        raise HTTPException(status_code=404, detail="no such detractor")
    return row


def _page(
    request: Request, viewer: Viewer, db: Session, row: QueueRow, error: str | None = None, form: FlagForm | None = None
) -> Response:
    """The page; after a refused save (``error``) its form holds what was sent, its ``was_`` fields the stored values."""
    review_id, flag_id = stored_id(row.review), stored_id(row.flag)
    return render(
        request,
        "flag.html",
        status_code=400 if error else 200,
        viewer=viewer,
        row=row,
        events=flag_events(db, flag_id),
        # dismissed before the review's last edit: the page offers to confirm it for the new text
        stale=row.flag.status == FlagStatus.dismissed and judged_before_edit(db, flag_id),
        others=same_author_reviews(db, row.review),
        statuses=STATUSES,
        corrected_labels=CORRECTED_LABELS,
        default_label=row.flag.corrected_label or DEFAULT_CORRECTED_LABEL,
        shown=(form or FlagForm()).shown(row.flag),
        queue_url=request.session.get("queue_url", "/"),
        error=error,
        journey=current_journeys(db, [review_id]).get(review_id),  # (#18)
        theme_choices=known_themes(viewer.brand(row.flag.brand_id)),
        assignees=assignable_users(db, row.flag.brand_id),  # who may be assigned: users who see the brand
    )


def _saved(events: list[FlagEvent]) -> str:
    """The flash after a save; an unchanged label audited is ``update_flag`` confirming a stale dismissal."""
    if not events:
        return "Nothing changed."
    confirmed = any(e.field_name == "corrected_label" and e.old_value == e.new_value for e in events)
    return f"Saved {len(events)} change(s)." + (" The dismissal now judges the edited text." if confirmed else "")


@router.get("/flags/{flag_id}")
def flag_page(flag_id: PathId, request: Request, viewer: CurrentViewer, db: Db) -> Response:
    return _page(request, viewer, db, _visible_row(db, flag_id, viewer))


@router.post("/flags/{flag_id}")
def change_flag(
    flag_id: PathId, request: Request, viewer: CurrentViewer, db: Db, form: Annotated[FlagForm, Depends(read_flag_form)]
) -> Response:
    """Apply the fields sent (only those that change make audit events), then show the page again.

    A field not sent keeps its value (a script may post ``status`` alone); the page's
    form sends them all with their values as loaded (``was_<field>``), and only those
    the user changed apply; its emptied Assignee box (``assignee=``) unassigns.
    """
    row = _visible_row(db, flag_id, viewer)
    problem = form.problem()
    if problem:
        return _page(request, viewer, db, row, error=problem, form=form)
    try:
        events = update_flag(
            db,
            flag_id,
            actor=actor_of(viewer),
            status=form.status,
            note=form.note,
            corrected_label=form.label_for(row.flag.status),
            brand_ids=viewer.brand_ids,
            confirm_dismissal=form.confirm_dismissal,
            **form.assignee_arg(),
        )
    except TriageError as exc:
        db.rollback()
        return _page(request, viewer, db, _visible_row(db, flag_id, viewer), error=str(exc), form=form)
    db.commit()
    request.session["flash"] = _saved(events)
    return RedirectResponse(f"/flags/{flag_id}", status_code=303)


@router.get("/reviews/{review_id}")
def review_link(review_id: PathId, viewer: CurrentViewer, db: Db) -> Response:
    """The weekly export's review ids open here: the flag of that review, if visible."""
    flag_id = flag_id_for_review(db, id_or_404(review_id, "detractor"), viewer.brand_ids)
    if flag_id is None:
        raise HTTPException(status_code=404, detail="no such detractor")
    return RedirectResponse(f"/flags/{flag_id}", status_code=303)
