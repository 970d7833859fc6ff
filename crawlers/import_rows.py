"""One record of an imported file -> one crawl-shaped review row, or the reason it cannot be.

Which column holds what is ``crawlers.import_columns`` (columns no alias names go
to the row's ``extra``, a crawl file's ``extra`` JSON object merged in), so a crawl's
file imports as it was crawled, its brand replies (``reply_text``, ``reply_author``,
``replied_at``: cleaned by the store) included. The rating cell is read by ``crawlers.import_ratings`` (a crawl file's
``rating_raw`` and ``rating_scale`` kept as crawled), a numeric date in the file's one
day/month order (``crawlers.import_date_order``), and a row with neither an id nor an
author gets its id from ``crawlers.import_ids``. Two alias columns of one field must agree
(``crawlers.import_columns.agreed``): the same rating on the file's scale, dates less than a day apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from core.language import detect_language
from crawlers.extract.dates import iso_utc, parse_datetime, set_published
from crawlers.import_columns import ImportFileError, agreed, check_source_label, extra_columns, same_text
from crawlers.import_ids import give_import_id
from crawlers.import_ratings import CRAWL_COLUMNS, crawl_cells, crawled_rating, file_rating, rating_on_scale
from models.crud.name_limits import BadNameError, NameTooLongError


def _same_rating(scale: float) -> Callable[[Any, Any], bool]:
    """``4``, ``4.0`` and ``4 stars`` are one rating; a cell that is no rating on ``scale`` (an upvote count
    of 12) differs from any that is, so ``rating`` beside such a ``score`` is refused, not guessed between."""
    def same(first: Any, other: Any) -> bool:
        try:
            return rating_on_scale(first, scale) == rating_on_scale(other, scale)
        except ValueError:
            return same_text(first, other)
    return same


def _same_day(date_order: str | None) -> Callable[[Any, Any], bool]:
    """Two dates less than a day apart (``2024-03-05`` and ``2024-03-05T10:00:00Z``) are one; a cell that
    reads as no date (a ``time`` column's ``10:00``) is no second date, so a date beside it is read alone."""
    def same(first: Any, other: Any) -> bool:
        one, two = parse_datetime(first, date_order), parse_datetime(other, date_order)
        return one is None or two is None or abs(one - two) < timedelta(days=1)
    return same


def _reply(record: dict[str, Any], where: str, date_order: str | None) -> dict[str, Any]:
    """The brand's reply as a crawl row carries it (the store cleans it: ``models.replies.clean_reply``);
    a reply date is read as a crawl reads one, one it cannot read passed on as written for the store to name."""
    raw_date = agreed(record, "replied_at", where)
    return {
        "reply_text": agreed(record, "reply_text", where),
        "reply_author": agreed(record, "reply_author", where),
        "replied_at": (iso_utc(raw_date, date_order) or raw_date) if raw_date is not None else None,
    }


def to_row(record: dict[str, Any], *, where: str, scale: float, source: str, worst: float = 1,
           date_order: str | None = None) -> dict[str, Any]:
    """One record -> a review row; ImportFileError (naming ``where``) if it is unusable. ``date_order``
    (``DMY``, ``MDY``, ``YMD``: ``crawlers.import_date_order`` always names one) is the whole file's, never
    the row's ``language``; None reads a lone row as a crawl does (month first, a dotted date day first)."""
    text = agreed(record, "text", where)
    if text is None or not str(text).strip():
        raise ImportFileError(f"{where}: the text is empty")
    text = str(text).strip()
    raw_rating = agreed(record, "rating", where, _same_rating(scale))
    crawled = crawl_cells(record, raw_rating)
    try:
        rating = crawled_rating(raw_rating, *crawled) if crawled else file_rating(raw_rating, scale, worst)
    except ValueError as exc:
        raise ImportFileError(f"{where}: {exc}") from None
    raw_date = agreed(record, "published_at", where, _same_day(date_order))
    cell = agreed(record, "language", where)
    dated: dict[str, Any] = {"extra": extra_columns(record, CRAWL_COLUMNS if crawled else ())}  # a future date: in extra
    if not set_published(dated, raw_date, date_order):  # crawlers.extract.dates takes an order as a language
        raise ImportFileError(f"{where}: date {raw_date!r} is not a date with a day, month and year")
    external_id = agreed(record, "external_id", where)
    title = agreed(record, "title", where)
    url = agreed(record, "url", where)
    author = agreed(record, "author", where)
    column = agreed(record, "source", where)
    try:
        label = check_source_label(str(column or source))
    except BadNameError as exc:  # the column's, or the default import:<file name>: give --source instead
        hint = "" if column else " (give a shorter --source)" if isinstance(exc, NameTooLongError) else " (give --source)"
        raise ImportFileError(f"{where}: {exc}{hint}") from None
    row = {
        "source": label,
        "url": str(url) if url is not None else None,
        "external_id": str(external_id) if external_id is not None else None,
        "author": str(author) if author is not None else None,
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale if rating.raw is not None else None,
        "title": str(title) if title is not None else None,
        "text": text,
        "published_at": dated["published_at"],
        "language": detect_language(text, cell),
        "extra": dated["extra"],
        **_reply(record, where, date_order),
    }
    give_import_id(row, raw_date, raw_rating, date_order=date_order)
    return row
