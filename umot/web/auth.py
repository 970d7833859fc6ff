"""Password hashing (argon2) and the login state kept in the signed session."""

from __future__ import annotations

import hashlib
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

from models.tables import User
from umot.web.csrf import new_csrf_token

SESSION_MAX_AGE = 12 * 3600  # from login, however busy the session (the cookie's own max-age is re-signed on use)
CLOCK_SKEW = 300  # a login time this far ahead still counts (web processes' clocks differ a little)
WEB_ACTOR_PREFIX = "web:"  # the audit trail's actor for a change made in the app: web:<email>
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
    session of a new user who was given the same id, and the login time: the session
    ends ``SESSION_MAX_AGE`` after it, however often it is used.
    """
    request.session.clear()
    request.session["login_at"] = int(time.time())
    request.session["user_id"] = user.id
    request.session["version"] = user.session_version
    request.session["stamp"] = user_stamp(user)
    new_csrf_token(request)


def session_is_current(request: Request, user: User | None) -> bool:
    """True when the session belongs to this ``user`` row, enabled, at their current version,
    and logged in under ``SESSION_MAX_AGE`` ago (a session without a login time predates it: ended)."""
    login_at = request.session.get("login_at")
    return (
        user is not None
        and isinstance(login_at, int)
        and -CLOCK_SKEW <= time.time() - login_at < SESSION_MAX_AGE
        and user.disabled_at is None
        and request.session.get("user_id") == user.id
        and request.session.get("version") == user.session_version
        and request.session.get("stamp") == user_stamp(user)
    )


def web_actor(email: str) -> str:
    """Who the audit trail says made a change in the app."""
    return f"{WEB_ACTOR_PREFIX}{email}"


def email_limit() -> tuple[int, str]:
    """The longest email a user of the app can work with, and why: read from the columns it goes into.

    Besides the login (``user.email``), a user's changes are recorded as ``web:<email>``
    (``flagevent.actor``, ``themecorrection.actor``) and flags are assigned to the email
    (``flag.assignee``): a longer one could log in, yet never change a flag or be assigned one.
    """
    from models.crud.name_limits import column_limit
    from models.tables import Flag, FlagEvent, ThemeCorrection, table_of

    prefix = len(WEB_ACTOR_PREFIX)
    limits = [
        (column_limit(table_of(User).c.email), 0, "an email"),
        (column_limit(table_of(FlagEvent).c.actor), prefix, "the audit trail's 'web:<email>'"),
        (column_limit(table_of(ThemeCorrection).c.actor), prefix, "the audit trail's 'web:<email>'"),
        (column_limit(table_of(Flag).c.assignee), 0, "an assignee"),
    ]
    return min((limit - less, f"{what} holds {limit}") for limit, less, what in limits if limit is not None)


def log_out(request: Request) -> None:
    request.session.clear()


def session_user_id(request: Request) -> int | None:
    value = request.session.get("user_id")
    return value if isinstance(value, int) else None
