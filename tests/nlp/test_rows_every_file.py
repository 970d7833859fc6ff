"""A bare `--rows N` caps every --data file (a `FILE=N` wins for its file), in `umot train` and `umot teacher`.

`--rows 20` was silently ignored: the run trained on 26 texts of a 30-row file."""

import pytest
from typer.testing import CliRunner

from umot.cli import app


class Ran(Exception):
    """Raised by the stubbed run: the command got as far as training."""


@pytest.fixture
def seen(monkeypatch):
    import nlp.teacher.run
    import nlp.training_run

    kept: dict = {}

    def stub(splits, *args, **kwargs):
        kept["splits"] = splits
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", stub)
    monkeypatch.setattr(nlp.teacher.run, "run_teacher", stub)
    return kept


def two_files(tmp_path):
    paths = []
    for name in ("a.csv", "b.csv"):
        path = tmp_path / name
        path.write_text("text,stars\n" + "".join(f"{name} review {i},{1 + i % 5}\n" for i in range(30)))
        paths.append(path)
    return paths


@pytest.mark.parametrize("command", ["train", "teacher"])
@pytest.mark.parametrize("rows,trained", [(["20"], [20, 20]), (["20", "b.csv=22"], [20, 22]),
                                          (["b.csv=22", "20"], [20, 22]), ([], [25, 25])])
def test_a_bare_row_cap_applies_to_every_file(tmp_path, seen, command, rows, trained):
    a, b = two_files(tmp_path)
    out = tmp_path / ("m" if command == "train" else "p.npz")
    args = [command, "--data", str(a), "--data", str(b), *(x for r in rows for x in ("--rows", r)), "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert isinstance(result.exception, Ran), result.output
    assert [len(s.train) for s in seen["splits"]] == trained


@pytest.mark.parametrize("command", ["train", "teacher"])
def test_the_help_says_so(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200, env={"COLUMNS": "200"})
    assert "[FILE=]N" in result.output and "of every file (N)" in " ".join(result.output.split())
