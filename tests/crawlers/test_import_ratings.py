"""A rating cell of an import file is read whole or refused (crawlers.import_ratings), never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.import_columns import ImportFileError
from crawlers.import_ratings import rating_on_scale
from crawlers.importer import read_review_file


@pytest.mark.parametrize(
    ("cell", "scale", "value"),
    [
        ("4", 5, 4), (4, 5, 4), (4.5, 5, 4.5), ("4.5", 5, 4.5), ("4,5", 5, 4.5), (" 5 ", 5, 5), ("4 stars", 5, 4),
        ("4 Sterne", 5, 4), ("4★", 5, 4), ("★★★★", 5, 4), ("★★★☆☆", 5, 3), ("Rated 4 out of 5", 5, 4),
        ("4/5", 5, 4), ("2/10", 10, 2), ("8 of 10", 10, 8), ("80%", 100, 80), ("1e1", 10, 10), (".5", 5, 0.5),
        ("0", 5, 0),
    ],
)
def test_accepted_cells(cell: object, scale: float, value: float) -> None:
    assert rating_on_scale(cell, scale) == value


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2/10", "rating '2/10' is out of 10, not 5 (use --scale 10)"),
        ("1e1", "rating '1e1' (10) is outside 0-5 (use --scale)"),
        ("★★★☆☆☆☆☆☆☆", "rating '★★★☆☆☆☆☆☆☆' is out of 10, not 5 (use --scale 10)"),
        ("12", "rating 12 is outside 0-5 (use --scale)"),
        ("4-5", "rating '4-5' is not a number"),
        ("4½", "rating '4½' is not a number"),
        ("4 (great)", "rating '4 (great)' is not a number"),
        ("inf", "rating 'inf' is not a number"),
        ("1e999", "rating '1e999' is not a number"),
        (True, "rating True is not a number"),
        ([4], "rating [4] is not a number"),
    ],
)
def test_refused_cells(cell: object, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        rating_on_scale(cell, 5)
    assert str(raised.value) == message


def test_a_refused_cell_names_the_file_and_row(tmp_path: Path) -> None:
    file = tmp_path / "frac.csv"
    file.write_text("text,rating\nfine,4\nmeh,2/10\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        read_review_file(file)
    assert str(raised.value) == f"{file} line 3: rating '2/10' is out of 10, not 5 (use --scale 10)"
    [_, meh] = read_review_file(file, scale=10)
    assert (meh["rating_raw"], meh["rating_scale"]) == (2, 10)
