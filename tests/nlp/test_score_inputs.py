"""`umot score`: nothing of the input lost, damaged or unknown models refused in one line, nothing made
before the model loaded, and the same output whatever the hash seed."""

import json
import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from nlp.model_spec import ModelSpec
from umot.cli import app

runner = CliRunner()


def test_input_columns_named_like_outputs_are_kept_as_input_name(tmp_path, tiny_checkpoint):
    """The reviewer's stars and the crawler's language were overwritten by the scores."""
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"text": "Great", "rating": 5, "language": "en", "referral_intent": "recommend",
                               "stars": 5}) + "\n")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint)])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in out.read_text().splitlines()]
    assert (row["input_stars"], row["input_language"], row["input_referral_intent"]) == (5, "en", "recommend")
    assert isinstance(row["stars"], float) and row["rating"] == 5
    assert result.stderr.count("input columns named like umot's outputs") == 1
    assert "stars as input_stars" in result.stderr


@pytest.mark.parametrize("cell,kind", [(["a", "b"], "array"), ({"a": 1}, "object")])
def test_a_json_array_or_object_text_is_refused_with_its_row(tmp_path, tiny_checkpoint, cli_refusal, cell, kind):
    src = tmp_path / "t.jsonl"
    src.write_text(json.dumps({"text": "fine"}) + "\n\n" + json.dumps({"text": cell}) + "\n")
    line = cli_refusal(["score", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(tiny_checkpoint)])
    assert line == f"error: {src}: row 3: text is a JSON {kind}, not text"


def damaged(path, weights):
    path.mkdir()
    ModelSpec().save(path)
    if weights is not None:
        (path / "weights.safetensors").write_bytes(weights)
    return path


def safetensors_bytes():
    import torch
    from safetensors.torch import save

    return save({"w": torch.zeros(64, 64)})


@pytest.mark.parametrize("weights,reason", [
    (None, "missing"),
    ("truncated", "not a valid weights file (cut short or not safetensors)"),
    (b"version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n", "not a valid weights file (a Git LFS pointer"),
    (b"", "not a valid weights file"),
])
def test_a_damaged_model_folder_is_named_in_one_line(tmp_path, cli_refusal, weights, reason):
    """A truncated file was a SafetensorError traceback; no weights: "not a model directory", which was false."""
    if weights == "truncated":
        weights = safetensors_bytes()[:-100]
    model = damaged(tmp_path / "m", weights)
    src = tmp_path / "in.csv"
    src.write_text("text\nfine\n")
    line = cli_refusal(["score", str(src), "-o", str(tmp_path / "new" / "sub" / "o.csv"), "--model", str(model)])
    assert line.startswith(f"error: cannot load model {model}: {model / 'weights.safetensors'}: {reason}")
    assert not (tmp_path / "new").exists()  # -o's folders are made only once the model loaded


def test_the_loader_names_a_damaged_weights_file_too(tmp_path):
    """What `umot score` checks first, `nlp.load_scorer` (the nightly run's loader) says the same way."""
    import nlp

    model = damaged(tmp_path / "m", safetensors_bytes()[:-100])
    with pytest.raises(ValueError, match=r"weights\.safetensors: not a valid weights file \(cut short"):
        nlp.load_scorer(str(model))
    (model / "weights.safetensors").unlink()
    with pytest.raises(FileNotFoundError, match=r"weights\.safetensors: missing"):
        nlp.load_scorer(str(model))


def test_an_unknown_model_name_offline_is_one_line_at_once(tmp_path, cli_refusal, monkeypatch):
    """`--model fsat` printed six download retries over ~25 s, then a paragraph."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    src = tmp_path / "in.csv"
    src.write_text("text\nfine\n")
    started = time.monotonic()
    line = cli_refusal(["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", "fsat"])
    assert time.monotonic() - started < 10
    assert "fsat: not fast or full, a model directory, or a Hugging Face model in the local cache" in line
    assert line.endswith("did you mean fast?")


def test_model_source_error_asks_the_cache_and_the_network(monkeypatch):
    import nlp.model_source as model_source

    monkeypatch.setattr(model_source, "_reachable", lambda endpoint: False)
    for var in ("HF_HUB_OFFLINE", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    assert "the hub cannot be reached" in model_source.model_source_error("someone/no-such-model")
    assert model_source.model_source_error("fast") is None
    monkeypatch.setattr(model_source, "_reachable", lambda endpoint: True)
    assert model_source.model_source_error("someone/no-such-model") is None


def test_themes_keep_one_order_whatever_the_hash_seed():
    code = ("import json; from nlp.themes.detector import ThemeDetector; d = ThemeDetector(); "
            "print(json.dumps([d.detect_one(t).themes for t in ["
            "'The delivery was late, the price is too high, support was rude and the app keeps crashing',"
            "'Great food, friendly staff, fair prices and a quick delivery']]))")
    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    assert len(outputs) == 1
    from nlp.themes.catalog import DEFAULT_THEME_NAMES

    for themes in json.loads(outputs.pop()):
        assert list(themes) == [n for n in DEFAULT_THEME_NAMES if n in themes] and len(themes) >= 3
