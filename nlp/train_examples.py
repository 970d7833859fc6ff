"""What a training run learns from: one example per training row, sentence views and lexicon words.

Every file's rows become :class:`nlp.batching.Example` with the losses its label
scheme allows (``nlp.losses``); star-rated reviews also give sentence views
(``nlp.views``), and a human-rated lexicon gives single words, both on the
polarity loss only. ``nlp.train`` and ``nlp.distill`` build the same examples.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from nlp.batching import Example, encode
from nlp.splits import FileSplit, class_weights
from nlp.views import ptb_style, sentence_pool, sentiment_words

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

    from nlp.train import TrainConfig

STAR_SCHEMES = ("stars", "five")


def file_examples(split: FileSplit, ids: list[list[int]], cfg: TrainConfig) -> list[Example]:
    """One example per training row, trained on the losses its file's scheme allows."""
    labels = [split.file.labels[i] for i in split.train]
    weights = class_weights(labels, cfg.class_balance)
    scheme = split.file.scheme
    out = []
    for row_ids, label in zip(ids, labels):
        w = weights[label]
        if scheme in STAR_SCHEMES:
            out.append(Example(row_ids, label, -1 if label == 2 else int(label >= 3), weight=w))
        elif scheme == "three":
            out.append(Example(row_ids, -1, -1, three=label, weight=w))
        else:
            out.append(Example(row_ids, -1, label, weight=w))
    return out


def build_examples(tokenizer: PreTrainedTokenizerBase, splits: Sequence[FileSplit], cfg: TrainConfig) -> tuple[list[Example], list[Example], list[Example]]:
    """(rows of every file, the pool of sentence views, lexicon words), token ids ready."""
    rng = random.Random(cfg.seed)
    base: list[Example] = []
    pool: list[tuple[str, int]] = []
    for split in splits:
        texts = [split.file.texts[i] for i in split.train]
        base += file_examples(split, encode(tokenizer, texts, cfg.max_length), cfg)
        if split.file.scheme == "stars":
            pool += sentence_pool(texts, [split.file.labels[i] for i in split.train])
    rng.shuffle(pool)
    pool_ids = encode(tokenizer, [ptb_style(s) if rng.random() < cfg.ptb_share else s for s, _ in pool], cfg.max_length)
    views = [Example(pool_ids[k], -1, pol, weight=cfg.sentence_weight) for k, (_, pol) in enumerate(pool)]
    words: list[Example] = []
    if cfg.word_weight:
        lexicon = sentiment_words()
        words = [Example(i, -1, pol, weight=cfg.word_weight)
                 for i, pol in zip(encode(tokenizer, list(lexicon), cfg.max_length), lexicon.values())]
    return base, views, words


def per_epoch_extras(splits: Sequence[FileSplit], cfg: TrainConfig, views: list, words: list) -> tuple[int, int]:
    """Sentence views and lexicon words per epoch: ``sentence_views`` per star-rated review, words capped
    at the same number so a small brand data set is not swamped by the lexicon."""
    n_star = sum(len(s.train) for s in splits if s.file.scheme == "stars")
    wanted = int(round(cfg.sentence_views * n_star))
    return min(len(views), wanted), min(len(words), wanted)
