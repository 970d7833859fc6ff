"""Who a detractor may be assigned to: the one rule ``umot detractors set`` and the web app share.

Where the store has users (the web app's), an assignee is one of them, by email as the
app identifies them, who can see the flag's brand (an admin sees every brand; a
disabled user sees none): a typo or another brand's user would otherwise own a
detractor nobody works on. A store with no users at all (a team that only uses the
CLI) keeps the assignee as free text, as before.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from models.crud.triage.users import get_user_by_email
from models.tables import Brand, User, UserBrand


def store_has_users(session: Session) -> bool:
    return session.exec(select(User.id).limit(1)).first() is not None


def can_see(session: Session, user: User, brand_id: int) -> bool:
    if user.disabled_at is not None:
        return False
    if user.is_admin:
        return True
    link = select(UserBrand).where(UserBrand.user_id == user.id, UserBrand.brand_id == brand_id)
    return session.exec(link).first() is not None


def checked_assignee(session: Session, brand_id: int, name: str) -> tuple[str | None, str | None]:
    """``(assignee to store, None)``, or ``(None, why not)`` naming the assignee and the brand.

    A user is stored by their normalised email (``Ana@Acme.example`` -> ``ana@acme.example``);
    free text, in a store without users, as written.
    """
    if not store_has_users(session):
        return name, None
    user = get_user_by_email(session, name)
    if user is not None and can_see(session, user, brand_id):
        return user.email, None
    brand = session.get(Brand, brand_id)
    brand_name = brand.name if brand is not None else f"#{brand_id}"
    disabled = user is not None and user.disabled_at is not None
    who = "is a disabled user, who cannot see" if disabled else "is not a user who can see"
    return None, f"assignee {name!r} {who} brand {brand_name!r} (assign one of its users, or '' to unassign)"


def assignable_users(session: Session, brand_id: int) -> list[str]:
    """The emails a flag of ``brand_id`` may be assigned to (the form's suggestions), sorted."""
    users = session.exec(select(User).where(col(User.disabled_at).is_(None)).order_by(User.email)).all()
    return [u.email for u in users if can_see(session, u, brand_id)]
