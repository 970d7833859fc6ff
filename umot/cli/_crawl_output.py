"""``umot crawl -o``: what a failed crawl says about the file it was to write.

The crawl writes ``NAME.partial.SUFFIX`` and replaces ``-o`` only when it succeeds
(:mod:`crawlers.pipelines.file_output`); a failed crawl keeps that partial file when it
read some reviews. Its error line says the old file is as it was and where the reviews
read went, told from an older crawl's partial file by the time it was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _mtime(path: Path) -> int | None:
    return path.stat().st_mtime_ns if path.exists() else None


@dataclass(frozen=True)
class CrawlOutput:
    """-o as it was before the crawl: whether it existed, and when its partial file was last written."""

    path: Path
    partial: Path
    existed: bool
    partial_written: int | None

    @classmethod
    def before(cls, path: Path) -> CrawlOutput:
        from crawlers.output_file import partial_path

        partial = partial_path(path)
        return cls(path, partial, path.exists(), _mtime(partial))

    def new_partial(self) -> Path | None:
        """The partial file this (failed) crawl left with what it read; None: none, or an older crawl's."""
        written = _mtime(self.partial)
        return self.partial if written is not None and written != self.partial_written else None

    def failure(self, message: str) -> str:
        """The error line of a failed crawl: its cause, then what became of -o and the reviews it read."""
        kept = f"{self.path} left as it was" if self.existed else f"{self.path} not written"
        partial = self.new_partial()
        return f"{message} ({kept}{f'; the reviews read before the failure are in {partial}' if partial else ''})"
