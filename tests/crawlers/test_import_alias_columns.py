"""Two columns of one field in an import file: a CSV and a JSONL file read them alike. A column named
twice is refused in both (a JSONL object naming ``rating`` twice kept the LAST silently, where a CSV
header doing so was refused); of two aliases of one field the first non-empty one in the row's column
order is read, in both (a date and its time of day, a text and its title: refusing them refused every such
export), except two ratings, which must be within half a star of each other on 1-5: an upvote ``score``
beside a ``rating`` is refused naming both columns (read, it stored false 1-2 star detractors)."""

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
def test_the_first_of_two_aliases_is_read(tmp_path: Path, name: str, content: str) -> None:
    """A date and a time of day: the first non-empty one (not refused as a conflict); one rating twice."""
    [row] = read_review_file(_write(tmp_path, name, content))
    assert (row["rating"], row["published_at"][:10]) == (4.0, "2024-03-05")


@pytest.mark.parametrize(("name", "content", "field", "value"), [
    ("t.csv", "text,review\nThe lid squeaks but it boils fast,Squeaky lid\n", "text", "The lid squeaks but it boils fast"),
    ("h.csv", "text,content\nGood kettle,<p>Good kettle</p>\n", "text", "Good kettle"),
    ("n.csv", "author,text,name\nAnn,fine,Blendomatic 3000\n", "author", "Ann"),
    ("i.csv", "id,review_id,text\n1,R1XYZ,fine\n", "external_id", "1"),
    ("u.csv", "url,link,text\nhttps://g.co/p,https://g.co/p/r/1,fine\n", "url", "https://g.co/p"),
    ("d.csv", "date,created_at,text\n2024-03-20,2024-03-06T10:00:00Z,fine\n", "published_at", "2024-03-20T12:00:00"),
    ("g.jsonl", '{"name": "accounts/1/locations/2/reviews/AbC", "reviewer": {"displayName": "Ann"}, "comment": "Great"}\n',
     "author", "accounts/1/locations/2/reviews/AbC"),
])
def test_two_aliases_of_another_field_read_the_first(tmp_path: Path, name: str, content: str, field: str, value: str) -> None:
    """Exports carry such pairs with different meanings (a title, HTML, a product, an edit date): not refused."""
    [row] = read_review_file(_write(tmp_path, name, content))
    assert str(row[field])[:len(value)] == value


@pytest.mark.parametrize(("content", "scale", "rating"), [
    ("text,rating,stars\nfine,4.5,5\n", 5, 4.5),  # a rounded star count beside the rating
    ("text,rating,stars\nfine,4.5,★★★★☆\n", 5, 4.5),  # stars drawn without halves
    ("text,stars,rating\nfine,5,4.5\n", 5, 5.0),  # the first one is read
    ("text,rating,score\nfine,9,10\n", 10, 4.56),  # within half a star once on 1-5, not on the file's scale
])
def test_two_ratings_within_half_a_star_read_the_first(tmp_path: Path, content: str, scale: float, rating: float) -> None:
    [row] = read_review_file(_write(tmp_path, "r.csv", content), scale=scale)
    assert row["rating"] == pytest.approx(rating, abs=0.01)


@pytest.mark.parametrize(("name", "content", "columns"), [
    ("r.csv", "text,rating,stars\nfine,5,5\nGood stuff,5,4\n", "'rating' and 'stars' hold different ratings ('5' and '4')"),
    ("r.jsonl", '{"text": "fine", "rating": 5}\n{"text": "ok", "stars": 3}\n{"text": "Good stuff", "rating": 5, "stars": 4}\n',
     "'rating' and 'stars' hold different ratings ('5' and '4')"),
    ("s.csv", "text,rating,score\nfine,5,5\nLid squeaks,5,1\n", "'rating' and 'score' hold different ratings ('5' and '1')"),
    ("u.csv", "text,rating,score\nfine,5,5\nLid squeaks,4,12\n", "'rating' and 'score' hold different ratings ('4' and '12')"),
])
def test_two_ratings_that_disagree_are_refused(tmp_path: Path, name: str, content: str, columns: str) -> None:
    """Naming the file, the line and both columns; reading either would store a guess."""
    with pytest.raises(ImportFileError) as raised:
        read_review_file(_write(tmp_path, name, content))
    assert str(raised.value) == f"{tmp_path / name} line 3: columns {columns}; keep one of them, or rename the other"


@pytest.mark.parametrize(("name", "content"), [
    ("r.csv", "date,text,Review,stars,rating\n2024-03-05,,Fine,,4\n2024-03-05,Good,Good,3,3\n"),
    ("r.jsonl", '{"date": "2024-03-05", "text": "", "Review": "Fine", "stars": null, "rating": 4}\n'
                '{"date": "2024-03-05", "text": "Good", "Review": "Good", "stars": "3", "rating": 3}\n'),
])
def test_one_value_in_either_alias_or_in_both_is_that_value(tmp_path: Path, name: str, content: str) -> None:
    rows = read_review_file(_write(tmp_path, name, content))
    assert [(r["text"], r["rating"]) for r in rows] == [("Fine", 4.0), ("Good", 3.0)]


def test_an_unrated_first_rating_cell_lets_the_next_speak(tmp_path: Path) -> None:
    """A 0 meaning unrated in `rating` hid `stars` 4: the review was stored unrated."""

    rows = read_review_file(_write(tmp_path, "c0.csv", "text,rating,stars\nfine,0,4\nbad,0,\n"))
    assert [r.get("rating") for r in rows] == [4.0, None]
