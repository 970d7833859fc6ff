"""``umot import``: reviews exported from another tool (CSV/TSV or JSONL, optionally .gz) -> the store.

Reading the file is :mod:`crawlers.importer`'s job; storing its rows in one
transaction, :mod:`umot.cli._review_import`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store import CreateBrand, DatabaseUrl, store_brand


def import_reviews(
    file: Annotated[Path, typer.Argument(help="CSV/TSV or JSONL file of reviews (optionally .gz)", dir_okay=False, show_default=False)],
    brand: Annotated[str, typer.Option(help="Brand the reviews belong to", show_default=False)],
    scale: Annotated[float, typer.Option(help="Best possible rating in the file (5, 10, 100...; a finite number above 1)")] = 5,
    source: Annotated[
        str | None, typer.Option(help="Source label when the file has no source column (default: import:<file name>)")
    ] = None,
    create_brand: CreateBrand = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Load reviews exported from another tool into the store.

    Columns: text (required); rating or stars, author, title, url, date or
    published_at, source, id or external_id, language (optional). The whole
    file is checked first and then stored in ONE transaction: a bad row stops
    the import with its line number and nothing from the file is stored.
    Re-importing the same file adds nothing (reviews are keyed by source + id;
    a row without an id by its author and text, or without an author by its
    text, date and rating).
    """
    from crawlers.import_rows import ImportFileError, check_source_label
    from crawlers.importer import read_review_file
    from models.crud.name_limits import NameTooLongError
    from umot.cli._review_import import store_review_rows

    if source is not None:  # the store would cut it: refused before anything is read or stored
        try:
            check_source_label(source, "--source")
        except NameTooLongError as exc:
            fail(str(exc))
    brand = brand.strip()
    if not create_brand:  # a typo in --brand fails before the file is read
        brand = store_brand(database_url, brand, create=False)
    elif not brand:
        fail("--brand is empty: give the brand's name")
    try:
        rows = read_review_file(file, scale=scale, source=source)
    except ImportFileError as exc:
        fail(str(exc))
    # a new brand is created in the same transaction as its reviews: a rejected file adds no brand
    typer.echo(store_review_rows(rows, file, brand, database_url))
