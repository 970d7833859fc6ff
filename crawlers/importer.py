"""Reading reviews exported from another tool (CSV or JSONL) into crawl-shaped rows.

The whole file is read and checked before anything is stored, so a bad row
stops the import with a message naming the file and line, and nothing from
that file is half-written. Columns (any case; extra columns go to ``extra``):

- ``text`` (required; ``review``, ``body``, ``content``, ``reviewBody``, ``review_text``, ``comment`` too)
- ``rating`` (``stars``, ``score``, ``ratingValue`` too; on ``worst``-``scale``, default 1-5; empty = unrated,
  so is 0 unless ``worst`` is 0; a crawl file's ``rating_raw`` and ``rating_scale`` are kept as crawled)
- ``author`` (``name``, ``reviewer``, ``user``), ``title`` (``headline``, ``subject``), ``url`` (``link``),
  ``language`` (``lang``, ``inLanguage``)
- ``published_at`` (``date``, ``datePublished``, ``created_at``, ``time``: any format dateparser reads, with
  a day, month and year; a numeric one in the file's day/month order: ``date_order``, else
  ``crawlers.import_date_order`` decides it)
- ``source`` (``site``, ``platform``; default ``import:<file name>``, without ``.gz``: ``a.csv.gz`` is
  ``a.csv`` compressed), ``external_id`` (``id``, ``review_id``)
- ``reply_text``, ``reply_author``, ``replied_at`` (the brand's reply, as ``umot crawl -o`` writes it);
  an ``extra`` JSON object is merged into ``extra``

Of two columns of one field (``date`` and ``time``, ``text`` and ``review``, ``author`` and ``name``) the
first non-empty one in the row's column order is read, the other left out. Only ratings are compared: a
row whose ``rating`` and ``stars`` or ``score`` are more than half a star apart on 1-5, after ``scale``
and ``worst`` (4.5 beside 5 or ★★★★☆ is one rating, 5 beside an upvote count of 1 is not), or whose
other one is no rating on the scale, is refused naming both columns, before anything is stored
(``crawlers.import_rows``). A file ``umot score`` wrote is read by the columns of the file it scored:
its ``label``, ``stars``, ``p_*``, ``language``... are the model's and left out, and a column it kept as
``input_<name>`` (``input_stars``) is read as ``<name>`` (``crawlers.import_records``).

A row with neither an id nor an author is identified by its text, date and
rating cells (and, among identical rows, its order): ``crawlers.import_ids``.
Parsing the file is ``crawlers.import_records``; a record's columns -> a row
is ``crawlers.import_rows`` (every alias above: ``crawlers.import_columns``); its rating cell,
``crawlers.import_ratings``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawlers.import_columns import ImportFileError
from crawlers.import_date_order import file_date_order
from crawlers.import_ids import number_repeats
from crawlers.import_records import read_records
from crawlers.import_rows import to_row


def read_review_file(
    path: Path, *, scale: float = 5, source: str | None = None, worst: float = 1, date_order: str | None = None,
    encoding: str | None = None,
) -> list[dict[str, Any]]:
    """Every review in ``path`` as a row, all checked first; stored by ``models.crud.upsert_reviews``
    after ``crawlers.import_ids.adopt_previous_ids`` in the same transaction. ``date_order``
    (``--date-order``: DMY, MDY or YMD, any case) is the file's, refused if one of its dates is written
    the other way; None: the file's dates tell. ``encoding`` (``--encoding``): the file's when it starts
    with no byte order mark (default UTF-8; ``core.text_encoding``)."""
    return open_review_file(path, scale=scale, worst=worst, date_order=date_order, encoding=encoding).rows(source)


@dataclass(frozen=True)
class ReviewFile:
    """A file read and parsed once, its one date order decided: :meth:`rows` makes its rows under a
    source, as often as asked, without reading the file again (``umot import`` makes them again
    under a gzip'd file's old source, ``crawlers.import_sources``, known only once they are checked)."""

    path: Path
    records: list[tuple[int, dict[str, Any]]]
    scale: float
    worst: float
    date_order: str

    def rows(self, source: str | None = None) -> list[dict[str, Any]]:
        """Every record as a row under ``source`` (default ``import:<file name>``); ImportFileError at a bad one."""
        source = source or f"import:{default_name(self.path)}"
        rows = [to_row(record, where=f"{self.path} line {number}", scale=self.scale, source=source,
                       worst=self.worst, date_order=self.date_order) for number, record in self.records]
        if not rows:
            raise ImportFileError(f"{self.path}: no reviews in the file")
        number_repeats(rows)
        return rows


def open_review_file(path: Path, *, scale: float = 5, worst: float = 1, date_order: str | None = None,
                     encoding: str | None = None) -> ReviewFile:
    """``path`` read, its options and date order checked (see :func:`read_review_file`); no row built yet."""
    path = Path(path)
    if not math.isfinite(scale) or scale <= 1:  # inf or nan would rescale every rating by a guess
        raise ImportFileError("--scale must be a finite number above 1")
    if not math.isfinite(worst) or not 0 <= worst < scale:
        raise ImportFileError(f"--worst must be a finite number from 0 to below --scale ({scale:g})")
    records = list(read_records(path, encoding))
    order = file_date_order(path, records, date_order)  # one order for every row, decided before any is built
    return ReviewFile(path, records, scale, worst, order)


def default_name(path: Path) -> str:
    """The file's name in its default source: ``a.csv`` for ``a.csv.gz`` too, so importing the file and
    then its gzip'd copy stores nothing twice."""
    name = path.name
    return name[:-3] if name.lower().endswith(".gz") and len(name) > 3 else name
