"""Triage app users, the brands each may see, and failed-login throttling."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.tables.base import utcnow


class User(SQLModel, table=True):
    """A brand-team member of the triage web app (argon2-hashed password)."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=320)
    password_hash: str = Field(max_length=300)
    is_admin: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    # Sessions (#15): a cookie carries the version it was signed with; logout,
    # a new password, disabling or removing the user bumps it and ends them all.
    session_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    disabled_at: datetime | None = None  # set by `umot users disable`: no login, no session


class UserBrand(SQLModel, table=True):
    """Which brands a user may see."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", primary_key=True)


class LoginThrottle(SQLModel, table=True):
    """Failed logins per account or client address (#15), kept in the store so every web process agrees.

    ``key`` is ``account:<email>`` or ``address:<ip>``; ``failures`` counts the
    failures since the last success (or since a quiet window); ``locked_until``
    refuses every attempt on that key, right password included, until then.
    """

    key: str = Field(primary_key=True, max_length=400)
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None
