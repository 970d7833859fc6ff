"""Questions in referral text: what is asked is neither a recommendation nor a warning.

"Would you recommend it?" says nothing about the brand, unless the writer asks it of
themselves and answers it ("Would I recommend it? Not really."), so questions are set apart
from what is said, and a self-asked one takes the intent of its answer. The theme detector asks the
same of its clauses (``nlp.themes.questions``): what is asked is no opinion of a theme either.
"""

from __future__ import annotations

import re

from nlp.referral_negation import VERB

# A question: a sentence that ends in "?", or a clause that opens as one ("would you ...", "can
# anyone ...", "should you need a plumber, I recommend Acme": only the first clause asks).
_SENTENCE = re.compile(r"[^.!?\u3002\uff01\uff1f]+[.!?\u3002\uff01\uff1f]*")
_CLAUSE = re.compile(r"(?<=[,;:])\s+")
_ENDS_ASKING = re.compile(r"[?\uff1f]\s*$")
_OPENS_ASKING = re.compile(r"(?:would|could|can|should|do|does|did|will)\s+(?:i|we|you|u|anyone|anybody|someone|somebody|people|y'all)\b")
_ASKS_OTHERS = re.compile(r"\b(?:anyone|anybody|someone|somebody)\b")
_ANSWER_NO = re.compile(r"^(?:(?:absolutely|definitely|certainly|probably|hell|sadly|unfortunately)\s+)?"
                        r"(?:no|nope|nah|not|never|nein|non|n[aã]o|nunca|jamais|doubt\s+it|i\s+doubt)(?!\w)"
                        r"(?!\s+(?:doubt|question)\b)")  # "no doubt" says yes
_ANSWER_YES = re.compile(r"^(?:yes|yeah|yep|yup|absolutely|definitely|of\s+course|sure|certainly|totally|100\s*%"
                         r"|you\s+bet(?:cha)?|no\s+doubt|no\s+question"
                         r"|ja|oui|s[ií]|sim|claro|bien\s+s[uû]r|auf\s+jeden\s+fall|klar|for\s+sure|hell\s+yes)(?!\w)")
_VERB_RE = re.compile(rf"\b{VERB}")


def ends_asking(sentence: str) -> bool:
    """The sentence ends in a question mark (also the full-width one)."""
    return bool(_ENDS_ASKING.search(sentence))


def opens_asking(clause: str, *, of_others: bool = False) -> bool:
    """A lower-cased clause opens as a question ("would you ...", "does anyone ..."), even without its "?";
    ``of_others``: one put to others ("can anyone ...", not "can I just say ...")."""
    return bool(_OPENS_ASKING.match(clause)) and (not of_others or bool(_ASKS_OTHERS.search(clause)))


def asks_others(question: str) -> bool:
    """A lower-cased question is put to others ("does anyone know ...", "down for anyone else?"): the text that
    follows it holds no answer."""
    return bool(_ASKS_OTHERS.search(question))


def reply(question: str, answer: str) -> str | None:
    """``"yes"`` or ``"no"`` when ``answer`` (lower-cased, the next sentence) answers a question the writer
    asks of themselves ("Worth it? Absolutely.", "You bet."); None otherwise, and for one put to others."""
    if asks_others(question):
        return None
    answer = answer.lstrip(" ,.-")
    return "no" if _ANSWER_NO.search(answer) else "yes" if _ANSWER_YES.search(answer) else None


def _answer(question: str, answer: str) -> str | None:
    """The intent of a question about recommending it, answered by the next sentence ("Would I? Not really.")."""
    if not _VERB_RE.search(question):
        return None
    return {"no": "warn", "yes": "recommend"}.get(reply(question, answer) or "")


def said_and_answers(text: str) -> tuple[list[str], list[str | None]]:
    """The sentences and clauses of a normalised text that do not ask, and the answers to those that do."""
    units: list[tuple[str, bool]] = []  # sentences and clauses, each with whether it asks
    for sentence in (s.strip() for s in _SENTENCE.findall(text)):
        if ends_asking(sentence):
            units.append((sentence, True))
        else:
            units.extend((clause, opens_asking(clause)) for clause in _CLAUSE.split(sentence))
    said = [unit for unit, asks in units if not asks]
    answers = [_answer(unit, units[i + 1][0]) for i, (unit, asks) in enumerate(units[:-1]) if asks]
    return said, answers
