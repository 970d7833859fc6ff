"""A config.json whose model_type transformers does not know (or that has none) is one line naming it before
`umot run` starts Prefect and its crawl, and `umot score` loads torch: the same line loading it gives."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import nlp
from nlp import model_source

MakeCheckpoint = Callable[[Path, dict[int, str]], Path]


def with_type(model: Path, model_type: str | None) -> Path:
    config = json.loads((model / "config.json").read_text())
    config.pop("model_type")
    (model / "config.json").write_text(json.dumps(config if model_type is None else {**config,
                                                                                        "model_type": model_type}))
    return model


@pytest.mark.parametrize(("model_type", "why"), [
    ("foobert", "does not recognize model type `foobert` (a damaged config.json, or a model newer than this"),
    (None, "no model_type (transformers"),
])
def test_an_unknown_model_type_is_refused_before_the_run(tmp_path: Path, checkpoint_factory: MakeCheckpoint,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         cli_refusal: Callable[[list[str]], str],
                                                         model_type: str | None, why: str) -> None:
    model = with_type(checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"}), model_type)
    problem = model_source.model_source_error(str(model))
    assert problem and problem.startswith(f"{model / 'config.json'}: ") and why in problem, problem
    with pytest.raises(ValueError) as caught:
        nlp.load_scorer(str(model), backend="torch")
    assert str(caught.value) == problem  # the line a load gives, not transformers' paragraph
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    line = cli_refusal(["run", "--model", str(model), "--brand", "nobody"])  # the model is checked first
    assert line == f"error: cannot load the model: {problem}"


def test_a_cached_hub_model_s_type_is_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  checkpoint_factory: MakeCheckpoint) -> None:
    from huggingface_hub import constants

    repo = tmp_path / "hub" / "models--acme--typo"
    snapshot = with_type(checkpoint_factory(repo / "snapshots" / ("1" * 40), {0: "NEGATIVE", 1: "POSITIVE"}),
                         "foobert")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("1" * 40)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    problem = model_source.model_source_error("acme/typo")
    assert problem and problem.startswith(f"{snapshot / 'config.json'}: ") and "model type `foobert`" in problem


def test_known_types_pass(tmp_path: Path, checkpoint_factory: MakeCheckpoint) -> None:
    """A type only configuration_auto adds (gpt-sw3) is known: the check errs towards the loader."""
    from nlp.hf_checkpoint import config_type_error

    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    assert config_type_error(model) is None and config_type_error(with_type(model, "gpt-sw3")) is None
