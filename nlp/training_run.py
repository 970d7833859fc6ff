"""One complete training run: fit, choose the detractor threshold, save, evaluate, write the card.

``umot train`` (and so ``make model``) calls :func:`run`; it is kept apart
from ``nlp.train`` so the optimisation loop stays readable.
"""

from __future__ import annotations

import platform
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch

from nlp.card import write_card
from nlp.evaluate import MARC_DEV, SST2_DEV
from nlp.labels import label_map
from nlp.model import WEIGHTS_FILE, file_digest, save_overlay
from nlp.train import TrainConfig, train


def choose_threshold(p_negative: np.ndarray, stars: Sequence[int]) -> float:
    """p_negative threshold with the best detractor F1 on held-out *training* reviews."""
    gold = np.asarray(stars) <= 2
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.30, 0.71, 0.02):
        pred = p_negative >= t
        tp = float(np.sum(pred & gold))
        f1 = 2 * tp / max(pred.sum() + gold.sum(), 1)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(round(t, 2)), f1
    return best


# `umot train` options that set TrainConfig fields (umot/cli/nlp.py), for command_line()
CLI_OPTIONS = {"epochs": "--epochs", "max_length": "--max-length", "batch_size": "--batch-size",
               "seed": "--seed", "holdout": "--holdout"}


def command_line(data_name: str, out: Path, cfg: TrainConfig, card: Path | None = None,
                 eval_dir: Path | None = None, argv: Sequence[str] | None = None,
                 from_db: dict | None = None) -> str:
    """The `umot train` command line of this run, for the model card.

    Run from the `umot` script: its arguments as given. Otherwise (a call
    from Python) rebuilt from what this run knows: the data (a file, or the
    store: ``from_db`` with its ``brand``), the output, the card, the eval
    folder and the config fields `umot train` has options for.
    """
    argv = sys.argv if argv is None else argv
    if argv and Path(argv[0]).name in ("umot", "umot.exe") and "train" in argv[1:]:
        return shlex.join(["umot", *argv[1:]])
    args = ["umot", "train"]
    if from_db is not None:
        args += ["--from-db"] + (["--brand", from_db["brand"]] if from_db.get("brand") else [])
    else:
        args += ["--data", data_name]
    args += ["--out", str(out)]
    if card is not None and Path(card) != Path(out) / "MODEL_CARD.md":
        args += ["--card", str(card)]
    if eval_dir is not None:
        args += ["--eval-dir", str(eval_dir)]
    default = TrainConfig()
    for field, option in CLI_OPTIONS.items():
        if getattr(cfg, field) != getattr(default, field):
            args += [option, str(getattr(cfg, field))]
    return shlex.join(args)


def evaluate_variants(model, tokenizer, labels, version: str, settings: dict, eval_dir: Path,
                      log: Callable[[str], None] = print) -> dict[str, dict]:
    """Dev figures for the unoptimised model (PyTorch fp32) and for what `umot score` runs."""
    from nlp import onnx_backend
    from nlp.evaluate import evaluate
    from nlp.scorer import Scorer

    variants = {"fp32 (PyTorch)": None}
    if onnx_backend.available():
        variants["shipped (ONNX int8)"] = onnx_backend.runner_for(
            model, version, quantized=True, threads=torch.get_num_threads())
    results = {}
    for name, runner in variants.items():
        log(f"evaluating {name} on {eval_dir}")
        scorer = Scorer(model, tokenizer, labels, version=version, runner=runner, **settings)
        results[name] = evaluate(scorer, eval_dir)
        log(f"{name}: {results[name]}")
    return results


def run(
    texts: Sequence[str],
    stars: Sequence[int],
    out: Path,
    *,
    cfg: TrainConfig | None = None,
    card: Path | None = None,
    eval_dir: Path | None = None,
    data_name: str = "",
    from_db: dict | None = None,
    command: str | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """Train, save to ``out`` (loadable with ``--model out``), evaluate and write the card.

    ``from_db`` (``brand``, ``corrections``) says the reviews came from the store
    (`umot train --from-db`) rather than the file ``data_name``. ``command`` is
    the `umot train` command line the card shows (default: see :func:`command_line`).
    """
    from transformers import AutoTokenizer

    from nlp.evaluate import marc_metrics
    from nlp.model import base_model_dir
    from nlp.scorer import Scorer

    cfg = cfg or TrainConfig()
    t0 = time.perf_counter()
    model, spec, stats = train(texts, stars, cfg, log=log)
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    labels = label_map(model.config.id2label)
    hold_texts, hold_stars = stats["holdout"]
    if hold_texts:
        # the threshold is chosen with the truncation `umot score` will use (the spec's)
        probe = Scorer(model, tokenizer, labels, version="holdout",
                       max_length=spec.max_length, head_tokens=spec.head_tokens)
        p = probe.predict_proba(hold_texts)
        spec.detractor_threshold = choose_threshold(p[:, :2].sum(1), hold_stars)
        log(f"detractor threshold {spec.detractor_threshold} (best F1 on {len(hold_texts)} held-out training reviews)")
        # the card shows these when no dev files are evaluated (the threshold was chosen on them)
        probe.detractor_threshold = spec.detractor_threshold
        hold_scores, hold_probs = probe.score_detailed(hold_texts)
        holdout_metrics = {"n": len(hold_texts),
                           **marc_metrics(hold_scores, hold_probs, list(hold_stars), labels.stars)}
        log(f"held-out training reviews: {holdout_metrics}")
    else:
        holdout_metrics = {}
    save_overlay(model, spec, out)
    version = f"{spec.name}@{file_digest(out / WEIGHTS_FILE)}"
    size_mb = sum(f.stat().st_size for f in out.iterdir() if f.is_file()) / 1e6
    log(f"saved {out} ({size_mb:.1f} MB), version {version}")
    settings = dict(max_length=spec.max_length, head_tokens=spec.head_tokens,
                    detractor_threshold=spec.detractor_threshold, mismatch_threshold=spec.mismatch_threshold)
    evaluation: dict[str, dict] = {}
    if eval_dir is not None and not any((eval_dir / name).exists() for name in (MARC_DEV, SST2_DEV)):
        log(f"{eval_dir} holds neither {MARC_DEV} nor {SST2_DEV}: nothing evaluated")
    elif eval_dir is not None:
        evaluation = evaluate_variants(model, tokenizer, labels, version, settings, eval_dir, log)
    summary = {
        "version": version, "out": str(out), "size_mb": round(size_mb, 2),
        "train_minutes": round(stats["minutes"], 2), "total_minutes": round((time.perf_counter() - t0) / 60, 2),
        "data": data_name, "from_db": from_db, "n_train": len(texts), "star_counts": dict(sorted(Counter(stars).items())),
        "detractor_threshold": spec.detractor_threshold, "mismatch_threshold": spec.mismatch_threshold,
        "evaluation": evaluation, "eval_dir": None if eval_dir is None else str(eval_dir),
        "holdout_metrics": holdout_metrics, "training": spec.training,
        "command": command or command_line(data_name, out, cfg, card, eval_dir, from_db=from_db),
        "machine": f"{platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}",
    }
    if card is not None:
        write_card(card, summary, spec)
        log(f"wrote {card}")
    return summary
