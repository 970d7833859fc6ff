"""Labels written as integer-valued numbers (0.0 / 1.0 / 2.0, as pandas writes them) train as `three`.

`--scheme three` refused '0.0' ("is not one of negative, neutral, positive (or 0, 1, 2)"), and without
--scheme the advice was only `--scheme FILE=five`, which would train neutral as 2 stars."""

import pytest

from nlp.data import DataError
from nlp.label_schemes import parse_label
from nlp.sources import read_labelled_file


def labelled(tmp_path, values, name="t.csv"):
    path = tmp_path / name
    path.write_text("text,label\n" + "".join(f"text {i},{v}\n" for i, v in enumerate(values)))
    return path


def test_three_reads_integer_valued_numbers(tmp_path):
    f = read_labelled_file(labelled(tmp_path, ["0.0", "1.0", "2.0", "2", "neutral"]), "three")
    assert f.labels == [0, 1, 2, 2, 1]


@pytest.mark.parametrize("value", ["1.5", "3.0", "-1", "nan"])
def test_three_still_refuses_other_numbers(value):
    with pytest.raises(ValueError, match="is not one of negative, neutral, positive"):
        parse_label(value, "three")


def test_detection_names_every_scheme_that_fits(tmp_path):
    with pytest.raises(DataError, match=r"t\.csv: cannot tell the label scheme of column 'label' "
                                        r"\(values: 0\.0, 1\.0, 2\.0\); state it with --scheme t\.csv=five\|three$"):
        read_labelled_file(labelled(tmp_path, ["0.0", "1.0", "2.0"]))


@pytest.mark.parametrize("values,scheme", [(["0.0", "1.0"], "binary"), (["0.0", "1.0", "3.0", "4.0"], "five")])
def test_detection_reads_them_as_their_integers(tmp_path, values, scheme):
    assert read_labelled_file(labelled(tmp_path, values)).scheme == scheme


def test_train_takes_them_as_three(tmp_path, cli_refusal, monkeypatch):
    from typer.testing import CliRunner

    import nlp.training_run
    from umot.cli import app

    seen = {}

    def stub(splits, *args, **kwargs):
        seen["splits"] = splits
        raise RuntimeError("stop")

    monkeypatch.setattr(nlp.training_run, "run", stub)
    data = labelled(tmp_path, [f"{i % 3}.0" for i in range(30)])
    result = CliRunner().invoke(app, ["train", "--data", str(data), "--scheme", "three", "--out", str(tmp_path / "m")])
    assert str(result.exception) == "stop", result.output
    assert seen["splits"][0].file.scheme == "three" and set(seen["splits"][0].file.labels) == {0, 1, 2}
