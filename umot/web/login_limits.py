"""Login throttling for the web app: which keys an attempt counts on, and the log line.

The counting itself lives in the store (``models.crud.triage.throttle``) so
that several web processes agree; this module names the keys of one request
and logs every failure (to spot a guessing attack in the server's log).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from fastapi import Request
from sqlmodel import Session

from models.crud.triage import (
    ACCOUNT_POLICY,
    ADDRESS_POLICY,
    ThrottlePolicy,
    clear_failures,
    lock_remaining,
    normalize_email,
    record_failure,
    take_turns,
)

log = logging.getLogger("umot.web.login")


def client_address(request: Request) -> str:
    """The client's IP (uvicorn reads X-Forwarded-For only from a trusted proxy)."""
    return request.client.host if request.client else "unknown"


def throttle_keys(request: Request, email: str) -> dict[str, ThrottlePolicy]:
    """The account and address this attempt counts on, with the policy of each."""
    return {
        f"account:{normalize_email(email)[:380]}": ACCOUNT_POLICY,
        f"address:{client_address(request)}": ADDRESS_POLICY,
    }


def now() -> datetime:
    return datetime.now(UTC)


def take_turn(db: Session, request: Request, email: str) -> bool:
    """Wait for this account's and address's turn (False: another attempt on them is still being checked).

    Parallel attempts on one account or address take turns (``take_turns``) until the one before has been
    counted (``count_failure``) or let in (``count_success``), which end its transaction: a burst of
    guesses is checked one at a time, as the throttle's count allows. One still waiting after two
    seconds is refused as busy, so a burst cannot keep the app's threads and connections waiting."""
    if take_turns(db, list(throttle_keys(request, email))):
        return True
    log.warning("login refused while another attempt is checked: account %r from %s",
                normalize_email(email), client_address(request))
    return False


def locked_for(db: Session, request: Request, email: str) -> int:
    """Seconds before this account or address may try again (0: go ahead). Take the turn first."""
    wait = lock_remaining(db, list(throttle_keys(request, email)), now())
    if wait:
        log.warning("login refused while locked: account %r from %s (%d s left)",
                    normalize_email(email), client_address(request), wait)
    return wait


def count_failure(db: Session, request: Request, email: str, reason: str) -> int:
    """Record and log one failed login; the lock it starts, in seconds (0: none yet)."""
    wait = record_failure(db, throttle_keys(request, email), now())
    db.commit()
    log.warning("failed login (%s): account %r from %s%s", reason, normalize_email(email),
                client_address(request), f"; locked for {wait} s" if wait else "")
    return wait


def count_success(db: Session, email: str) -> None:
    """A good login forgets the account's failures (the address's keep counting down)."""
    clear_failures(db, f"account:{normalize_email(email)[:380]}", now())
