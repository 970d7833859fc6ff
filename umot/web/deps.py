"""Request dependencies: a database session, and the logged-in viewer with their brands.

Routes never query without ``viewer.brand_ids``: that is how one brand's team
never sees another brand's reviews (a request for one answers 404).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from models.crud.triage.changes import MAX_ID  # a bigger id names nothing and must not reach the driver (a 500)
from models.db import session_scope
from models.stored import stored_id
from models.tables import Brand, User
from umot.web.auth import session_is_current, session_user_id
from umot.web.csrf import SAFE_METHODS
from umot.web.next_page import CHANGE_LOST, asked_for

BUSY_RETRY_AFTER_S = 5  # a writer rarely holds the store longer (a scoring batch commits in ~1 s)


def id_or_404(value: int, what: str) -> int:
    """``value`` when a stored row could have it, else 404 "no such <what>"."""
    if not 0 < value <= MAX_ID:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return value


class LoginRequired(Exception):
    """Raised for an anonymous request; the app answers with a redirect to /login."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def get_db(request: Request) -> Iterator[Session]:
    """A reading session for GET and HEAD; a writing one for POST and every other unsafe method.

    Each POST reads, then writes: on SQLite a transaction that starts reading cannot wait for
    another writer (a nightly scoring batch, ``umot import``) when it turns into a write, and
    answered 500 ("database is locked") at once. A writing session takes the write lock at its
    first statement (``BEGIN IMMEDIATE``), waiting up to the busy timeout; a wait that runs
    out answers 503 with Retry-After.
    """
    engine = request.app.state.engine
    try:
        if request.method in SAFE_METHODS:
            with Session(engine, expire_on_commit=False) as session:
                yield session
        else:
            with session_scope(engine, write=True) as session:
                yield session
    except OperationalError as exc:
        if not _store_busy(exc):
            raise
        raise HTTPException(status_code=503, detail="The store is busy (another writer holds it): try again "
                            "in a few seconds.", headers={"Retry-After": str(BUSY_RETRY_AFTER_S)}) from None


def _store_busy(exc: OperationalError) -> bool:
    """Whether SQLite gave up waiting for another connection's lock (SQLITE_BUSY or SQLITE_LOCKED)."""
    name = getattr(exc.orig, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc.orig)


Db = Annotated[Session, Depends(get_db)]


@dataclass
class Viewer:
    user: User
    brands: list[Brand]

    @property
    def brand_ids(self) -> list[int]:
        return [stored_id(b) for b in self.brands]

    def brand(self, brand_id: int) -> Brand:
        """One of the viewer's brands, or 404 (another brand's page is "not found")."""
        for b in self.brands:
            if b.id == brand_id:
                return b
        raise HTTPException(status_code=404, detail="no such brand")


def get_viewer(request: Request, db: Db) -> Viewer:
    from models.crud.triage import user_brands

    user_id = session_user_id(request)
    user = db.get(User, user_id) if user_id is not None else None
    if user is None or not session_is_current(request, user):  # none, removed, disabled, ended by logout/passwd, or 12 h old
        request.session.clear()
        if request.method not in SAFE_METHODS:  # the change it carried is lost: the login page says so
            request.session["flash"] = CHANGE_LOST
        raise LoginRequired(asked_for(request))
    return Viewer(user=user, brands=user_brands(db, user))


CurrentViewer = Annotated[Viewer, Depends(get_viewer)]
