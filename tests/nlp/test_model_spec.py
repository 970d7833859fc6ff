"""The model directory's spec file and what makes a directory one of ours."""

import json

from nlp.model_spec import CONFIG_FILE, ModelSpec
from nlp.overlay import WEIGHTS_FILE, is_overlay_dir


def test_spec_round_trips_and_ignores_keys_it_does_not_know(tmp_path):
    spec = ModelSpec(name="m", num_layers=4, detractor_threshold=0.44, training={"epochs": 3})
    spec.save(tmp_path)
    data = json.loads((tmp_path / CONFIG_FILE).read_text())
    (tmp_path / CONFIG_FILE).write_text(json.dumps({**data, "written_by_a_newer_umot": 1}))
    assert ModelSpec.load(tmp_path) == spec


def test_an_overlay_dir_needs_both_the_spec_and_the_weights(tmp_path):
    ModelSpec().save(tmp_path)
    assert not is_overlay_dir(tmp_path)
    (tmp_path / WEIGHTS_FILE).write_bytes(b"")
    assert is_overlay_dir(tmp_path)


def test_checking_our_models_imports_no_torch():
    """`umot run` checks --model before its crawl: reading the spec and the weights' header stays light."""
    import subprocess
    import sys

    code = ("import sys; from nlp.model_source import model_source_error as check; "
            "assert check('fast') is None and check('full') is None; assert 'torch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
