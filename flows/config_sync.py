"""``umot.toml`` brought into the store before a night plans its sources: sources, then competitor links.

A broken part is logged and skipped, and said in one line each (the run's config warnings):
the sources already stored still run. A stored source the file no longer lists is named, not
crawled by the night (``flows.tasks.plan``), never disabled here (``umot sources sync --prune``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.logging import get_run_logger


def sync_config() -> tuple[str, ...]:
    """Bring hand edits of ``umot.toml`` (UMOT_CONFIG) into the store before planning.

    A broken part is logged and skipped: the sources already stored still run.
    Returns what the night could not use, one line each (``flows.config_check``).
    """
    return synced_config()[0]


def synced_config() -> tuple[tuple[str, ...], dict[int, str]]:
    """:func:`sync_config`'s lines, and the stored sources the synced file does not list (id -> label)."""
    from core.settings import get_settings
    from flows.config_check import theme_problem, unknown_tables, unreadable

    path = get_settings().config_file
    if not path.is_file():
        missing = _missing_on_worker(path)
        return ((missing,) if missing else ()), {}
    problem = unreadable(path)
    if problem:
        get_run_logger().warning("%s", problem)
        return (problem,), {}
    unknown = unknown_tables(path)
    for line in unknown:
        get_run_logger().warning("%s", line)
    synced, unlisted = _sync_sources(path)
    skipped = [f"{label} is stored but not listed in {path}: not crawled (`umot sources sync --prune` disables it)"
               for label in unlisted.values()]
    for line in skipped:
        get_run_logger().warning("%s", line)
    # the sync logs its own failure; the themes task logs a theme problem when it meets it
    return tuple(p for p in (synced, theme_problem(path), *unknown, *skipped) if p), unlisted


def _missing_on_worker(path: Path) -> str | None:
    """A deployed night on a machine without the umot.toml its deployer had: said, not skipped silently.

    ``umot deploy`` pins the deployer's absolute UMOT_CONFIG; a worker lacking the file reads themes without
    its brands' [[themes]], so their reviews are re-read under another detector version, and re-read again
    by the next night on a machine that has it. A deployer without the file (its sources in the store only),
    or a night not started by a deployment, is not told.
    """
    import socket

    from flows.worker_env import deployed_with_config

    if not deployed_with_config():
        return None
    line = (f"UMOT_CONFIG names {path}, which is not on this worker ({socket.gethostname()}): the sources already "
            "stored were crawled, and themes read without its [[themes]] (a brand that has some is re-read, and "
            "again on a machine with the file); put umot.toml and <UMOT_DATA_DIR>/theme-corrections/ at the same "
            "path on every worker (docs/scaling.md)")
    get_run_logger().warning("%s", line)
    return line


def _sync_sources(path: Any) -> tuple[str | None, dict[int, str]]:
    """The file's sources, then its competitor links (a rival is a brand with sources); what failed, if any,
    and the stored sources the file does not list (none when its sources do not check)."""
    from crawlers.sources_sync import sync_sources
    from models.competitors_config import CompetitorError, sync_links
    from models.db import get_engine, session_scope
    from models.sources_config import SourcesConfigError

    try:
        with session_scope(get_engine()) as session:
            done = sync_sources(session, path)
    except SourcesConfigError as exc:
        get_run_logger().warning("%s not synced, crawling the sources already stored: %s", path, exc)
        return f"sources and competitor links not synced, the sources already stored were crawled: {exc}", {}
    if done.added or done.updated:
        get_run_logger().info("synced %s: added %s, updated %s", path, done.added, done.updated)
    for line in done.skipped:  # a source the store cannot hold (an over-long name): the others run
        get_run_logger().warning("%s", line)
    bad_links: list[str] = []  # a bad hand-edited link is skipped, the others synced
    try:
        with session_scope(get_engine()) as session:
            added = sync_links(session, path, skipped=bad_links)
    except CompetitorError as exc:  # a bad [[competitors]] table: no link can be read
        get_run_logger().warning("competitor links not synced: %s", exc)
        return f"competitor links not synced: {exc}", done.unlisted
    if added:
        get_run_logger().info("synced %s: %s new competitor links", path, added)
    for line in bad_links:
        get_run_logger().warning("%s", line)
    return "; ".join([*done.skipped, *bad_links]) or None, done.unlisted
