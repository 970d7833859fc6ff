"""-o's file: its format from its name, and a failed crawl that never empties the file an earlier one wrote.

The pipeline is driven here without a crawl (a crawl through the CLI: tests/umot/test_cli_crawl*.py).
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.items import REVIEW_FIELDS, ReviewItem
from crawlers.output_file import OutputFormatError, output_format, partial_path
from crawlers.pipelines import FileOutputPipeline
from crawlers.spiders.base import ReviewSpider


class _Spider(ReviewSpider):
    name = "file_output_test"


def _review(n: int) -> ReviewItem:
    return ReviewItem(source="schemaorg:shop.example", external_id=f"r{n}", author="Ann", rating=4.0,
                      text=f"Review {n}, with a comma", extra={"syntax": "json-ld"})


def _crawl(out: Path, reviews: int, *, reason: str = "finished", start_failures: int = 0) -> FileOutputPipeline:
    """What a crawl does to -o: open, ``reviews`` items, close with ``reason``."""
    crawler = get_crawler(_Spider, {"CRAWL_OUTPUT": str(out)})
    crawler.stats.open_spider()
    crawler.stats.set_value(keys.START_URLS, 1)
    crawler.stats.set_value(keys.START_FAILURES, start_failures)
    pipeline = FileOutputPipeline.from_crawler(crawler)
    pipeline.open_spider()
    for n in range(reviews):
        pipeline.process_item(_review(n))
    pipeline.close_spider()
    pipeline.spider_closed(_Spider(urls="http://a/"), reason)
    return pipeline


def _lines(path: Path) -> list[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return f.read().splitlines()


@pytest.mark.parametrize(
    ("name", "kind", "gz", "partial"),
    [("a.jsonl", "jsonl", False, "a.partial.jsonl"),
     ("a.b.csv", "csv", False, "a.b.partial.csv"), ("A.CSV.GZ", "csv", True, "A.partial.CSV.GZ"),
     ("a.jsonl.gz", "jsonl", True, "a.partial.jsonl.gz")],
)
def test_the_name_says_the_format(name: str, kind: str, gz: bool, partial: str) -> None:
    fmt = output_format(Path(name))
    assert (fmt.kind, fmt.gzip) == (kind, gz)
    assert partial_path(Path("out") / name) == Path("out") / partial


@pytest.mark.parametrize("name", ["a.txt", "a.json", "a.jl", "a.gz", "a.tsv.gz", "jsonl", ".jsonl"])
def test_any_other_name_is_refused_naming_the_supported_ones(name: str) -> None:
    with pytest.raises(OutputFormatError, match=r"cannot tell what to write from the name \(use \.jsonl or \.csv"):
        output_format(Path(name))


def test_a_crawl_that_succeeds_replaces_the_file(tmp_path: Path) -> None:
    out = tmp_path / "keep.jsonl"
    out.write_text('{"old": 1}\n')
    _crawl(out, 3)
    assert [json.loads(line)["external_id"] for line in _lines(out)] == ["r0", "r1", "r2"]
    assert not partial_path(out).exists()


def test_a_crawl_that_fails_leaves_the_file_and_keeps_what_it_read_beside_it(tmp_path: Path) -> None:
    """It emptied the file: the old crawl's lines were gone before the new crawl fetched anything."""
    out = tmp_path / "keep.jsonl"
    out.write_text('{"old": 1}\n{"old": 2}\n')
    _crawl(out, 2, reason="shutdown")  # read two reviews, then stopped
    assert out.read_text() == '{"old": 1}\n{"old": 2}\n'
    assert [json.loads(line)["external_id"] for line in _lines(partial_path(out))] == ["r0", "r1"]


def test_a_crawl_that_fails_reading_nothing_leaves_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "keep.csv.gz"
    _crawl(out, 0, start_failures=1)  # the site was down
    assert not out.exists() and not partial_path(out).exists()


def test_csv_and_gzip_follow_the_name(tmp_path: Path) -> None:
    out = tmp_path / "c.csv.gz"
    _crawl(out, 2)
    assert out.read_bytes()[:2] == b"\x1f\x8b"  # gzip'd
    with gzip.open(out, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(REVIEW_FIELDS)
    assert rows[1]["text"] == "Review 1, with a comma" and rows[1]["rating"] == "4.0" and rows[1]["title"] == ""
    assert json.loads(rows[0]["extra"]) == {"syntax": "json-ld"}


def test_an_unknown_suffix_stops_the_crawl_before_it_opens(tmp_path: Path) -> None:
    with pytest.raises(OutputFormatError):
        FileOutputPipeline.from_crawler(get_crawler(_Spider, {"CRAWL_OUTPUT": str(tmp_path / "x.txt")}))
    assert not list(tmp_path.iterdir())
