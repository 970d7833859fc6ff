"""Log in and out (email + password; the session cookie is signed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from models.crud.triage import get_user_by_email, set_password_hash
from umot.web.auth import hash_password, log_in, log_out, needs_rehash, session_user_id, verify_password
from umot.web.deps import Db, safe_next
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
    user = get_user_by_email(db, email)
    if not verify_password(user.password_hash if user else None, password):
        return render(
            request, "login.html", status_code=401, next=safe_next(next), email=email,
            error="Wrong email or password.",
        )
    if needs_rehash(user.password_hash):
        set_password_hash(db, user, hash_password(password))
        db.commit()
    log_in(request, user.id)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    log_out(request)
    return RedirectResponse("/login", status_code=303)
