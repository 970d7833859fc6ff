"""``umot themes``: the default themes and journey stages, each brand's own themes in umot.toml
(list, add, remove), and a triager's theme corrections of one stored review (#18)."""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._config import ConfigFile, config_path
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, open_store
from umot.cli._theme_config import configured_themes, known_brand

themes_app = typer.Typer(
    name="themes",
    help="Themes (why a review is negative) and journey stages: the defaults, a brand's own themes, corrections.",
    no_args_is_help=True,
)


@themes_app.command("list")
def list_themes(
    brand: Annotated[str | None, typer.Option(help="Only this brand's own themes (one umot follows)")] = None,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """The default themes, the journey stages, and each brand's own themes from umot.toml."""
    from nlp.themes import DEFAULT_THEMES, STAGES

    path = config_path(config)
    own = configured_themes(path)  # a broken file fails before anything is printed
    if brand is not None:  # as `themes add`: a brand umot does not follow has no themes to list ("none" misled)
        brand = known_brand(path, brand, database_url)
        own = configured_themes(path, brand)
    typer.echo("default themes:")
    for theme in DEFAULT_THEMES:
        typer.echo(f"  {theme.name:22s} {theme.description}")
    typer.echo("journey stages:")
    for stage, meaning in STAGES.items():
        typer.echo(f"  {stage:22s} {meaning}")
    for name, themes in own.items():
        typer.echo(f"themes of {name}:" + ("" if themes else " none"))
        for theme in themes:
            typer.echo(f"  {theme.name:22s} {theme.description} (examples: {'; '.join(theme.examples)})")


@themes_app.command("add")
def add(
    brand: Annotated[str, typer.Argument(help="The brand the theme belongs to", show_default=False)],
    name: Annotated[str, typer.Argument(help="Theme name, lower_snake_case (e.g. loyalty_card)", show_default=False)],
    description: Annotated[str, typer.Option("--description", "-d", help="What the theme covers, one line", show_default=False)],
    example: Annotated[list[str] | None, typer.Option("--example", "-e", metavar="PHRASE", help="A phrase that names the theme (repeatable, 1 to 20)", show_default=False)] = None,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a theme of a brand umot follows (in the store, or with sources in umot.toml) to umot.toml;
    the next nightly run or `umot rescore` finds it (no retraining)."""
    from nlp.themes import Theme
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import add_theme, brand_themes, check_theme

    path = config_path(config)
    theme = Theme(name.strip(), description.strip(), tuple(e.strip() for e in example or ()), brand=True)
    try:
        if theme.name in {t.name for t in brand_themes(path, brand)}:  # not "defined twice": the file is fine
            fail(f"{path}: brand {brand!r} already has a theme {theme.name!r} (to change it, "
                 f"`umot themes remove {brand!r} {theme.name}` first)")
        check_theme(path, brand, theme)  # the definition first: it needs no store
        brand = known_brand(path, brand, database_url)
        add_theme(path, brand, theme)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    typer.echo(f"added theme {name!r} for {brand} in {path}; `umot rescore --brand {brand!r}` reads the stored reviews again")


@themes_app.command("remove")
def remove(
    brand: Annotated[str, typer.Argument(help="The brand the theme belongs to", show_default=False)],
    name: Annotated[str, typer.Argument(help="The theme's name", show_default=False)],
    config: ConfigFile = None,
) -> None:
    """Remove a brand theme from umot.toml (readings already stored keep it until re-read)."""
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import remove_theme

    path = config_path(config)
    try:
        removed = remove_theme(path, brand, name)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    if not removed:
        fail(f"{path}: brand {brand!r} has no theme {name!r} (`umot themes list --brand {brand!r}`)")
    typer.echo(f"removed theme {name!r} of {brand} from {path}")


@themes_app.command("correct")
def correct(
    review_id: Annotated[int, typer.Argument(help="The stored review's id: the review column of `umot detractors list`, not the flag id", show_default=False)],
    add_theme: Annotated[str | None, typer.Option("--add", help="Theme the review speaks of")] = None,
    remove_theme: Annotated[str | None, typer.Option("--remove", help="Theme the review does not speak of")] = None,
    polarity: Annotated[str, typer.Option(help="With --add: negative, neutral or positive")] = "negative",
    actor: Annotated[str | None, typer.Option(
        help="Who made the correction, for the audit trail (default: cli:<os user>)", show_default=False)] = None,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Correct one review's themes as a triager would (audited; `umot train --from-db` exports it)."""
    from models.crud.theme_corrections import ThemeCorrectionError, correct_theme
    from models.crud.triage.changes import MAX_ID
    from models.db import session_scope
    from models.tables import Brand, Review
    from nlp.themes import DEFAULT_THEME_NAMES
    from umot.cli._actor import cli_actor

    if add_theme is not None and remove_theme is None:
        theme, action = add_theme, "add"
    elif remove_theme is not None and add_theme is None:
        theme, action = remove_theme, "remove"
    else:
        fail("give exactly one of --add THEME or --remove THEME")
    if not 0 < review_id <= MAX_ID:  # past what a store's id holds: the driver's overflow was a traceback
        fail(f"REVIEW_ID {review_id}: no review with that id (a review id is 1 to {MAX_ID})")
    who = cli_actor(actor)  # a multi-line --actor fails before the store opens
    with session_scope(open_store(database_url, must_exist=True)) as session:
        review = session.get(Review, review_id)
        if review is None:
            fail(f"no review with id {review_id} in the store")
        brand = session.get_one(Brand, review.brand_id).name  # the review's brand: a foreign key
        known = DEFAULT_THEME_NAMES + tuple(t.name for t in configured_themes(config_path(config), brand)[brand])
        try:
            after = correct_theme(session, review_id, theme, action, actor=who,
                                  known=known, polarity=polarity)
        except ThemeCorrectionError as exc:
            fail(f"review {review_id}: {exc}")
    typer.echo(f"review {review_id}: themes now {', '.join(f'{k} ({v})' for k, v in after.items()) or 'none'}")
