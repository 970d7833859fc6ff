"""The other ids an imported row without id and author may be stored under, and taking one back.

A row's id covers its cells in one canonical form, its numeric date read in the file's one
day/month order (``crawlers.import_ids``). Two kinds of import stored such a row under another id:

- an import before canonical cells, under the id of its cells as written (``3.0``,
  ``March 5, 2024``): :data:`WRITTEN_ID`;
- an import that read the file in the other day/month order, for a date that fits both
  (``05/03/2024``): the file then showed no order (read month first) and has since gained a
  ``13/05/2024``, or ``--date-order`` is given now and was not then: :data:`ORDER_IDS`.

:func:`adopt_other_ids` gives such an id back where the store holds it and not the row's own
id, so the row counts as already stored; the store keeps the review's date as first stored
(an import never moves a stored review's date).

An id under another order is taken back only from a review that was read in that order: a row
whose date names another day in another order keeps the order it was read in as
``extra[DATE_ORDER]`` (:data:`DATE_ORDER`). ``05/03/2024`` read day first (5 March) is not the
stored ``03/05/2024`` also read day first (3 May), though its id month first is that review's:
it is a review of its own. A row whose date names one day in every order (``2026-03-04``,
``4 March 2026``) keeps :data:`NO_ORDER` there: no row takes its id under another order
(``04/03/2026`` read month first is 3 April, not that 4 March). A review stored before umot
kept the order has none; it is taken as read in the other order (the import took it back then too).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import Row
from sqlmodel import Session

from crawlers.extract.date_order import text_order
from crawlers.import_id_cells import order_keys
from models.crud.stored_external_ids import stored_rows
from models.identity import imported_content_id
from models.tables import Review

WRITTEN_ID = "_written_content_id"  # dropped by adopt_other_ids: never stored
ORDER_IDS = "_order_content_ids"  # {order: id} under each of import_id_cells.DAY_MONTH; likewise
DATE_ORDER = "date_order"  # extra key: the order the row's date was read in (stored, see the module docstring)
NO_ORDER = "none"  # extra[DATE_ORDER] of a date naming one day in every order (2026-03-04): no other order takes it
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date cell as an id covers a day (import_id_cells.date_key)


def give_other_ids(row: dict[str, Any], source: str, text: str, cells: tuple[object, object], day: object,
                   stars: object, order: str | None) -> None:
    """Keep, in ``row``, its id over its date and rating ``cells`` as written and under each order (``day``:
    the date cell as the file's ``order`` reads it, ``stars``: the rating cell as the id covers it), and
    in its ``extra`` that ``order`` when another names another day."""
    row[WRITTEN_ID] = imported_content_id(source, text, *cells)
    keys = order_keys(cells[0], day)
    row[ORDER_IDS] = {other: imported_content_id(source, text, key, stars) for other, key in keys.items()}
    if any(key != day for key in keys.values()):  # a file column of that name gives way: this is what was read
        row["extra"] = {**row["extra"], DATE_ORDER: text_order(str(cells[0]), order) or "MDY"}
    elif isinstance(day, str) and _DAY.fullmatch(day):  # ISO, or a month's name: read in no day/month order
        row["extra"] = {**row["extra"], DATE_ORDER: NO_ORDER}


def adopt_other_ids(session: Session, brand_id: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose own id the store lacks take back the first of their other ids it holds (as written, then
    under each order, from a review read in that order), in place, unless another row of the file has or
    wants that id (no two rows may share one); the rows that took one. The other ids are dropped."""
    others: list[tuple[dict[str, Any], dict[str, str | None]]] = []  # (row, {other id: its order})
    for row in rows:
        ids: dict[str, str | None] = {}
        for other, order in [(row.pop(WRITTEN_ID, None), None), *((i, o) for o, i in row.pop(ORDER_IDS, {}).items())]:
            if other is not None and other != row["external_id"]:
                ids.setdefault(other, order)
        if ids:
            others.append((row, ids))
    wanted = {i for row, ids in others for i in (row["external_id"], *ids)}
    held = {(source, i): (extra or {}).get(DATE_ORDER)
            for source, i, extra in stored_reviews(session, brand_id, wanted, Review.extra)}
    taking: list[tuple[tuple[str, str], dict[str, Any]]] = []
    for row, ids in others:
        if (row["source"], row["external_id"]) not in held:  # its own id stored: it is that review
            taken = next((i for i, order in ids.items() if _read_so(held, (row["source"], i), order)), None)
            if taken is not None:
                taking.append(((row["source"], taken), row))
    while True:  # each pass drops a clash; a row that takes nothing keeps its own (unique) id
        takers = {id(row) for _, row in taking}
        kept = [(r["source"], r["external_id"]) for r in rows if id(r) not in takers]
        uses = Counter([*kept, *(key for key, _ in taking)])
        if all(uses[key] == 1 for key, _ in taking):
            break
        taking = [(key, row) for key, row in taking if uses[key] == 1]
    for (_, taken), row in taking:
        row["external_id"] = taken
    return [row for _, row in taking]


def _read_so(held: dict[tuple[str, str], Any], key: tuple[str, str], order: str | None) -> bool:
    """Whether the store holds ``key`` as a review read in ``order`` (None: the id as written, which only
    imports before canonical cells gave); one stored with no order recorded counts as read so."""
    return key in held and (order is None or held[key] in (None, order))


def stored_reviews(session: Session, brand_id: int, ids: set[str], *columns: Any) -> list[Row[Any]]:
    """(source, external id, *``columns``) of the brand's stored reviews with one of ``ids``, of any source."""
    return stored_rows(session, brand_id, None, ids, Review.source, Review.external_id, *columns)
