"""``umot webhook``: where the nightly run tells a brand's team about new detractors."""

from __future__ import annotations

from typing import Annotated

import typer

from core.http_url import HttpUrlError, check_http_url, shown_url
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

webhook_app = typer.Typer(
    name="webhook",
    help="Slack-compatible webhooks per brand: the nightly run posts new detractors there.",
    no_args_is_help=True,
)


def _check(url: str) -> None:
    """Refuse, in one line, a URL that would only fail at the nightly run (or at `webhook test`),
    or that the store cannot hold; the line names only its scheme, host and port (the rest is secret)."""
    from models.crud.brands import check_webhook_url
    from models.crud.name_limits import NameTooLongError

    try:
        check_webhook_url(url)
        check_http_url(url)
    except HttpUrlError as exc:
        fail(f"webhook {shown_url(url, invalid='URL')}: {exc}")
    except NameTooLongError as exc:
        fail(str(exc))


def shown(url: str) -> str:
    """Where ``url`` posts, fit to print: scheme, host and port only (the user:password and path are secrets)."""
    return shown_url(url, invalid="<invalid URL: set it again>")


@webhook_app.command("set")
def set_webhook(
    brand: Annotated[str, typer.Argument(help="Brand name as stored.")],
    url: Annotated[str, typer.Argument(help="Incoming-webhook URL (Slack, Mattermost, Rocket.Chat, Discord /slack).")],
    database_url: DatabaseUrl = None,
) -> None:
    """Post this brand's new detractors to URL after each nightly run."""
    from models import crud
    from models.db import session_scope

    url = url.strip()
    _check(url)
    with session_scope(open_store(database_url, must_exist=True)) as session:
        owner = crud.set_brand_webhook(session, brand_or_fail(session, brand), url)
    typer.echo(f"{owner.name}: new detractors go to {shown(url)}")


@webhook_app.command("remove")
def remove_webhook(brand: Annotated[str, typer.Argument(help="Brand name as stored.")],
                   database_url: DatabaseUrl = None) -> None:
    """Stop notifying this brand."""
    from models import crud
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        owner = crud.set_brand_webhook(session, brand_or_fail(session, brand), None)
    typer.echo(f"{owner.name}: no webhook")


@webhook_app.command("list")
def list_webhooks(database_url: DatabaseUrl = None) -> None:
    """Brands and where their notifications go (host and port only: the path and any user:password are secret)."""
    from models import crud
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        for brand in crud.list_brands(session):
            typer.echo(f"{brand.name}\t{shown(brand.webhook_url) if brand.webhook_url else '–'}")


@webhook_app.command("test")
def test_webhook(brand: Annotated[str, typer.Argument(help="Brand name as stored.")],
                 database_url: DatabaseUrl = None) -> None:
    """Send a test message now; exit 1 if the webhook does not take it."""
    from flows.slack_text import escape_text
    from flows.webhook_post import post_webhook
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        owner = brand_or_fail(session, brand)
        url, name = owner.webhook_url, owner.name
    if not url:
        fail(f"brand {name!r} has no webhook: umot webhook set {name!r} URL")
    if not post_webhook(url, f"*umot — {escape_text(name)}*: test message; new detractors will be posted here."):
        fail(f"the webhook of {name!r} ({shown(url)}) did not accept the message (see the log line above)", code=1)
    typer.echo(f"{name}: test message delivered")
