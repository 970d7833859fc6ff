"""Crawls in ONE Scrapy process: ``python -m crawlers.batch JOBS.json``.

Starting a Scrapy process costs most of a second of CPU (Python, Twisted,
Scrapy, the spider), more than a crawl that finds nothing new.
``crawlers.runner.run_crawls`` writes the jobs to a JSON file and starts this
module once: each job becomes its own crawler
(its own settings, spider arguments, StorePipeline, CrawlRun and stats file)
on the one reactor, so a job that fails does not stop the others. It is still
a subprocess, never the caller's process: Twisted's reactor cannot restart.

JOBS.json: ``[{"spider": NAME, "args": {NAME: VALUE}, "settings": {NAME: "VALUE"}}]``,
settings rendered as on the ``scrapy crawl -s`` command line.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from models.status import CrawlStatus

logger = logging.getLogger(__name__)


def crawl_jobs(jobs: list[dict[str, Any]]) -> int:
    """Run every job on one reactor; 0 once all have finished (each job's outcome is in its stats file)."""
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawlers.output_file import OutputFormatError, output_format

    base = get_project_settings()
    process = CrawlerProcess(base)
    reactor_ready = False  # the first crawler installs the reactor (as CrawlerProcess.create_crawler does)
    for job in jobs:
        settings = base.copy()
        settings.setdict(dict(job.get("settings") or {}), priority="cmdline")
        try:
            if settings.get("CRAWL_OUTPUT"):  # a name that says no format: this job fails now, in one line
                output_format(settings.get("CRAWL_OUTPUT"))
            spidercls = process.spider_loader.load(job["spider"])
            process.crawl(Crawler(spidercls, settings, init_reactor=not reactor_ready), **dict(job.get("args") or {}))
            reactor_ready = True
        except OutputFormatError as exc:
            _report_failed_start(settings.get("CRAWL_STATS_FILE"), str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad job (unknown spider, bad setting) must not stop the rest
            logger.exception("could not start the crawl %s", job.get("spider"))
            _report_failed_start(settings.get("CRAWL_STATS_FILE"), f"could not start the crawl: {type(exc).__name__}: {exc}")
    process.start()
    return 0


def _report_failed_start(stats_file: str | None, message: str) -> None:
    """What the runner reads for a job that never started (its crawler never wrote counts)."""
    if stats_file:
        Path(stats_file).write_text(json.dumps({"ok": False, "status": CrawlStatus.failed, "error_message": message}))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m crawlers.batch JOBS.json", file=sys.stderr)
        return 2
    jobs = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    return crawl_jobs(jobs) if jobs else 0


if __name__ == "__main__":
    sys.exit(main())
