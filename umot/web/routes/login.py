"""Log in and out (email + password; the session cookie is signed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from models.crud.triage import end_sessions, get_user_by_email, set_password_hash
from models.tables import User
from umot.web.auth import (
    hash_password,
    log_in,
    log_out,
    needs_rehash,
    session_is_current,
    session_user_id,
    verify_password,
)
from umot.web.deps import Db
from umot.web.login_limits import count_failure, count_success, locked_for, take_turn
from umot.web.next_page import safe_next
from umot.web.templating import render

router = APIRouter()


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    if session_user_id(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", next=safe_next(next), email="", error=None)


@router.post("/login")
def login(
    request: Request,
    db: Db,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Take this account's turn, check the lock (the right password does not get in while locked), then the
    password."""
    if not take_turn(db, request, email):
        return _refused(request, email, next, 1, "Another login for this account or address is being checked")
    wait = locked_for(db, request, email)
    if wait:
        return _refused(request, email, next, wait)
    user = get_user_by_email(db, email)
    # the hash is checked first: an unknown email pays the same hashing cost as a known one
    if not verify_password(user.password_hash if user else None, password) or user is None:
        wait = count_failure(db, request, email, "wrong email or password")
        if wait:
            return _refused(request, email, next, wait)
        return render(
            request, "login.html", status_code=401, next=safe_next(next), email=email,
            error="Wrong email or password.",
        )
    if user.disabled_at is not None:
        count_failure(db, request, email, "disabled user")
        return render(
            request, "login.html", status_code=403, next=safe_next(next), email=email,
            error="This account is disabled; ask an admin (umot users enable).",
        )
    if needs_rehash(user.password_hash):
        set_password_hash(db, user, hash_password(password))
    count_success(db, email)
    db.commit()
    log_in(request, user)
    return RedirectResponse(safe_next(next), status_code=303)


def _refused(request: Request, email: str, next: str, wait: int, why: str = "Too many failed logins") -> Response:
    """429 with Retry-After: too many failed logins for this account or address (or one is being checked)."""
    response = render(
        request, "login.html", status_code=429, next=safe_next(next), email=email,
        error=f"{why}: try again in {_duration(wait)}.",
    )
    response.headers["Retry-After"] = str(wait)
    return response


def _duration(seconds: int) -> str:
    return f"{seconds} s" if seconds < 120 else f"{-(-seconds // 60)} min"


@router.post("/logout")
def logout(request: Request, db: Db) -> Response:
    """End this user's sessions everywhere (a copied cookie stops working too)."""
    user_id = session_user_id(request)
    user = db.get(User, user_id) if user_id is not None else None
    if user is not None and session_is_current(request, user):
        end_sessions(db, user)
        db.commit()
    log_out(request)
    return RedirectResponse("/login", status_code=303)
