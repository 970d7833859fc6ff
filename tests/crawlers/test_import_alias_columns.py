"""Two columns of one field in an import file: a CSV and a JSONL file read them alike. A column named
twice is refused in both (a JSONL object naming ``rating`` twice kept the LAST silently, where a CSV
header doing so was refused); two aliases (``rating`` and ``stars``) must agree, in both: a row whose
two cells differ is refused naming both columns (the first one was read, the other dropped unseen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.import_columns import ImportFileError
from crawlers.importer import read_review_file


def _write(tmp_path: Path, name: str, content: str) -> Path:
    file = tmp_path / name
    file.write_text(content, encoding="utf-8")
    return file


@pytest.mark.parametrize(("name", "content", "message"), [
    ("twice.jsonl", '{"text": "ok", "rating": 4, "rating": 2}\n', "line 1: column 'rating' appears twice"),
    ("case.jsonl", '{"text": "ok"}\n{"text": "ok", "Rating": 4, "rating": 2}\n',
     "line 2: column 'rating' appears twice (as 'Rating' and 'rating')"),
    ("case.csv", "text,Rating,rating\nok,4,2\n", "line 1: column 'rating' appears twice (as 'Rating' and 'rating')"),
])
def test_a_column_named_twice_is_refused_in_csv_and_jsonl(tmp_path: Path, name: str, content: str, message: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, name, content))
    assert str(raised.value) == f"{tmp_path / name} {message}"


def test_a_nested_object_may_repeat_a_key(tmp_path: Path) -> None:
    """Kept in extra as json reads it: only the row's own columns are matched by name."""
    [row] = read_review_file(_write(tmp_path, "n.jsonl", '{"text": "ok", "meta": {"k": 1, "K": 2}}\n'))
    assert row["extra"] == {"meta": {"k": 1, "K": 2}}


@pytest.mark.parametrize(("name", "content"), [
    ("r.csv", "date,time,text,rating,stars\n2024-03-05,10:00,fine,4,4.0\n"),
    ("r.jsonl", '{"date": "2024-03-05", "time": "10:00", "text": "fine", "rating": 4, "stars": "4 stars"}\n'),
])
def test_a_time_of_day_beside_a_date_and_one_rating_twice_are_read(tmp_path: Path, name: str, content: str) -> None:
    """A time of day is no second date; ``4``, ``4.0`` and ``4 stars`` are one rating."""
    [row] = read_review_file(_write(tmp_path, name, content))
    assert (row["rating"], row["published_at"][:10]) == (4.0, "2024-03-05")


@pytest.mark.parametrize(("name", "content", "columns"), [
    ("r.csv", "text,rating,stars\nfine,5,5\nGood stuff,5,4\n", "'rating' and 'stars' hold different values ('5' and '4')"),
    ("r.jsonl", '{"text": "fine", "rating": 5}\n{"text": "ok", "stars": 3}\n{"text": "Good stuff", "rating": 5, "stars": 4}\n',
     "'rating' and 'stars' hold different values ('5' and '4')"),
    ("u.csv", "text,rating,score\nfine,5,5\nLid squeaks,4,12\n", "'rating' and 'score' hold different values ('4' and '12')"),
    ("n.csv", "author,text,name\nAnn,fine,Ann\nBob,Lid squeaks,Blendomatic 3000\n",
     "'author' and 'name' hold different values ('Bob' and 'Blendomatic 3000')"),
    ("d.csv", "date,created_at,text\n2024-03-05,2024-03-05T10:00:00Z,fine\n2024-03-05,2024-04-05,Late\n",
     "'date' and 'created_at' hold different values ('2024-03-05' and '2024-04-05')"),
])
def test_two_aliases_that_disagree_are_refused(tmp_path: Path, name: str, content: str, columns: str) -> None:
    """Naming the file, the line and both columns; reading either would store a guess."""
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, name, content))
    assert str(raised.value) == f"{tmp_path / name} line 3: columns {columns}; keep one of them, or make them agree"


@pytest.mark.parametrize(("name", "content"), [
    ("r.csv", "date,text,Review,stars,rating\n2024-03-05,,Fine,,4\n2024-03-05,Good,Good,3,3\n"),
    ("r.jsonl", '{"date": "2024-03-05", "text": "", "Review": "Fine", "stars": null, "rating": 4}\n'
                '{"date": "2024-03-05", "text": "Good", "Review": "Good", "stars": "3", "rating": 3}\n'),
])
def test_one_value_in_either_alias_or_in_both_is_that_value(tmp_path: Path, name: str, content: str) -> None:
    rows = read_review_file(_write(tmp_path, name, content))
    assert [(r["text"], r["rating"]) for r in rows] == [("Fine", 4.0), ("Good", 3.0)]
