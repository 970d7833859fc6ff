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


def test_the_database_password_is_never_recorded() -> None:
    """The card and training_summary.json are shared: `--database-url` is recorded with its password hidden."""
    argv = ["umot", "train", "--from-db", "--database-url", "postgresql://ana:S3cret@db/umot", "--out", "m"]
    assert command_line(argv) == "umot train --from-db --database-url 'postgresql://ana:***@db/umot' --out m"
    argv = ["umot", "train", "--from-db", "--database-url=postgresql+psycopg://ana:p%40ss@db:5433/umot?sslmode=require"]
    assert command_line(argv) == ("umot train --from-db "
                                  "'--database-url=postgresql+psycopg://ana:***@db:5433/umot?sslmode=require'")
    assert command_line(["umot", "train", "--database-url", "sqlite:///data/umot.db"]).endswith("sqlite:///data/umot.db")
    argv = ["umot", "train", "--database-url", "postgresql://ana@db/umot?password=S3cret&sslmode=require"]
    assert "S3cret" not in command_line(argv) and "password=%2A%2A%2A" in command_line(argv)


def test_a_database_url_it_cannot_parse_is_hidden_whole() -> None:
    assert command_line(["umot", "train", "--from-db", "--database-url", "ana:S3cret at db"]) == (
        "umot train --from-db --database-url '***'")
    assert command_line(["umot", "train", "--database-url=S3cret"]) == "umot train '--database-url=***'"
