"""The queue's filters from the query string, shared by the page and the CSV download.

HTML forms send every field, empty ones included, so parsing is lenient:
empty means "any", and a value that can't be read is dropped with a message
shown above the queue rather than failing the whole page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from fastapi import HTTPException
from starlette.datastructures import QueryParams

from models.crud.triage import LABELS, STATUSES, QueueFilter
from models.crud.triage.queue_filter import COUNTED, REPLY_FILTERS
from nlp.themes.catalog import POLARITIES, STAGE_NAMES
from umot.web.deps import Viewer
from umot.web.numbers import PAST_ANY_ID, capped
from umot.web.templating import export_zone

THEME_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")  # default or brand theme names (#18)

RATINGS = ("1", "2", "3", "4", "5", "none")
# The status tabs: "open" (the default: still to act on), one status, "counted" (every detractor
# that counts: not dismissed, not cleared by an edit; the overview's links open it), or "all".
STATUS_TABS = ("open", *STATUSES, COUNTED, "all")
# Any page past this is past the end of any queue (and its offset still fits in 64 bits).
MAX_PAGE = 10**9
MAX_Q = 200  # longest text search; a longer one searches its first MAX_Q characters, and says so
KEYS = ("brand", "source", "from", "to", "status", "rating", "label", "q", "reply", "theme", "theme_polarity", "stage")


@dataclass
class QueueQuery:
    """What the user asked for: the raw values (to refill the form) and the parsed filter."""

    values: dict[str, str]
    filter: QueueFilter
    page: int = 1
    errors: list[str] = field(default_factory=list)

    def url(self, base: str = "/", **override: str | int | None) -> str:
        """This query as a URL, with some values replaced (pagination, status tabs)."""
        params = {**self.values, "page": self.page, **override}
        kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
        return base + ("?" + urlencode(kept) if kept else "")


def _date(raw: str, name: str, errors: list[str]) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        errors.append(f"{name}: {raw!r} is not a date (YYYY-MM-DD)")
        return None


def parse_queue_query(params: QueryParams, viewer: Viewer) -> QueueQuery:
    """Read the filters; a brand the viewer doesn't belong to is a 404, like its reviews."""
    values = {k: params.get(k, "").strip() for k in KEYS}
    errors: list[str] = []
    brand_id = None
    if values["brand"]:
        number = capped(values["brand"], PAST_ANY_ID)  # "²" is a digit to isdigit(), and a long one too many for int()
        if number is None:
            raise HTTPException(status_code=404, detail="no such brand")
        brand_id = viewer.brand(number).id
        values["brand"] = str(brand_id)  # "01" filters by brand 1: the menu, links and CSV say "1"
    for key, allowed in (("status", STATUS_TABS), ("rating", RATINGS), ("label", LABELS), ("reply", REPLY_FILTERS),
                         ("theme_polarity", POLARITIES)):
        if values[key] and values[key] not in allowed:
            errors.append(f"{key}: unknown value {values[key]!r}")
            values[key] = ""
    if values["stage"] and values["stage"] not in STAGE_NAMES:
        errors.append(f"stage: unknown value {values['stage']!r}")
        values["stage"] = ""
    if values["theme"] and not THEME_NAME.match(values["theme"]):
        errors.append(f"theme: unknown value {values['theme']!r}")
        values["theme"] = ""
    if len(values["q"]) > MAX_Q:  # the box, links and CSV carry what was searched
        errors.append(f"q: its characters past the first {MAX_Q} (a search holds at most {MAX_Q}; got {len(values['q'])})")
        values["q"] = values["q"][:MAX_Q].strip()
    page_raw = params.get("page", "1")
    page = max(capped(page_raw, MAX_PAGE) or 1, 1)  # past the end shows the last page, however far past
    f = QueueFilter(
        brand_ids=viewer.brand_ids,
        brand_id=brand_id,
        source=values["source"] or None,
        date_from=_date(values["from"], "from", errors),
        date_to=_date(values["to"], "to", errors),
        status=None if values["status"] == "all" else values["status"] or "open",
        rating=values["rating"] or None,
        label=values["label"] or None,
        q=values["q"] or None,
        reply=values["reply"] or None,
        theme=values["theme"] or None,
        theme_polarity=values["theme_polarity"] or None,
        stage=values["stage"] or None,
        zone=export_zone(),  # from/to are days there, as the overview's weeks and the weekly CSVs
    )
    return QueueQuery(values=values, filter=f, page=page, errors=errors)
