"""Held-out rows whose text is also trained on are counted and reported, the split left as it was.

Two shuffled copies of one file put every held-out text in training too, silently: the detractor
threshold and the card's held-out figures then measured texts the model had learned. The split itself
is kept (`make model`'s held-out rows hold such duplicates, and its shipped figures must reproduce)."""

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp import splits as splitting
from nlp.sources import LabelledFile
from nlp.splits import FileSplit, split_files, stratified_split
from umot.cli import app


class Ran(Exception):
    """Raised by the stubbed run: the command got as far as training."""


def rows(n=30):
    return [(f"review {i}", i % 5) for i in range(n)]


def test_two_copies_of_a_file_are_counted_and_keep_their_split():
    first = rows()
    second = first[:]
    random.Random(1).shuffle(second)
    files = [LabelledFile(Path(name), "stars", [t for t, _ in part], [s for _, s in part])
             for name, part in (("a.csv", first), ("b.csv", second))]
    splits = split_files(files, 13, 0.2)
    held_a, held_b = set(splits[0].held_texts()), set(splits[1].held_texts())
    assert held_a - held_b  # each file holds out texts the other trains on
    assert splitting.trained_held_out(splits) == {"a.csv": len(held_a - held_b), "b.csv": len(held_b - held_a)}
    assert splits[0].held == stratified_split(files[0].labels, 0.2, 13)[1]  # not dropped: the split is unchanged


def test_a_file_without_duplicates_counts_none():
    files = [LabelledFile(Path("a.csv"), "stars", [t for t, _ in rows()], [s for _, s in rows()])]
    assert splitting.trained_held_out(split_files(files, 13, 0.2)) == {}


def test_only_texts_actually_trained_on_count():
    """A duplicate among the rows a cap left out is not trained on: it does not flatter anything."""
    f = LabelledFile(Path("a.csv"), "stars", ["same", "other", "same"], [0, 4, 0])
    assert splitting.trained_held_out([FileSplit(f, train=[0], held=[2], share=0.3)]) == {"a.csv": 1}
    assert splitting.trained_held_out([FileSplit(f, train=[1], held=[2], share=0.3)]) == {}


@pytest.mark.parametrize("command", ["train", "teacher"])
def test_the_run_says_how_many(tmp_path, monkeypatch, command):
    import nlp.teacher.run
    import nlp.training_run

    seen = {}

    def stub(splits, *args, **kwargs):
        seen["splits"] = splits
        raise Ran

    monkeypatch.setattr(nlp.training_run, "run", stub)
    monkeypatch.setattr(nlp.teacher.run, "run_teacher", stub)
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    lines = [f"{t},{s + 1}\n" for t, s in rows()]
    a.write_text("text,stars\n" + "".join(lines))
    random.Random(1).shuffle(lines)
    b.write_text("text,stars\n" + "".join(lines))
    out = tmp_path / ("m" if command == "train" else "p.npz")
    result = CliRunner().invoke(app, [command, "--data", str(a), "--data", str(b), "--out", str(out)])
    assert isinstance(result.exception, Ran), result.output
    held_a, held_b = ({*s.held_texts()} for s in seen["splits"])
    assert ("held-out rows whose text is also trained on (duplicates; they flatter the held-out figures): "
            f"a.csv {len(held_a - held_b)} of {len(held_a)}, b.csv {len(held_b - held_a)} of {len(held_b)}"
            ) in result.output
