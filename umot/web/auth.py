"""Password hashing (argon2) and the login state kept in the signed session."""

from __future__ import annotations

import hashlib

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


def user_stamp(user: User) -> str:
    """A fingerprint of this user row that a later row can't reproduce, even under the same id.

    SQLite gives a removed user's id to the next new user: the id alone doesn't say
    whose cookie it is. The password hash has a random salt, so a new row (or a new
    password) has another stamp; a digest of it says nothing about the password.
    """
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:32]


def log_in(request: Request, user: User) -> None:
    """Start a fresh session (no fixation: old contents and CSRF token are dropped).

    The cookie carries the user's session version: when logout, a new password,
    disabling or removing the user bumps it, every cookie signed before stops working.
    It also carries the user's stamp, so a removed user's cookie never opens the
    session of a new user who was given the same id.
    """
    request.session.clear()
    request.session["user_id"] = user.id
    request.session["version"] = user.session_version
    request.session["stamp"] = user_stamp(user)
    new_csrf_token(request)


def session_is_current(request: Request, user: User | None) -> bool:
    """True when the session belongs to this ``user`` row, enabled, at their current version."""
    return (
        user is not None
        and user.disabled_at is None
        and request.session.get("user_id") == user.id
        and request.session.get("version") == user.session_version
        and request.session.get("stamp") == user_stamp(user)
    )


def log_out(request: Request) -> None:
    request.session.clear()


def session_user_id(request: Request) -> int | None:
    value = request.session.get("user_id")
    return value if isinstance(value, int) else None
