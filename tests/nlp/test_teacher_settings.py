"""`umot teacher` range-checks its settings as `umot train` does, in one line, before the ~400 MB download.

`--epochs 0`/`-1` wrote untrained probabilities, `--batch-size 0` divided by zero, `--epochs nan` and
`--max-length 0` (read as no limit) failed with tracebacks, each after the download."""

import math

import pytest


@pytest.fixture
def no_download(monkeypatch):
    import nlp.teacher.run
    import nlp.teacher.weights

    monkeypatch.setattr(nlp.teacher.weights, "ensure_weights", lambda *a, **k: pytest.fail("downloaded first"))
    monkeypatch.setattr(nlp.teacher.run, "ensure_weights", lambda *a, **k: pytest.fail("downloaded first"))
    monkeypatch.setattr(nlp.teacher.run, "run_teacher", lambda *a, **k: pytest.fail("fine-tuned before the check"))


@pytest.mark.parametrize("args,message", [
    (["--epochs", "0"], "--epochs 0.0: must be above 0"),
    (["--epochs", "-1"], "--epochs -1.0: must be above 0"),
    (["--epochs", "nan"], "--epochs nan: not a finite number"),
    (["--batch-size", "0"], "--batch-size 0: must be at least 1"),
    (["--max-length", "0"], "--max-length 0: must be within 3-512"),
    (["--max-length", "600"], "--max-length 600: must be within 3-512"),
    (["--seed", "-1"], "--seed -1: must be within 0-4294967295"),
])
def test_settings_out_of_range_are_one_line(tmp_path, rated_csv, cli_refusal, no_download, args, message):
    line = cli_refusal(["teacher", "--data", str(rated_csv), "--out", str(tmp_path / "p.npz"), *args])
    assert line.startswith(f"error: {message}")
    assert not (tmp_path / "p.npz").exists()


@pytest.mark.parametrize("field,value", [("epochs", 0.0), ("epochs", math.nan), ("batch_size", 0), ("max_length", 0),
                                         ("folds", 0)])
def test_the_config_refuses_them_too(field, value):
    from nlp.teacher.fit import TeacherConfig

    with pytest.raises(ValueError, match=f"teacher {field} "):
        TeacherConfig(**{field: value})
