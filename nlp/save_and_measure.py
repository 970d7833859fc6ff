"""Save a trained model and measure it as it ships: the float16 weights, scored as ``umot score`` does.

Each model of a run (full, then fast) goes through :func:`save_and_measure`:
the weights are rounded to float16 first, so the detractor threshold, the
ONNX export and every figure in the card belong to the file that ships, not to
its float32 twin in memory (``nlp/EXPERIMENTS.md`` tells how that went wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from nlp.dataset_terms import terms_for
from nlp.detractor_threshold import choose_threshold
from nlp.model_spec import ModelSpec
from nlp.modeling import MeanPoolSentiment
from nlp.overlay import WEIGHTS_FILE, file_digest, save_overlay
from nlp.splits import FileSplit
from nlp.summary import ModelResult
from nlp.trained_scorer import scorer_for


def save_and_measure(model: MeanPoolSentiment, spec: ModelSpec, out: Path, role: str, splits: Sequence[FileSplit],
                     eval_dir: Path | None, log: Callable[[str], None], *, final: Path | None = None) -> ModelResult:
    """Choose the threshold on held-out star-rated rows, save, and measure held-out and dev figures,
    all on the weights as saved (float16), which is what ships.

    ``final``: where ``out`` (a staging folder, ``nlp.staged_output``) goes once the run succeeds, the
    directory the summary and the card name (default ``out``)."""
    from nlp.evaluate import evaluate
    from nlp.heldout import criterion, file_figures, group_figures
    from nlp.overlay import round_as_stored

    round_as_stored(model, spec)
    probe = scorer_for(model, spec, "probe", onnx=False)  # PyTorch fp32, no export
    stars_held = [(s, i) for s in splits if s.file.scheme == "stars" for i in s.held]
    if stars_held:
        p = probe.predict_proba([s.file.texts[i] for s, i in stars_held])
        spec.detractor_threshold = choose_threshold(p[:, :2].sum(1), [s.file.labels[i] + 1 for s, i in stars_held])
        log(f"{role}: detractor threshold {spec.detractor_threshold} (best F1 on {len(stars_held)} held-out star-rated rows)")
    save_overlay(model, spec, out)
    version = f"{spec.name}@{file_digest(out / WEIGHTS_FILE)}"
    scorer = scorer_for(model, spec, version)
    heldout = {s.file.name: file_figures(scorer, s) for s in splits if s.held}
    heldout.update(group_figures(scorer, splits, terms_for))
    evaluation = evaluate(scorer, eval_dir) if eval_dir is not None else {}
    size_mb = sum(f.stat().st_size for f in out.iterdir() if f.is_file() and f.suffix != ".md") / 1e6
    result = ModelResult(role=role, directory=str(final or out), version=version, size_mb=round(size_mb, 2),
                         layers=model.config.num_hidden_layers, detractor_threshold=spec.detractor_threshold,
                         scored_with="ONNX Runtime int8" if scorer.runner is not None else "PyTorch fp32",
                         evaluation=evaluation, heldout=heldout,
                         criterion=criterion({k: v for k, v in heldout.items() if k in {s.file.name for s in splits}}))
    log(f"{role}: saved {final or out} ({size_mb:.1f} MB), version {version}; held-out criterion {result.criterion}; "
        f"held-out {heldout}; dev {evaluation}")
    return result
