"""Is a ``--model`` / ``UMOT_MODEL`` value usable? Judged without loading it (no torch import).

``umot run`` checks it before it starts the local Prefect API and the crawl:
loading the model happens beside the crawl, so a mistyped path used to fail the
run only after every source was crawled.
"""

from __future__ import annotations

from pathlib import Path

#: Files that make a directory a model: ours (nlp.model_spec.CONFIG_FILE) or a Hugging Face checkpoint.
MODEL_FILES = ("umot_model.json", "config.json")


def looks_like_path(source: str) -> bool:
    """A value written as a path (``./m``, ``/m``, ``~/m``) or naming something that exists; else a hub id."""
    return source.startswith((".", "/", "~")) or Path(source).expanduser().exists()


def model_source_error(source: str) -> str | None:
    """Why ``source`` cannot be loaded as a model, or None (a model directory, or a hub id)."""
    path = Path(source).expanduser()
    if not looks_like_path(source):
        return None  # a hub id: only where a network or a local Hugging Face cache has it
    if not path.exists():
        return f"{source}: no such model directory"
    if not path.is_dir() or not any((path / name).exists() for name in MODEL_FILES):
        return f"{source}: not a model directory (no {' or '.join(MODEL_FILES)})"
    return None
