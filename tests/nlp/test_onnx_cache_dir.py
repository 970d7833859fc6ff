"""A UMOT_CACHE_DIR the ONNX export cannot be written to is an error naming it, not PyTorch for the night.

It used to warn (a UserWarning with a source line) and score on PyTorch as ``...+int8`` instead of
``...+onnx-int8``: stored scores are keyed by the version, so the whole store was scored again, with
other numbers. ONNX Runtime not installed, or a network its exporter cannot handle, still falls back."""

import pytest

import nlp


@pytest.fixture
def unwritable_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")
    monkeypatch.setenv("UMOT_CACHE_DIR", str(cache))
    return cache


def test_an_unwritable_cache_dir_fails_naming_it(tiny_checkpoint, unwritable_cache, recwarn):
    with pytest.raises(OSError, match=f"^UMOT_CACHE_DIR {unwritable_cache}: cannot write the model's ONNX export "
                                      r"there \(not a folder\)"):
        nlp.load_scorer(str(tiny_checkpoint), quantized=True)
    assert not [w for w in recwarn if "ONNX" in str(w.message)]


def test_umot_score_says_it_in_one_line(tmp_path, tiny_checkpoint, unwritable_cache, cli_refusal):
    (tmp_path / "in.csv").write_text("text\nfine\n")
    line = cli_refusal(["score", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--model", str(tiny_checkpoint)])
    assert f"UMOT_CACHE_DIR {unwritable_cache}: cannot write" in line and not (tmp_path / "out.csv").exists()


def test_without_onnx_runtime_it_still_scores_on_pytorch(tiny_checkpoint, unwritable_cache, monkeypatch):
    from nlp import onnx_backend

    monkeypatch.setattr(onnx_backend, "available", lambda: False)
    scorer = nlp.load_scorer(str(tiny_checkpoint), quantized=True)
    assert scorer.runner is None and scorer.version.endswith("+int8") and "onnx" not in scorer.version
