"""Questions in a review: one that asks for information holds no opinion of the themes it names.

"Does anyone know if delivery is free?" names delivery but neither praises nor blames it, so its
themes are mentions (``neutral``), not the review's sentiment. A rhetorical question is a complaint
("Why does the app crash every time?", "How is it possible delivery took 3 weeks?", "Can you please
add an iPad version?"): it reads as said, and as a complaint when its words hold no clear opinion of
their own ("Why the downgrade?"). A question the writer answers ("Worth it? Absolutely.") reads as
said, flipped by a "no", as is one that denies ("How could I not love the staff?"). A statement that
ends in "?" (a run-on, sarcasm: "The app gets hot What's happen ?") reads as said. What ends or opens
as a question and what answers one is ``nlp.referral_questions``'s reading, as for referral intent.
"""

from __future__ import annotations

import re

from nlp.referral_questions import ends_asking, opens_asking, reply
from nlp.themes.emoji_marks import unnamed

SAID, ASKED, DENIED, RHETORICAL = "said", "asked", "denied", "rhetorical"
_ENDS = re.compile(r"[.!?;\n]")  # what ends a sentence between two clauses
_OPENER = r"^(?:(?:so|and|but|also|ok|okay|oh|well|like|honestly|seriously|now|then|hey|btw|guys|lol)[,!]?\s+)*"
_AUX = r"(?:is|are|was|were|am|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|\w+n't)"
# A question opens with an auxiliary and its subject ("Is the food ...", "Does Uber ...", not "Was great?"),
# or a question word ("how much", "what time", not "how it came", "what I love").
_OPENS = re.compile(
    _OPENER + rf"(?:{_AUX}\s+(?P<subject>[\w']+)|why\b|(?:when|where)(?:'s|\s+{_AUX})\b|which\b|who\b(?!\s+(?:i|we)\b)|"
    rf"how(?:'s|\s+(?:{_AUX}|much|many|long|often|far|come|about|to|dare|on|the|else|exactly|so))\b|"
    r"what\b(?!\s+(?:an?|i|we|they|he|she|you|it)\b))", re.I)
_SUBJECTS = {"i", "you", "u", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "the", "a",
             "an", "my", "your", "ur", "our", "their", "his", "her", "its", "any", "anyone", "anybody", "someone",
             "somebody", "everyone", "everybody", "people", "y'all", "one"}
# Asking nothing but blaming: "why ...", "how is it possible", "how come", "what's the point", "is it just me",
# a request ("can you please fix ...", "when will you add ..."), a negative question ("isn't it supposed to ...").
_RHETORICAL = re.compile(
    _OPENER + r"(?:why\b(?!\s+(?:did|didn't|did not)\s+(?:i|we)\b)|how come\b|how on earth|how the hell|"
    r"how (?:is|was|'s) (?:it|this|that) (?:possible|ok|okay|acceptable|legal|fair|allowed|even)\b|how is it that\b|"
    r"how (?:can|could|do|does|did) (?!i\b|we\b|one\b|you\b)|how dare\b|(?:would|can|could) you (?:ever )?believe\b|"
    r"what(?:'s| is| was) (?:the point|the deal|wrong|up with|going on with|with)\b|(?:can|could) we (?:get|have)\b|what (?:has )?happened\b|"
    r"what (?:kind|sort) of\b|who (?:would|thought|designed|decided|approved|in their right mind)\b|"
    r"(?:are|r) (?:you|they|u) (?:kidding|serious|joking)\b|(?:are|am|is) (?:we|i|you|they|one) (?:supposed|expected)\b|"
    r"is (?:it|this) (?:just me|me or|too much|so hard|that hard|a joke|for real)\b|am i the only one\b|since when\b|"
    r"have you (?:ever )?noticed\b|(?:will|would) (?:you|they|u|it) ever\b|where (?:is|are|'s) (?:my|our)\b|"
    rf"when (?:will|can|do|are) (?:you|u|they|we|i|the|this|it|there)\b|\w+n't\b|{_AUX} (?:you|they|we|it|i) not\b)"
    r"|\b(?:please|pls|plz)\b")
# Asking nothing, and no complaint either: "what more could you ask for?", "why didn't I come here sooner?"
_PRAISE = re.compile(_OPENER + r"(?:what (?:more|else)\b|what's not to (?:like|love)|who knew|"
                     r"why (?:did|didn't|did not) (?:i|we)\b|did i (?:mention|say|tell you))")
_ELLIPTIC = 4  # at most this many words in a question that does not open as one ("Worth the price?")
_DENIES = re.compile(_OPENER + r"how (?:can|could) (?:i|we|you|one|anyone) not\b")  # "how could I not love it?"


def readings(clauses: list[str], text: str) -> list[str]:
    """Per clause of ``text`` (as ``clauses.split_clauses`` cut it, in order): ``ASKED`` for a question asking
    for information, ``RHETORICAL``, ``DENIED`` for one the writer answers "no" or that denies, else ``SAID``."""
    sentences = _sentences(clauses, text)
    out = [SAID] * len(clauses)
    for n, (members, end) in enumerate(sentences):
        raw = unnamed(" ".join(clauses[i] for i in members)).replace("\u2019", "'")
        words = raw.lower()
        others = opens_asking(words, of_others=True)  # "does anyone know ..." asks even without its "?"
        if not (others or ends_asking(words + end.rstrip())):
            continue
        opens = others or _asks(raw)
        if not opens and len(words.split()) > _ELLIPTIC:
            continue  # a statement that ends in "?": a run-on, sarcasm ("... all the time.? Not pleasant.")
        answer = reply(words, unnamed(clauses[sentences[n + 1][0][0]]).lower()) if n + 1 < len(sentences) else None
        reading = _reading(words, opens, answer)
        for i in members:
            out[i] = reading
    return out


def _reading(words: str, opens: bool, answer: str | None) -> str:
    """How a sentence that asks reads (``words``: lower case), by its form when it ``opens`` as a question, else by
    its ``answer`` ("Worth it? No."); one that is neither, such as "The food?", is said."""
    for pattern, form in ((_DENIES, DENIED), (_RHETORICAL, RHETORICAL), (_PRAISE, SAID)) if opens else ():
        if pattern.search(words):
            return form
    return DENIED if answer == "no" else SAID if answer == "yes" or not opens else ASKED


def weigh(reading: str, score: float) -> float | None:
    """A clause's lexicon ``score`` as its ``reading`` has it: None for a mention (a question asking for information)."""
    if reading == ASKED:
        return None
    if reading == DENIED:
        return -score * 0.8  # as a negation flips a word
    if reading == RHETORICAL and abs(score) < 1.0:
        return -1.0  # a complaint by its form, as a mildly negative word
    return score


def _asks(sentence: str) -> bool:
    """The sentence (its case kept) opens as a question: an auxiliary before its subject, or a question word."""
    match = _OPENS.search(sentence)
    subject = match and match.group("subject")
    return bool(match) and (not subject or subject.lower() in _SUBJECTS or subject[0].isupper() or subject[0].isdigit())


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
