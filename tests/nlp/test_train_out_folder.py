"""`umot train` replaces --out and --fast-out whole at its end: a folder holding anything but a model's files,
or an input lying inside either folder, is refused before training, and nothing is written or deleted.

`cp -r m1 m2; cp stars.csv m2/my_reviews.csv; umot train --data m2/my_reviews.csv --out m2` used to exit 0
with my_reviews.csv gone (only `umot_model.json` was looked for)."""

import pytest
from typer.testing import CliRunner

from umot.cli import app

MODEL_FILES = ("umot_model.json", "weights.safetensors", "training_summary.json", "MODEL_CARD.md")


class Ran(Exception):
    """Raised by the stubbed run: the command got as far as training."""


@pytest.fixture
def no_training(monkeypatch):
    import nlp.training_run

    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: pytest.fail("trained before the check"))


def model_folder(path, *extra):
    path.mkdir(parents=True)
    for name in (*MODEL_FILES, *extra):
        (path / name).write_text(f"old {name}")
    return path


def contents(path):
    return {p.name: p.read_text() for p in path.iterdir()}


def test_data_inside_the_model_folder_is_refused_and_kept(tmp_path, rated_csv, cli_refusal, no_training):
    out = model_folder(tmp_path / "m2")
    data = out / "my_reviews.csv"
    data.write_text(rated_csv.read_text())
    before = contents(out)
    line = cli_refusal(["train", "--data", str(data), "--out", str(out)])
    assert line == f"error: --data {data}: inside --out {out}, which the run replaces whole; write the model to another folder"
    assert contents(out) == before


def test_a_model_folder_holding_another_file_is_refused(tmp_path, rated_csv, cli_refusal, no_training):
    out = model_folder(tmp_path / "m", "notes.txt")
    before = contents(out)
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", str(out)])
    assert line.startswith(f"error: --out {out}: holds notes.txt, not a model's files (umot_model.json, ")
    assert contents(out) == before


def test_a_fast_out_holding_a_subfolder_is_refused(tmp_path, rated_csv, cli_refusal, no_training):
    fast = model_folder(tmp_path / "f")
    (fast / "umot_model.json").unlink()
    (fast / "weights.safetensors").unlink()
    (fast / "cache").mkdir()
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", str(tmp_path / "m"), "--fast-out", str(fast)])
    assert line.startswith(f"error: --fast-out {fast}: holds cache, not a model's files")
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("option", ["--teacher-probs", "--eval-dir"])
def test_other_inputs_inside_an_out_folder_are_refused(tmp_path, rated_csv, cli_refusal, no_training, option):
    fast = tmp_path / "f"
    fast.mkdir()
    if option == "--teacher-probs":  # found in the folder before it is read
        import numpy as np

        from nlp.teacher.probs import save_probs

        given = fast / "p.npz"
        save_probs(given, ["review 1"], np.full((1, 5), 0.2, dtype=np.float32), {})
    else:
        given = fast / "ev"
        given.mkdir()
        (given / "sst2_dev.csv").write_text("text,label\nfine,pos\n")
    line = cli_refusal(["train", "--data", str(rated_csv), option, str(given), "--out", str(tmp_path / "m"),
                        "--fast-out", str(fast)])
    assert line.startswith(f"error: {option} {given}: inside --fast-out {fast}, which the run replaces whole")
    assert given.exists()


def test_a_model_folder_with_its_own_card_still_trains(tmp_path, rated_csv, monkeypatch):
    import nlp.training_run

    def stub(*args, **kwargs):
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", stub)
    out = model_folder(tmp_path / "m", "CARD.md")
    result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", str(out), "--card", str(out / "CARD.md")])
    assert isinstance(result.exception, Ran), result.output
    result = CliRunner().invoke(app, ["train", "--data", str(rated_csv), "--out", str(out)])
    assert result.exit_code == 2 and "holds CARD.md" in result.output  # not this run's card: it would be lost


def test_the_model_files_are_what_a_run_writes():
    """Named in the CLI (importing them loads torch): kept equal to the writers' own names."""
    from nlp.model_spec import CONFIG_FILE
    from nlp.overlay import WEIGHTS_FILE
    from nlp.summary import SUMMARY_FILE
    from umot.cli import _train_checks

    assert set(_train_checks.MODEL_FILES) == {CONFIG_FILE, WEIGHTS_FILE, SUMMARY_FILE, "MODEL_CARD.md"} == set(MODEL_FILES)
