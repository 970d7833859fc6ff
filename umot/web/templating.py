"""Jinja templates with autoescape always on, and the filters the pages use.

Review text is untrusted: templates print it through autoescape only (no
``|safe`` on review data anywhere), and links to a review's source pass
:func:`http_url` so a ``javascript:`` URL never becomes a link. Dates show in
the export timezone (:func:`export_zone`), as the weekly CSVs date reviews.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.filters import do_round
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from core.dates import reply_hours
from core.ratings import rating_as_published, reasons_as_published
from models.datetimes import as_utc
from models.status import FlagStatus
from reporting.rounding import round_half_up
from reporting.weeks import resolve_timezone
from umot.web.csrf import csrf_token

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATUS_NAMES: dict[str, str] = {
    FlagStatus.new: "New",
    FlagStatus.in_progress: "In progress",
    FlagStatus.responded: "Responded",
    FlagStatus.resolved: "Resolved",
    FlagStatus.dismissed: "Dismissed",
}


def stars(rating: float | None) -> str:
    """'★★★☆☆' for 3 (3.5 shows as 4 full stars rounded half up); '—' when unrated."""
    if rating is None:
        return "—"
    full = max(0, min(5, int(rating + 0.5)))
    return "★" * full + "☆" * (5 - full)


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (never link javascript: or data: URLs)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def export_zone() -> ZoneInfo:
    """The export timezone (``UMOT_TIMEZONE``, checked with the other settings): the web app's days
    and weeks, as the weekly CSVs'."""
    return resolve_timezone(None)


def when(value: datetime | None, fmt: str = "%Y-%m-%d") -> str:
    """``value`` in the export timezone; a time of day carries the zone's abbreviation unless it is UTC."""
    if not value:
        return "—"
    if not isinstance(value, datetime):
        return value.strftime(fmt)
    zone = export_zone()
    try:
        local = as_utc(value).astimezone(zone)
    except OverflowError:  # a zone's offset past year 1 or 9999: the time as stored
        local, zone = as_utc(value), ZoneInfo("UTC")
    text = local.strftime(fmt)
    return text if "%H" not in fmt or zone.key == "UTC" else f"{text} {local:%Z}"


def round_figure(value: float, precision: int = 0, method: Literal["common", "ceil", "floor"] = "common") -> float:
    """Jinja's ``round``, half up as the exports round (:mod:`reporting.rounding`): a page's 2.675 reads
    2.68 as in ``summary-<week>.csv``, not 2.67 (Python's ``round``); ``ceil`` and ``floor`` as Jinja's."""
    return round_half_up(value, precision) if method == "common" else do_round(value, precision, method)


def first_lines(text: str | None, limit: int = 180) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def rating_shown(review: Any) -> str | None:
    """The review's rating as published ("8/10", "4★"); None when unrated."""
    return rating_as_published(review.rating, review.rating_raw, review.rating_scale)


def reasons_shown(reasons: list[str] | None, review: Any) -> list[str]:
    """Flag reasons with the rating as published ("rated 2/10", not "rated 1.44★")."""
    return reasons_as_published(reasons or [], review.rating, review.rating_raw, review.rating_scale)


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined)
    env.filters.update(stars=stars, http_url=http_url, when=when, first_lines=first_lines, reply_hours=reply_hours,
                       round=round_figure)
    env.globals.update(STATUS_NAMES=STATUS_NAMES, rating_shown=rating_shown, reasons_shown=reasons_shown,
                       export_zone=export_zone)
    return env


templates = Jinja2Templates(env=_env())


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """Render a page with the viewer, CSRF token and one-shot flash message filled in."""
    context.setdefault("viewer", None)
    context["csrf_token"] = csrf_token(request)
    context["flash"] = request.session.pop("flash", None)
    return templates.TemplateResponse(request, name, context, status_code=status_code)
