"""Triage users and the brands each may see.

Passwords arrive here already hashed (argon2, hashed by ``umot.web.auth``):
the store never sees a plain password.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from models.tables import Brand, User, UserBrand


def normalize_email(email: str) -> str:
    return email.strip().lower()


def get_user_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalize_email(email))).first()


def create_user(
    session: Session, *, email: str, password_hash: str, brand_ids: Sequence[int], is_admin: bool = False
) -> User:
    """Add a user with access to ``brand_ids``; the caller checks the email is free."""
    user = User(email=normalize_email(email), password_hash=password_hash, is_admin=is_admin)
    session.add(user)
    session.flush()
    session.add_all(UserBrand(user_id=user.id, brand_id=b) for b in dict.fromkeys(brand_ids))
    session.flush()
    return user


def set_password_hash(session: Session, user: User, password_hash: str) -> None:
    user.password_hash = password_hash
    session.add(user)
    session.flush()


def user_brands(session: Session, user: User) -> list[Brand]:
    """The brands a user may see: all of them for an admin, else their own, by name."""
    stmt = select(Brand).order_by(Brand.name)
    if not user.is_admin:
        stmt = stmt.join(UserBrand, UserBrand.brand_id == Brand.id).where(UserBrand.user_id == user.id)
    return list(session.exec(stmt).all())


def list_users(session: Session) -> list[tuple[User, list[str]]]:
    """Every user with the names of their brands (admins: ``["*"]``)."""
    users = session.exec(select(User).order_by(User.email)).all()
    out = []
    for user in users:
        names = ["*"] if user.is_admin else [b.name for b in user_brands(session, user)]
        out.append((user, names))
    return out
