"""What a brand already has, as the files a crawl is handed: written once per batch of crawls, not per crawl.

``crawlers.run_store.open_run`` hands each crawl the ids stored for EVERY source of its
brand, not only its own: a page served from another host may carry a review an earlier
crawl stored under that host's label (``crawlers.known_reviews.KnownReviews.label_for``),
and which hosts a crawl reaches is known only once it runs, in a process that should
not open the store. For a brand of 50,000 reviews that file is ~0.9 MB and ~0.5 s to
build, once per source: ~10 s a night for 20 sources with nothing new.

So the crawls of one batch (``crawlers.runner.run_crawls``: one folder, one Scrapy
process) share the files of their brand. That changes nothing a crawl knows: the runner
opens every run of the batch before the crawl process starts, so no crawl of the batch
has stored anything yet when the first file is written, and a crawl of a later batch
(a retry alone, the next night) gets files of its own. Kept apart: each store (two
stores may number their brands alike) and reply window (a spider without one knows
every stored id, ``crawlers.reply_window``); page states are the brand's whatever the spider.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the crawl process imports this module (through run_store), never the store
    from sqlmodel import Session


@dataclass(frozen=True)
class SnapshotFiles:
    """Where a crawl's handed-over state lies: ids by source, those awaiting a reply, page states."""

    known: Path
    awaiting: Path
    pages: Path


def snapshot_files(
    known_file: Path, *, database_url: str, brand_id: int, since: datetime | None, shared: bool
) -> SnapshotFiles:
    """The crawl's own files beside ``known_file``, or (``shared``) its brand's in ``known_file``'s folder."""
    if not shared:
        return SnapshotFiles(known_file, known_file.with_name(f"{known_file.stem}-awaiting.json"),
                             known_file.with_name(f"{known_file.stem}-pages.json"))
    store = hashlib.sha1(database_url.encode("utf-8")).hexdigest()[:12]
    brand = f"brand-{store}-{brand_id}"
    window = "reply" if since is not None else "all"
    folder = known_file.parent
    return SnapshotFiles(folder / f"{brand}-{window}-known.json", folder / f"{brand}-{window}-awaiting.json",
                         folder / f"{brand}-pages.json")


def read_snapshot(
    session: Session, files: SnapshotFiles, *, brand_id: int, since: datetime | None, reuse: bool
) -> dict[Path, Any]:
    """What to write to ``files``: all of it, or (``reuse``) only what an earlier crawl of the batch did not write."""
    from models import crud
    from models.crud.review_lookups import awaiting_reply_ids_by_source

    missing: dict[Path, Any] = {}
    if not (reuse and files.known.exists() and files.awaiting.exists()):
        missing[files.known] = crud.known_ids_by_source(session, brand_id=brand_id, awaiting_reply_since=since)
        missing[files.awaiting] = awaiting_reply_ids_by_source(session, brand_id=brand_id, awaiting_reply_since=since)
    if not (reuse and files.pages.exists()):
        missing[files.pages] = crud.page_states(session, brand_id=brand_id)
    return missing


def write_snapshot(contents: dict[Path, Any]) -> None:
    """Write each file whole, through a temporary name: a crawl of the batch never reuses half a file."""
    for path, data in contents.items():
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, path)
