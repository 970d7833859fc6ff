"""``umot rescore`` (#18): themes and journey stages of the stored reviews read again, e.g. after
a brand theme was added to umot.toml or a triager corrected a reading."""

from __future__ import annotations

from typing import Annotated

import typer

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store


def rescore(
    brand: Annotated[str | None, typer.Option(help="Only this brand's reviews")] = None,
    every: Annotated[bool, typer.Option("--all", help="Read every review again, not only those without a current reading")] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Read themes and journey stages of stored reviews (those the current rules, brand themes and
    corrections have not read yet; --all: every one). The nightly run does the same after scoring."""
    from rich.console import Console
    from rich.progress import Progress

    from flows import progress as flow_progress
    from flows.tasks.themes import detect_brand, detector_for
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id
    from nlp.themes.brand import ThemeDefinitionError

    engine = open_store(database_url, must_exist=True)
    with session_scope(engine, write=False) as session:
        brands = [brand_or_fail(session, brand)] if brand else crud.list_brands(session)
        targets = [(stored_id(b), b.name) for b in brands]
    try:  # every brand's umot.toml themes and corrections file first: a bad one (one line) leaves all as they were
        for _, name in targets:
            detector_for(name)
    except ThemeDefinitionError as exc:
        fail(str(exc))
    counts: list[int] = []
    # on stderr, as the nightly run's: stdout is the closing line alone (it printed a blank line first)
    with Progress(transient=True, console=Console(stderr=True)) as bar, flow_progress.listening(
            lambda e: bar.update(task, advance=e.advance) if e.stage == "themes" else None):
        task = bar.add_task("reading themes and stages", total=None)
        for brand_id, name in targets:
            try:
                counts.append(detect_brand(brand_id, name, every=every,
                                           database_url=engine.url.render_as_string(hide_password=False)))
            except ThemeDefinitionError as exc:
                fail(str(exc))
    typer.echo(summary(counts, every=every))


def summary(counts: list[int], *, every: bool) -> str:
    """The closing line: reviews read, in the brands they belong to (not every brand looked at)."""
    total, read = sum(counts), sum(1 for n in counts if n)
    if total:
        return f"read themes and stages of {plural(total, 'review')} in {plural(read, 'brand')}"
    if not counts:
        return "read themes and stages of 0 reviews: no brand in the store yet"
    one = len(counts) == 1
    if every:
        return f"read themes and stages of 0 reviews: {'the brand has' if one else f'the {len(counts)} brands have'} none stored"
    of = "the brand" if one else f"the {len(counts)} brands"
    return f"read themes and stages of 0 reviews: every review of {of} has a current reading (--all reads them again)"
