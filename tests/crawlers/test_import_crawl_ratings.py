"""A ``umot crawl -o`` file imports with the rating the crawl read: ``6`` of ``10`` stays raw 6 on
scale 10 (it was read again as a "rating" of 3.22 on the default 5, and ``rating_raw`` and
``rating_scale`` landed in ``extra``), as a crawl straight into the store keeps it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crawlers.extract.ratings import normalise_rating
from crawlers.import_columns import ImportFileError
from crawlers.importer import read_review_file
from crawlers.items import item_to_row
from crawlers.output_file import ReviewWriter, output_format

BASE = {"source": "schemaorg:shop.example", "url": "https://shop.example/p/1", "author": "Ana", "title": None,
        "published_at": "2024-03-05T12:00:00+00:00", "language": "en", "extra": {"verified": True},
        "reply_text": None, "reply_author": None, "replied_at": None}


def _crawled(external_id: str, value: object, best: object = None, worst: object = None) -> dict[str, Any]:
    rating = normalise_rating(value, best, worst)  # what the crawl's parsers store
    return {**BASE, "external_id": external_id, "text": f"Review {external_id}",
            "rating": rating.value, "rating_raw": rating.raw, "rating_scale": rating.scale}


CRAWLED = [_crawled("ten", 6, 10), _crawled("hundred", 60, 100, 0), _crawled("zero", 0, 5), _crawled("far", 150),
           _crawled("none", None)]


@pytest.mark.parametrize("name", ["crawl.csv", "crawl.jsonl", "crawl.csv.gz"])
def test_a_crawl_file_keeps_the_crawls_rating(tmp_path: Path, name: str) -> None:
    writer = ReviewWriter(tmp_path / name, output_format(tmp_path / name))
    for row in CRAWLED:
        writer.write(item_to_row(row))
    writer.close()
    rows = {r["external_id"]: r for r in read_review_file(tmp_path / name, scale=5)}
    for crawled in CRAWLED:
        row = rows[crawled["external_id"]]
        stored = (row["rating"], row["rating_raw"], row["rating_scale"])
        assert stored == (crawled["rating"], crawled["rating_raw"], crawled["rating_scale"]), crawled["external_id"]
        assert row["extra"] == {"verified": True}  # not rating_raw / rating_scale as text
    assert (rows["ten"]["rating"], rows["ten"]["rating_raw"], rows["ten"]["rating_scale"]) == (3.22, 6, 10)


def test_columns_of_another_tool_named_so_are_read_as_before(tmp_path: Path) -> None:
    """A rating with a rating_raw but no rating_scale is no crawl's: the rating is read on --scale."""
    file = tmp_path / "own.csv"
    file.write_text("text,rating,rating_raw\nfine,4,eight\n", encoding="utf-8")
    [row] = read_review_file(file)
    assert (row["rating"], row["rating_raw"], row["rating_scale"], row["extra"]) == (4.0, 4.0, 5.0, {"rating_raw": "eight"})


@pytest.mark.parametrize(("cells", "message"), [
    ("7,14,10", "rating 7 is outside 1-5 (beside rating_raw, it is the crawl's 1-5 rating)"),
    ("3.2,six,10", "rating_raw 'six' is not a number"),
    ("3.2,6,ten", "rating_scale 'ten' is not a number"),
    ("3.2,6,0", "rating_scale 0 is not above 0"),
])
def test_a_crawl_rating_that_is_no_number_names_its_row(tmp_path: Path, cells: str, message: str) -> None:
    file = tmp_path / "crawl.csv"
    file.write_text(f"text,rating,rating_raw,rating_scale\nfine,{cells}\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        read_review_file(file)
    assert str(raised.value) == f"{file} line 2: {message}"
