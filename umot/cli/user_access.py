"""``umot users remove|disable|enable|brands``: take access away, or change what a user sees.

Plain functions: :mod:`umot.cli.users` registers them on its group, after add, list and passwd.

Removing, disabling or a new password ends the user's web sessions at once
(their cookies carry a session version that no longer matches).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.tables import User

from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

Email = Annotated[str, typer.Argument(help="The user's email (their login)")]


def _user_or_fail(session: Session, email: str) -> User:
    from models.crud.triage import get_user_by_email

    user = get_user_by_email(session, email)
    if user is None:
        fail(f"no user {email} (see `umot users list`)")
    return user


def remove(email: Email, database_url: DatabaseUrl = None) -> None:
    """Delete a user: their sessions end now; the audit trail keeps their name on past changes."""
    from models.crud.triage import remove_user
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        user = _user_or_fail(session, email)
        address = user.email  # as stored (an international domain in its xn-- form)
        remove_user(session, user)
    typer.echo(f"removed {address}; their sessions have ended")


def _set_disabled(email: str, disabled: bool, database_url: str | None) -> str:
    """The user's email as stored (an international domain in its xn-- form), after the change."""
    from models.crud.triage import set_disabled
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        user = _user_or_fail(session, email)
        set_disabled(session, user, disabled)
        return user.email


def disable(email: Email, database_url: DatabaseUrl = None) -> None:
    """Stop a user from logging in (sessions end now); `umot users enable` lets them back."""
    typer.echo(f"disabled {_set_disabled(email, True, database_url)}; their sessions have ended")


def enable(email: Email, database_url: DatabaseUrl = None) -> None:
    """Let a disabled user log in again (with their old password)."""
    typer.echo(f"enabled {_set_disabled(email, False, database_url)}")


def brands(
    email: Email,
    add: Annotated[list[str], typer.Option("--add", metavar="BRAND", help="A brand to give the user (repeat for several)")] = [],
    remove: Annotated[list[str], typer.Option("--remove", metavar="BRAND", help="A brand to take away (repeat for several)")] = [],
    database_url: DatabaseUrl = None,
) -> None:
    """Show a user's brands, or change them (example: umot users brands ana@shop.example --add Acme).

    The change shows on the user's next page: brands are read on every request.
    """
    from models.crud.triage import change_user_brands, user_brands
    from models.db import session_scope
    from models.stored import stored_id

    if set(add) & set(remove):
        fail(f"brand {sorted(set(add) & set(remove))[0]!r} is both in --add and --remove")
    with session_scope(open_store(database_url, must_exist=True)) as session:
        user = _user_or_fail(session, email)
        if user.is_admin and (add or remove):
            fail(f"{user.email} is an admin and sees every brand; --add/--remove do not apply")
        to_add = [stored_id(brand_or_fail(session, name)) for name in add]
        to_remove = [stored_id(brand_or_fail(session, name)) for name in remove]
        if both := [name for name, id_ in zip(add, to_add) if id_ in to_remove]:  # the same brand, spelt otherwise
            fail(f"brand {both[0]!r} is both in --add and --remove")
        change_user_brands(session, user, add=to_add, remove=to_remove)
        names = ["every brand (admin)"] if user.is_admin else [b.name for b in user_brands(session, user)]
        login = user.email
    typer.echo(f"{login} sees: {', '.join(names) or '(no brands)'}")
