"""The teacher stage end to end on a tiny random mpnet (no download): frozen layers stay, probabilities land."""

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from nlp.sources import LabelledFile
from nlp.splits import split_files
from nlp.teacher import load_probs, text_key
from nlp.teacher.fit import TeacherConfig
from nlp.teacher.net import autocast, load_teacher
from nlp.teacher.run import run_teacher

GOOD = ["Love it, works perfectly.", "Great quality, five stars!", "Excellent, would buy again."]
BAD = ["Broke after one day, awful.", "Terrible quality, do not buy.", "Useless junk, returned it."]


@pytest.fixture(scope="module")
def tiny_mpnet(tmp_path_factory) -> Path:
    """A 3-layer random MPNet checkpoint with the MiniLM tokenizer, laid out like all-mpnet-base-v2."""
    from transformers import AutoTokenizer, MPNetConfig, MPNetModel

    from nlp.base_checkpoint import base_model_dir

    path = tmp_path_factory.mktemp("tiny-mpnet")
    tok = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    config = MPNetConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=3, num_attention_heads=2,
                         intermediate_size=64, pad_token_id=tok.pad_token_id)
    torch.manual_seed(1)
    MPNetModel(config, add_pooling_layer=False).save_pretrained(path)
    tok.save_pretrained(path)
    return path


def toy_splits():
    texts, labels = [], []
    for i in range(30):
        texts += [f"{GOOD[i % 3]} #{i}", f"{BAD[i % 3]} #{i}"]
        labels += [3 + i % 2, i % 2]
    return split_files([LabelledFile(Path("toy.csv"), "stars", texts, labels)], 13, 0.2)


def test_teacher_stage_writes_probabilities_for_training_texts_only(tmp_path, tiny_mpnet):
    splits = toy_splits()
    tcfg = TeacherConfig(top_layers=1, epochs=10, batch_size=8, max_length=24, head_lr=3e-2, lr=1e-3)
    meta = run_teacher(splits, tmp_path / "p.npz", weights_dir=tmp_path / "unused", model_dir=tiny_mpnet, tcfg=tcfg,
                       hidden_file=tmp_path / "hidden.npy", log=lambda m: None)
    table = load_probs(tmp_path / "p.npz")
    split = splits[0]
    assert len(table) == len(split.train) == meta["texts"] == 48 and table.meta["heldout"]["toy.csv"]["n"] == 12
    assert all(table.get(split.file.texts[i]) is not None for i in split.train)
    assert all(table.get(t) is None for t in split.held_texts())
    assert np.load(tmp_path / "hidden.npy", mmap_mode="r").dtype == np.float16
    p_neg = {i: float(table.get(split.file.texts[i])[:2].sum()) for i in split.train}
    bad = [p for i, p in p_neg.items() if split.file.labels[i] <= 1]
    good = [p for i, p in p_neg.items() if split.file.labels[i] >= 3]
    assert np.mean(bad) > np.mean(good) + 0.2  # it learned the labels
    assert json.loads(json.dumps(table.meta))["config"]["top_layers"] == 1


def test_only_the_top_layers_and_head_train(tiny_mpnet):
    net = load_teacher(tiny_mpnet, top_layers=1)
    trained = {n for n, p in net.named_parameters() if p.requires_grad}
    assert trained and all(n.startswith(("mpnet.encoder.layer.2.", "classifier.")) for n in trained)
    assert "classifier.weight" in trained and "mpnet.encoder.relative_attention_bias.weight" not in trained
    ids = torch.tensor([[101, text_key("x") % 1000 + 1000, 102]])
    mask = torch.ones_like(ids)
    net.eval()
    with torch.no_grad():  # lower + upper is the whole network
        assert torch.allclose(net(ids, mask), net.upper(net.lower(ids, mask), mask))


