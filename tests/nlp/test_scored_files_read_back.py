"""Files `umot score` wrote, read back by `umot score` and `umot train`.

A reviewer's ``stars`` and ``language`` are kept as ``input_stars`` / ``input_language`` in the output (the
outputs take the plain names). Scoring that file again read neither (a 1★ review was no longer a detractor),
and `umot train --data scored.csv` trained on the model's own ``label`` column (scheme three)."""

import csv

import pytest
from typer.testing import CliRunner

from core.scored_file import own_columns
from nlp.data import DataError
from nlp.sources import read_labelled_file
from umot.cli import app
from umot.cli._scored_rows import output_columns

REVIEWS = ('id,text,stars,language\n1,"Pretty good overall, the app does what it says",1,en\n'
           '2,"Das ist wirklich eine gute App und ich mag sie sehr",5,de\n')


def score(model, src, out):
    result = CliRunner().invoke(app, ["score", str(src), "-o", str(out), "--model", str(model), "--backend", "torch"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(out.open()))


@pytest.fixture
def seen(monkeypatch):
    """The ratings and languages each `umot score` run reads."""
    import nlp.review_scoring

    calls: list[dict] = []
    real = nlp.review_scoring.score_reviews

    def spy(scorer, texts, ratings=None, **kwargs):
        calls.append({"ratings": ratings, "languages": kwargs.get("languages")})
        return real(scorer, texts, ratings, **kwargs)

    monkeypatch.setattr(nlp.review_scoring, "score_reviews", spy)
    return calls


def test_scoring_a_scored_file_again_reads_the_reviewers_rating_and_language(tmp_path, tiny_checkpoint, seen):
    (tmp_path / "in.csv").write_text(REVIEWS)
    rounds = [score(tiny_checkpoint, tmp_path / "in.csv", tmp_path / "s1.csv")]
    for n in (2, 3):
        rounds.append(score(tiny_checkpoint, tmp_path / f"s{n - 1}.csv", tmp_path / f"s{n}.csv"))
    assert seen == [{"ratings": ["1", "5"], "languages": ["en", "de"]}] * 3
    assert [[(r["detractor"], r["reasons"], r["language"]) for r in rows] for rows in rounds] == [[
        ("true", "rated 1★", "en"), ("false", "language de: scored by an English model", "de")]] * 3


def test_the_models_stars_of_an_earlier_round_are_no_rating(tmp_path, tiny_checkpoint, seen):
    """A file without ratings scored twice holds the first round's stars as input_stars: still not a rating."""
    (tmp_path / "in.csv").write_text("text\nLovely\nAwful\n")
    score(tiny_checkpoint, tmp_path / "in.csv", tmp_path / "s1.csv")
    rows = score(tiny_checkpoint, tmp_path / "s1.csv", tmp_path / "s2.csv")
    score(tiny_checkpoint, tmp_path / "s2.csv", tmp_path / "s3.csv")
    assert "input_stars" in rows[0] and [call["ratings"] for call in seen] == [None] * 3


def test_own_columns_peel_every_round_of_outputs():
    once = output_columns(["id", "text", "stars", "Lang"])
    twice = output_columns(once)
    assert once[:4] == ["id", "text", "input_stars", "Lang"] and "input_input_stars" in twice
    assert own_columns(once) == {"id": "id", "text": "text", "stars": "input_stars", "Lang": "Lang"}
    assert own_columns(twice) == own_columns(output_columns(twice)) == own_columns(once)
    assert own_columns(output_columns(output_columns(["text"]))) == {"text": "text"}  # input_stars: the model's
    edited = ["text", "stars", "p_negative", "confidence", "detractor"]
    assert own_columns(edited) is None  # not the block umot score writes: another tool's columns, read as they are
    assert own_columns(["text", "label", "p_negative", "p_positive"]) is None  # soft labels: not umot score's
    assert own_columns(["text", "stars"]) is None  # not umot score's: its stars are a reviewer's


def rated(tmp_path, rows=30):
    src = tmp_path / "rated.csv"
    src.write_text("text,stars\n" + "".join(f"review {i},{1 + i % 5}\n" for i in range(rows)))
    return src


def test_train_reads_the_reviewers_stars_of_a_scored_file(tmp_path, tiny_checkpoint):
    score(tiny_checkpoint, rated(tmp_path), tmp_path / "scored.csv")
    f = read_labelled_file(tmp_path / "scored.csv")
    assert f.scheme == "stars" and f.labels == [i % 5 for i in range(30)]
    f = read_labelled_file(tmp_path / "scored.csv", "stars")
    assert f.labels == [i % 5 for i in range(30)]


def test_train_refuses_a_scored_file_with_only_the_models_labels(tmp_path, tiny_checkpoint, cli_refusal):
    (tmp_path / "in.csv").write_text("text\n" + "".join(f"review {i}\n" for i in range(30)))
    score(tiny_checkpoint, tmp_path / "in.csv", tmp_path / "scored.csv")
    with pytest.raises(DataError, match=r"scored\.csv: written by umot score: its label and stars columns are the "
                                        "model's predictions"):
        read_labelled_file(tmp_path / "scored.csv", "three")
    line = cli_refusal(["train", "--data", str(tmp_path / "scored.csv"), "--out", str(tmp_path / "m")])
    assert line.startswith(f"error: {tmp_path / 'scored.csv'}: written by umot score") and not (tmp_path / "m").exists()
