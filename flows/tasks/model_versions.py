"""Which model version these model files load as, remembered between runs.

Loading the scorer costs ~8 s of CPU just to learn its version. A run that
finds nothing unscored for that version can skip the model altogether, so the
version of the last loaded model is kept under the data dir, keyed on a
fingerprint of the model files and the code that names versions.
"""

from __future__ import annotations

from typing import Any

VERSIONS_FILE = "model-versions.json"  # under the data dir: model files fingerprint -> version


def _fingerprint(model: str | None) -> str | None:
    """What a model directory's version depends on: its files (name, size, mtime), the int8
    switch and the code that names versions; None for a hub id (no local files to check)."""
    import hashlib
    from pathlib import Path

    import nlp
    from core.settings import get_settings
    from nlp.model_source import DEFAULT_MODEL, shipped_model

    settings = get_settings()
    package = Path(nlp.__file__).resolve().parent
    chosen = model or settings.model or DEFAULT_MODEL  # the scorer's default: the shipped fast model
    path = shipped_model(chosen) or Path(chosen).expanduser()  # fast/full as nlp.loading reads them
    if not path.is_dir():
        return None
    parts = [str(path.resolve()), f"{settings.backend}:{settings.quantize}"]
    # the version is the files' digest (ours: nlp/overlay.py; a checkpoint's: nlp/checkpoint_version.py, its
    # tokenizer files named in nlp/hf_checkpoint.py, its weights in nlp/weights_file.py) plus the backend's
    # suffix (nlp/loading.py), the default model named in nlp/model_source.py
    code = [package / name for name in ("loading.py", "overlay.py", "checkpoint_version.py", "hf_checkpoint.py",
                                        "weights_file.py", "model_source.py")]
    for file in sorted([*path.iterdir(), *code]):
        if file.is_file():
            stat = file.stat()
            parts.append(f"{file}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _versions_file() -> Any:
    from core.settings import get_settings

    return get_settings().data_dir / VERSIONS_FILE


def known_model_version(model: str | None = None) -> str | None:
    """The version a scorer loaded from these same model files had, without loading it (~8 s of CPU).

    Lets a run with nothing to score skip the model; None when unknown.
    """
    import json

    key = _fingerprint(model)
    try:
        return json.loads(_versions_file().read_text(encoding="utf-8")).get(key) if key else None
    except (OSError, ValueError, AttributeError):
        return None


def remember_version(model: str | None, version: str) -> None:
    """Keep ``version`` as the version of these model files (the current model's only)."""
    import json
    import os

    key = _fingerprint(model)
    if not key:
        return
    path = _versions_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({key: version}), encoding="utf-8")  # the current model's only
        os.replace(tmp, path)
    except OSError:  # only a shortcut for the next run
        pass
