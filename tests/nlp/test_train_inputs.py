"""`umot train`'s inputs as the docs describe them: per-file options by path, the evaluation files found beside
the first --data, a --card folder not left behind, and a step that overflows refused in one line."""

import gzip
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app


class Ran(Exception):
    """Raised by the stubbed run: the command got as far as training."""


@pytest.fixture
def run_args(monkeypatch):
    """Stub the training run; its keyword arguments are kept here."""
    import nlp.training_run

    seen: dict = {}

    def stub(splits, out, **kwargs):
        seen.update(kwargs, splits=splits)
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", stub)
    return seen


@pytest.mark.parametrize("option,value", [("--rows", "20"), ("--scheme", "stars"), ("--holdout", "0.2")])
def test_a_per_file_option_names_its_file_by_any_path(tmp_path, monkeypatch, option, value):
    """`--data good.csv --rows ./good.csv=30` was refused: "./good.csv is not one of the --data files"."""
    from umot.cli._training_data import per_file_values

    monkeypatch.chdir(tmp_path)
    files = [Path("good.csv"), tmp_path / "sub" / "other.csv"]
    for key in ("./good.csv", str(tmp_path / "good.csv"), "good.csv", "sub/../good.csv"):
        assert per_file_values([f"{key}={value}"], option, str, files) == (None, {"good.csv": value})
    assert per_file_values([f"sub/other.csv={value}"], option, str, files) == (None, {"other.csv": value})


def test_a_per_file_option_for_another_file_is_still_refused(tmp_path, monkeypatch, rated_csv, cli_refusal):
    monkeypatch.chdir(tmp_path)
    line = cli_refusal(["train", "--data", rated_csv.name, "--rows", "./nope.csv=20", "--out", "m"])
    assert line == "error: --rows './nope.csv=20': ./nope.csv is not one of the --data files"


def test_rows_by_path_reaches_the_run(tmp_path, monkeypatch, rated_csv, run_args):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["train", "--data", rated_csv.name, "--rows", f"./{rated_csv.name}=22",
                                      "--out", "m"])
    assert isinstance(result.exception, Ran), result.output
    assert [len(s.train) for s in run_args["splits"]] == [22]  # 30 rows, 3 held out, 22 of the other 27


@pytest.mark.parametrize("name,content", [
    ("sst2_dev.csv", "text,label\nfine,pos\nbad,neg\n"),
    ("tweets_semeval2017_test.csv.gz", "text,label\nyay,positive\nmeh,neutral\nugh,negative\n"),
])
def test_any_evaluation_file_beside_the_first_data_file_is_used(tmp_path, rated_csv, run_args, name, content):
    """Only marc_en_dev.csv.gz was looked for: with SST-2 or the tweets beside the data, nothing was evaluated."""
    (tmp_path / name).write_bytes(gzip.compress(content.encode()) if name.endswith(".gz") else content.encode())
    result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m")])
    assert isinstance(result.exception, Ran), result.output
    assert run_args["eval_dir"] == rated_csv.parent


def test_a_failed_run_leaves_no_card_folders(tmp_path, rated_csv, monkeypatch):
    """The --card check made its folders and left them behind when the run then failed."""
    import nlp.training_run
    from nlp.training_run import TrainingError

    def fails(*args, **kwargs):
        raise TrainingError("training diverged (weights not finite)")

    monkeypatch.setattr(nlp.training_run, "run", fails)
    card = tmp_path / "new" / "deeper" / "CARD.md"
    result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"),
                                      "--card", str(card)])
    assert result.exit_code == 2 and "training diverged" in result.output
    assert not (tmp_path / "new").exists()


def test_check_writable_removes_only_what_it_made(tmp_path):
    from umot.cli._errors import check_writable

    (tmp_path / "kept").mkdir()
    check_writable(tmp_path / "kept" / "a" / "b" / "out.csv", "-o")
    assert [p.name for p in tmp_path.iterdir()] == ["kept"] and not any((tmp_path / "kept").iterdir())


@pytest.mark.slow
def test_a_learning_rate_that_overflows_is_one_line(tmp_path, rated_csv, cli_refusal):
    """`--set lr=1e38` ended in a traceback: "value cannot be converted to type float without overflow"."""
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--epochs", "1",
                        "--max-length", "16", "--batch-size", "16", "--set", "lr=1e38"])
    assert line.startswith("error: training diverged (a step overflowed float32) at lr 1e+38")
    assert not (tmp_path / "m").exists()
