"""``umot`` with the keyword test scorer, for tests that SIGKILL a real ``umot run`` process.

``python tests/flows/umot_keyword_scorer.py run ...`` is the real CLI and
flow, real Scrapy crawls and the real store; only the model is the keyword
double (``UMOT_TEST_SCORE_DELAY`` seconds per batch make scoring slow enough
to be killed half way). Not collected by pytest (no ``test_`` prefix).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import nlp  # noqa: E402
from tests.flows.conftest import KeywordScorer  # noqa: E402


class SlowKeywordScorer(KeywordScorer):
    def score(self, texts, ratings=None, **kwargs):  # noqa: ANN001, ANN201
        time.sleep(float(os.environ.get("UMOT_TEST_SCORE_DELAY", "0")))
        return super().score(texts, ratings, **kwargs)


nlp.load_scorer = lambda model=None, **kwargs: SlowKeywordScorer()

if __name__ == "__main__":
    from umot.cli import app

    app()
