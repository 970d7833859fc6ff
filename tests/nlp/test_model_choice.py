"""What `--model` picks and what it refuses: fast/full over a folder of that name here, and checkpoints that
scored every file with numbers that meant nothing (exit 0): one with no trained classification head (a random
one each run, cached in the ONNX export) and one without its tokenizer (every word [UNK])."""

import re

import pytest

import nlp
from nlp import model_source
from nlp.base_checkpoint import base_model_dir
from nlp.hf_checkpoint import TOKENIZER_FILES
from nlp.loading import FAST_MODEL_DIR, FULL_MODEL_DIR

NO_HEAD = "not a sentiment model: it has no trained classification head"


def score_args(tmp_path, model):
    src = tmp_path / "in.csv"
    src.write_text("text\nGreat\nawful\n")
    return ["score", str(src), "-o", str(tmp_path / "out.csv"), "--model", str(model)]


def rewrite_weights(path, keep):
    """The checkpoint's weights less those ``keep`` refuses (its config still says a classifier)."""
    from safetensors.torch import load_file, save_file

    weights = path / "model.safetensors"
    save_file({k: v for k, v in load_file(str(weights)).items() if keep(k)}, str(weights), metadata={"format": "pt"})


def test_the_sentence_transformers_base_is_refused_and_nothing_is_cached(tmp_path, monkeypatch, cli_refusal):
    """The installed base package's folder scored with a new random head on each run (classifier.weight MISSING)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("UMOT_CACHE_DIR", str(cache))
    base = base_model_dir()
    with pytest.raises(ValueError, match=re.escape(f"{base}: {NO_HEAD} (classifier.bias, classifier.weight missing)")):
        nlp.load_scorer(str(base), backend="onnx")
    assert not cache.exists() or not any(cache.iterdir())
    line = cli_refusal(score_args(tmp_path, base))
    assert line.endswith(f"{base}: {NO_HEAD} (it is a BertModel)")
    assert not (tmp_path / "out.csv").exists()


def test_a_classifier_checkpoint_missing_weights_is_refused_by_the_loader(tmp_path, checkpoint_factory):
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    rewrite_weights(model, lambda k: not k.startswith("classifier."))
    assert model_source.model_source_error(str(model)) is None  # its files look whole: only loading tells
    with pytest.raises(ValueError, match=re.escape(f"{model}: {NO_HEAD} (classifier.bias, classifier.weight")):
        nlp.load_scorer(str(model))
    model = checkpoint_factory(tmp_path / "m2", {0: "NEGATIVE", 1: "POSITIVE"})
    rewrite_weights(model, lambda k: "layer.0.output" not in k)
    with pytest.raises(ValueError, match=r"m2: not a complete checkpoint: bert\.encoder\.layer\.0\.output\..* missing"):
        nlp.load_scorer(str(model))


def test_a_checkpoint_without_its_tokenizer_is_refused(tmp_path, checkpoint_factory, cli_refusal):
    """Every text was [UNK] tokens: one score for every review."""
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (model / name).unlink()
    line = cli_refusal(score_args(tmp_path, model))
    assert line.endswith(f"{model}: no tokenizer files (tokenizer.json, vocab.txt, a sentencepiece *.model, ...): "
                         "copy those saved with the model into the folder")
    with pytest.raises(ValueError, match=re.escape(f"{model}: its tokenizer reads every word as [UNK]")):
        nlp.load_scorer(str(model))


def test_a_tokenizer_config_without_its_vocabulary_is_refused_by_the_loader(tmp_path, checkpoint_factory, cli_refusal):
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    (model / "tokenizer.json").unlink()
    line = cli_refusal(score_args(tmp_path, model))
    assert line.endswith(f"{model}: its tokenizer reads every word as [UNK] (its vocabulary file is missing): "
                         "copy the tokenizer files saved with the model")


@pytest.mark.parametrize("shipped", [FAST_MODEL_DIR, FULL_MODEL_DIR])
def test_our_folders_need_no_tokenizer_files(shipped):
    """Ours take the tokenizer from the base package, so their folders hold none and are not refused."""
    assert not any(any(shipped.glob(pattern)) for pattern in TOKENIZER_FILES)
    assert model_source.model_source_error(str(shipped)) is None


def test_fast_and_full_win_over_a_folder_of_that_name(tmp_path, monkeypatch, checkpoint_factory):
    """An empty ./fast made `--model fast` "not a model directory", while a model in ./full was passed over for
    the shipped one: the check and the loader each had their own rule."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fast").mkdir()
    checkpoint_factory(tmp_path / "full", {0: "NEGATIVE", 1: "POSITIVE"})
    assert model_source.model_source_error("fast") is None
    assert model_source.model_source_error("./fast") == "./fast: not a model directory (no umot_model.json or config.json)"
    assert model_source.shipped_model(" Full ") == FULL_MODEL_DIR and model_source.shipped_model("FAST") == FAST_MODEL_DIR
    for written_as_path in ("./full", "full/", str(tmp_path / "full")):
        assert model_source.shipped_model(written_as_path) is None
        assert model_source.model_source_error(written_as_path) is None
        assert nlp.load_scorer(written_as_path, backend="torch").version.startswith("hf:full@")
    assert not nlp.load_scorer("full", backend="torch").version.startswith("hf:")
