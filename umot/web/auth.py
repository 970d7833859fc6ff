"""Password hashing (argon2) and the login state kept in the signed session."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

from models.tables import User
from umot.web.csrf import new_csrf_token

_hasher = PasswordHasher()
# Verified against when the email is unknown, so both cases cost the same time.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown user (``None``) still pays the hashing cost."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def log_in(request: Request, user: User) -> None:
    """Start a fresh session (no fixation: old contents and CSRF token are dropped).

    The cookie carries the user's session version: when logout, a new password,
    disabling or removing the user bumps it, every cookie signed before stops working.
    """
    request.session.clear()
    request.session["user_id"] = user.id
    request.session["version"] = user.session_version
    new_csrf_token(request)


def session_is_current(request: Request, user: User | None) -> bool:
    """True when the session belongs to ``user``, an enabled user, at their current version."""
    return (
        user is not None
        and user.disabled_at is None
        and request.session.get("user_id") == user.id
        and request.session.get("version") == user.session_version
    )


def log_out(request: Request) -> None:
    request.session.clear()


def session_user_id(request: Request) -> int | None:
    value = request.session.get("user_id")
    return value if isinstance(value, int) else None
