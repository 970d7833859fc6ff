"""Extra short training texts cut from the data: sentence views and lexicon words.

Brand teams read one-liners, tweets and critics' snippets as often as long
reviews, so training also sees single sentences cut from clearly rated reviews
(some PTB-tokenised, SST's form) and single words of a human-rated sentiment
lexicon (VADER's, MIT), both on the polarity loss only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
_PTB_PUNCT = re.compile(r"([.,!?;:()\"])")
WORDS_FILE = Path(__file__).resolve().parent / "sentiment_words.json"


def sentences(text: str) -> list[str]:
    """Sentences of at least four words."""
    return [s.strip() for s in _SENT_SPLIT.split(text) if len(s.split()) >= 4]


def ptb_style(text: str) -> str:
    """Lower-cased, PTB-like tokenisation (SST-2's form): "don't." -> "do n't ."."""
    text = text.lower()
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    text = re.sub(r"(\w)'(s|re|ve|ll|d|m)\b", r"\1 '\2", text)
    text = _PTB_PUNCT.sub(r" \1 ", text).replace("(", "-lrb-").replace(")", "-rrb-")
    return re.sub(r"\s+", " ", text).strip()


def sentiment_words(path: Path = WORDS_FILE) -> dict[str, int]:
    """Lexicon word -> polarity (1 positive, 0 negative), from VADER's human-rated valences (MIT, see the file)."""
    return {w: int(v > 0) for w, v in json.loads(path.read_text())["valence"].items()}


def sentence_pool(texts: list[str], stars: list[int]) -> list[tuple[str, int]]:
    """(sentence, polarity) from reviews of 1-2 or 4-5 stars (0-4 indices) with two or more sentences."""
    pool: list[tuple[str, int]] = []
    for text, star in zip(texts, stars):
        if star != 2:
            sents = sentences(text)
            if len(sents) >= 2:
                pool += [(s, int(star >= 3)) for s in sents]
    return pool
