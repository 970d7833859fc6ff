"""A training run writes its model folders all or nothing: staged beside them, moved into place at the end.

Training, saving and measuring are stubbed (the folder handling is what is tested): a failure late in a run
used to leave new weights with no card (loadable), or new weights beside the old card and summary."""

import math
from pathlib import Path

import pytest
import torch

import nlp.training_run as training_run
from nlp.card import BENCH_END, BENCH_START
from nlp.model_spec import ModelSpec
from nlp.sources import LabelledFile
from nlp.splits import split_files
from nlp.staged_output import StagedOutput
from nlp.summary import ModelResult
from nlp.train import TrainConfig


def splits():
    return split_files([LabelledFile(Path("r.csv"), "stars", [f"t{i}" for i in range(30)], [i % 5 for i in range(30)])],
                       13, 0.1)


def spec():
    return ModelSpec(training={"config": TrainConfig().__dict__, "steps": 1, "device": "cpu", "threads": 1})


def fake_save(model, spec, out, role, splits, eval_dir, log, *, final=None):
    (out / "weights.safetensors").write_bytes(b"new")
    spec.save(out)
    return ModelResult(role=role, directory=str(final or out), version=f"{role}@1", size_mb=0.1, layers=6,
                       detractor_threshold=0.5)


def fake_fast(summary, out, fast_out, *args):
    assert (out / "weights.safetensors").read_bytes() == b"new"  # distilled from the full model as staged
    fake_save(None, spec(), fast_out, "fast", None, None, None)
    fast = ModelResult(role="fast", directory=str(fast_out), version="fast@1", size_mb=0.1, layers=4,
                       detractor_threshold=0.5)
    return summary.model_copy(update={"models": [*summary.models, fast], "distill": {
        "layers": [0, 1, 2, 5], "epochs": 1.0, "soft_weight": 1.0, "lr": 1e-4, "head_lr": 1e-4}})


@pytest.fixture
def stubbed(monkeypatch):
    monkeypatch.setattr(training_run, "train", lambda *a, **k: (torch.nn.Linear(1, 1), spec(), {"minutes": 0.1}))
    monkeypatch.setattr(training_run, "save_and_measure", fake_save)
    monkeypatch.setattr(training_run, "add_fast_model", fake_fast)
    return monkeypatch


def old_model(path: Path) -> None:
    path.mkdir(parents=True)
    (path / "weights.safetensors").write_bytes(b"old")
    (path / "umot_model.json").write_text("{}")
    (path / "MODEL_CARD.md").write_text(f"old card\n{BENCH_START}\nmeasured: 9x\n{BENCH_END}\n")
    (path / "stale.txt").write_text("from an older run")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name or ".old-" in p.name)


def test_a_run_replaces_the_old_folders_whole_and_names_the_final_ones(tmp_path, stubbed):
    out, fast = tmp_path / "m", tmp_path / "f"
    old_model(out)
    summary = training_run.run(splits(), out, card=out / "MODEL_CARD.md", fast_out=fast, log=lambda m: None)
    assert (out / "weights.safetensors").read_bytes() == b"new" and not (out / "stale.txt").exists()
    assert [m.directory for m in summary.models] == [str(out), str(fast)]
    assert '"directory": "' + str(fast) + '"' in (out / "training_summary.json").read_text()
    assert "measured: 9x" in (out / "MODEL_CARD.md").read_text()  # the bench section a card keeps
    assert (fast / "weights.safetensors").read_bytes() == b"new" and leftovers(tmp_path) == []


def test_a_late_failure_leaves_the_old_model_and_no_new_folder(tmp_path, stubbed):
    import nlp.card

    def broken_card(*args):
        raise OSError("disk full")

    stubbed.setattr(nlp.card, "write_card", broken_card)
    out, fast = tmp_path / "m", tmp_path / "new" / "deeper" / "f"
    old_model(out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(OSError, match="disk full"):
        training_run.run(splits(), out, card=out / "MODEL_CARD.md", fast_out=fast, log=lambda m: None)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not (tmp_path / "new").exists() and leftovers(tmp_path) == []


def test_diverged_weights_are_refused_and_nothing_is_written(tmp_path, monkeypatch):
    net = torch.nn.Linear(1, 1)
    with torch.no_grad():
        net.weight.fill_(math.nan)
    monkeypatch.setattr(training_run, "train", lambda *a, **k: (net, spec(), {"minutes": 0.1}))
    with pytest.raises(training_run.TrainingError, match="training diverged"):
        training_run.run(splits(), tmp_path / "m", log=lambda m: None)
    assert list(tmp_path.iterdir()) == []


def test_a_card_outside_the_folders_is_staged_beside_itself(tmp_path):
    card = tmp_path / "CARD.md"
    card.write_text("old")
    staged = StagedOutput()
    path = staged.file(card)
    assert path.parent == tmp_path and path.read_text() == "old"  # copied, so a writer can keep parts of it
    path.write_text("new")
    assert card.read_text() == "old"
    staged.commit()
    assert card.read_text() == "new" and leftovers(tmp_path) == []


def test_a_card_in_new_folders_leaves_none_behind_when_the_run_fails(tmp_path):
    staged = StagedOutput()
    staged.file(tmp_path / "cards" / "v4" / "CARD.md").write_text("new")
    staged.abort()
    assert list(tmp_path.iterdir()) == []
