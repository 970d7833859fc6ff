"""Evaluation files: read and checked before training (one line per bad row), half stars read as in training."""

import gzip

import pytest

from nlp.data import DataError
from nlp.eval_files import read_eval_sets
from nlp.rated_reviews import read_labelled


def test_half_stars_round_up_as_training_reads_them(tmp_path):
    """``round(2.5)`` is 2 (to even): evaluation and training disagreed on half stars."""
    path = tmp_path / "r.csv"
    path.write_text("text,stars\na,2.5\nb,1.5\nc,4.49\n")
    assert read_labelled(path)[1] == [3, 2, 4]


def test_rated_rows_are_numbered_by_the_line_they_start_on(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('text,stars\n"a\nb",3\n\nbad,9\n')
    with pytest.raises(DataError, match=r"r\.csv: row 5: stars '9' is not within 1-5"):
        read_labelled(path)


def test_every_file_present_is_checked(tmp_path):
    with gzip.open(tmp_path / "marc_en_dev.csv.gz", "wt") as f:
        f.write("text,stars\nfoo,5\nbar,7\n")
    with pytest.raises(DataError, match=r"marc_en_dev\.csv\.gz: row 3: stars '7' is not within 1-5"):
        read_eval_sets(tmp_path)
    (tmp_path / "marc_en_dev.csv.gz").unlink()
    (tmp_path / "sst2_dev.csv").write_text("sentence,label\nfine,pos\n")
    with pytest.raises(DataError, match=r"sst2_dev\.csv: no 'text' column"):  # was KeyError 'text' mid-run
        read_eval_sets(tmp_path)
    (tmp_path / "sst2_dev.csv").write_text("text,label\nfine,pos\nmeh,2\n")
    with pytest.raises(DataError, match=r"sst2_dev\.csv: row 3: label '2' is not one of pos, neg, 1, 0"):
        read_eval_sets(tmp_path)
    (tmp_path / "sst2_dev.csv").write_text("text,label\nfine,pos\nbad,0\n")
    assert read_eval_sets(tmp_path).sst2 == (["fine", "bad"], [True, False])


def test_a_folder_missing_or_without_eval_files_is_an_error(tmp_path):
    with pytest.raises(DataError, match="no such folder"):
        read_eval_sets(tmp_path / "nope")
    with pytest.raises(DataError, match=r"none of marc_en_dev\.csv\.gz"):
        read_eval_sets(tmp_path)
