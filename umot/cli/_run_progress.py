"""The rich progress lines ``umot run`` and ``umot demo`` show while the flow runs, one per
source's crawl and one per stage, fed by :mod:`flows.progress` events."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from rich.markup import escape

DOING = {"crawl": "crawling", "score": "scoring", "themes": "reading themes", "summarise": "summarising",
         "notify": "notifying"}


class ProgressDisplay:
    """Turns :mod:`flows.progress` events into rich progress lines (thread-safe).

    An event's key and message are a source's or brand's name and a crawl's error:
    text anyone can choose, so they are escaped (``[/x]`` would be rich markup).
    """

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}
        self.starting = progress.add_task("Starting the local Prefect API", total=1)
        self.last = "starting the local Prefect API"  # the last stage heard of, for a stopped run's line
        self.crawls_left = 0  # crawls started and not done: scoring runs beside them, so a stop is "while crawling"
        self.flagged = 0  # new detractors of every scoring batch so far (each event carries its batch's)
        self._count = threading.Lock()  # batches are scored in several threads

    @property
    def doing(self) -> str:
        """What a run stopped now was doing: crawling while any crawl runs, else the last stage heard of."""
        return "crawling" if self.crawls_left > 0 else self.last

    def _line(self, key: str, description: str, total: float | None = None) -> Any:
        if key not in self.tasks:
            self.tasks[key] = self.progress.add_task(description, total=total)
        return self.tasks[key]

    def __call__(self, event: Any) -> None:
        self.progress.update(self.starting, completed=1)
        self.last = DOING.get(event.stage, event.stage)
        self._show(replace(event, key=escape(event.key), message=escape(event.message)))

    def _show(self, event: Any) -> None:
        """``event`` (its texts already escaped) as its progress line."""
        if event.stage == "crawl" and event.key == "crawl":
            self.crawls_left = int(event.total or 0)
            line = self._line("crawl", f"Crawling {event.message}", total=event.total or 0)
            if not event.total:
                self.progress.update(line, total=1, completed=1)
        elif event.stage == "crawl":
            line = self._line(event.key, f"  {event.key}", total=1)
            self.progress.update(line, description=f"  {event.key}: {event.message}")
            if event.done:
                self.crawls_left = max(self.crawls_left - 1, 0)
                self.progress.update(line, completed=1)
                if "crawl" in self.tasks:
                    self.progress.advance(self.tasks["crawl"])
        elif event.stage == "score":
            line = self._line("score", "Scoring", total=None)
            message = event.message
            if event.advance:  # a batch: the run's new detractors so far, not this batch's
                with self._count:
                    self.flagged += event.flagged
                    flagged = self.flagged
                message = f"{flagged} new detractor{'' if flagged == 1 else 's'}"
            self.progress.update(line, description=f"Scoring: {message}", advance=event.advance)
        else:
            line = self._line(event.stage, event.message, total=1)
            self.progress.update(line, description=f"{event.stage.capitalize()}: {event.message}",
                                 completed=1 if event.done else 0)

    def finish(self) -> None:
        """Stop the spinners of lines whose total was unknown (scoring)."""
        for task in self.progress.tasks:
            if task.total is None:
                self.progress.update(task.id, total=max(task.completed, 1), completed=max(task.completed, 1))
