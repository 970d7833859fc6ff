"""The teacher probabilities file: keyed by a hash of the text, float16, small, strict on read."""

import numpy as np
import pytest
import torch

from nlp.batching import Example, collate
from nlp.losses import loss_fn
from nlp.teacher import load_probs, save_probs, text_key
from nlp.train import TrainConfig


def test_round_trip_keys_float16_and_misses(tmp_path):
    texts = ["Great phone", "Awful  battery ", "Great phone", "meh"]
    probs = np.array([[0, 0, 0, .2, .8], [.7, .2, .1, 0, 0], [1, 0, 0, 0, 0], [.1, .2, .4, .2, .1]])
    save_probs(tmp_path / "t.npz", texts, probs, {"teacher": "test"})
    table = load_probs(tmp_path / "t.npz")
    assert len(table) == 3 and table.probs.dtype == np.float16 and table.keys.dtype == np.uint64
    assert table.meta == {"teacher": "test"}
    np.testing.assert_allclose(table.get("Great phone"), [0, 0, 0, .2, .8], atol=1e-3)  # first copy kept
    np.testing.assert_allclose(table.get("Awful battery"), [.7, .2, .1, 0, 0], atol=1e-3)  # re-spaced: same key
    assert table.get("great phone") is None and table.get("never seen") is None
    assert text_key("Great phone") != text_key("Great phone!")


def test_size_of_a_full_training_set_is_small(tmp_path):
    n = 42_000
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(5), n)
    save_probs(tmp_path / "big.npz", [f"review number {i}" for i in range(n)], probs)
    assert (tmp_path / "big.npz").stat().st_size < 1.5e6  # the bound is 10 MB
    assert len(load_probs(tmp_path / "big.npz")) == n


def test_other_files_are_refused_naming_them(tmp_path):
    np.savez(tmp_path / "other.npz", keys=np.array([3, 1], dtype=np.uint64), probs=np.zeros((2, 5)), meta=np.array("{}"))
    with pytest.raises(ValueError, match=r"other\.npz: not a teacher probabilities file"):
        load_probs(tmp_path / "other.npz")
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ValueError, match=r"text\.npz: not a teacher"):
        load_probs(tmp_path / "text.npz")


def test_attach_and_soft_loss_only_on_rows_found(tmp_path):
    table = save_probs(tmp_path / "t.npz", ["known"], np.array([[0, 0, 1.0, 0, 0]]))
    examples = [Example([101, 7, 102], 4, 1), Example([101, 8, 102], 0, 0)]
    assert table.attach(examples, ["known", "unknown"]) == 1
    assert examples[0].soft == [0, 0, 1.0, 0, 0] and examples[1].soft is None
    batch = collate(examples, 0, "cpu")
    logits = torch.tensor([[0.0, 0, 2, 0, 0], [0.0, 0, 2, 0, 0]])
    cfg = TrainConfig()
    plain = loss_fn(logits, batch, cfg)
    with_soft = loss_fn(logits, batch, cfg, soft_weight=1.0)
    expected = -torch.log_softmax(logits[0], -1)[2] / 2  # row 0 only, averaged over the batch
    assert torch.isclose(with_soft - plain, expected)
    assert "soft" not in collate([Example([101, 102], 1, 0)], 0, "cpu")  # no teacher: batches as before


def test_train_refuses_a_bad_probabilities_file_in_one_line(tmp_path, rated_csv, cli_refusal):
    (tmp_path / "probs.npz").write_text("not numpy")
    line = cli_refusal(["train", "--data", str(rated_csv), "--out", str(tmp_path / "model"),
                        "--teacher-probs", str(tmp_path / "probs.npz")])
    assert "probs.npz: not a teacher probabilities file" in line
    assert not (tmp_path / "model").exists()


def test_the_card_says_when_a_teacher_was_learned_from():
    from pathlib import Path

    from nlp.card import render_card
    from nlp.summary import TrainingSummary

    shipped = TrainingSummary.load(Path(__file__).resolve().parents[2] / "nlp" / "model")
    taught = shipped.model_copy(update={"teacher": {"teacher": "all-mpnet-base-v2", "matched": 3000, "weight": 2.0}})
    untaught = shipped.model_copy(update={"teacher": None})
    assert "A stored teacher's probabilities" not in render_card(untaught)
    assert "the\n  3,000 training texts found in its file also learn them (cross-entropy, weight 2.0)" in render_card(taught)
