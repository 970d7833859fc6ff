"""Notify task: post a brand's new detractors to its webhook (never fails the run)."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.logging import get_run_logger

from flows import progress
from flows.notify import format_message
from flows.outcomes import BrandReport
from flows.webhook_post import post_webhook


@task(name="notify", task_run_name="notify-{report.brand}", timeout_seconds=60, cache_policy=NO_CACHE)
def notify_brand(report: BrandReport, top: int = 3) -> bool:
    """Send the brand's message; True if the webhook took it (False is logged, not raised)."""
    if not report.webhook_url or report.new_detractors == 0:
        return False
    ok = post_webhook(report.webhook_url, format_message(report, top=top))
    if not ok:
        get_run_logger().warning("could not notify %s: its webhook failed (see the log above)", report.brand)
    progress.emit("notify", report.brand, "sent" if ok else "webhook failed", done=True)
    return ok
