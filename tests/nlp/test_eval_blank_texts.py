"""An evaluation file's blank text is refused in one line naming file and row, before training.

`marc_en_dev.csv.gz` with a row `"",1` (or `sst2_dev.csv` with `,0`) passed the pre-check, then scored as no
stars and crashed with a TypeError in nlp.evaluate after the whole training run."""

import gzip

import pytest

from nlp.data import DataError
from nlp.eval_files import read_eval_sets


@pytest.fixture
def no_training(monkeypatch):
    import nlp.training_run

    monkeypatch.setattr(nlp.training_run, "run", lambda *a, **k: pytest.fail("trained before the check"))


CASES = [
    ("marc_en_dev.csv.gz", 'text,stars\nfine,5\n"",1\n', "marc_en_dev.csv.gz: row 3: text is blank"),
    ("marc_en_dev.csv.gz", 'text,stars\nfine,5\n"   <br/> ",1\n', "marc_en_dev.csv.gz: row 3: text is blank"),
    ("sst2_dev.csv", "text,label\nfine,1\n,0\n", "sst2_dev.csv: row 3: text is blank"),
]


def write(folder, name, content):
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(gzip.compress(content.encode()) if name.endswith(".gz") else content.encode())


@pytest.mark.parametrize("name,content,message", CASES)
def test_read_eval_sets_names_the_blank_row(tmp_path, name, content, message):
    write(tmp_path / "ev", name, content)
    with pytest.raises(DataError, match=message.replace(".", r"\.")):
        read_eval_sets(tmp_path / "ev")


@pytest.mark.parametrize("name,content,message", CASES)
def test_train_refuses_it_before_training(tmp_path, rated_csv, cli_refusal, no_training, name, content, message):
    write(tmp_path / "ev", name, content)
    line = cli_refusal(["train", "--data", str(rated_csv), "--eval-dir", str(tmp_path / "ev"), "--out", str(tmp_path / "m")])
    assert line == f"error: {tmp_path / 'ev' / name}: {message.split(': ', 1)[1]} (nothing to score)"
    assert not (tmp_path / "m").exists()