def test_cross_fitted_probabilities_come_from_teachers_that_did_not_see_the_text(tmp_path, tiny_mpnet):
    splits = toy_splits()
    base = dict(top_layers=1, epochs=10, batch_size=8, max_length=24, head_lr=3e-2, lr=1e-3)
    one = run_teacher(splits, tmp_path / "one.npz", weights_dir=tmp_path, model_dir=tiny_mpnet,
                      tcfg=TeacherConfig(**base), heldout=False, log=lambda m: None)
    two = run_teacher(splits, tmp_path / "two.npz", weights_dir=tmp_path, model_dir=tiny_mpnet,
                      tcfg=TeacherConfig(**base, folds=2), log=lambda m: None)
    assert two["config"]["folds"] == 2 and two["heldout"]["toy.csv"]["n"] == 12 and one["heldout"] == {}
    assert two["steps"] == 2 * 30 and one["steps"] == 60  # two teachers on 24 texts each, 10 epochs of 3 steps
    a, b = load_probs(tmp_path / "one.npz"), load_probs(tmp_path / "two.npz")
    assert np.array_equal(a.keys, b.keys) and not np.allclose(a.probs, b.probs, atol=1e-2)


def test_bf16_teacher_learns_the_same_task_and_records_its_precision(tmp_path, tiny_mpnet):
    splits = toy_splits()
    tcfg = TeacherConfig(top_layers=1, epochs=10, batch_size=8, max_length=24, head_lr=3e-2, lr=1e-3,
                         precision="bf16")
    meta = run_teacher(splits, tmp_path / "p.npz", weights_dir=tmp_path, model_dir=tiny_mpnet, tcfg=tcfg,
                       log=lambda m: None)
    table, split = load_probs(tmp_path / "p.npz"), splits[0]
    assert meta["config"]["precision"] == table.meta["config"]["precision"] == "bf16"
    assert table.probs.dtype == np.float16 and np.allclose(table.probs.astype(np.float32).sum(1), 1.0, atol=1e-2)
    p_neg = {i: float(table.get(split.file.texts[i])[:2].sum()) for i in split.train}
    bad = [p for i, p in p_neg.items() if split.file.labels[i] <= 1]
    good = [p for i, p in p_neg.items() if split.file.labels[i] >= 3]
    assert np.mean(bad) > np.mean(good) + 0.2  # it learned the labels in bfloat16 too
    assert meta["heldout"]["toy.csv"]["n"] == 12
    fp32 = TeacherConfig(**{**tcfg.__dict__, "precision": "fp32"})
    run_teacher(splits, tmp_path / "f.npz", weights_dir=tmp_path, model_dir=tiny_mpnet, tcfg=fp32, heldout=False,
                log=lambda m: None)
    assert not np.array_equal(load_probs(tmp_path / "f.npz").probs, table.probs)  # bf16 did run


def test_bf16_autocast_runs_the_products_in_bfloat16_and_refuses_other_precisions():
    x = torch.ones(2, 2)
    with autocast(torch.device("cpu"), "bf16"):
        assert (x @ x).dtype == torch.bfloat16
    with autocast(torch.device("cpu"), "fp32"):
        assert (x @ x).dtype == torch.float32
    with pytest.raises(ValueError, match="precision 'fp16': must be one of fp32, bf16"):
        autocast(torch.device("cpu"), "fp16")


def test_cli_refuses_an_unknown_precision_in_one_line(tmp_path, rated_csv, cli_refusal):
    line = cli_refusal(["teacher", "--data", str(rated_csv), "--out", str(tmp_path / "p.npz"), "--precision", "fp16"])
    assert "--precision fp16: must be one of fp32, bf16" in line
    assert not (tmp_path / "p.npz").exists()


def test_cli_refuses_an_out_it_cannot_write_before_fine_tuning(tmp_path, rated_csv, cli_refusal, monkeypatch):
    import nlp.teacher.run

    monkeypatch.setattr(nlp.teacher.run, "run_teacher", lambda *a, **k: pytest.fail("fine-tuned before the check"))
    (tmp_path / "taken").write_text("a file where a folder should be")
    line = cli_refusal(["teacher", "--data", str(rated_csv), "--out", str(tmp_path / "taken" / "p.npz")])
    assert line.startswith(f"error: --out {tmp_path / 'taken' / 'p.npz'}: cannot write (")
