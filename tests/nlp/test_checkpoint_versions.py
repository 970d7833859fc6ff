"""A checkpoint's version names everything it scores with: every shard (not the first only), config.json (its
id2label gives the outputs their meaning) and, for a hub id, the revision the cache holds. A version that stayed
put reused the old ONNX export and never re-scored the store. Also: what `--model` refuses before loading."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import nlp
from nlp import model_source

MakeCheckpoint = Callable[[Path, dict[int, str]], Path]


def version(model: str | Path) -> str:
    return nlp.load_scorer(str(model), backend="torch").version


def test_a_changed_later_shard_or_config_changes_the_version(tmp_path: Path, checkpoint_factory: MakeCheckpoint) -> None:
    import torch
    from safetensors.torch import load_file, save_file
    from transformers import AutoModelForSequenceClassification

    model = checkpoint_factory(tmp_path / "whole", {0: "NEGATIVE", 1: "POSITIVE"})
    sharded = tmp_path / "sh"
    AutoModelForSequenceClassification.from_pretrained(model).save_pretrained(sharded, max_shard_size="300KB")
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(model / name, sharded / name)
    shards = sorted(sharded.glob("model-*.safetensors"))
    assert len(shards) >= 2
    before = version(sharded)
    last = load_file(str(shards[-1]))
    save_file({k: torch.zeros_like(v) for k, v in last.items()}, str(shards[-1]), metadata={"format": "pt"})
    after = version(sharded)
    assert after.startswith("hf:sh@") and after != before
    config = json.loads((sharded / "config.json").read_text())
    config["id2label"] = {"0": "POSITIVE", "1": "NEGATIVE"}  # same weights, the opposite meaning
    config["label2id"] = {"POSITIVE": 0, "NEGATIVE": 1}
    (sharded / "config.json").write_text(json.dumps(config))
    assert version(sharded) not in (before, after)


def test_a_hub_model_s_version_follows_the_cached_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           checkpoint_factory: MakeCheckpoint) -> None:
    from huggingface_hub import constants

    cache = tmp_path / "hub"
    repo = cache / "models--acme--senti"
    for commit in ("1" * 40, "2" * 40):  # two revisions, other weights
        checkpoint_factory(repo / "snapshots" / commit, {0: "NEGATIVE", 1: "POSITIVE"})
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    (repo / "refs").mkdir()
    versions = []
    for commit in ("1" * 40, "2" * 40, "1" * 40):
        (repo / "refs" / "main").write_text(commit)
        versions.append(version("acme/senti"))
    assert versions[0].startswith("hf:acme/senti@") and versions[0] != versions[1]
    assert versions[2] == versions[0]  # the content names it: the same files, the same version


@pytest.mark.parametrize(("id2label", "why"), [
    ({0: "anger", 1: "joy", 2: "sadness"}, "cannot map label 'anger' to negative/neutral/positive"),
    ({i: f"LABEL_{i}" for i in range(4)}, "only 2-, 3- and 5-class sentiment models are supported, got 4 classes"),
])
def test_labels_umot_cannot_map_are_refused_before_loading(tmp_path: Path, checkpoint_factory: MakeCheckpoint,
                                                           monkeypatch: pytest.MonkeyPatch, cli_refusal,
                                                           id2label: dict[int, str], why: str) -> None:
    """`umot run --model DIR` learnt this only after the Prefect API and the crawl."""
    model = checkpoint_factory(tmp_path / "m", id2label)
    assert model_source.model_source_error(str(model)) == f"{model / 'config.json'}: {why}"
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    line = cli_refusal(["run", "--model", str(model), "--brand", "nobody"])  # the model is checked first
    assert line == f"error: cannot load the model: {model / 'config.json'}: {why}"


def test_a_config_the_loader_reads_its_own_way_is_left_to_it(tmp_path: Path,
                                                             checkpoint_factory: MakeCheckpoint) -> None:
    """No id2label is 2 classes; id2label against num_labels differs between transformers versions."""
    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    config = json.loads((model / "config.json").read_text())
    for edit in ({"id2label": None, "num_labels": None}, {"id2label": {"0": "a", "1": "b", "2": "c"}, "num_labels": 2}):
        (model / "config.json").write_text(json.dumps({k: v for k, v in {**config, **edit}.items() if v is not None}))
        assert model_source.model_source_error(str(model)) is None
    (model / "config.json").write_text(json.dumps({**{k: v for k, v in config.items() if k != "id2label"},
                                                   "num_labels": 4}))
    assert model_source.model_source_error(str(model)).endswith("config.json: only 2-, 3- and 5-class sentiment "
                                                                "models are supported, got 4 classes")


def test_an_unknown_model_type_is_one_line(tmp_path: Path, checkpoint_factory: MakeCheckpoint) -> None:
    """transformers adds a paragraph of pip advice to the line that says what is wrong."""
    from typer.testing import CliRunner

    from umot.cli import app

    model = checkpoint_factory(tmp_path / "m", {0: "NEGATIVE", 1: "POSITIVE"})
    config = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**config, "model_type": "foobert"}))
    with pytest.raises(ValueError, match="model type `foobert`") as caught:
        nlp.load_scorer(str(model))
    assert "\n" not in str(caught.value) and "pip install" not in str(caught.value)
    src = tmp_path / "in.csv"
    src.write_text("text\nGreat\n")
    result = CliRunner().invoke(app, ["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", str(model)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output


def test_a_folder_given_as_dot_is_versioned_by_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        checkpoint_factory: MakeCheckpoint) -> None:
    """`--model .` in the checkpoint's folder recorded "hf:@digest": no name to tell models apart by."""
    from nlp.checkpoint_version import load_folder

    folder = checkpoint_factory(tmp_path / "mine", {0: "NEGATIVE", 1: "POSITIVE"})
    named = load_folder(folder)[2]
    monkeypatch.chdir(folder)
    assert load_folder(Path("."))[2] == named and named.startswith("hf:mine@")
    monkeypatch.chdir(folder / "..")
    assert load_folder(Path("mine/"))[2] == named


def test_a_symlinked_folder_keeps_the_links_name(tmp_path: Path, checkpoint_factory: MakeCheckpoint) -> None:
    """UMOT_MODEL=models/current: following the link named the target, a new version for every stored score."""
    from nlp.checkpoint_version import load_folder

    folder = checkpoint_factory(tmp_path / "ck", {0: "NEGATIVE", 1: "POSITIVE"})
    (current := tmp_path / "current").symlink_to(folder, target_is_directory=True)
    assert load_folder(current)[2].startswith("hf:current@")
