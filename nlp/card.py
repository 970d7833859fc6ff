"""Write a model card from a training run's summary (``umot train``; ``make model`` writes ``nlp/MODEL_CARD.md``).

The card describes the run that produced it. The shipped default run
(``make model``: MARC English train, recognised by the data file's name, see
:func:`is_default_run`) gets the default model's card; any other run (``--data
FILE`` or ``--from-db``) gets a card naming its own data, the ``umot train``
command line that reproduces it and, when no dev files were evaluated, says so
and shows the held-out training-review figures instead.

The speed section is measured by ``bench/score.py`` and kept between the
``<!-- bench:score -->`` markers, so retraining does not erase it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict
from pathlib import Path

from nlp.evaluate import MARC_DEV, SST2_DEV
from nlp.model import ModelSpec

BENCH_START, BENCH_END = "<!-- bench:score -->", "<!-- /bench:score -->"
TARGETS = {"exact": 0.58, "polarity_bal_acc": 0.93, "detractor_f1": 0.85, "sst2_acc": 0.87}
METRICS = [
    ("exact", "MARC dev: 5-star exact accuracy"),
    ("polarity_bal_acc", "MARC dev: polarity balanced accuracy (1-2* vs 4-5*, neutral = miss)"),
    ("detractor_f1", "MARC dev: detractor F1 (text only vs 1-2*)"),
    ("detractor_precision", "MARC dev: detractor precision"),
    ("detractor_recall", "MARC dev: detractor recall"),
    ("mae_stars", "MARC dev: mean absolute error of expected stars"),
    ("sst2_acc", "SST-2 dev: accuracy (p_positive vs p_negative)"),
    ("sst2_acc_3way", "SST-2 dev: accuracy with neutral counted as a miss"),
]
# the shipped default model is trained on this file (`make model`)
DEFAULT_DATA = "marc_en_train"


def is_default_run(summary: dict) -> bool:
    """True when the run trained on MARC English train, the shipped default's data (by file name)."""
    data = str(summary.get("data") or "")
    return not summary.get("from_db") and Path(data).name.startswith(DEFAULT_DATA)


def has_evaluation(summary: dict) -> bool:
    """True when at least one dev-set figure was computed."""
    return any(v.get(key) is not None for v in (summary.get("evaluation") or {}).values() for key, _ in METRICS)


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def bench_section(card: Path | None, placeholder: str | None = None) -> str:
    """The speed section of an existing card, or ``placeholder`` (default: a pointer to the bench)."""
    if card is not None and card.exists():
        text = card.read_text()
        if BENCH_START in text and BENCH_END in text:
            return text[text.index(BENCH_START) : text.index(BENCH_END) + len(BENCH_END)]
    placeholder = placeholder or "Not measured yet: run `make bench` (or `python -m bench score`)."
    return f"{BENCH_START}\n{placeholder}\n{BENCH_END}"


def data_description(summary: dict) -> str:
    """What the model was trained on, in a few words: the file's name or the store's rated reviews."""
    data = str(summary.get("data") or "")
    store = summary.get("from_db")
    if store is not None:
        brand = f" of brand {store['brand']}" if store.get("brand") else ""
        return f"the store's rated reviews{brand} (`umot train --from-db`; {store.get('corrections', 0)} triage corrections)"
    return f"`{Path(data).name}`" if data else "(training data not recorded)"


def write_card(card: Path, summary: dict, spec: ModelSpec) -> None:
    placeholder = None if is_default_run(summary) else (
        "Not measured for this model. It runs the same network as umot's shipped default model, so the "
        "Speed section of `nlp/MODEL_CARD.md` in the umot repository applies (speed depends on the network "
        f"and the {spec.max_length}-token cut, not on the trained weights).")
    text = render_card(summary, spec, bench_section(card, placeholder))
    card.parent.mkdir(parents=True, exist_ok=True)
    card.write_text(text)


