"""`umot train --card` checked before training: a card that is an input file was written over it (the training
data replaced by the card, exit 0), one naming the --out folder failed with IsADirectoryError after the whole
run, one naming a model's own file replaced it. Each is one line, exit 2, and nothing is written."""

from types import SimpleNamespace

import numpy as np
import pytest
from typer.testing import CliRunner

from nlp.card import model_option, render_card
from nlp.summary import ModelResult, TrainingSummary
from umot.cli import app


@pytest.fixture
def no_training(monkeypatch):
    import nlp.training_run

    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: pytest.fail("trained before the check"))


def test_a_card_that_is_the_training_data_is_refused_and_the_data_kept(tmp_path, rated_csv, cli_refusal, no_training):
    before = rated_csv.read_text()
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--card", str(rated_csv)])
    assert line == f"error: --card {rated_csv}: is the --data file {rated_csv}, which it would overwrite; give another file"
    assert rated_csv.read_text() == before and not (tmp_path / "m").exists()


def test_a_card_that_is_the_teacher_or_an_evaluation_file_is_refused(tmp_path, rated_csv, cli_refusal, no_training):
    from nlp.teacher import save_probs

    probs = tmp_path / "teacher.npz"
    save_probs(probs, ["review 1"], np.array([[0, 0, 1.0, 0, 0]]))
    before = probs.read_bytes()
    evals = tmp_path / "eval"
    evals.mkdir()
    (evals / "sst2_dev.csv").write_text("text,label\nnice,1\nbad,0\n")
    base = ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--eval-dir", str(evals)]
    assert "is the --eval-dir file" in cli_refusal([*base, "--card", str(evals / "sst2_dev.csv")])
    line = cli_refusal(["train", "--data", str(rated_csv), "--teacher-probs", str(probs), "--card", str(probs)])
    assert "is the --teacher-probs file" in line and probs.read_bytes() == before


@pytest.mark.parametrize("card,message", [
    ("m", "is the --out folder"), ("f", "is the --fast-out folder"), (".", "holds the --out folder"),
    ("m/weights.safetensors", "the model's own weights.safetensors in --out"),
    ("f/umot_model.json", "the model's own umot_model.json in --fast-out"),
])
def test_a_card_naming_a_model_folder_or_file_is_refused(tmp_path, rated_csv, cli_refusal, no_training, monkeypatch,
                                                         card, message):
    monkeypatch.chdir(tmp_path)
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", "m", "--fast-out", "f", "--card", card])
    assert line.startswith(f"error: --card {card}: {message}")
    assert not (tmp_path / "m").exists() and not (tmp_path / "f").exists()


def test_a_card_beside_the_models_files_still_trains(tmp_path, rated_csv, monkeypatch):
    """The default card and one of another name in a model folder are written with it, as before."""
    import nlp.training_run

    class Ran(Exception):
        pass

    def ran(*args, **kwargs):
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", ran)
    for card in ("MODEL_CARD.md", "CARD.md", "sub/CARD.md"):
        result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"),
                                          "--card", str(tmp_path / "m" / card)])
        assert isinstance(result.exception, Ran), result.output


def test_a_model_named_like_a_shipped_one_is_offered_as_a_path(tmp_path, rated_csv, monkeypatch):
    """`--model full` is the shipped model even beside a folder `full`: the hint and the card write ./full."""
    import nlp.training_run

    done = SimpleNamespace(total_minutes=0.1, models=[SimpleNamespace(role="full", version="v@1", directory="full")])
    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: done)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", "full"])
    assert result.exit_code == 0, result.output
    assert "use it: umot score INPUT -o OUTPUT --model ./full   (or UMOT_MODEL=./full)" in result.output
    assert [model_option(d) for d in ("full", "Fast", "./full", "/data/full", "mine")] == [
        "./full", "./Fast", "./full", "/data/full", "mine"]
    summary = TrainingSummary(command="umot train --out full", machine="x", datasets=[], config={}, steps=1,
                              train_minutes=0.1, total_minutes=0.1, device="cpu", threads=1, base_package="p",
                              base_version="1", max_length=128, head_tokens=80, mismatch_threshold=0.8,
                              models=[ModelResult(role="full", directory="full", version="m@1", size_mb=1.0, layers=6,
                                                  detractor_threshold=0.4)])
    card = render_card(summary)
    assert "`--model ./full` (or `UMOT_MODEL=./full`)" in card and "--model full`" not in card
