"""A real (small) training run through `umot train` on two files of different schemes, then scoring with it."""

import json

import pytest
from typer.testing import CliRunner

from umot.cli import app

GOOD = ["Love it, works perfectly.", "Great quality, five stars!", "Excellent, would buy again."]
BAD = ["Broke after one day, awful.", "Terrible quality, do not buy.", "Useless junk, returned it."]


def reviews_csv(path, n=40):
    rows = ["text,stars"]
    for i in range(n):
        rows.append(f'"{GOOD[i % 3]} #{i}",{4 + i % 2}')
        rows.append(f'"{BAD[i % 3]} #{i}",{1 + i % 2}')
        rows.append(f'"It is okay, nothing special. #{i}",3')
    path.write_text("\n".join(rows) + "\n")
    return path


def mentions_jsonl(path, n=30):
    lines = []
    for i in range(n):
        for text, label in [(f"so happy with @acme today #{i}", "positive"), (f"@acme worst service ever #{i}", "negative"),
                            (f"@acme opens a shop on monday #{i}", "neutral")]:
            lines.append(json.dumps({"text": text, "sentiment": label}))
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.slow
def test_train_on_two_schemes_writes_full_and_fast_models_and_a_card(tmp_path):
    reviews, mentions = reviews_csv(tmp_path / "reviews.csv"), mentions_jsonl(tmp_path / "mentions.jsonl")
    out, fast = tmp_path / "model", tmp_path / "fast"
    result = CliRunner().invoke(app, [
        "train", "--data", str(reviews), "--data", str(mentions), "--holdout", "mentions.jsonl=0.2",
        "--rows", "mentions.jsonl=60", "--out", str(out), "--fast-out", str(fast), "--epochs", "1", "--fast-epochs", "0.5",
        "--fast-lr", "2e-4", "--max-length", "24", "--batch-size", "16", "--set", "sentence_views=0.2",
    ])
    assert result.exit_code == 0, result.output
    spec = json.loads((out / "umot_model.json").read_text())
    files = spec["training"]["files"]
    assert files["reviews.csv"] == {"scheme": "stars", "rows": 120, "trained": 108, "held_out": 12}
    assert files["mentions.jsonl"] == {"scheme": "three", "rows": 90, "trained": 60, "held_out": 18}
    assert spec["training"]["train_texts"] == 168 and spec["training"]["config"]["sentence_views"] == 0.2
    assert 0.3 <= spec["detractor_threshold"] <= 0.7
    fast_spec = json.loads((fast / "umot_model.json").read_text())
    for scored in (spec, fast_spec):  # the scorer reads what training read (it read 128 tokens whatever --max-length)
        assert (scored["max_length"], scored["head_tokens"]) == (24, 15)
    assert fast_spec["num_layers"] == 4 and fast_spec["training"]["distill"]["epochs"] == 0.5
    assert fast_spec["training"]["distill"]["lr"] == 2e-4 and spec["training"]["config"]["lr"] == 1e-4
    card = (out / "MODEL_CARD.md").read_text()
    assert "| `reviews.csv` | stars | 120 | 108 | 12 (10%) | your own data |" in card
    assert "| `mentions.jsonl` | three | 90 | 60 | 18 (20%) | your own data |" in card
    assert "### mentions.jsonl (held-out split, 18 texts)" in card and "| metric | target | full | fast |" in card
    assert "**No dev or test set was evaluated**" in card
    assert "may be used for research only" not in card and "the terms of the data above are the ones that apply" in card
    for model_dir in (out, fast):
        assert (model_dir / "weights.safetensors").stat().st_size < 25e6

    import nlp

    scorer = nlp.load_scorer(str(fast), quantized=False)
    assert scorer.version.startswith("umot-minilm-sentiment-fast@")
    scores = scorer.score(["", "Broke after one day, awful.", "Love it, works perfectly."])
    assert scores[0].label is None and all(s.label for s in scores[1:])


