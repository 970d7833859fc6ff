"""The worst score of an import file's scale (``--worst``, default 1): a 0.5 on a 1-5 scale is
refused naming its row, not stored unrated, and a 0-10 survey (``--worst 0``) maps 0..10 onto 1..5
(5 of 10 was 2.78, and an NPS 0 was stored unrated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.import_columns import ImportFileError
from crawlers.import_ratings import file_rating
from crawlers.importer import read_review_file


def _file(tmp_path: Path, ratings: str) -> Path:
    file = tmp_path / "nps.csv"
    file.write_text("text,rating\n" + "".join(f"review {n},{r}\n" for n, r in enumerate(ratings.split())),
                    encoding="utf-8")
    return file


def test_a_zero_to_ten_survey_maps_onto_the_stars(tmp_path: Path) -> None:
    rows = read_review_file(_file(tmp_path, "0 5 10 7.5"), scale=10, worst=0)
    assert [(r["rating"], r["rating_raw"], r["rating_scale"]) for r in rows] == [
        (1.0, 0, 10), (3.0, 5, 10), (5.0, 10, 10), (4.0, 7.5, 10)]


def test_on_the_default_worst_zero_is_unrated_and_one_is_the_worst(tmp_path: Path) -> None:
    rows = read_review_file(_file(tmp_path, "0 1 5"), scale=10)
    assert [(r["rating"], r["rating_raw"]) for r in rows] == [(None, 0), (1.0, 1), (2.78, 5)]


@pytest.mark.parametrize(("cell", "worst", "shown"), [("0.5", 1, "0.5"), (".5", 1, "'.5' (0.5)"), ("1", 2, "1")])
def test_a_rating_below_the_worst_names_its_row(tmp_path: Path, cell: str, worst: float, shown: str) -> None:
    file = _file(tmp_path, f"4 {cell}")
    with pytest.raises(ImportFileError) as raised:
        read_review_file(file, worst=worst)
    assert str(raised.value) == (
        f"{file} line 3: rating {shown} is below {worst:g}, the scale's worst (use --worst 0 for a scale from 0)")
    assert read_review_file(file, worst=0)[1]["rating_raw"] == float(cell)  # a scale from 0 places it


@pytest.mark.parametrize("worst", [-1, 5, 7, float("nan"), float("inf")])
def test_a_worst_off_the_scale_is_refused(tmp_path: Path, worst: float) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_file(tmp_path, "4"), worst=worst)
    assert str(raised.value) == "--worst must be a finite number from 0 to below --scale (5)"


def test_an_empty_cell_is_unrated_and_a_fraction_maps_on_the_worst() -> None:
    assert file_rating("", 5) == file_rating(None, 5, 0)
    assert file_rating("8/10", 10, 0).value == 4.2 and file_rating("8/10", 10).value == 4.11
