"""Triage users and the brands each may see.

Passwords arrive here already hashed (argon2, hashed by ``umot.web.auth``):
the store never sees a plain password.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import idna
from sqlmodel import Session, col, select

from models.stored import stored_id
from models.tables import Brand, User, UserBrand, utcnow

# Session versions stay below this: the column is a 32-bit integer on PostgreSQL.
VERSION_LIMIT = 2**31
# A new user's first version is drawn at random below this (room left for bumps):
# SQLite hands a removed user's id to the next new user, and a cookie of the removed
# user must not match the newcomer's id *and* version (see ``umot.web.auth``).
FIRST_VERSION_LIMIT = 2**30
DOMAIN_LIMIT = 253  # the longest name DNS holds (RFC 1035): a longer one is not read as IDNA


def normalize_email(email: str) -> str:
    """One spelling per address, for ``umot users add`` and the login alike: trimmed, lower case, and an
    international domain in its ASCII form as browsers and mail write it (IDNA 2008 with UTS 46, so
    ``straße`` stays apart from ``strasse``): ``ana@bücher.example`` and ``ana@xn--bcher-kva.example`` are
    one user. An ASCII email, or one whose domain no DNS could hold, is only trimmed and lower-cased."""
    local, at, domain = email.strip().lower().rpartition("@")
    if not at or domain.isascii() or len(domain) > DOMAIN_LIMIT:  # cheap for a megabyte typed at the login
        return email.strip().lower()
    try:
        return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"
    except (idna.IDNAError, UnicodeError):  # not a domain IDNA can write (an empty or 64+ character label)
        return f"{local}@{domain}"


def get_user_by_email(session: Session, email: str) -> User | None:
    """The user of this address, in either spelling of its domain. The address as typed wins (two users
    stored before domains were normalized keep their own logins); a user stored so (``ana@bücher.example``)
    is found by the ``xn--`` spelling a browser sends too."""
    spellings = list(dict.fromkeys((email.strip().lower(), normalize_email(email), _unicode_domain(email))))
    found = session.exec(select(User).where(col(User.email).in_(spellings))).all()
    return min(found, key=lambda user: spellings.index(user.email), default=None)


def _unicode_domain(email: str) -> str:
    """``ana@bücher.example`` for ``ana@xn--bcher-kva.example``: how such a user was stored before."""
    local, _, domain = normalize_email(email).rpartition("@")
    if len(domain) > DOMAIN_LIMIT:
        return normalize_email(email)
    try:
        return f"{local}@{idna.decode(domain)}"
    except (idna.IDNAError, UnicodeError):
        return normalize_email(email)


def create_user(
    session: Session, *, email: str, password_hash: str, brand_ids: Sequence[int], is_admin: bool = False
) -> User:
    """Add a user with access to ``brand_ids``; the caller checks the email is free."""
    user = User(
        email=normalize_email(email), password_hash=password_hash, is_admin=is_admin,
        session_version=secrets.randbelow(FIRST_VERSION_LIMIT),
    )
    session.add(user)
    session.flush()
    user_id = stored_id(user)
    session.add_all(UserBrand(user_id=user_id, brand_id=b) for b in dict.fromkeys(brand_ids))
    session.flush()
    return user


def set_password_hash(session: Session, user: User, password_hash: str) -> None:
    """Store a new password hash; the user's other sessions end (a stolen cookie stops working)."""
    user.password_hash = password_hash
    end_sessions(session, user)


def end_sessions(session: Session, user: User) -> None:
    """End every session of ``user`` at once: their cookies carry the old version number."""
    user.session_version = ((user.session_version or 0) + 1) % VERSION_LIMIT
    session.add(user)
    session.flush()


def set_disabled(session: Session, user: User, disabled: bool) -> None:
    """Disable (no login, sessions ended) or enable a user; their brands and history stay."""
    user.disabled_at = utcnow() if disabled else None
    end_sessions(session, user)


def remove_user(session: Session, user: User) -> None:
    """Delete a user and their brand links; audit events keep their name as text."""
    for link in session.exec(select(UserBrand).where(UserBrand.user_id == user.id)):
        session.delete(link)
    session.flush()
    session.delete(user)
    session.flush()


def change_user_brands(session: Session, user: User, *, add: Sequence[int] = (), remove: Sequence[int] = ()) -> None:
    """Give ``user`` the brands in ``add`` and take away those in ``remove`` (either may be empty)."""
    have = set(session.exec(select(UserBrand.brand_id).where(UserBrand.user_id == user.id)))
    user_id = stored_id(user)
    session.add_all(UserBrand(user_id=user_id, brand_id=b) for b in dict.fromkeys(add) if b not in have)
    stale = select(UserBrand).where(UserBrand.user_id == user_id, col(UserBrand.brand_id).in_(list(remove)))
    for link in session.exec(stale):
        session.delete(link)
    session.flush()


def user_brands(session: Session, user: User) -> list[Brand]:
    """The brands a user may see: all of them for an admin, else their own, by name."""
    stmt = select(Brand).order_by(Brand.name)
    if not user.is_admin:
        stmt = stmt.join(UserBrand, col(UserBrand.brand_id) == Brand.id).where(UserBrand.user_id == user.id)
    return list(session.exec(stmt).all())


def list_users(session: Session) -> list[tuple[User, list[str]]]:
    """Every user with the names of their brands (admins: ``["*"]``)."""
    users = session.exec(select(User).order_by(User.email)).all()
    out = []
    for user in users:
        names = ["*"] if user.is_admin else [b.name for b in user_brands(session, user)]
        out.append((user, names))
    return out