@pytest.mark.parametrize("content,name,extra,message", [
    ("text,author\nhi,me\n", "bad.csv", [], "bad.csv: no usable label column"),
    ("text,stars\nfine,9\n", "bad.csv", [], "bad.csv: row 2: stars '9' is not within 1-5"),
    ("text,label\nfine,positive\nodd,3\n", "bad.csv", ["--scheme", "bad.csv=three"], "bad.csv: row 3: label '3'"),
    ("", "bad.csv", [], "bad.csv: empty file"),
    ("text,stars\nok,5\n", "bad.txt", [], "bad.txt: unknown format"),
])
def test_one_bad_file_among_good_ones_stops_before_training(tmp_path, rated_csv, cli_refusal, content, name, extra,
                                                            message):
    bad = tmp_path / name
    bad.write_text(content)
    assert message in cli_refusal(["train", "--data", str(rated_csv), "--data", str(bad), *extra,
                                   "--out", str(tmp_path / "m")])
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("args,message", [
    ([], "give --data FILE (one or more) or --from-db"),
    (["--scheme", "other.csv=stars"], "--scheme 'other.csv=stars': other.csv is not one of the --data files"),
    (["--holdout", "1.5"], "--holdout '1.5': the held-out share must be within 0-1"),
    (["--rows", "reviews.csv=0"], "--rows 'reviews.csv=0': the row cap must be a positive number"),
    (["--scheme", "likert"], "--scheme 'likert': unknown scheme"),
    (["--set", "lr"], "--set 'lr': expected FIELD=VALUE"),
    (["--set", "lr=fast"], "--set 'lr=fast': 'fast' is not a float"),
    (["--teacher-probs", "t.npz", "--teacher-temperature", "0"], "--teacher-temperature 0.0: must be above 0"),
    (["--teacher-weight", "2"], "--teacher-weight and --teacher-temperature shape the loss to --teacher-probs FILE"),
    (["--teacher-weight", "1"], "--teacher-weight and --teacher-temperature shape the loss to --teacher-probs FILE"),
    (["--teacher-temperature", "2"], "--teacher-weight and --teacher-temperature shape the loss to --teacher-probs FILE"),
    (["--fast-epochs", "0.5"], "--fast-epochs: give --fast-out DIR too"),
    (["--fast-lr", "2e-4"], "--fast-lr: give --fast-out DIR too"),
    (["--fast-out", "f", "--fast-lr", "0"], "--fast-lr 0.0: must be above 0"),
    (["--fast-teacher-mix", "1.5"], "--fast-teacher-mix 1.5: must be within 0-1"),
    (["--fast-teacher-mix", "0.5"], "--fast-teacher-mix: give --fast-out DIR and --teacher-probs FILE too"),
    (["--fast-teacher-mix", "0"], "--fast-teacher-mix: give --fast-out DIR and --teacher-probs FILE too"),
    (["--brand", "Acme"], "--brand and --database-url choose the store's reviews: give --from-db too"),
])
def test_bad_options_are_one_line(tmp_path, rated_csv, cli_refusal, args, message):
    data = ["--data", str(rated_csv)] if args else []
    assert message in cli_refusal(["train", *data, *args, "--out", str(tmp_path / "m")])
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("option", ["--out", "--fast-out", "--card"])
def test_a_place_it_cannot_write_is_refused_before_training(tmp_path, rated_csv, cli_refusal, monkeypatch, option):
    """It was a traceback after the whole training run (an hour of make model)."""
    import nlp.training_run

    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: pytest.fail("trained before the check"))
    (tmp_path / "taken").write_text("a file where a folder should be")
    target = tmp_path / "taken" / "x"
    paths = {"--out": str(tmp_path / "m"), option: str(target)}
    if option != "--fast-out":
        paths["--fast-out"] = str(tmp_path / "f")
    line = cli_refusal(["train", "--data", str(rated_csv), *(a for kv in paths.items() for a in kv)])
    assert line.startswith(f"error: {option} {target}: cannot write")
    assert not (tmp_path / "m").exists() and not (tmp_path / "f").exists()  # nothing made


def test_sentiment_words_are_polar_and_carry_their_licence():
    from nlp.views import WORDS_FILE, sentiment_words

    words = sentiment_words()
    assert len(words) > 3000 and words["great"] == 1 and words["terrible"] == 0
    about = json.loads(WORDS_FILE.read_text())
    assert "MIT" in about["licence"] and "Hutto" in about["licence"]


def test_weight_average_is_a_running_mean_after_warm_up():
    import torch

    from nlp.optim import WeightAverage

    net = torch.nn.Linear(1, 1, bias=False)
    avg = WeightAverage(net, decay=0.99)
    for step, value in enumerate([1.0, 2.0, 3.0, 4.0], start=1):
        with torch.no_grad():
            net.weight.fill_(value)
        avg.update(net, step, start=2)  # steps 1-2 are warm-up: the average follows the weights
    avg.copy_to(net)
    assert net.weight.item() == pytest.approx((2.0 + 3.0 + 4.0) / 3)


def test_a_student_without_steps_is_refused_before_training(tmp_path, rated_csv, cli_refusal):
    assert "--fast-epochs 0.0: must be above 0" in cli_refusal([
        "train", "--data", str(rated_csv), "--fast-out", str(tmp_path / "f"), "--fast-epochs", "0",
        "--out", str(tmp_path / "m")])
    assert not (tmp_path / "m").exists()
