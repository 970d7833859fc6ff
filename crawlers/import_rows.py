"""One record of an imported file -> one crawl-shaped review row, or the reason it cannot be.

Which column holds what is ``crawlers.import_columns`` (columns no alias names go
to the row's ``extra``, a crawl file's ``extra`` JSON object merged in), so a crawl's
file imports as it was crawled, its brand replies (``reply_text``, ``reply_author``,
``replied_at``: cleaned by the store) included. The rating cell is read by ``crawlers.import_ratings`` (a crawl file's
``rating_raw`` and ``rating_scale`` kept as crawled), a numeric date in the file's one
day/month order (``crawlers.import_date_order``), and a row with neither an id nor an
author gets its id from ``crawlers.import_ids``. Of two alias columns of one field the first
non-empty one is read; only two ratings must agree (:func:`_rating`): within half a star on 1-5.
"""

from __future__ import annotations

from typing import Any

from core.language import detect_language
from crawlers.extract.dates import iso_utc, set_published
from crawlers.extract.ratings import Rating
from crawlers.import_columns import ImportFileError, alias_cells, check_source_label, extra_columns, pick
from crawlers.import_ids import give_import_id
from crawlers.import_ratings import CRAWL_COLUMNS, crawl_cells, crawled_rating, file_rating
from models.crud.name_limits import BadNameError, NameTooLongError, shortened

HALF_STAR = 0.5  # 4.5 beside a rounded 5 or ★★★★☆ is one rating; 5 beside an upvote count of 1 is not


def _rating(record: dict[str, Any], where: str, scale: float, worst: float) -> tuple[Any, Rating, bool]:
    """(the first non-empty rating cell, its rating, whether it is a crawl's reading); ImportFileError when
    another rating alias of the row (``stars``, ``score``) is no rating on the file's scale or more than
    half a star from it on 1-5: an upvote ``score`` read, or left unseen beside it, would store a guess."""
    raw = pick(record, "rating", where)
    crawled = crawl_cells(record, raw)
    try:
        rating = crawled_rating(raw, *crawled) if crawled else file_rating(raw, scale, worst)
    except ValueError as exc:
        raise ImportFileError(f"{where}: {exc}") from None
    cells, read = alias_cells(record, "rating"), rating.value
    base = 0
    while read is None and base + 1 < len(cells):  # an unrated cell (a 0 meaning unrated) says nothing: the next
        base += 1                                   # alias holding a rating is read (a blank one is no cell)
        raw, crawled = cells[base][1], None
        try:
            rating = file_rating(raw, scale, worst)
        except ValueError as exc:
            raise ImportFileError(f"{where}: {exc}") from None
        read = rating.value
    if read is None:
        return raw, rating, bool(crawled)
    for other, cell in cells[base + 1:]:
        try:
            value = file_rating(cell, scale, worst).value
        except ValueError:
            value = -1.0  # no rating on the scale at all (12 of 5): never the same one
        if value is not None and abs(value - read) > HALF_STAR + 1e-9:
            key, first = cells[base]
            raise ImportFileError(
                f"{where}: columns {key!r} and {other!r} hold different ratings ({shortened(str(first))} and "
                f"{shortened(str(cell))}); keep one of them, or rename the other")
    return raw, rating, bool(crawled)


def _reply(record: dict[str, Any], where: str, date_order: str | None) -> dict[str, Any]:
    """The brand's reply as a crawl row carries it (the store cleans it: ``models.replies.clean_reply``);
    a reply date is read as a crawl reads one, one it cannot read passed on as written for the store to name."""
    raw_date = pick(record, "replied_at", where)
    return {
        "reply_text": pick(record, "reply_text", where),
        "reply_author": pick(record, "reply_author", where),
        "replied_at": (iso_utc(raw_date, date_order) or raw_date) if raw_date is not None else None,
    }


def to_row(record: dict[str, Any], *, where: str, scale: float, source: str, worst: float = 1,
           date_order: str | None = None) -> dict[str, Any]:
    """One record -> a review row; ImportFileError (naming ``where``) if it is unusable. ``date_order``
    (``DMY``, ``MDY``, ``YMD``: ``crawlers.import_date_order`` always names one) is the whole file's, never
    the row's ``language``; None reads a lone row as a crawl does (month first, a dotted date day first)."""
    text = pick(record, "text", where)
    if text is None or not str(text).strip():
        raise ImportFileError(f"{where}: the text is empty")
    text = str(text).strip()
    raw_rating, rating, crawled = _rating(record, where, scale, worst)
    raw_date = pick(record, "published_at", where)
    cell = pick(record, "language", where)
    dated: dict[str, Any] = {"extra": extra_columns(record, CRAWL_COLUMNS if crawled else ())}  # a future date: in extra
    if not set_published(dated, raw_date, date_order):  # crawlers.extract.dates takes an order as a language
        raise ImportFileError(f"{where}: date {raw_date!r} is not a date with a day, month and year")
    external_id = pick(record, "external_id", where)
    title = pick(record, "title", where)
    url = pick(record, "url", where)
    author = pick(record, "author", where)
    column = pick(record, "source", where)
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
