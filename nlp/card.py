"""Write ``MODEL_CARD.md`` from a training run's summary (``make model`` regenerates it).

The speed section is measured by ``bench/score.py`` and kept between the
``<!-- bench:score -->`` markers, so retraining does not erase it.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

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


def _fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def bench_section(card: Path) -> str:
    """The speed section of an existing card, or a pointer to the bench."""
    if card.exists():
        text = card.read_text()
        if BENCH_START in text and BENCH_END in text:
            return text[text.index(BENCH_START) : text.index(BENCH_END) + len(BENCH_END)]
    return f"{BENCH_START}\nNot measured yet: run `make bench` (or `python -m bench score`).\n{BENCH_END}"


def write_card(card: Path, summary: dict, spec: ModelSpec) -> None:
    cfg = spec.training.get("config", {})
    evaluation = summary.get("evaluation", {})
    variants = list(evaluation)
    lines = [
        "# Model card: umot default sentiment model",
        "",
        f"Version `{summary['version']}` — written by `umot train` (`make model` reproduces it).",
        "",
        "## What it does",
        "",
        "Reads an English review (or any short text) and predicts its star rating as a probability",
        "over 1-5 stars. umot derives `p_negative` = p(1)+p(2), `p_neutral` = p(3), `p_positive` =",
        "p(4)+p(5), the label (the largest of the three), the expected stars, and the detractor flag",
        f"(text alone: `p_negative >= {spec.detractor_threshold}`; with a rating: 1-2* always, 4-5* only",
        f"when `p_negative >= {spec.mismatch_threshold}`, reported as a rating/text mismatch).",
        "",
        "## Base model and shipped format",
        "",
        "- Encoder: `sentence-transformers/all-MiniLM-L6-v2` (6 layers, 384 wide, 22.7M parameters,",
        f"  Apache-2.0), loaded offline from the PyPI package `{spec.base_package}=={spec.base_version}`.",
        "- Head: mean pooling over tokens (how all-MiniLM was pre-trained), dropout 0.1, linear 384→5.",
        f"- `nlp/model/` holds only what training changed ({len(spec.trained_params)} tensors: encoder layers,",
        "  position/type embeddings, LayerNorms, head) in float16, plus `umot_model.json`. The frozen",
        "  word-embedding matrix (11.7M parameters) comes from the installed package at load time,",
        f"  so the repository copy is {summary['size_mb']} MB instead of 90 MB and nothing is downloaded.",
        "- `umot score` runs the network on ONNX Runtime with int8 per-channel weights, exported from",
        "  these weights on first use and cached in `UMOT_CACHE_DIR` (default `~/.cache/umot`), with",
        "  length-sorted, dynamically padded batches; `--backend torch` and `--no-int8` switch to",
        "  PyTorch and float32 (see Speed). Texts longer than "
        f"{spec.max_length} tokens keep their first {spec.head_tokens} and last {spec.max_length - spec.head_tokens - 2} tokens.",
        "",
        "## Training data and licence",
        "",
        f"- `{summary['data']}`: {summary['n_train']} reviews, stars {summary['star_counts']}.",
        "  The default data is the English part of the Multilingual Amazon Reviews Corpus (MARC;",
        "  Keung et al., EMNLP 2020). **The MARC licence allows research use only** (no resale,",
        "  republication or commercial use), so this default model is for research and evaluation.",
        "- For production use, retrain on your own rated reviews: `umot train --from-db` fine-tunes on",
        "  the reviews in umot's store that carry a star rating (flags triaged as \"not a detractor\"",
        "  count as corrections), and `umot train --data FILE` on any CSV/JSONL with `text` and `stars`.",
        f"- {spec.training.get('holdout_reviews', 0)} training reviews are held out (never trained on) to choose",
        "  the detractor threshold; the dev sets below are never used for any choice.",
        "",
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
        f"({spec.training.get('threads')} threads); whole run incl. evaluation {summary['total_minutes']} min |",
        "",
        "## Evaluation",
        "",
        "On the files in `../shared/data` (see its README): MARC English test split (5,000 reviews,",
        "1,000 per star) and SST-2 validation (872 movie-review sentences, another domain). SST-2",
        "is binary, so its headline figure compares p_positive with p_negative; the strict figure",
        "counts a `neutral` label as a miss.",
        "",
        "| metric | target | " + " | ".join(variants) + " |",
        "| --- | --- | " + " | ".join("---" for _ in variants) + " |",
    ]
    for key, title in METRICS:
        target = TARGETS.get(key)
        row = [_fmt(evaluation[v].get(key)) for v in variants]
        lines.append(f"| {title} | {'≥ ' + format(target, '.2f') if target else ''} | " + " | ".join(row) + " |")
    lines += [
        "",
        "Reference points from the issue: VADER 0.76 polarity / 0.58 detractor F1 on MARC dev;",
        "frozen MiniLM embeddings + logistic regression 0.45 exact. Every recipe tried, with its",
        "figures: [`nlp/EXPERIMENTS.md`](EXPERIMENTS.md).",
        "",
        "## Speed",
        "",
        bench_section(card),
        "",
        "## Limits",
        "",
        "- Trained on English Amazon product reviews; other languages are scored (and their",
        "  language recorded) but less reliably. Sarcasm and mixed reviews are the usual misses.",
        "- 3-star reviews are genuinely ambiguous: the exact-star figure is bounded by annotator noise.",
        "",
        "## Full spec",
        "",
        "```json",
        __import__("json").dumps({k: v for k, v in asdict(spec).items() if k != "trained_params"}, indent=2),
        "```",
        "",
    ]
    card.parent.mkdir(parents=True, exist_ok=True)
    card.write_text("\n".join(lines))
