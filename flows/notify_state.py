"""Detractors a brand's webhook has not had yet, posted by the next night that reaches it.

A POST that failed (the chat was down, the hook answered 500) or a night that
stopped between flagging and posting would otherwise leave those detractors
for the triage queue only. After each night's notifications (under the night
lock, :mod:`flows.night_lock`), per brand: the flags whose post failed, and
those raised after the last settled night but before this one started (a night
stopped before posting), are kept as *unsent*; a night that notifies posts them
in a message of their own, and forgets them once posted or once they are no
longer ``new`` in triage. A brand's position is also recorded right after its
own message is posted (:func:`record_posted`), so a night stopped later (while
posting to the next brand, say) does not make the next night post it again.
The backlog is kept on the brand's row in the store (:mod:`flows.notify_backlog`),
so every machine of a fanned-out night sees the same one.
"""

from __future__ import annotations

import logging
from typing import Any

from flows.notify import format_unsent
from flows.notify_backlog import load_state, save_state
from flows.outcomes import BrandReport, Detractor, NightlyResult
from flows.tasks.summarise import as_detractor
from flows.webhook_post import post_webhook
from models.stored import stored_id

log = logging.getLogger(__name__)


def settle_notifications(result: NightlyResult, *, notify: bool) -> None:
    """Post each brand's unsent detractors (when notifying), remember what is still unsent; never raises."""
    try:
        state = load_state()
        settled = {int(k): v for k, v in state.items() if k.isdigit()}  # brands not in tonight's run: kept
        settled.update({report.brand_id: _settle(report, state.get(str(report.brand_id), {}), result,
                                                 notify=notify) for report in result.brands})
        save_state(settled)
    except Exception:  # noqa: BLE001 - bookkeeping: the night's work is done and reported
        log.exception("could not settle the webhook notifications")


def record_posted(report: BrandReport, night: NightlyResult) -> None:
    """Right after the brand's own message went out: its flags are settled now, not at the night's end, so a
    night stopped later (Ctrl-C, a kill, a failed report) leaves the next night nothing of it to post again.
    The brand's backlog is kept as :func:`settle_notifications` would keep it. Never raises."""
    try:
        state = load_state()
        brand = state.get(str(report.brand_id), {})
        waiting, _, seen = _read(report.brand_id, night, brand.get("seen"), {int(i) for i in brand.get("unsent", [])})
        settled = {int(k): v for k, v in state.items() if k.isdigit()}
        save_state({**settled, report.brand_id: {"seen": seen, "unsent": sorted(waiting)}})
    except Exception:  # noqa: BLE001 - bookkeeping: the night's end settles it again
        log.exception("could not record the post to %s's webhook", report.brand)


def _settle(report: BrandReport, brand: dict[str, Any], night: NightlyResult, *, notify: bool) -> dict[str, Any]:
    """The brand's entry after this night: unsent detractors posted if it can, what is still unsent."""
    failed_now = notify and bool(report.webhook_url) and report.notified is False and report.new_detractors > 0
    unsent = {int(i) for i in brand.get("unsent", [])} if report.webhook_url else set()
    waiting, tonight, seen = _read(report.brand_id, night, brand.get("seen"), unsent)
    unsent = set(waiting)  # still new in triage (a handled or deleted one is not posted)
    if not report.webhook_url:
        unsent.clear()  # nowhere to post: a webhook set later starts from its own first night
    elif notify and unsent:
        posted = post_webhook(report.webhook_url, format_unsent(report.brand, list(waiting.values())))
        unsent = set() if posted else unsent
        report.notified = posted if report.notified is None else report.notified and posted
    if failed_now:  # this night's own message failed: its detractors wait for the next night
        unsent.update(tonight)
    return {"seen": seen, "unsent": sorted(unsent)}


def _read(brand_id: int, night: NightlyResult, seen: int | None,
          unsent: set[int]) -> tuple[dict[int, Detractor], list[int], int]:
    """The unsent flags still ``new`` (with those a stopped night raised after ``seen``), most severe
    first; the flags this night reported (``models.crud.flags.not_settled``); the brand's newest flag id."""
    from sqlmodel import col, func, select

    from models.crud.flags import not_settled
    from models.datetimes import as_utc
    from models.db import get_engine, session_scope
    from models.status import FlagStatus
    from models.tables import Flag, Review

    since = as_utc(night.counted_since)  # the report's window: a killed night's flags were in tonight's message
    ids: Any = select(Flag.id).where(Flag.brand_id == brand_id)  # Any: sqlmodel types an optional id's select badly
    with session_scope(get_engine(), write=False) as session:
        if seen is not None:  # raised by a night that stopped before posting them
            unsent = unsent | set(session.exec(ids.where(col(Flag.id) > seen, Flag.created_at < since)))
        query = (select(Flag, Review).join(Review, col(Review.id) == Flag.review_id)
                 .where(col(Flag.id).in_(sorted(unsent)), Flag.status == FlagStatus.new)
                 .order_by(col(Flag.severity).desc(), col(Flag.id)))
        waiting = {stored_id(flag): as_detractor(flag, review) for flag, review in session.exec(query)}
        tonight = list(session.exec(ids.where(Flag.created_at >= since, not_settled(seen, night.started_at))))
        newest = session.exec(select(func.max(Flag.id)).where(Flag.brand_id == brand_id)).one()
    return waiting, tonight, newest or 0  # 0, not None: this brand's state is known (no flag yet)
