"""`umot themes correct` audits as cli:<os user> (docs/triage.md), and `umot themes list --brand`
refuses a brand umot does not follow, as `umot themes add` does.

Before, corrections were recorded as plain ``cli`` and ``list --brand nope`` printed "none", exit 0.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from sqlmodel import col, select
from typer.testing import CliRunner

from tests.umot.review_themes import add_review
from umot.cli import app

runner = CliRunner()


def test_a_correction_is_audited_as_the_os_user(db_url: str, tmp_path: Path) -> None:
    from models.db import get_engine, session_scope
    from models.tables import ThemeCorrection

    rid = add_review(db_url, "1", "Pricey.")
    config = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    assert runner.invoke(app, ["themes", "correct", str(rid), "--add", "price_value", *config]).exit_code == 0
    bot = runner.invoke(app, ["themes", "correct", str(rid), "--remove", "price_value", "--actor", "bot:x", *config])
    assert bot.exit_code == 0, bot.output
    with session_scope(get_engine(db_url), write=False) as session:
        actors = session.exec(select(ThemeCorrection.actor).order_by(col(ThemeCorrection.id))).all()
    assert actors == [f"cli:{getpass.getuser()}", "bot:x"]


def test_listing_an_unknown_brands_themes_is_refused(db_url: str, tmp_path: Path) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme")
    config = tmp_path / "umot.toml"
    args = ["themes", "list", "--config", str(config), "--database-url", db_url]
    nope = runner.invoke(app, [*args, "--brand", "nope"])
    assert nope.exit_code == 2, nope.output
    assert nope.output.strip().splitlines() == [
        f"error: no brand 'nope' in the store or in {config}'s [[sources]] (brands: Acme): a theme is applied "
        "to a crawled brand's reviews; add its sources first (`umot sources add`)"]
    acme = runner.invoke(app, [*args, "--brand", "acme"])  # the store's spelling, as everywhere
    assert acme.exit_code == 0 and acme.output.strip().endswith("themes of Acme: none"), acme.output
