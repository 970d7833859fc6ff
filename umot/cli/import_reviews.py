"""``umot import``: reviews exported from another tool (CSV/TSV or JSONL, optionally .gz) -> the store.

Reading the file is :mod:`crawlers.importer`'s job; storing its rows in one
transaction, :mod:`umot.cli._review_import`'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store import CreateBrand, DatabaseUrl, open_store, store_brand


def import_reviews(
    file: Annotated[Path, typer.Argument(help="CSV/TSV or JSONL file of reviews (optionally .gz)", dir_okay=False, show_default=False)],
    brand: Annotated[str, typer.Option(help="Brand the reviews belong to", show_default=False)],
    scale: Annotated[float, typer.Option(help="Best possible rating in the file (5, 10, 100...; a finite number above 1)")] = 5,
    worst: Annotated[
        float, typer.Option(help="Worst possible rating in the file (0 for a 0-10 NPS survey: 0 is then a rating)")
    ] = 1,
    source: Annotated[
        str | None,
        typer.Option(help="Source label when the file has no source column (default: import:<file name>, no .gz)"),
    ] = None,
    date_order: Annotated[
        str | None,
        typer.Option(
            "--date-order",
            help="Day/month order of every numeric date in the file: DMY, MDY or YMD (refused if a date is "
            "written the other way; default: what its dates "
            "show, e.g. 13/05/2024 is DMY; else DMY when one is dotted; else its rows' languages' order when "
            "they agree; else MDY)",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="The file's text encoding when it starts with no byte order mark, e.g. cp1252 for an older "
                     "Excel CSV (default: UTF-8; a UTF-8/16/32 BOM is read as such)", show_default=False),
    ] = None,
    create_brand: CreateBrand = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Load reviews exported from another tool into the store.

    Columns, in any case, each also read under the other names tools give it: text (required; review,
    body, content, reviewBody, review_text, comment); rating (stars, score, ratingValue; on --worst to
    --scale); author (name, reviewer, user); title (headline, subject); url (link); published_at (date,
    datePublished, created_at, time; numeric dates in ONE day/month order for the whole file, see
    --date-order; a file whose dates show both orders is refused); source (site, platform);
    external_id (id, review_id); language (lang, inLanguage); reply_text, reply_author, replied_at.
    Other columns are kept in the review's extra. A column meaning something else under one of
    these names (an upvote count in score, a product in name) is read as that field: rename it first.

    Of two names of one field in a row (date and time, text and review) the first non-empty one is
    read. Only ratings must agree: a row whose rating and stars (or score) are more than half a star
    apart on 1-5 after --scale and --worst (4.5 and 5 agree; 5 and 1 do not), or whose other one is no
    rating on the scale, is refused, naming the file, line and both columns. A file umot score wrote
    is read by the columns of the file it scored: its label, stars, p_*, language... are the model's,
    and a reviewer's value it kept as input_stars is read as stars. The whole file is
    checked first and then stored in ONE transaction: a bad row stops the import with its line
    number and nothing from the file is stored. Re-importing the same file adds nothing (reviews
    are keyed by source + id; a row without an id by its author and text, or without an author by
    its text, date and rating).
    """
    from core.text_encoding import check_encoding
    from crawlers.import_columns import ImportFileError
    from crawlers.import_date_order import checked_order
    from crawlers.importer import open_review_file
    from umot.cli._review_import import legacy_gz_source, store_review_rows

    if source is not None:  # refused before anything is read or stored: it is the option, not the file
        source = _checked_label(source)
    try:
        encoding = check_encoding(encoding)  # likewise
    except ValueError as exc:
        fail(f"--encoding {encoding!r}: {exc}")
    try:
        date_order = checked_order(date_order)  # likewise
    except ImportFileError as exc:
        fail(str(exc))
    brand = brand.strip()
    if not brand:
        fail("--brand is empty: give the brand's name")
    if not create_brand:  # a typo in --brand fails before the file is read
        brand = store_brand(database_url, brand, create=False)
    try:
        parsed = open_review_file(file, scale=scale, worst=worst, date_order=date_order, encoding=encoding)  # read once
        rows = parsed.rows(source)
    except ImportFileError as exc:
        fail(str(exc))
    if create_brand:  # "acme" is a stored "Acme" with the flag too; a rejected file opened no store
        brand = _stored_name(database_url, brand)
    if source is None and (stored := legacy_gz_source(file, brand, database_url)) is not None:
        rows = parsed.rows(stored)  # ids cover the source: made again, from the file as read above
    # a new brand is created in the same transaction as its reviews: a rejected file adds no brand
    typer.echo(store_review_rows(rows, file, brand, database_url))


def _checked_label(source: str) -> str:
    """``--source``, trimmed, when the store can hold it as one label: not empty (every row would be
    refused as having no source), not longer than ``review.source`` (the store would cut it), one line."""
    from crawlers.import_columns import check_source_label
    from models.crud.name_limits import BadNameError, check_characters

    label = source.strip()
    if not label:
        fail("--source is empty: give a label, or leave it out (default: import:<file name>)")
    try:
        check_characters(label, "--source")
        return check_source_label(label, "--source")
    except BadNameError as exc:
        fail(str(exc))


def _stored_name(database_url: str | None, brand: str) -> str:
    """The stored name of the brand ``brand`` names by the store's rule, else ``brand`` itself: a new
    brand, created with its reviews in one transaction (so a rejected row adds no brand)."""
    from models import crud
    from models.crud.brands import check_brand_name
    from models.db import session_scope

    with session_scope(open_store(database_url), write=False) as session:
        found = crud.get_brand(session, brand)
        stored = found.name if found is not None else None
    if stored is not None:
        return stored
    try:  # a new name the store cannot hold (too long, not one line): the brand is named, not the file
        return check_brand_name(brand)
    except crud.BrandNameError as exc:
        fail(f"--brand: {exc}")
