"""A small real training run: with --teacher-probs the student moves towards the stored teacher."""

from pathlib import Path

import numpy as np
import pytest
import torch

from nlp.sources import LabelledFile
from nlp.splits import split_files
from nlp.teacher import save_probs
from nlp.train import TrainConfig, train

GOOD = ["Love it, works perfectly.", "Great quality, five stars!", "Excellent, would buy again."]
BAD = ["Broke after one day, awful.", "Terrible quality, do not buy.", "Useless junk, returned it."]


def toy_split():
    texts, labels = [], []
    for i in range(24):
        texts += [f"{GOOD[i % 3]} #{i}", f"{BAD[i % 3]} #{i}"]
        labels += [3 + i % 2, i % 2]  # 4-5* and 1-2*: no 3* label at all
    return split_files([LabelledFile(Path("toy.csv"), "stars", texts, labels)], 13, 0.0)


def toy_teacher(tmp_path):
    """The toy split, its bad and good texts, and a stored teacher that says "3 stars" for the bad ones only."""
    splits = toy_split()
    texts = splits[0].file.texts
    bad = [t for t, label in zip(texts, splits[0].file.labels) if label <= 1]
    good = [t for t in texts if t not in bad]
    table = save_probs(tmp_path / "t.npz", bad, np.tile([0.0, 0.0, 1.0, 0.0, 0.0], (len(bad), 1)), {"teacher": "toy"})
    return splits, bad, good, table


def p_three(model, texts):
    from transformers import AutoTokenizer

    from nlp.base_checkpoint import base_model_dir

    tok = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    enc = tok(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        return torch.softmax(model(**enc).logits, -1)[:, 2].mean().item()


@pytest.mark.slow
def test_student_learns_the_stored_teacher_probabilities(tmp_path):
    splits, bad, good, table = toy_teacher(tmp_path)
    cfg = TrainConfig(epochs=2, max_length=24, batch_size=16, sentence_views=0.0, word_weight=0.0, threads=2)
    plain, _, _ = train(splits, cfg, log=lambda m: None)
    taught, spec, _ = train(splits, cfg, teacher_probs=table, teacher_weight=3.0, log=lambda m: None)
    assert spec.training["teacher_probs"] == {"file_texts": len(bad), "matched": len(bad), "weight": 3.0,
                                              "teacher": "toy"}
    assert p_three(taught, bad) > p_three(plain, bad) + 0.15  # moved towards the teacher
    assert abs(p_three(taught, good) - p_three(plain, good)) < p_three(taught, bad) - p_three(plain, bad)


@pytest.mark.slow
def test_fast_student_learns_its_share_of_the_stored_teacher(tmp_path):
    from dataclasses import replace

    from nlp.distill import DistillConfig, distill

    splits, bad, good, table = toy_teacher(tmp_path)
    cfg = TrainConfig(epochs=1, max_length=24, batch_size=16, sentence_views=0.0, word_weight=0.0, threads=2)
    full, spec, _ = train(splits, cfg, log=lambda m: None)
    dcfg = DistillConfig(layers=[0, 5], epochs=2, soft_weight=3.0)
    plain, plain_spec = distill(full, spec, splits, cfg, dcfg, teacher_probs=table, log=lambda m: None)  # mix 0
    mixed, mixed_spec = distill(full, spec, splits, cfg, replace(dcfg, teacher_mix=1.0), teacher_probs=table,
                                log=lambda m: None)
    assert "teacher_mix" not in plain_spec.training["distill"]  # a run without it reads as before
    assert mixed_spec.training["distill"]["teacher_mix"] == 1.0
    moved = p_three(mixed, bad) - p_three(plain, bad)
    assert moved > 0.1  # towards the stored teacher, on the texts it covers (0.15 here)
    assert abs(p_three(mixed, good) - p_three(plain, good)) < moved  # less on the texts it does not (0.09)