def render_card(summary: dict, spec: ModelSpec, bench: str | None = None) -> str:
    """The card's text; ``bench`` is the speed section (markers included)."""
    default = is_default_run(summary)
    cfg = spec.training.get("config", {})
    lines = [*_title(summary, spec, default), *_what_it_does(spec), *_base_model(summary, spec, default),
             *_training_data(summary, spec, default)]
    lines += [
        "## Training recipe",
        "",
        "- Word-embedding matrix frozen (keeps pre-trained knowledge of words absent from the",
        "  training reviews; halves optimiser work and the shipped file).",
        "- Loss: ordinal soft-label cross-entropy over 5 stars (`soft_labels` of the mass on the",
        "  neighbouring stars) + `polarity_weight` × −log p(negative) or −log p(positive) for 1-2*/4-5*",
        "  reviews, on the aggregated probabilities: this trains the decision the brand team acts on.",
        "- Sentence views: single sentences (≥ 4 words) cut from 1-2*/4-5* reviews, trained on the",
        "  polarity loss only (`sentence_weight`), `ptb_share` of them lower-cased and PTB-tokenised:",
        "  teaches short, single-sentence texts from other platforms.",
        "- Word views (`word_weight`): single words of the VADER sentiment lexicon whose mean",
        "  human-rated valence is at least 1.5 in absolute value (4,032 words; vaderSentiment 3.3.2,",
        "  MIT licence, copy and notice in `nlp/sentiment_words.json`), polarity loss only, at most as",
        "  many per epoch as sentence views: teaches sentiment words the training reviews never use.",
        "- Weight averaging (when `ema` > 0): the shipped weights are an exponential moving average",
        "  of the weights after warm-up instead of the last step.",
        "- LP-FT (when `linear_probe` > 0): the head starts as a linear probe (L-BFGS) on the frozen",
        "  encoder's mean-pooled features of `linear_probe` reviews, so fine-tuning does not distort",
        "  the pre-trained features to fit a random head (Kumar et al., ICLR 2022: better",
        "  out-of-domain accuracy).",
        "- AdamW, layer-wise learning-rate decay (`layer_decay` per layer down from `lr`), head at",
        "  `head_lr`, linear warm-up then linear decay, gradient clipping 1.0; length-bucketed",
        "  batches with dynamic padding.",
        "- Seeded and deterministic (`torch.use_deterministic_algorithms`); uses a GPU if present.",
        "",
        "| hyper-parameter | value |",
        "| --- | --- |",
        *[f"| `{k}` | {v} |" for k, v in cfg.items()],
        f"| steps | {spec.training.get('steps')} |",
        f"| training time | {summary['train_minutes']} min on {spec.training.get('device')} "
        f"({spec.training.get('threads')} threads); whole run{' incl. evaluation' if has_evaluation(summary) else ''} "
        f"{summary['total_minutes']} min |",
        "",
    ]
    lines += _evaluation(summary, default) if has_evaluation(summary) else _no_evaluation(summary)
    lines += [
        "## Speed",
        "",
        bench if bench is not None else bench_section(None),
        "",
        "## Limits",
        "",
    ]
    if default:
        lines += [
            "- Trained on English Amazon product reviews; other languages are scored (and their",
            "  language recorded) but less reliably. Sarcasm and mixed reviews are the usual misses.",
        ]
    else:
        lines += [
            f"- Trained on {summary['n_train']} reviews from {data_description(summary)} only; texts unlike them",
            "  (other products, platforms or languages) are scored less reliably, and other languages are",
            "  scored (and their language recorded) by an English encoder. Sarcasm and mixed reviews are",
            "  the usual misses.",
        ]
    lines += [
        "- 3-star reviews are genuinely ambiguous: the exact-star figure is bounded by annotator noise.",
        "- `umot score`'s int8 default scales each batch's activations together, so a review's int8",
        "  probabilities move a little with its batch neighbours (mean |Δp_negative| 0.01, largest 0.10",
        "  on 300 training reviews; 1% of detractor flags changed): `--no-int8` scores batch-independently.",
        "",
        "## Full spec",
        "",
        "```json",
        json.dumps({k: v for k, v in asdict(spec).items() if k != "trained_params"}, indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


def _title(summary: dict, spec: ModelSpec, default: bool) -> list[str]:
    if default:
        return [
            "# Model card: umot default sentiment model",
            "",
            f"Version `{summary['version']}` — written by `umot train` (`make model` reproduces it).",
            "",
        ]
    command, out = summary.get("command"), summary.get("out") or "DIR"
    lines = [f"# Model card: {spec.name} (fine-tuned by `umot train`)", ""]
    if command:
        lines += [
            f"Version `{summary['version']}` — written by `umot train`. This command, run from the same",
            "directory with the same data, reproduces it (the run is seeded and deterministic):",
            "",
            "```bash",
            command,
            "```",
            "",
            f"Use it: `umot score INPUT -o OUTPUT --model {out}` (or `UMOT_MODEL={out}`).",
            "",
        ]
    else:
        lines += [f"Version `{summary['version']}` — written by `umot train` (its command line was not recorded).", ""]
    return lines


def _what_it_does(spec: ModelSpec) -> list[str]:
    return [
        "## What it does",
        "",
        "Reads an English review (or any short text) and predicts its star rating as a probability",
        "over 1-5 stars. umot derives `p_negative` = p(1)+p(2), `p_neutral` = p(3), `p_positive` =",
        "p(4)+p(5), the label (the largest of the three), the expected stars, and the detractor flag",
        f"(text alone: `p_negative >= {spec.detractor_threshold}`; with a rating: 1-2* always, 4-5* only",
        f"when `p_negative >= {spec.mismatch_threshold}`, reported as a rating/text mismatch).",
        "",
    ]


def _base_model(summary: dict, spec: ModelSpec, default: bool) -> list[str]:
    where = "nlp/model" if default else str(summary.get("out") or "the model directory").rstrip("/")
    copy = "the repository copy" if default else "this directory"
    return [
        "## Base model and shipped format",
        "",
        "- Encoder: `sentence-transformers/all-MiniLM-L6-v2` (6 layers, 384 wide, 22.7M parameters,",
        f"  Apache-2.0), loaded offline from the PyPI package `{spec.base_package}=={spec.base_version}`.",
        "- Head: mean pooling over tokens (how all-MiniLM was pre-trained), dropout 0.1, linear 384→5.",
        f"- `{where}/` holds only what training changed ({len(spec.trained_params)} tensors: encoder layers,",
        "  position/type embeddings, LayerNorms, head) in float16, plus `umot_model.json`. The frozen",
        "  word-embedding matrix (11.7M parameters) comes from the installed package at load time,",
        f"  so {copy} is {summary['size_mb']} MB instead of 90 MB and nothing is downloaded.",
        "- `umot score` runs the network on ONNX Runtime with int8 per-channel weights, exported from",
        "  these weights on first use and cached in `UMOT_CACHE_DIR` (default `~/.cache/umot`), with",
        "  length-sorted, dynamically padded batches; `--backend torch` and `--no-int8` switch to",
        "  PyTorch and float32 (see Speed). Texts longer than "
        f"{spec.max_length} tokens keep their first {spec.head_tokens} and last {spec.max_length - spec.head_tokens - 2} tokens.",
        "",
    ]


def _training_data(summary: dict, spec: ModelSpec, default: bool) -> list[str]:
    holdout = spec.training.get("holdout_reviews", 0)
    stars = summary.get("star_counts")
    if default:
        return [
            "## Training data and licence",
            "",
            f"- `{summary['data']}`: {summary['n_train']} reviews, stars {stars}.",
            "  The default data is the English part of the Multilingual Amazon Reviews Corpus (MARC;",
            "  Keung et al., EMNLP 2020). **The MARC licence allows research use only** (no resale,",
            "  republication or commercial use), so this default model is for research and evaluation.",
            "- For production use, retrain on your own rated reviews: `umot train --from-db` fine-tunes on",
            "  the reviews in umot's store that carry a star rating (flags triaged as \"not a detractor\"",
            "  count as corrections), and `umot train --data FILE` on any CSV/JSONL with `text` and `stars`.",
            f"- {holdout} training reviews are held out (never trained on) to choose",
            "  the detractor threshold" + ("; the dev sets below are never used for any choice."
                                           if has_evaluation(summary) else "."),
            "",
        ]
    desc = data_description(summary)
    return [
        "## Training data and licence",
        "",
        f"- {desc[0].upper() + desc[1:]}: {summary['n_train']} reviews"
        + (f", stars {stars}." if stars else "."),
        f"- Fine-tuned from the base encoder all-MiniLM-L6-v2 (PyPI package `{spec.base_package}`, Apache-2.0),",
        "  not from umot's shipped default model (whose training data, MARC, is licensed for research use",
        "  only): the terms of the training reviews above are the ones that apply to this model.",
        f"- {holdout} training reviews are held out (never trained on) to choose the detractor threshold"
        + ("; the dev sets below are never used for any choice." if has_evaluation(summary) else "."),
        "",
    ]


def _evaluation(summary: dict, default: bool) -> list[str]:
    evaluation = summary.get("evaluation") or {}
    variants = list(evaluation)
    ran = {key for v in evaluation.values() for key, value in v.items() if value is not None}
    marc_n = next((v["marc_n"] for v in evaluation.values() if v.get("marc_n")), None)
    sst2_n = next((v["sst2_n"] for v in evaluation.values() if v.get("sst2_n")), None)
    eval_dir = summary.get("eval_dir")
    where = "On the dev files"
    if eval_dir:
        readme = " (see its README)" if (Path(eval_dir) / "README.md").exists() else ""
        where = f"On the files in `{eval_dir}`{readme}"
    # "\n" marks the default card's line breaks (Markdown joins the lines of a paragraph)
    files = []
    if "polarity_bal_acc" in ran:
        files.append("MARC English test split" + (
            " (5,000 reviews,\n1,000 per star)" if marc_n == 5000 else f" ({marc_n:,} reviews)" if marc_n else ""))
    if "sst2_acc" in ran:
        files.append("SST-2 validation (" + (f"{sst2_n:,} " if sst2_n else "") + "movie-review sentences, another domain)")
    intro = f"{where}: {' and '.join(files)}."
    if "sst2_acc" in ran:
        intro += (" SST-2\nis binary, so its headline figure compares p_positive with p_negative; the strict figure\n"
                  "counts a `neutral` label as a miss.")
    lines = ["## Evaluation", "", *intro.split("\n"), ""]
    lines += [
        "| metric | target | " + " | ".join(variants) + " |",
        "| --- | --- | " + " | ".join("---" for _ in variants) + " |",
    ]
    for key, title in METRICS:
        if key not in ran:
            continue
        target = TARGETS.get(key)
        row = [_fmt(evaluation[v].get(key)) for v in variants]
        lines.append(f"| {title} | {'≥ ' + format(target, '.2f') if target else ''} | " + " | ".join(row) + " |")
    experiments = "[`nlp/EXPERIMENTS.md`](EXPERIMENTS.md)" if default else "`nlp/EXPERIMENTS.md` in the umot repository"
    lines += [
        "",
        "Reference points from the issue: VADER 0.76 polarity / 0.58 detractor F1 on MARC dev;",
        "frozen MiniLM embeddings + logistic regression 0.45 exact. Every recipe tried, with its",
        f"figures: {experiments}.",
        "",
    ]
    return lines


def _no_evaluation(summary: dict) -> list[str]:
    eval_dir = summary.get("eval_dir")
    data = str(summary.get("data") or "")
    if eval_dir:
        why = f"`{eval_dir}` holds neither `{MARC_DEV}` nor `{SST2_DEV}`"
    elif data and not summary.get("from_db"):
        why = f"no `--eval-dir` was given and no `{MARC_DEV}` lies beside `{Path(data).name}`"
    else:
        why = "no `--eval-dir` was given"
    command = summary.get("command")
    how = f"`{_without_eval_dir(command)} --eval-dir DIR`" if command else "`umot train ... --eval-dir DIR`"
    lines = [
        "## Evaluation",
        "",
        f"**Nothing was evaluated**: {why}, so this model has no dev-set figures (MARC dev, SST-2 dev)",
        "to compare with umot's targets or with the shipped default model.",
        f"To evaluate, train again with {how}, where `DIR` holds `{MARC_DEV}`",
        f"(MARC English test split, 5,000 rated Amazon reviews) and/or `{SST2_DEV}` (SST-2 validation);",
        f"a `{MARC_DEV}` beside `--data` is used without the option.",
        "",
    ]
    held = summary.get("holdout_metrics") or {}
    rows = [(title.split(": ", 1)[1], held[key]) for key, title in METRICS
            if key in held and not key.startswith("sst2") and held[key] is not None]
    if held.get("n") and rows:
        lines += [
            f"Held-out training reviews: the {held['n']} training reviews kept apart (never trained on), scored",
            "with PyTorch fp32. They come from the same data as the training reviews, so they show how well",
            "the model fits that data, not how it does elsewhere; the detractor threshold was chosen on",
            "these same reviews, so the detractor figures are optimistic."
            + (f" With only {held['n']} reviews, every figure is rough." if held["n"] < 500 else ""),
            "",
            "| metric | held-out training reviews |",
            "| --- | --- |",
            *[f"| {title} | {_fmt(value)} |" for title, value in rows],
            "",
        ]
    else:
        lines += ["No training reviews were held out, so there are no held-out figures either.", ""]
    return lines


def _without_eval_dir(command: str) -> str:
    """``command`` minus an ``--eval-dir`` option, so the hint does not repeat it."""
    return re.sub(r"\s--eval-dir(?:=|\s+)(?:'[^']*'|\S+)", "", command)

