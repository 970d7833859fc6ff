"""`umot score` on CSV and JSONL files, and its one-line errors."""

import json

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def test_score_csv_passes_columns_through(tmp_path, tiny_checkpoint):
    src = tmp_path / "in.csv"
    src.write_text('id,text,rating,shop\n1,"Great, love it",5,a\n2,,1,b\n3,"<b>awful</b> 😡",,c\n')
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint)])
    assert result.exit_code == 0, result.output
    import csv

    rows = list(csv.DictReader(out.open()))
    assert [r["id"] for r in rows] == ["1", "2", "3"] and rows[0]["shop"] == "a"
    for column in ("label", "stars", "p_negative", "p_neutral", "p_positive", "detractor", "reasons"):
        assert column in rows[0]
    assert rows[1]["label"] == "" and rows[1]["detractor"] == "true"
    assert rows[1]["reasons"] == "empty text; rated 1★"
    assert rows[0]["label"] in ("negative", "positive")


def test_score_jsonl_with_custom_text_column(tmp_path, tiny_checkpoint):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"body": "works fine", "n": 1}) + "\n" + json.dumps({"body": None, "n": 2}) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--text-column", "body",
                                 "--model", str(tiny_checkpoint)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["n"] == 1 and isinstance(rows[0]["detractor"], bool) and rows[0]["label"]
    assert rows[1]["label"] is None and rows[1]["reasons"] == ["empty text"]


def test_malformed_file_one_line_error(tmp_path, tiny_checkpoint):
    src = tmp_path / "bad.csv"
    src.write_text('text\n"ok"\n"unterminated\n')
    result = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", str(tiny_checkpoint)])
    assert result.exit_code != 0
    assert "bad.csv" in result.output and "row" in result.output


def test_missing_text_column(tmp_path, tiny_checkpoint):
    src = tmp_path / "in.csv"
    src.write_text("body\nhello\n")
    result = runner.invoke(app, ["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", str(tiny_checkpoint)])
    assert result.exit_code != 0 and "no 'text' column" in result.output


def test_summary_line_counts_read_right_for_one(tmp_path, tiny_checkpoint):
    src = tmp_path / "one.csv"
    src.write_text("text,rating\nBroke in a day,1\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("scored 1 row with ") and f": 1 detractor -> {out}" in result.stdout


def test_an_output_it_cannot_write_fails_before_scoring(tmp_path, tiny_checkpoint, monkeypatch):
    import nlp

    def no_model(*args, **kwargs):
        raise AssertionError("the model loaded before the output was checked")

    monkeypatch.setattr(nlp, "load_scorer", no_model)
    src = tmp_path / "in.csv"
    src.write_text("text\nfine\n")
    (tmp_path / "taken").write_text("a file where a folder should be")
    out = tmp_path / "taken" / "out.csv"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint)])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"error: -o {out}: cannot write (")


def test_an_empty_file_is_called_empty(tmp_path, cli_refusal):
    """As `umot train` says it: an empty JSONL file has no columns either, and "no 'text' column" misled."""
    src = tmp_path / "empty.jsonl"
    src.write_text("")
    line = cli_refusal(["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", "fast"])
    assert line == f"error: {src}: empty file (no rows)"
