"""The columns `umot score` reads: a rating column found as `umot import` finds it (``stars``, ``Rating``: a
1-2 star review scored as no detractor, exit 0), a named column the file lacks refused in one line, and a
CSV's blank header cells each keeping their own data (the last one's was written into both)."""

import json

import pytest
from typer.testing import CliRunner

from crawlers.import_columns import ALIASES
from umot.cli import app

runner = CliRunner()


def score(tmp_path, model, content, name="in.csv", out="out.csv", *extra):
    src = tmp_path / name
    src.write_text(content)
    result = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / out), "--model", str(model),
                                 "--backend", "torch", *extra])
    assert result.exit_code == 0, result.output
    return result, (tmp_path / out).read_text()


@pytest.mark.parametrize("column", ["stars", "Rating", " STARS ", "ratingValue"])
def test_a_rating_column_of_any_known_name_makes_1_2_stars_detractors(tmp_path, tiny_checkpoint, column):
    content = f'text,{column}\n"Terrible, never again",1\nNot good,2\nLovely,5\n'
    result, _ = score(tmp_path, tiny_checkpoint, content, "in.csv", "out.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["detractor"] for r in rows] == [True, True, False]
    assert [r["reasons"][0] for r in rows[:2]] == ["rated 1★", "rated 2★"]
    assert "2 detractors" in result.stdout


def test_ratings_and_titles_are_read_from_their_names(tmp_path, tiny_checkpoint, monkeypatch):
    """The first column (file order) with a rating's or title's name: a JSONL file's `RATING` and `Headline`;
    never `score` (Reddit's upvotes) or `subject` (a ticket's), nor umot score's own `stars` (its prediction:
    rescoring an output read it as a rating)."""
    import nlp.review_scoring

    seen = {}
    real = nlp.review_scoring.score_reviews

    def spy(scorer, texts, ratings=None, **kwargs):
        seen.update(ratings=ratings, titles=kwargs.get("titles"))
        return real(scorer, texts, ratings, **kwargs)

    monkeypatch.setattr(nlp.review_scoring, "score_reviews", spy)
    row = {"text": "ok", "subject": "other", "score": 57, "Headline": "Avoid", "RATING": 1, "rating": 5}
    score(tmp_path, tiny_checkpoint, json.dumps(row) + "\n", "in.jsonl", "out.jsonl")
    assert seen == {"ratings": [1], "titles": ["Avoid"]}
    scored = json.loads((tmp_path / "out.jsonl").read_text())  # umot score's output, scored again
    scored["stars"] = 1.2
    from core.scored_file import SCORE_COLUMNS

    again = {"text": scored["text"], **{k: scored[k] for k in SCORE_COLUMNS}}  # scored, no rating of its own
    score(tmp_path, tiny_checkpoint, json.dumps(again) + "\n",
          "again.jsonl", "again_out.jsonl")
    assert seen == {"ratings": None, "titles": None}
    score(tmp_path, tiny_checkpoint, json.dumps(row) + "\n", "in.jsonl", "out.jsonl",
          "--rating-column", "rating", "--title-column", "subject")
    assert seen == {"ratings": [5], "titles": ["other"]}
    score(tmp_path, tiny_checkpoint, "text,notes\nok,1\n")
    assert seen == {"ratings": None, "titles": None}  # none of those names: no rating, no title


@pytest.mark.parametrize("option,name", [("--rating-column", "ratng"), ("--title-column", "Title"),
                                         ("--text-column", "body"), ("--rating-column", "rating"),
                                         ("--language-column", "lang")])
def test_a_named_column_the_file_lacks_is_one_line_and_no_output(tmp_path, tiny_checkpoint, cli_refusal,
                                                                  option, name):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("text,Rating\nTerrible,1\n")
    line = cli_refusal(["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint), option, name])
    assert line.startswith(f"error: {src}: no {name!r} column (columns: text, Rating)")
    assert not out.exists()


def test_the_help_names_every_name_it_finds():
    from umot.cli._score_columns import FOUND, LANGUAGE_HELP, RATING_HELP, TITLE_HELP

    assert all(name in RATING_HELP for name in FOUND["rating"])
    assert all(name in TITLE_HELP for name in FOUND["title"])
    assert all(name in LANGUAGE_HELP for name in FOUND["language"])
    result = runner.invoke(app, ["score", "--help"], env={"COLUMNS": "200"})
    assert all(f"--{field}-column" in result.output for field in ("text", "rating", "title", "language"))
    assert set(FOUND["rating"]) <= set(ALIASES["rating"]) and set(FOUND["title"]) <= set(ALIASES["title"])


def test_blank_header_cells_keep_their_data_in_the_output(tmp_path, tiny_checkpoint):
    _, out = score(tmp_path, tiny_checkpoint, 'text,,,rating\n"Great stuff",note-a,note-b,5\n')
    header, row = out.splitlines()
    assert header.startswith("text,,,rating,label,") and row.startswith("Great stuff,note-a,note-b,5,")
    score(tmp_path, tiny_checkpoint, 'text,,,rating\n"Great stuff",note-a,note-b,5\n', "in.csv", "out.jsonl")
    [scored] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert (scored["column_2"], scored["column_3"], scored["rating"]) == ("note-a", "note-b", "5")
