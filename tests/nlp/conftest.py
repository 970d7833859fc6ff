"""Shared fixtures: a tiny random HF checkpoint (fast) and the shipped model (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data"


def make_checkpoint(path: Path, id2label: dict[int, str]) -> Path:
    """A 1-layer BERT classifier with random weights and the MiniLM tokenizer."""
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from nlp.base_checkpoint import base_model_dir

    tokenizer = AutoTokenizer.from_pretrained(base_model_dir(), local_files_only=True)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=64, num_labels=len(id2label), id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    BertForSequenceClassification(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def onnx_cache(tmp_path_factory):
    """ONNX exports go to a temporary cache, not the user's ~/.cache/umot."""
    import os

    path = tmp_path_factory.mktemp("onnx-cache")
    old = os.environ.get("UMOT_CACHE_DIR")
    os.environ["UMOT_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("UMOT_CACHE_DIR", None)
    else:
        os.environ["UMOT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def checkpoint_factory():
    """``make_checkpoint`` as a fixture (tests/ is not a package)."""
    return make_checkpoint


@pytest.fixture(scope="session")
def tiny_checkpoint(tmp_path_factory) -> Path:
    return make_checkpoint(tmp_path_factory.mktemp("tiny2"), {0: "NEGATIVE", 1: "POSITIVE"})


@pytest.fixture(scope="session")
def tiny_scorer(tiny_checkpoint):
    import nlp

    return nlp.load_scorer(str(tiny_checkpoint), quantized=False)


@pytest.fixture(scope="session")
def shipped_scorer():
    """The shipped default model, as `umot score` loads it (int8)."""
    import nlp

    return nlp.load_scorer(None)


@pytest.fixture
def rated_csv(tmp_path: Path) -> Path:
    """30 rated reviews, every star present: the smallest file `umot train`/`teacher` accept."""
    data = tmp_path / "reviews.csv"
    data.write_text("text,stars\n" + "".join(f"review {i},{1 + i % 5}\n" for i in range(30)))
    return data


@pytest.fixture(scope="session")
def cli_refusal():
    """Run `umot ARGS`, expect the one-line refusal (exit 2, one `error:` line) and return that line."""
    from typer.testing import CliRunner

    from umot.cli import app

    def run(args: list[str]) -> str:
        result = CliRunner().invoke(app, args)
        errors = [line for line in result.output.splitlines() if line.startswith("error:")]
        assert result.exit_code == 2 and len(errors) == 1, result.output
        return errors[0]

    return run
