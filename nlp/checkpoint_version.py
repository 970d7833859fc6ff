"""A Hugging Face checkpoint (a folder or a hub id) loaded under a version naming every file it scores with.

The version is ``hf:NAME@DIGEST``, over config.json (its id2label gives the outputs their meaning), the weights
index, every weights file and the tokenizer's files: a new vocab.txt or tokenizer.json changes every score, yet
used to keep the version, so the cached ONNX export and the stored scores were reused and nothing re-scored.
(Our own models, the shipped ones included, keep no tokenizer: nlp.loading names them by their weights.)

A hub snapshot is hashed once per process: its files are links to blobs named by their content, so the link
targets, sizes and times key the digest instead of reading every weight again at each load.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlp.hf_checkpoint import TOKENIZER_FILES, config_type_error, hf_settings, load_checkpoint
from nlp.model_source import hub_model_error, hub_snapshot
from nlp.weights_file import checkpoint_weights, load_checkpoint_folder

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

    Loaded = tuple[PreTrainedModel, PreTrainedTokenizerBase, str, dict[str, Any]]

#: Read by the tokenizer beside its vocabulary: special and added tokens change the ids a text gets.
TOKENIZER_EXTRAS = ("special_tokens_map.json", "added_tokens.json")
_SNAPSHOT_DIGESTS: dict[tuple[object, ...], str] = {}  # hub snapshot files -> their digest, for this process


def load_folder(path: Path) -> Loaded:
    """Checkpoint folder ``path``'s network, tokenizer, version and scorer settings."""
    problem = config_type_error(path)  # the line `umot run` gives before its crawl, not transformers' paragraph
    if problem:
        raise ValueError(problem)
    net, tokenizer, _ = load_checkpoint_folder(path)  # a damaged weights file: one line naming it
    # absolute: `--model .` (or `..`) has no name of its own, and the version would read "hf:@..."; a symlink
    # (UMOT_MODEL=models/current) keeps its own name: following it would re-score the store under another version
    name = Path(os.path.abspath(path)).name
    return net, tokenizer, f"hf:{name}@{checkpoint_digest(path)}", hf_settings(tokenizer, net)


def load_hub(source: str) -> Loaded:
    """Hub id ``source``'s network, tokenizer, version (of the cached revision) and scorer settings."""
    problem = hub_model_error(source)  # offline and not cached: one line now, not a minute of retries
    if problem:
        raise FileNotFoundError(problem)
    cached = hub_snapshot(source)
    problem = config_type_error(cached) if cached else None
    if problem:
        raise ValueError(problem)
    net, tokenizer = load_checkpoint(source, local_only=cached is not None)
    snapshot = hub_snapshot(source)  # the files just loaded (downloaded if need be): a new revision re-scores
    if snapshot is None:
        raise FileNotFoundError(f"{source}: loaded, but not found in the Hugging Face cache to name its version")
    return net, tokenizer, f"hf:{source}@{snapshot_digest(snapshot)}", hf_settings(tokenizer, net)


def checkpoint_files(folder: Path) -> list[Path]:
    """What checkpoint folder ``folder`` scores with: config.json, the weights index and files, the tokenizer's."""
    patterns = (*TOKENIZER_FILES, *TOKENIZER_EXTRAS)
    tokenizer = sorted({file for pattern in patterns for file in folder.glob(pattern) if file.is_file()})
    return [folder / "config.json", *sorted(folder.glob("*.index.json")), *checkpoint_weights(folder), *tokenizer]


def checkpoint_digest(folder: Path, n: int = 10) -> str:
    """Short content hash of :func:`checkpoint_files`, each read whole: part of the version, so new files re-score."""
    return _digest(checkpoint_files(folder), n)


def snapshot_digest(snapshot: Path, n: int = 10) -> str:
    """:func:`checkpoint_digest` of a hub cache snapshot, hashed once per process while its files stay the same."""
    files = checkpoint_files(snapshot)
    key = (str(snapshot.resolve()), n, *((f.name, os.path.realpath(f), *_size_and_time(f)) for f in files))
    if key not in _SNAPSHOT_DIGESTS:
        _SNAPSHOT_DIGESTS[key] = _digest(files, n)
    return _SNAPSHOT_DIGESTS[key]


def _size_and_time(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _digest(files: list[Path], n: int) -> str:
    h = hashlib.sha256()
    for file in files:
        h.update(f"{file.name}:{content_hash(file)}\n".encode())
    return h.hexdigest()[:n]


def content_hash(path: Path) -> str:
    """SHA-256 of ``path``'s bytes, read a megabyte at a time (weights files run to gigabytes)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
