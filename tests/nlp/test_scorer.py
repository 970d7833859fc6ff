"""The scorer on a tiny random checkpoint: contract, bad input, label mapping end to end."""

import math

import pytest

import nlp
from nlp.result import ReviewScore

BAD_INPUTS = [
    "", "   \n", None, float("nan"), 12345, b"bytes review", ["a", "list"],
    "x" * 100_000, "😡😡😡 👎", "<p>Terrible <b>service</b></p>&nbsp;",
    "Das Produkt ist leider nach zwei Tagen kaputt gegangen, sehr enttäuschend.",
]


def test_score_contract(tiny_scorer):
    scores = tiny_scorer.score(["I love it", "I hate it"], [5, None])
    assert all(isinstance(s, ReviewScore) for s in scores)
    for s in scores:
        assert s.label in ("negative", "neutral", "positive")
        assert 1.0 <= s.stars <= 5.0
        assert math.isclose(s.p_negative + s.p_neutral + s.p_positive, 1.0, abs_tol=1e-3)
        assert s.p_neutral == 0.0  # a 2-class model has no neutral class
        assert s.confidence == max(s.p_negative, s.p_positive)
        assert set(s.as_dict()) >= {"label", "stars", "detractor", "reasons", "language"}
    assert tiny_scorer.version.startswith("hf:")


def test_bad_input_never_crashes_the_batch(tiny_scorer):
    scores = tiny_scorer.score(BAD_INPUTS, progress=True)
    assert len(scores) == len(BAD_INPUTS)
    for value, s in zip(BAD_INPUTS, scores):
        empty = value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip()
        if empty:
            assert s.label is None and s.p_negative is None and "empty text" in s.reasons
        else:
            assert s.label is not None
    assert scores[-1].language == "de"
    assert any("language de" in r for r in scores[-1].reasons)


def test_long_text_is_truncated_to_head_and_tail(tiny_scorer):
    [ids] = tiny_scorer.encode(["good " * 2000 + "but it broke"])
    assert len(ids) == tiny_scorer.max_length
    assert ids[0] == tiny_scorer.tokenizer.cls_token_id and ids[-1] == tiny_scorer.tokenizer.sep_token_id


def test_ratings_length_must_match(tiny_scorer):
    with pytest.raises(ValueError):
        tiny_scorer.score(["a", "b"], [1])


def test_empty_text_with_low_rating_is_still_a_detractor(tiny_scorer):
    [s] = tiny_scorer.score([""], [1])
    assert s.label is None and s.detractor and s.reasons == ["empty text", "rated 1★"]


def test_three_class_checkpoint_and_env_var(tmp_path, monkeypatch, checkpoint_factory):
    path = checkpoint_factory(tmp_path / "m3", {0: "negative", 1: "neutral", 2: "positive"})
    monkeypatch.setenv("UMOT_MODEL", str(path))
    monkeypatch.setenv("UMOT_QUANTIZE", "1")
    scorer = nlp.load_scorer()
    assert scorer.version.endswith("int8")
    [s] = scorer.score(["fine"])
    assert s.p_neutral > 0 and 1.5 <= s.stars <= 4.5


@pytest.mark.parametrize("value", ["maybe", "2", "int8"])
def test_unknown_quantize_setting_is_an_error(monkeypatch, value):
    monkeypatch.setenv("UMOT_QUANTIZE", value)
    with pytest.raises(ValueError, match=f"UMOT_QUANTIZE='{value}': input should be a valid boolean"):
        nlp.load_scorer()


def test_missing_model_dir_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a model directory"):
        nlp.load_scorer(str(tmp_path))


def test_onnx_and_torch_backends_agree(tiny_checkpoint, onnx_cache):
    texts = ["works well", "broke on day one, avoid", "x " * 400, "fine"]  # padded batch
    onnx = nlp.load_scorer(str(tiny_checkpoint), quantized=False, backend="onnx")
    torch_ = nlp.load_scorer(str(tiny_checkpoint), quantized=False, backend="torch")
    assert onnx.version.endswith("+onnx") and onnx.runner is not None
    assert any(onnx_cache.glob("*.onnx"))
    a, b = onnx.score(texts), torch_.score(texts)
    for x, y in zip(a, b):
        assert abs(x.p_negative - y.p_negative) < 1e-3 and x.label == y.label


def test_unknown_backend(tiny_checkpoint):
    with pytest.raises(ValueError, match="unknown backend"):
        nlp.load_scorer(str(tiny_checkpoint), backend="tpu")


def test_full_and_fast_name_the_shipped_models(monkeypatch, tmp_path):
    import nlp
    from nlp import loading

    missing = tmp_path / "model_fast"
    monkeypatch.setitem(loading.SHIPPED_MODELS, "fast", missing)
    with pytest.raises(FileNotFoundError, match=f"no shipped model in {missing}: run `make model`"):
        nlp.load_scorer("fast")
    assert loading.SHIPPED_MODELS["full"] == loading.FULL_MODEL_DIR


def test_onnx_export_failure_falls_back_to_torch(tiny_checkpoint, monkeypatch):
    """An architecture the ONNX exporter cannot handle still scores, on PyTorch (int8 there), with a warning."""
    from nlp import onnx_backend

    def cannot_export(*args, **kwargs):
        raise RuntimeError("unsupported operator")

    monkeypatch.setattr(onnx_backend, "runner_for", cannot_export)
    with pytest.warns(UserWarning, match=r"ONNX export failed \(unsupported operator\); scoring with PyTorch"):
        scorer = nlp.load_scorer(str(tiny_checkpoint), quantized=True, backend="onnx")
    assert scorer.runner is None and scorer.version.endswith("+int8") and "onnx" not in scorer.version
    [s] = scorer.score(["works well"])
    assert s.label is not None
