"""What a training run records about itself: the `umot train` command as typed."""

from __future__ import annotations

from nlp.run_summary import command_line


def test_the_command_is_recorded_as_typed_from_the_umot_script() -> None:
    argv = ["/venv/bin/umot", "train", "--data", "my reviews.csv", "--out", "m"]
    assert command_line(argv, fallback="unused") == "umot train --data 'my reviews.csv' --out m"


def test_other_callers_record_the_fallback() -> None:
    assert command_line(["python", "-m", "pytest", "train"], fallback="umot train --out m") == "umot train --out m"
    assert command_line(["umot", "score", "in.csv"], fallback="fb") == "fb"
    assert command_line([], fallback="fb") == "fb"
