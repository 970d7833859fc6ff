"""Questions in a review: one that asks for information holds no opinion of the themes it names.

"Does anyone know if delivery is free?" names delivery but neither praises nor blames it, so its
themes are mentions (``neutral``), not the review's sentiment. A rhetorical question is a complaint
("Why does the app crash every time?", "How is it possible delivery took 3 weeks?", "Can you please
add an iPad version?"): it reads as said, and as a complaint when its words hold no clear opinion of
their own ("Why the downgrade?"), as does one that holds a clearly negative word ("How to remove these
bloody miles?"). A question the writer answers ("Worth it? Absolutely.") reads as said, flipped by a "no", as
is one that denies ("How could I not love the staff?"); one that holds an opinion and is answered by a clear one
takes the answer's sign ("Was the delivery fast? Super fast!"). An exclamation ("How is the food so good?") and a
sales pitch ("Are you looking for great service?") read as said, as does a statement that ends in "?" (a run-on,
sarcasm: "The app gets hot What's happen ?"). What ends or opens as a question and what answers one is
``nlp.referral_questions``'s reading, as for referral intent; a clause's opinion is ``theme_polarity``'s.
"""

from __future__ import annotations

import math
import re

from nlp.referral_questions import asks_others, ends_asking, opens_asking, reply
from nlp.themes.emoji_marks import named, unnamed
from nlp.themes.question_forms import ASKED, DENIED, RHETORICAL, SAID, asks, form
from nlp.themes.theme_polarity import opinion_score

PRAISED, BLAMED = "praised", "blamed"  # a question holding an opinion, answered by a clear one of this sign
_CLEAR = 1.5  # a clear opinion: an answer's, or a question's own negative one (as a text's without a theme)
_ENDS = re.compile(r"[.!?;\n]")  # what ends a sentence between two clauses
_ELLIPTIC = 4  # at most this many words in a question that does not open as one ("Worth the price?")


def readings(clauses: list[str], text: str, referral: str | None = None) -> list[str]:
    """Per clause of ``text`` (as ``clauses.split_clauses`` cut it, in order): ``ASKED`` for a question asking
    for information, ``RHETORICAL``, ``DENIED`` for one the writer answers "no" or that denies, ``PRAISED`` or
    ``BLAMED`` for one answered by an opinion, else ``SAID``. ``referral``: as :func:`opinion_score` takes it."""
    sentences = _sentences(clauses, text)
    out = [SAID] * len(clauses)
    for n, (members, end) in enumerate(sentences):
        raw = unnamed(" ".join(clauses[i] for i in members)).replace("\u2019", "'")
        words = raw.lower()
        others = opens_asking(words, of_others=True)  # "does anyone know ..." asks even without its "?"
        if not (others or ends_asking(words + end.rstrip())):
            continue
        opens = others or asks(raw)
        if not opens and len(words.split()) > _ELLIPTIC:
            continue  # a statement that ends in "?": a run-on, sarcasm ("... all the time.? Not pleasant.")
        answer = reply(words, unnamed(clauses[sentences[n + 1][0][0]]).lower()) if n + 1 < len(sentences) else None
        reading = _reading(words, opens, answer)
        if reading == ASKED:
            said = sentences[n + 1] if n + 1 < len(sentences) else ([], "")
            said_words = " ".join(clauses[i] for i in said[0])
            if asks_others(words) or ends_asking(unnamed(said_words) + said[1].rstrip()):
                said_words = ""  # no answer: a question to others, or another question
            reading = _weighed(named(" ".join(clauses[i] for i in members)), named(said_words), referral)
        for i in members:
            out[i] = reading
    return out


def _reading(words: str, opens: bool, answer: str | None) -> str:
    """How a sentence that asks reads (``words``: lower case), by its form when it ``opens`` as a question, else by
    its ``answer`` ("Worth it? No."); one that is neither, such as "The food?", is said."""
    by_form = form(words) if opens else None
    return by_form or (DENIED if answer == "no" else SAID if answer == "yes" or not opens else ASKED)

def _weighed(question: str, answer: str, referral: str | None) -> str:
    """How a question with no answer by "yes" or "no" reads, by its opinion and the ``answer``'s (the next sentence;
    empty for none): one holding an opinion takes a clear answer's sign, one holding a clear complaint is a
    complaint ("How to remove these bloody miles?"), any other asks for information."""
    own = opinion_score(question, referral)
    if abs(own) >= 1.0 and answer:
        said = opinion_score(answer, referral)
        if abs(said) >= _CLEAR:
            return PRAISED if said > 0 else BLAMED
    return RHETORICAL if own <= -_CLEAR else ASKED


def weigh(reading: str, score: float) -> float | None:
    """A clause's lexicon ``score`` as its ``reading`` has it: None for a mention (a question asking for information)."""
    if reading == ASKED:
        return None
    if reading in (PRAISED, BLAMED):  # said, with the answer's sign
        return math.copysign(max(abs(score), 1.0), 1.0 if reading == PRAISED else -1.0)
    if reading == DENIED:
        return -score * 0.8  # as a negation flips a word
    if reading == RHETORICAL and abs(score) < 1.0:
        return -1.0  # a complaint by its form, as a mildly negative word
    return score


def _sentences(clauses: list[str], text: str) -> list[tuple[list[int], str]]:
    """The clauses of each sentence (indices) with what ends it: the text between its last clause and the next."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for clause in clauses:
        start = text.find(clause, pos)
        start = pos if start < 0 else start
        spans.append((start, start + len(clause)))
        pos = start + len(clause)
    out: list[tuple[list[int], str]] = []
    members: list[int] = []
    for i, (_, end) in enumerate(spans):
        members.append(i)
        gap = text[end : spans[i + 1][0]] if i + 1 < len(spans) else text[end:]
        if i + 1 == len(spans) or _ENDS.search(gap):
            out.append((members, gap))
            members = []
    return out
