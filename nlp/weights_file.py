"""Is a model's weights file whole? Missing, a Git LFS pointer (the weights never fetched), cut short or
not weights at all is one line naming the file, not a loader's traceback (torch's advice on such a file,
to load it with ``weights_only=False``, would run whatever code it holds).

:func:`check_weights_file` reads only a file's header and needs no torch (``umot run`` asks it before
its crawl); :func:`check_torch_weights` loads a PyTorch ``.bin`` as transformers would, tensors only.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

LFS_POINTER = b"version https://git-lfs"  # how a Git LFS pointer file begins (the weights never fetched)
ZIP_MAGIC = b"PK\x03\x04"  # torch.save's format since 1.6; before it a bare pickle (protocol 2: b"\x80\x02")


def checkpoint_weights(path: Path) -> list[Path]:
    """The weights files transformers reads from checkpoint folder ``path`` (its safetensors, else its
    ``pytorch_model*.bin``: training_args.bin is no weights), each header checked; FileNotFoundError if none."""
    files = sorted(path.glob("*.safetensors")) or sorted(path.glob("pytorch_model*.bin"))
    if not files:
        raise FileNotFoundError(f"{path}: no weights file (model.safetensors or pytorch_model.bin)")
    for file in files:
        check_weights_file(file)
    return files


def load_checkpoint_folder(path: Path) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, list[Path]]:
    """A Hugging Face checkpoint folder's network, tokenizer and weights files; whatever keeps its weights
    from loading (a damaged file, a tensor of another size than config.json says) is a ValueError naming them."""
    from safetensors import SafetensorError

    from nlp.hf_checkpoint import load_checkpoint

    files = checkpoint_weights(path)
    for file in (f for f in files if f.suffix == ".bin"):  # a pickle: only loading it tells whether it is whole
        check_torch_weights(file)
    try:
        net, tokenizer = load_checkpoint(path)  # no head, no vocabulary: refused before any ONNX export
    except (RuntimeError, SafetensorError) as exc:
        named = files[0] if len(files) == 1 else path
        sizes = "ignore_mismatched_sizes" in str(exc)
        reason = "a tensor's size is not the one config.json gives" if sizes else str(exc).strip().splitlines()[0]
        raise ValueError(f"{named}: its weights do not load ({reason})") from None
    return net, tokenizer, files


def check_weights_file(path: Path) -> set[str]:
    """The tensor names of a safetensors file (none read for a .bin), or ValueError naming the file where it is
    a Git LFS pointer, cut short or not weights (FileNotFoundError where it is missing), reading only its header."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: missing")
    with path.open("rb") as f:
        if f.read(len(LFS_POINTER)) == LFS_POINTER:
            raise ValueError(f"{path}: not a valid weights file (a Git LFS pointer: fetch it with `git lfs pull`)")
    if path.suffix == ".bin":
        _check_torch_header(path)
        return set()
    return _safetensors_names(path)


def _safetensors_names(path: Path) -> set[str]:
    size = path.stat().st_size
    with path.open("rb") as f:
        length = int.from_bytes(f.read(8), "little") if size >= 8 else 0
        try:  # safetensors: an 8-byte header length, a JSON header of tensors and their byte ranges, the data
            header = json.loads(f.read(length)) if 0 < length <= size - 8 else None
        except ValueError:
            header = None
    header = header if isinstance(header, dict) else None
    tensors = {k: e for k, e in (header or {}).items() if k != "__metadata__" and isinstance(e, dict)}
    ends = [end for e in tensors.values() for end in (e.get("data_offsets") or [])[1:2] if isinstance(end, int)]
    if header is None or size < 8 + length + max(ends, default=0):
        raise ValueError(f"{path}: not a valid weights file (cut short or not safetensors)")
    return set(tensors)


def _check_torch_header(path: Path) -> None:
    """A zip archive whose directory (at its end: gone from a file cut short) reads, or a legacy pickle."""
    with path.open("rb") as f:
        start = f.read(len(ZIP_MAGIC))
    if start == ZIP_MAGIC:
        try:
            with zipfile.ZipFile(path):
                return
        except (zipfile.BadZipFile, OSError):
            raise ValueError(f"{path}: not a valid weights file (cut short)") from None
    if not start.startswith(b"\x80"):
        raise ValueError(f"{path}: not a valid weights file (not PyTorch weights)")


def check_torch_weights(path: Path) -> None:
    """Load PyTorch weights file ``path`` as transformers does (tensors only, no code run); ValueError naming
    it where that fails, whatever the reason (a damaged pickle raises any of a dozen exceptions)."""
    import torch

    try:
        torch.load(path, map_location="cpu", weights_only=True, mmap=zipfile.is_zipfile(path))
    except Exception:  # noqa: BLE001 - torch's message may advise weights_only=False: never print that
        raise ValueError(f"{path}: not a valid weights file (damaged, or more than tensors: "
                         "umot loads tensors only)") from None
