"""What ``umot sources add`` does: check the new source, take its brand's stored spelling, write umot.toml.

Apart from the command (:mod:`umot.cli.sources`), which reads the options and
says what happened, because adding is the one edit with checks of its own:
each runs before the store or the file is touched, so a refused add changes
nothing, and a brand the store already holds keeps its spelling there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._config import config_path
from umot.cli._errors import fail
from umot.cli._pairs import name_values
from umot.cli._store import open_store

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine


def add_source(config: Path | None, brand: str, name: str, spider: str, urls: list[str] | None,
               options: list[str] | None, *, enabled: bool, database_url: str | None) -> tuple[Path, str]:
    """Add the source to umot.toml; the file, and the line to print once the store has it too."""
    from crawlers.source_urls import resolve_urls
    from models.configured_source import SourceConfig
    from models.sources_config import SourcesConfigError
    from models.sources_config_edits import add_source_to_config

    brand, name = brand.strip(), name.strip()
    if not brand or not name:
        fail("brand and source name must not be empty")
    too_long = SourceConfig(brand=brand, name=name, spider=spider).too_long()
    if too_long:  # before the store or the file is touched: the store could not hold it
        fail(too_long)
    path = config_path(config)
    stored = _stored_name(open_store(database_url), brand)  # a store that does not open fails before the file is edited
    brand = stored or brand  # "acme" for a stored "Acme" is Acme's source
    source = SourceConfig(brand=brand, name=name, spider=spider.strip(), urls=list(urls or []),
                          options=_own_options(name_values(options, "--option", key="KEY")), enabled=enabled)
    try:
        resolved = resolve_urls(source)
        add_source_to_config(path, source)
    except SourcesConfigError as exc:
        fail(str(exc))
    note = f" (a new brand, {brand!r}: `umot sources remove {brand!r} {name!r}` undoes a typo)" if stored is None else ""
    return path, f"added {brand}/{name} ({source.spider}) to {path}: {', '.join(resolved)}{note}"


#: What sets each spider argument the crawl sets itself (``crawlers.spiders.arguments.SET_BY_CRAWL``).
_INSTEAD = {"urls": "use --url instead", "brand": "the reviews go to the source's brand (the BRAND argument)",
            "source_id": "its crawls are counted under this source; leave it out"}


def _own_options(options: dict[str, str]) -> dict[str, str]:
    """``options``, unless one is a spider argument the crawl sets itself: ``--option source_id=3`` stored the
    source's reviews under source 3, ``--option urls=…`` crawled a URL ``sources list`` did not show."""
    from crawlers.spiders.arguments import SET_BY_CRAWL

    for key, value in options.items():
        if key in SET_BY_CRAWL:
            fail(f"--option '{key}={value}': set by the crawl itself: {_INSTEAD.get(key, SET_BY_CRAWL[key])}")
    return options


def _stored_name(engine: Engine, brand: str) -> str | None:
    """The stored name of the brand ``brand`` names (any case); None when the add creates it, which the user should see."""
    from models import crud
    from models.db import session_scope

    with session_scope(engine, write=False) as session:
        found = crud.get_brand(session, brand)
        return found.name if found is not None else None
