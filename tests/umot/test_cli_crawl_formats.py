"""``umot crawl -o`` writes what the name says, and ``umot score`` and ``umot import`` read it back.

It wrote JSON lines whatever the name: ``-o c.jsonl.gz`` was not gzip'd ("Not a gzipped file" in
``umot score``), ``-o c.csv`` was JSON lines in a .csv (``umot score`` failed on field counts).
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

pytestmark = pytest.mark.slow

runner = CliRunner()
FAST = ("--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=8")


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


class _Scorer:
    """``nlp.load_scorer``'s stand-in: every text neutral (the test is about reading the file, not the model)."""

    version = "file-test@1"

    def score(self, texts: Sequence[object], ratings: Sequence[object] | None = None, **_: Any) -> list[Any]:
        from nlp.result import ReviewScore

        return [ReviewScore("neutral", 3.0, 0.1, 0.8, 0.1, 0.8, "en") for _ in texts]


@pytest.fixture(scope="module")
def brand_url() -> Iterator[tuple[str, int]]:
    from umot.demo import start_demo_site

    with start_demo_site(reviews_per_product=4, anchor=date(2025, 6, 30)) as site:
        brand = site.brand("acme-kitchen")
        yield brand.url, brand.n_reviews


@pytest.mark.parametrize("name", ["c.csv", "c.csv.gz", "c.jsonl.gz"])
def test_the_file_is_what_its_name_says_and_score_and_import_read_it(
    name: str, brand_url: tuple[str, int], tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import nlp

    url, n_reviews = brand_url
    out = tmp_path / name
    crawled = invoke("crawl", url, "-o", str(out), *FAST)
    assert crawled.exit_code == 0, crawled.output
    assert f"{n_reviews} written to {out}" in crawled.stdout
    opener = gzip.open if name.endswith(".gz") else open
    with opener(out, "rt", encoding="utf-8", newline="") as f:  # gzip.open fails on a file that is not gzip'd
        head = f.readline()
    assert head.startswith("source,url,external_id,") if ".csv" in name else head.startswith('{"source": ')

    monkeypatch.setattr(nlp, "load_scorer", lambda *args, **kwargs: _Scorer())
    scored = tmp_path / "scored.csv"
    result = invoke("score", str(out), "-o", str(scored))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(scored.open(encoding="utf-8", newline="")))
    assert len(rows) == n_reviews and all(r["text"] and r["label"] == "neutral" for r in rows)

    imported = invoke("import", str(out), "--brand", "Acme", "--create-brand", "--database-url", db_url)
    assert imported.exit_code == 0, imported.output
    assert f"imported {n_reviews} reviews from {out} into 'Acme': {n_reviews} new" in imported.stdout
