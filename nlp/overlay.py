"""The on-disk model: only what training changed, overlaid on the base package's weights.

A model directory (``nlp/model/``) holds the trained parameters (encoder
layers and head) in float16 (``weights.safetensors``) and the spec
(``umot_model.json``). Loading overlays them on the base weights installed
with umot, so the repository copy stays ~21 MB and no model hub is needed.
"""

from __future__ import annotations

from importlib.metadata import version as package_version
from pathlib import Path

import torch

from nlp.base_checkpoint import BASE_PACKAGE, build_from_base
from nlp.checkpoint_version import content_hash
from nlp.model_spec import CONFIG_FILE, FORMAT, ModelSpec
from nlp.modeling import MeanPoolSentiment
from nlp.weights_file import check_weights_file

WEIGHTS_FILE = "weights.safetensors"


def stored_names(model: MeanPoolSentiment, spec: ModelSpec) -> list[str]:
    """The parameters the overlay stores: the spec's, else those training changed."""
    return sorted(spec.trained_params or [n for n, p in model.named_parameters() if p.requires_grad])


def round_as_stored(model: MeanPoolSentiment, spec: ModelSpec) -> None:
    """Round the stored parameters through float16 in place, as ``save_overlay`` writes them.

    Whatever is measured afterwards (threshold, ONNX export, the card's figures) is then
    the model that ships and that `umot score` loads, not its float32 twin from training."""
    state = model.state_dict()
    with torch.no_grad():
        for name in stored_names(model, spec):
            state[name].copy_(state[name].to(torch.float16).to(state[name].dtype))


def save_overlay(model: MeanPoolSentiment, spec: ModelSpec, directory: Path) -> None:
    """Store the trained parameters (float16) and the spec."""
    from safetensors.torch import save_file

    directory.mkdir(parents=True, exist_ok=True)
    state = model.state_dict()
    spec.trained_params = stored_names(model, spec)
    spec.base_version = package_version(BASE_PACKAGE)
    tensors = {n: state[n].detach().to(torch.float16).contiguous() for n in spec.trained_params}
    save_file(tensors, str(directory / WEIGHTS_FILE), metadata={"format": FORMAT})
    (directory / WEIGHTS_FILE).chmod(0o644)
    spec.save(directory)


def load_overlay(directory: Path) -> tuple[MeanPoolSentiment, ModelSpec]:
    """Rebuild a saved model: base package weights + the stored trained parameters.

    A damaged folder (a spec not a JSON object of valid fields, weights missing, cut short, a Git LFS
    pointer or short of a tensor the spec names) raises ``FileNotFoundError`` / ``ValueError`` naming the
    file, which ``umot score`` prints as one line: the base would fill a missing tensor in at random."""
    spec = ModelSpec.load(directory)
    overlay = read_weights(directory / WEIGHTS_FILE)
    spec.check_tensors(directory / WEIGHTS_FILE, overlay)
    model = build_from_base(spec.labels, spec.num_layers)
    state = model.state_dict()
    for name, tensor in overlay.items():
        if name not in state:
            raise ValueError(f"{directory}: parameter {name} is not part of the model")
        if state[name].shape != tensor.shape:
            raise ValueError(f"{directory / WEIGHTS_FILE}: parameter {name} has shape {tuple(tensor.shape)}, "
                             f"the model's is {tuple(state[name].shape)}")
        state[name].copy_(tensor.to(state[name].dtype))
    model.eval()
    return model, spec


def read_weights(path: Path) -> dict[str, torch.Tensor]:
    """The tensors of a weights file, or an error that names it (missing, a Git LFS pointer, damaged)."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    check_weights_file(path)
    try:
        return load_file(str(path))
    except (SafetensorError, OSError) as exc:
        raise ValueError(f"{path}: not a valid weights file ({' '.join(str(exc).split())})") from None


def is_overlay_dir(path: Path) -> bool:
    """A directory in this format (else the loader tries it as a Hugging Face checkpoint)."""
    return (path / CONFIG_FILE).exists() and (path / WEIGHTS_FILE).exists()


def file_digest(path: Path, n: int = 10) -> str:
    """Short content hash: part of the model version, so new weights re-score."""
    return content_hash(path)[:n]
