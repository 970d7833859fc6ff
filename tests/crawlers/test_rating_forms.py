"""A crawled rating reads the forms ``umot import`` reads: star glyphs too (one reader, crawlers.extract.ratings)."""

from __future__ import annotations

import pytest

from crawlers.extract.ratings import normalise_rating
from crawlers.import_ratings import rating_on_scale


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("★☆☆☆☆", (1.0, 1.0, 5.0)),  # the empty stars give the scale
        ("★★★☆☆", (3.0, 3.0, 5.0)),
        ("★ ★ ★ ☆ ☆", (3.0, 3.0, 5.0)),
        ("★★★", (3.0, 3.0, 5.0)),
        ("★★★★★★★★☆☆", (4.11, 8.0, 10.0)),
        ("★★★★½", (4.5, 4.5, 5.0)),
        ("★★★½☆", (3.5, 3.5, 5.0)),
        ("3½", (3.5, 3.5, 5.0)),
        ("☆☆☆☆☆", (None, 0.0, 5.0)),  # no star: not rated, as 0 is
        # forms read before, read as before
        ("4,5", (4.5, 4.5, 5.0)),
        ("4.5/5", (4.5, 4.5, 5.0)),
        ("8/10", (4.11, 8.0, 10.0)),
        ("80%", (4.2, 80.0, 100.0)),
        ("4 out of 5 stars", (4.0, 4.0, 5.0)),
        ("1 ★", (1.0, 1.0, 5.0)),
        ("4.5 stars", (4.5, 4.5, 5.0)),
        ("½", (None, None, None)),
        ("★★x", (None, None, None)),  # glyphs and text: no number in it
    ],
)
def test_crawled_rating_forms(value: str, expected: tuple) -> None:
    rating = normalise_rating(value)
    assert (rating.value, rating.raw, rating.scale) == expected


def test_a_page_scale_wins_over_the_glyphs() -> None:
    rating = normalise_rating("★★☆", best="5")
    assert (rating.value, rating.raw, rating.scale) == (2.0, 2.0, 5.0)


@pytest.mark.parametrize("cell", ["★☆☆☆☆", "★★★", "★★★☆☆", "★ ★ ★ ★"])
def test_crawl_and_import_read_the_same_glyphs(cell: str) -> None:
    assert normalise_rating(cell).raw == rating_on_scale(cell, 5)


def test_only_a_crawl_reads_half_stars() -> None:
    from crawlers.extract.ratings import star_glyphs  # the reader both share

    assert star_glyphs("★★★★½", halves=True) == (4.5, None)
    assert star_glyphs("★★★★½") is None  # umot import refuses it, as it refuses "4½"
    assert star_glyphs("★½½") is None and star_glyphs("") is None
