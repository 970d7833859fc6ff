"""``umot webhook``: where the nightly run tells a brand's team about new detractors."""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

webhook_app = typer.Typer(
    name="webhook",
    help="Slack-compatible webhooks per brand: the nightly run posts new detractors there.",
    no_args_is_help=True,
)


@webhook_app.command("set")
def set_webhook(
    brand: Annotated[str, typer.Argument(help="Brand name as stored.")],
    url: Annotated[str, typer.Argument(help="Incoming-webhook URL (Slack, Mattermost, Rocket.Chat, Discord /slack).")],
    database_url: DatabaseUrl = None,
) -> None:
    """Post this brand's new detractors to URL after each nightly run."""
    from urllib.parse import urlsplit

    from models import crud
    from models.db import session_scope

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        fail(f"webhook {url!r} is not an http(s) URL")
    with session_scope(open_store(database_url, must_exist=True)) as session:
        owner = crud.set_brand_webhook(session, brand_or_fail(session, brand), url.strip())
    typer.echo(f"{owner.name}: new detractors go to {parts.scheme}://{parts.netloc}/…")


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
    """Brands and where their notifications go (host only: the path holds the secret)."""
    from urllib.parse import urlsplit

    from models import crud
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        for brand in crud.list_brands(session):
            where = "–"
            if brand.webhook_url:
                parts = urlsplit(brand.webhook_url)
                where = f"{parts.scheme}://{parts.netloc}/…"
            typer.echo(f"{brand.name}\t{where}")


@webhook_app.command("test")
def test_webhook(brand: Annotated[str, typer.Argument(help="Brand name as stored.")],
                 database_url: DatabaseUrl = None) -> None:
    """Send a test message now; exit 1 if the webhook does not take it."""
    from flows.notify import post_webhook
    from flows.slack_text import escape_text
    from models.db import session_scope

    with session_scope(open_store(database_url, must_exist=True)) as session:
        owner = brand_or_fail(session, brand)
        url, name = owner.webhook_url, owner.name
    if not url:
        fail(f"brand {name!r} has no webhook: umot webhook set {name!r} URL")
    if not post_webhook(url, f"*umot — {escape_text(name)}*: test message; new detractors will be posted here."):
        fail(f"the webhook of {name!r} did not accept the message (see the log line above)", code=1)
    typer.echo(f"{name}: test message delivered")
