"""Star-rated review files: gzip'd CSV read, every row's stars checked with its row number."""

import gzip

import pytest

from nlp.data import DataError
from nlp.rated_reviews import read_labelled


def test_labelled_gzip_csv_and_bad_stars(tmp_path):
    path = tmp_path / "train.csv.gz"
    with gzip.open(path, "wt") as f:
        f.write("text,stars\ngood,5\nbad,1\n")
    assert read_labelled(path) == (["good", "bad"], [5, 1])
    bad = tmp_path / "bad.csv"
    bad.write_text("text,stars\ngood,five\n")
    with pytest.raises(DataError, match="row 2: stars 'five'"):
        read_labelled(bad)


def test_jsonl_rows_count_from_one_and_half_stars_round(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "fine", "stars": 3.6}\n{"text": "ok", "stars": "2"}\n{"text": "x", "stars": 6}\n')
    with pytest.raises(DataError, match="row 3: stars 6 is not within 1-5"):
        read_labelled(path)
    path.write_text('{"text": "fine", "stars": 3.6}\n{"text": "ok", "stars": "2"}\n')
    assert read_labelled(path) == (["fine", "ok"], [4, 2])


def test_a_row_without_text_is_named(tmp_path):
    """A blank or null text scored as no stars, and the evaluation's figures crashed on it after training."""
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "fine", "stars": 3.6}\n{"text": null, "stars": "2"}\n')
    with pytest.raises(DataError, match="row 2: text is blank"):
        read_labelled(path)


def test_missing_column_is_named(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("review,stars\nok,5\n")
    with pytest.raises(DataError, match="no 'text' column"):
        read_labelled(path)
