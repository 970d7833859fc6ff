"""Fixtures shared by the CLI tests here: a CSV to import, and a site a crawl waits on for as long as a test wants."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.umot.umot_run import HangingSite


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    """A CSV of one review (``id,text``): what the name tests import under the brand they check."""
    file = tmp_path / "ok.csv"
    file.write_text("id,text\n1,Great stuff\n", encoding="utf-8")
    return file


@pytest.fixture
def hanging_site() -> Iterator[HangingSite]:
    """A site that answers nothing until the test ends, served on a free port of 127.0.0.1."""
    site = HangingSite()
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield site
    site.release.set()
    site.shutdown()
    site.server_close()
