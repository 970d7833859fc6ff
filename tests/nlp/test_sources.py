"""Training files of every label scheme: detection, checks, and one-line errors naming file and row."""

import gzip
import json

import pytest

from nlp.data import DataError
from nlp.label_schemes import detect_scheme, parse_label
from nlp.sources import read_labelled_file


def write(path, text):
    path.write_text(text)
    return path


@pytest.mark.parametrize("header,rows,scheme,labels", [
    ("text,stars", ["good,5", "bad,1", "meh,2.5"], "stars", [4, 0, 2]),
    ("text,rating", ["good,4", "bad,2"], "stars", [3, 1]),
    ("text,label", ["good,positive", "bad,Negative", "news,neutral"], "three", [2, 0, 1]),
    ("text,label", ["good,1", "bad,0"], "binary", [1, 0]),
    ("text,label", ["great,4", "bad,0", "ok,2"], "five", [4, 0, 2]),
])
def test_scheme_detected_from_column_and_values(tmp_path, header, rows, scheme, labels):
    f = read_labelled_file(write(tmp_path / "d.csv", "\n".join([header, *rows]) + "\n"))
    assert (f.scheme, f.labels) == (scheme, labels)


def test_jsonl_gz_and_empty_texts_dropped(tmp_path):
    path = tmp_path / "t.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        for text, label in [("so happy", "positive"), ("", "negative"), ("awful", "negative")]:
            fh.write(json.dumps({"text": text, "label": label}) + "\n")
    f = read_labelled_file(path)
    assert f.scheme == "three" and f.texts == ["so happy", "awful"] and f.labels == [2, 0]


def test_stated_scheme_wins_and_checks_every_row(tmp_path):
    path = write(tmp_path / "sst.csv", "text,label\na,0\nb,1\nc,3\n")
    assert read_labelled_file(path, "five").labels == [0, 1, 3]
    with pytest.raises(DataError, match=r"sst\.csv: row 4: label '3' is not an integer within 0-1 \(scheme binary\)"):
        read_labelled_file(path, "binary")


def test_labels_outside_the_scheme_name_file_and_row(tmp_path):
    with pytest.raises(DataError, match=r"r\.csv: row 3: stars '9' is not within 1-5"):
        read_labelled_file(write(tmp_path / "r.csv", "text,stars\nfine,4\nodd,9\n"))
    with pytest.raises(DataError, match=r"t\.jsonl: row 2: label 'meh' is not one of negative, neutral, positive"):
        read_labelled_file(write(tmp_path / "t.jsonl", '{"text":"a","label":"positive"}\n{"text":"b","label":"meh"}\n'),
                           "three")
    with pytest.raises(DataError, match=r"row 2: stars 'five' is not a number"):
        read_labelled_file(write(tmp_path / "s.csv", "text,stars\nx,five\n"))


def test_unusable_files(tmp_path):
    with pytest.raises(DataError, match=r"n\.csv: no usable label column \(expected one of stars, rating, score, label"):
        read_labelled_file(write(tmp_path / "n.csv", "text,author\nhi,me\n"))
    with pytest.raises(DataError, match=r"e\.csv: empty file"):
        read_labelled_file(write(tmp_path / "e.csv", ""))
    with pytest.raises(DataError, match=r"h\.csv: empty file \(no rows\)"):
        read_labelled_file(write(tmp_path / "h.csv", "text,stars\n"))
    with pytest.raises(DataError, match=r"x\.txt: unknown format \(expected \.csv or \.jsonl"):
        read_labelled_file(write(tmp_path / "x.txt", "text,stars\nok,5\n"))
    with pytest.raises(DataError, match=r"w\.csv: cannot tell the label scheme of column 'label' \(values: 7, 9\)"):
        read_labelled_file(write(tmp_path / "w.csv", "text,label\na,7\nb,9\n"))
    with pytest.raises(DataError, match=r"u\.csv: unknown label scheme 'likert'"):
        read_labelled_file(write(tmp_path / "u.csv", "text,stars\na,1\n"), "likert")


def test_parse_label_and_detect():
    assert parse_label("1.5", "stars") == 1 and parse_label(" POS ", "three") == 2
    assert detect_scheme(None, "Stars", ["0"]) == "stars"
    with pytest.raises(ValueError):
        parse_label("2.5", "five")


def test_numeric_three_class_labels_are_not_taken_for_five(tmp_path):
    """0/1/2 (TweetEval's negative/neutral/positive) were read as 0-4 sentiment: positive tweets trained as 3★."""
    path = write(tmp_path / "tweeteval.csv", "text,label\nso happy today,2\nworst service ever,0\nopens monday,1\n")
    with pytest.raises(DataError, match=r"tweeteval\.csv: cannot tell the label scheme of column 'label' "
                                        r"\(values: 0, 1, 2\); state it with --scheme tweeteval\.csv=five\|three$"):
        read_labelled_file(path)
    assert read_labelled_file(path, "three").labels == [2, 0, 1]  # was refused: "'2' is not one of negative, ..."
    assert read_labelled_file(path, "five").labels == [2, 0, 1]
    assert detect_scheme(path, "label", ["0", "1", "2", "3"]) == "five"
    assert detect_scheme(path, "label", ["0", "1"]) == "binary"
    with pytest.raises(ValueError, match="is not one of negative, neutral, positive"):
        parse_label("3", "three")


def test_an_empty_jsonl_file_is_called_empty(tmp_path):
    """A 0-byte .jsonl said "no 'text' column (columns: none)"."""
    with pytest.raises(DataError, match=r"e\.jsonl: empty file \(no rows\)"):
        read_labelled_file(write(tmp_path / "e.jsonl", ""))
