"""``umot users``: who may log in to the triage app, and which brands each sees."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Annotated

import typer

from umot.cli import user_access
from umot.cli._errors import fail
from umot.cli._passwords import PasswordStdin, read_password
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.tables import Brand

users_app = typer.Typer(
    name="users", help="Triage web app users: add, list, change a password or brands, disable, remove.", no_args_is_help=True
)
#: Unicode categories an email (a login) may not hold: control, invisible (format), line and paragraph breaks.
_NOT_IN_EMAILS = frozenset({"Cc", "Cf", "Zl", "Zp"})

@users_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="The user's email (their login)")],
    brand: Annotated[list[str], typer.Option("--brand", metavar="BRAND", help="A brand the user may see (repeat for several)")] = [],
    admin: Annotated[bool, typer.Option("--admin", help="Sees every brand, present and future")] = False,
    password_stdin: PasswordStdin = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a user who sees the given brands' detractors (example: umot users add ana@shop.example --brand Acme)."""
    from models.crud.name_limits import NameTooLongError, check_length, shortened
    from models.crud.triage import create_user, normalize_email
    from models.db import session_scope
    from models.stored import stored_id
    from models.tables import User, table_of
    from umot.web.auth import email_limit, hash_password

    local, _, domain = email.rpartition("@")
    if not local or not domain or any(c.isspace() or unicodedata.category(c) in _NOT_IN_EMAILS for c in email):
        fail(f"not an email address: {email!r} (NAME@DOMAIN, and no spaces, line breaks or invisible characters)")
    email = normalize_email(email)  # as stored and as the login reads it: an IDN domain in its xn-- form
    try:  # the store's limit, from the table: a longer one would stop PostgreSQL with a traceback
        check_length(email, table_of(User).c.email, f"email {shortened(email)}")
    except NameTooLongError as exc:
        fail(str(exc))
    limit, why = email_limit()  # shorter still: the audit trail and the assignee hold it too
    if len(email) > limit:
        fail(f"email {shortened(email)} is {len(email)} characters long; at most {limit} ({why})")
    if not brand and not admin:
        fail("give at least one --brand NAME (or --admin to see every brand)")
    engine = open_store(database_url)
    with session_scope(engine, write=False) as session:  # before the prompt: a typo costs no password
        _new_user_brands(session, email, brand)
    password_hash = hash_password(read_password(password_stdin))  # no write lock held while the prompt waits
    with session_scope(engine) as session:  # checked again: another `users add` may have run meanwhile
        brands = _new_user_brands(session, email, brand)
        create_user(session, email=email, password_hash=password_hash,
                    brand_ids=[stored_id(b) for b in brands], is_admin=admin)
    scope = "every brand (admin)" if admin else ", ".join(b.name for b in brands)
    typer.echo(f"added {email}: sees {scope}")


def _new_user_brands(session: Session, email: str, names: list[str]) -> list[Brand]:
    """The brands named, once each in the order given (``--brand Acme --brand acme`` is one); fails
    in one line for an unknown brand or an email already in use."""
    from models.crud.triage import get_user_by_email
    from models.stored import stored_id

    if get_user_by_email(session, email):
        fail(f"user {email} already exists (see `umot users list`)")
    return list({stored_id(b): b for b in (brand_or_fail(session, name) for name in names)}.values())


@users_app.command("list")
def list_(database_url: DatabaseUrl = None) -> None:
    """List users, whether they are admins, and their brands."""
    from models.crud.triage import list_users
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        users = list_users(session)
    if not users:
        typer.echo("no users yet: umot users add EMAIL --brand NAME")
    for user, brands in users:
        role = ("admin" if user.is_admin else "member") + (" (disabled)" if user.disabled_at else "")
        typer.echo(f"{user.email}\t{role}\t{', '.join(brands) or '(no brands)'}\t{user.created_at:%Y-%m-%d}")


@users_app.command("passwd")
def passwd(
    email: Annotated[str, typer.Argument(help="The user's email")],
    password_stdin: PasswordStdin = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Set a new password for a user; their web sessions end at once."""
    from models.crud.triage import get_user_by_email, set_password_hash
    from models.db import session_scope
    from umot.web.auth import hash_password

    engine = open_store(database_url, must_exist=True)
    with session_scope(engine, write=False) as session:  # before the prompt: a typo costs no password
        known = get_user_by_email(session, email) is not None
    if not known:
        fail(f"no user {email} (see `umot users list`)")
    password_hash = hash_password(read_password(password_stdin))  # no write lock held while the prompt waits
    with session_scope(engine) as session:
        user = get_user_by_email(session, email)
        if user is None:  # removed while the prompt waited
            fail(f"no user {email} (see `umot users list`)")
        set_password_hash(session, user, password_hash)
        login = user.email
    typer.echo(f"password changed for {login}; their sessions have ended")


# Taking access away lives in umot.cli.user_access; registered here, so `umot users --help` lists
# every command in this order.
users_app.command("remove")(user_access.remove)
users_app.command("disable")(user_access.disable)
users_app.command("enable")(user_access.enable)
users_app.command("brands")(user_access.brands)
