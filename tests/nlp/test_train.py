"""A real (small) training run through `umot train`, then scoring with its output."""

import json

import pytest
from typer.testing import CliRunner

from umot.cli import app


@pytest.mark.slow
def test_train_small_run_writes_a_loadable_model_and_card(tmp_path):
    data = tmp_path / "train.csv"
    rows = ["text,stars"]
    good = ["Love it, works perfectly.", "Great quality, five stars!", "Excellent, would buy again."]
    bad = ["Broke after one day, awful.", "Terrible quality, do not buy.", "Useless junk, returned it."]
    for i in range(40):
        rows.append(f'"{good[i % 3]} #{i}",{4 + i % 2}')
        rows.append(f'"{bad[i % 3]} #{i}",{1 + i % 2}')
        rows.append(f'"It is okay, nothing special. #{i}",3')
    data.write_text("\n".join(rows) + "\n")
    out = tmp_path / "model"
    result = CliRunner().invoke(app, [
        "train", "--data", str(data), "--out", str(out), "--epochs", "1", "--max-length", "24",
        "--batch-size", "16", "--holdout", "12",
    ])
    assert result.exit_code == 0, result.output
    spec = json.loads((out / "umot_model.json").read_text())
    assert spec["training"]["train_reviews"] == 120 - 12
    assert 0.3 <= spec["detractor_threshold"] <= 0.7
    card = (out / "MODEL_CARD.md").read_text()
    assert "| `epochs` | 1.0 |" in card
    # the card describes this run: its data, its command, and that no dev set was evaluated
    assert card.startswith("# Model card: umot-minilm-sentiment (fine-tuned by `umot train`)")
    assert "- `train.csv`: 120 reviews, stars {1: 20, 2: 20, 3: 40, 4: 20, 5: 20}." in card
    assert f"umot train --data {data} --out {out} --epochs 1.0 --max-length 24 --batch-size 16 --holdout 12" in card
    assert "**Nothing was evaluated**" in card and "| 5-star exact accuracy |" in card
    assert "make model" not in card and "MARC licence" not in card and "Amazon product reviews" not in card
    assert (out / "weights.safetensors").stat().st_size < 25e6
    # the lexicon's 4,032 words must not swamp 108 reviews: at most the sentence views' share (0.4)
    assert "+ 43 lexicon words/epoch" in result.output

    import nlp

    scorer = nlp.load_scorer(str(out), quantized=False)
    assert scorer.version.startswith("umot-minilm-sentiment@")
    scores = scorer.score(["", "Broke after one day, awful.", "Love it, works perfectly."])
    assert scores[0].label is None and all(s.label for s in scores[1:])


def test_train_rejects_bad_arguments(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["train"])
    assert result.exit_code != 0 and "--data" in result.output
    bad = tmp_path / "t.csv"
    bad.write_text("text,stars\nfine,9\n")
    result = runner.invoke(app, ["train", "--data", str(bad), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0 and "row 2" in result.output and "1-5" in result.output
    assert not (tmp_path / "m").exists()


def test_sentiment_words_are_polar_and_carry_their_licence():
    from nlp.train import WORDS_FILE, sentiment_words

    words = sentiment_words()
    assert len(words) > 3000 and words["great"] == 1 and words["terrible"] == 0
    about = json.loads(WORDS_FILE.read_text())
    assert "MIT" in about["licence"] and "Hutto" in about["licence"]


def test_weight_average_is_a_running_mean_after_warm_up():
    import torch

    from nlp.train import WeightAverage

    net = torch.nn.Linear(1, 1, bias=False)
    avg = WeightAverage(net, decay=0.99)
    for step, value in enumerate([1.0, 2.0, 3.0, 4.0], start=1):
        with torch.no_grad():
            net.weight.fill_(value)
        avg.update(net, step, start=2)  # steps 1-2 are warm-up: the average follows the weights
    avg.copy_to(net)
    assert net.weight.item() == pytest.approx((2.0 + 3.0 + 4.0) / 3)
