"""`umot train` refuses what it cannot use before it trains: one line, exit 2, no folder made.

Each case used to train (an untrained or NaN model saved, a traceback after training, a folder left behind)."""

import gzip

import pytest


@pytest.fixture
def no_training(monkeypatch):
    import nlp.training_run

    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: pytest.fail("trained before the check"))


@pytest.mark.parametrize("args,message", [
    (["--epochs", "0"], "--epochs 0.0: must be above 0"),
    (["--epochs", "-1"], "--epochs -1.0: must be above 0"),
    (["--epochs", "inf"], "--epochs inf: not a finite number"),
    (["--batch-size", "0"], "--batch-size 0: must be at least 1"),
    (["--max-length", "0"], "--max-length 0: must be within 3-512"),
    (["--limit", "-50"], "--limit -50: must be at least 1"),
    (["--set", "holdout=1.5"], "--set 'holdout=1.5': the held-out share must be within 0-1"),
    (["--set", "freeze_embeddings=maybe"], "--set 'freeze_embeddings=maybe': 'maybe' is not a bool"),
    (["--set", "lr=nan"], "--set 'lr=nan': 'nan' is not a finite number"),
    (["--set", "lr=0"], "--set 'lr=0': must be above 0"),
    (["--set", "warmup=-0.1"], "--set 'warmup=-0.1': must be within 0-1"),
    (["--set", "threads=-2"], "--set 'threads=-2': must be 0 or more"),
    (["--fast-out", "f", "--fast-epochs", "inf"], "--fast-epochs inf: must be above 0 (and finite)"),
])
def test_settings_out_of_range_are_one_line(tmp_path, rated_csv, cli_refusal, no_training, args, message):
    assert message in cli_refusal(["train", "--data", str(rated_csv), *args, "--out", str(tmp_path / "m")])
    assert not (tmp_path / "m").exists()


def test_booleans_are_read_strictly():
    from umot.cli._train_settings import config_from

    assert config_from(["freeze_embeddings=no"]).freeze_embeddings is False
    assert config_from(["freeze_embeddings=Yes"]).freeze_embeddings is True


@pytest.mark.parametrize("name,content,message", [
    ("marc_en_dev.csv.gz", "text,stars\nfoo,5\nbar,7\n", "marc_en_dev.csv.gz: row 3: stars '7' is not within 1-5"),
    ("sst2_dev.csv", "sentence,label\nfoo,pos\n", "sst2_dev.csv: no 'text' column"),
])
def test_a_bad_evaluation_file_is_refused_before_training(tmp_path, rated_csv, cli_refusal, no_training, name,
                                                          content, message):
    evals = tmp_path / "ev"
    evals.mkdir()
    (evals / name).write_bytes(gzip.compress(content.encode()) if name.endswith(".gz") else content.encode())
    assert message in cli_refusal(["train", "--data", str(rated_csv), "--eval-dir", str(evals),
                                   "--out", str(tmp_path / "m")])
    assert not (tmp_path / "m").exists()


def test_an_eval_dir_that_is_missing_or_empty_is_refused(tmp_path, rated_csv, cli_refusal, no_training):
    """A missing --eval-dir was silently ignored: the card then said nothing was evaluated."""
    line = cli_refusal(["train", "--data", str(rated_csv), "--eval-dir", str(tmp_path / "nope"), "--out", str(tmp_path / "m")])
    assert line == f"error: --eval-dir {tmp_path / 'nope'}: no such folder"
    assert "none of marc_en_dev.csv.gz" in cli_refusal(["train", "--data", str(rated_csv), "--eval-dir", str(tmp_path),
                                                         "--out", str(tmp_path / "m")])


def test_a_label_no_scheme_can_hold_is_one_line(tmp_path, cli_refusal, no_training):
    data = tmp_path / "inf.csv"
    data.write_text("text,label\n" + "".join(f"t{i},{i % 2}\n" for i in range(30)) + "odd,1e400\n")
    assert "inf.csv: row 32: label '1e400' is not an integer within 0-1 (scheme binary)" in cli_refusal(
        ["train", "--data", str(data), "--scheme", "binary", "--out", str(tmp_path / "m")])


def test_an_out_folder_of_other_files_is_not_replaced(tmp_path, rated_csv, cli_refusal, no_training):
    """The run replaces --out whole: a folder that is not a model would lose its files."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("keep me")
    assert "holds notes.txt, not a model's files" in cli_refusal(
        ["train", "--data", str(rated_csv), "--out", str(tmp_path / "docs")])
    assert "the same folder as --out" in cli_refusal(
        ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--fast-out", str(tmp_path / "m")])
    assert "one model folder inside the other" in cli_refusal(
        ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--fast-out", str(tmp_path / "m" / "fast")])
    assert (tmp_path / "docs" / "notes.txt").read_text() == "keep me"
