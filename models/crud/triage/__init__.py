"""Triage: the detractor queue, flag changes with audit, users, per-brand figures.

Import from here (``from models.crud.triage import query_queue``); the
submodules keep each job in a small file.
"""

from models.crud.triage.changes import CORRECTED_LABELS, DEFAULT_CORRECTED_LABEL, TriageError, update_flag
from models.crud.triage.detail import flag_events, flag_id_for_review, get_queue_row, same_author_reviews
from models.crud.triage.overview import WeekFigures, rating_summary, sentiment_split, weekly_figures
from models.crud.triage.queue import QueueRow, query_queue, queue_sources, status_counts
from models.crud.triage.queue_filter import LABELS, OPEN_STATUSES, STATUSES, QueueFilter
from models.crud.triage.throttle import (
    ACCOUNT_POLICY,
    ADDRESS_POLICY,
    ThrottlePolicy,
    clear_failures,
    lock_remaining,
    record_failure,
    take_turns,
)
from models.crud.triage.users import (
    change_user_brands,
    create_user,
    end_sessions,
    get_user_by_email,
    list_users,
    normalize_email,
    remove_user,
    set_disabled,
    set_password_hash,
    user_brands,
)

__all__ = [
    "ACCOUNT_POLICY",
    "ADDRESS_POLICY",
    "CORRECTED_LABELS",
    "DEFAULT_CORRECTED_LABEL",
    "LABELS",
    "OPEN_STATUSES",
    "STATUSES",
    "QueueFilter",
    "QueueRow",
    "ThrottlePolicy",
    "TriageError",
    "WeekFigures",
    "change_user_brands",
    "clear_failures",
    "create_user",
    "end_sessions",
    "flag_events",
    "flag_id_for_review",
    "get_queue_row",
    "get_user_by_email",
    "list_users",
    "lock_remaining",
    "normalize_email",
    "query_queue",
    "queue_sources",
    "rating_summary",
    "record_failure",
    "remove_user",
    "same_author_reviews",
    "sentiment_split",
    "set_disabled",
    "set_password_hash",
    "status_counts",
    "take_turns",
    "update_flag",
    "user_brands",
    "weekly_figures",
]
