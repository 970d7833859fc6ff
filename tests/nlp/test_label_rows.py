"""Training files: rows named by the line they start on, labels no scheme can hold refused in one line,
and the label column found and its scheme judged as the error messages promise."""

import pytest

from nlp.data import DataError, read_table
from nlp.label_schemes import detect_scheme
from nlp.sources import read_labelled_file


def write(path, text):
    path.write_text(text)
    return path


def test_csv_rows_are_numbered_by_the_line_they_start_on(tmp_path):
    """A quoted line break and a blank line before the bad row made it "row 4" (the 4th record), not line 6."""
    path = write(tmp_path / "rn.csv", 'text,stars\n"a\nb",3\n\ngood,5\nbad,9\n')
    assert read_table(path).lines == [2, 5, 6]
    with pytest.raises(DataError, match=r"rn\.csv: row 6: stars '9' is not within 1-5"):
        read_labelled_file(path)


def test_jsonl_rows_are_numbered_by_their_line_blank_lines_included(tmp_path):
    path = write(tmp_path / "rn.jsonl", '{"text":"a","stars":5}\n\n{"text":"b","stars":9}\n')
    with pytest.raises(DataError, match=r"rn\.jsonl: row 3: stars 9 is not within 1-5"):
        read_labelled_file(path)


def test_a_ragged_csv_row_is_named_by_its_first_line(tmp_path):
    path = write(tmp_path / "r.csv", 'text,stars\n"two\nlines",3,extra\n')
    with pytest.raises(DataError, match=r"r\.csv: row 2 has 3 fields"):
        read_table(path)


@pytest.mark.parametrize("value", ["inf", "1e400", "-inf", "nan"])
@pytest.mark.parametrize("scheme", ["five", "binary", "stars"])
def test_infinite_labels_are_refused_in_one_line(tmp_path, scheme, value):
    """``int(inf)`` raised OverflowError (a traceback) under the five and binary schemes."""
    path = write(tmp_path / "l.csv", f"text,label\nfine,1\nodd,{value}\n")
    with pytest.raises(DataError, match=rf"l\.csv: row 3: label '{value}' is not"):
        read_labelled_file(path, scheme)


def test_a_stated_stars_scheme_reads_a_label_column(tmp_path):
    """Detection said "state it with --scheme label15.csv=stars", which then found no label column."""
    path = write(tmp_path / "label15.csv", "text,label\na,1\nb,5\nc,3\n")
    with pytest.raises(DataError, match=r"cannot tell the label scheme .*--scheme label15\.csv=stars$"):
        read_labelled_file(path)
    assert read_labelled_file(path, "stars").labels == [0, 4, 2]
    stars = write(tmp_path / "s.csv", "text,stars\na,0\nb,1\n")  # and a label scheme reads a star column
    assert read_labelled_file(stars, "binary").labels == [0, 1]


def test_the_advice_names_only_schemes_that_fit(tmp_path):
    with pytest.raises(DataError, match=r"\(values: 7, 9\); no scheme fits them \(stars 1-5, five 0-4"):
        read_labelled_file(write(tmp_path / "w.csv", "text,label\na,7\nb,9\n"))


def test_blank_label_cells_are_not_evidence_and_then_refused_with_their_row(tmp_path):
    assert detect_scheme(tmp_path / "b.csv", "label", ["", "0", "1", None]) == "binary"
    path = write(tmp_path / "b.csv", "text,label\na,0\nb,1\nc,\n")
    with pytest.raises(DataError, match=r"b\.csv: row 4: label '' is not a number \(scheme binary\)"):
        read_labelled_file(path)


def test_a_json_array_or_object_is_not_a_text(tmp_path):
    path = write(tmp_path / "t.jsonl", '{"text":"fine","stars":5}\n{"text":["a","b"],"stars":1}\n')
    with pytest.raises(DataError, match=r"t\.jsonl: row 2: text is a JSON array, not text"):
        read_labelled_file(path)
