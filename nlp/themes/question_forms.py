"""The forms of a question, by its words: what asks, what only complains, praises or denies.

"Is the food good?" opens as a question, "Was great?" does not; "Why does the app crash?" is a complaint, "What
more could you ask for?" and "How is the food so good?" praise, "How could I not love it?" denies. How a question
then reads in a review (``nlp.themes.questions``) also weighs its answer and its own opinion.
"""

from __future__ import annotations

import re

SAID, ASKED, DENIED, RHETORICAL = "said", "asked", "denied", "rhetorical"  # readings (questions.py adds two)
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
# An exclamation ("how is the food so good?", "how can it be so cheap?") or a pitch ("are you looking for great food?").
_PRAISE = re.compile(_OPENER + r"(?:what (?:more|else)\b|what's not to (?:like|love)|who knew|"
                     r"why (?:did|didn't|did not) (?:i|we)\b|did i (?:mention|say|tell you)|"
                     r"how(?:'s| is| are| was| were) (?:[\w']+ ){1,4}?so\b|how (?:can|could) (?:[\w']+ ){1,4}?be so\b|"
                     r"(?:are|r) (?:you|u) (?:looking|searching) for\b)")
# "how could I not love it?", "who doesn't love fast delivery?": everyone does
_DENIES = re.compile(_OPENER + r"(?:how (?:can|could) (?:i|we|you|one|anyone) not|who (?:doesn't|does not|don't|wouldn't"
                     r"|would not) (?:love|like|enjoy|want))\b")



def form(words: str) -> str | None:
    """What a lower-cased question that opens as one is by its form alone: ``DENIED``, ``RHETORICAL``, ``SAID``
    (praise, an exclamation), or None when its form does not tell."""
    for pattern, reading in ((_DENIES, DENIED), (_RHETORICAL, RHETORICAL), (_PRAISE, SAID)):
        if pattern.search(words):
            return reading
    return None


def asks(sentence: str) -> bool:
    """The sentence (its case kept) opens as a question: an auxiliary before its subject, or a question word."""
    match = _OPENS.search(sentence)
    subject = match and match.group("subject")
    return bool(match) and (not subject or subject.lower() in _SUBJECTS or subject[0].isupper() or subject[0].isdigit())

