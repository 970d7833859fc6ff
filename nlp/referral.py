"""Referral intent: does a text recommend the brand to others, or warn them off?

Mentions (Reddit, Hacker News, feeds) carry no star rating, and what matters
most for the *next* buyer is whether the writer tells others to buy or to stay
away. A small set of phrase rules (English, German, French, Spanish and
Portuguese, Japanese and Chinese) catches the explicit cases ("I'd recommend",
"told my friends", "stay away", "don't buy"); everything subtler is left to the
sentiment model. Warnings win over recommendations, because "I recommend you
stay away" is a warning. A question ("Would you recommend it?") is neither,
unless the writer asks it of themselves and answers it ("Would I recommend it?
Not really."); a negation a few words before the verb negates it ("I can't
really recommend it", "nicht weiterempfehlen", "no lo recomendaría"). "Told my
friends" counts only in a clause the theme lexicon does not read as negative.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A recommending verb (EN, DE, FR, ES/PT), and what may stand between a negation and it in one
# clause: pronouns, modals, hedges ("I don't think I would recommend", "nicht wirklich empfehlen",
# "no se lo recomiendo"). Anything else ends the negation ("never disappointed, recommend").
_VERB = r"(?:recommend(?:s|ed|ing)?|(?:weiter)?empfehl\w*|empfiehlt|recommand\w*|recom(?:iend|end)\w*)\b"
_NEGATION = (r"(?:not|never|cannot|\w+n't|dont|wont|cant|wouldnt|couldnt|shouldnt|didnt|doesnt|hardly|barely"
             r"|(?<!not\s)(?<!n't\s)(?:hard|difficult|tough|impossible|reluctant|hesitant|unable)\s+to|in\s+no\s+way|by\s+no\s+means"
             r"|nicht|nie|niemals|niemandem|keinem|keinesfalls|ne|pas|jamais|no|nunca|jam[aá]s|n[aã]o)")
_FILLER = (r"(?:i|i'd|i'll|i'm|we|we'd|you|anyone|anybody|one|it|this|that|them|these|those|a|an|the|if|whether|sure"
           r"|really|honestly|personally|truly|actually|seriously|possibly|even|ever|exactly|necessarily|fully|currently"
           r"|think|say|feel|would|could|can|will|should|be|been|have|to|go|so|far|as|in|good|conscience|at|all"
           r"|something|someplace|somewhere|place|product|app|company|brand|shop|store|service"
           r"|ich|wir|es|ihn|sie|das|den|die|der|euch|ihnen|leider|wirklich|unbedingt|guten|gewissens|zu|weiter"
           r"|je|le|la|les|l'|vous|lui|leur|peux|pourrais|vraiment|du|tout"
           r"|lo|los|las|se|me|te|nos|es|nada|muy|realmente|o|os|as|lhe)")
_NEGATED = rf"\b{_NEGATION}(?:\s+{_FILLER}){{0,4}}\s+{_VERB}"

# Phrases that warn others off. Applied to lower-cased text with plain apostrophes.
_WARN = [
    # English: negated recommendation, explicit warnings
    _NEGATED,
    r"\brecommend(?:s|ed)?\s+(?:\w+\s+){0,2}to\s+(?:no\s*one|nobody)\b",
    r"\b(?:empfehl\w*|empfiehlt)(?:\s+(?:es|ihn|sie|das|euch|ihnen|ich|den\s+\w+|die\s+\w+)){0,2}\s+(?:nicht|niemandem|keinem)\b",
    r"\bnot\s+(?:be\s+)?recommend(?:ing|ed)\b",
    r"\bno(?:t)?\s+recommendation\b",
    r"\brecommend(?:s|ed|ing)?\s+(?:(?:you|everyone|people|others)\s+)?(?:against|avoiding|staying\s+away|to\s+avoid|to\s+stay\s+away)\b",
    r"\bstay\s+(?:far\s+|well\s+)?away\b",
    r"\bsteer\s+clear\b",
    # "don't buy" / "never order" said to others; "I will never order again" is the writer's own repeat
    r"(?<!\bi\s)(?<!\bwe\s)(?<!will\s)(?<!'ll\s)(?<!would\s)(?<!'d\s)\b(?:do\s*n[o']?t|don't|never|do\s+not)\s+(?:ever\s+)?"
    r"(?:buy|order|purchase|shop\s+(?:here|there|with)|waste|bother|go\s+there|fall\s+for)\b"
    r"(?!(?:\s+[\w']+){0,4}\s+(?:again|anymore|any\s+more)\b)",
    r"\bavoid\s+(?:this|these|them|it|at\s+all\s+costs|like\s+the\s+plague)\b",
    r"\bavoid(?:ed)?!",
    r"\bsave\s+your\s+(?:money|time|cash)\b",
    r"\bbuyers?\s+beware\b",
    r"\bbeware\b",
    r"\b(?:warn(?:ed|ing)?|told|tell(?:ing)?)\s+(?:all\s+)?(?:my\s+)?(?:friends|family|everyone|people|others|colleagues)\s+(?:to\s+)?(?:avoid|stay\s+away|not\s+to|never)\b",
    r"\bwarn(?:ing)?\s+(?:everyone|others|people|you)\b",
    r"\brun\s+away\b",
    r"\bnot\s+worth\s+(?:the|your)\s+(?:money|time)\b",
    r"\brecommend(?:s|ed)?\s+not\s+to\b",
    r"\bnot\s+(?:really\s+)?worth\s+(?:trying|a\s+try|a\s+visit|visiting|going)\b",
    r"\b(?:please\s+)?be\s+advised\b",
    r"\bgo\s+(?:to\s+)?(?:a\s+better\s+place|elsewhere|somewhere\s+else)\b",
    r"\b(?:if\s+possible\s+)?use\s+(?:lyft|ola|another\s+app|a\s+different\s+app|something\s+else)\b",
    r"\b(?:please\s+)?avoid\s+(?:any\s+)?(?:others|other\s+apps|this\s+(?:place|app|company|seller|product))\b",
    # German
    r"\bnicht\s+empfehlenswert\b",
    r"\bkeine\s+empfehlung\b",
    r"\bfinger\s+weg\b",
    r"\bkauft?\s+(?:hier\s+)?nicht\b",
    # French
    r"\brecommande(?:rais)?\s+pas\b",
    r"\b(?:à|a)\s+(?:éviter|eviter)\b",
    r"\bfuyez\b",
    r"\bn'achetez\s+pas\b",
    # Spanish / Portuguese
    r"\bno\s+compr(?:en|es)\b",
    r"\beviten\b",
    # Japanese / Chinese (no word boundaries in these scripts)
    r"(?:おすすめ|お勧め|オススメ)(?:しません|できません|しない|できない)",
    r"(?:不推荐|不建议购买|别买|不要买)",
]

# Phrases that recommend to others ("told my friends" only in a clause that is not negative: below).
_RECOMMEND = [
    r"\b(?:can't|cannot|can\s+not|couldn't)\s+recommend\s+(?:[\w']+\s+){0,4}?(?:enough|highly\s+enough|more(?:\s+highly)?)\b",
    r"\brecommend(?:s|ed|ing)?\b",
    r"\bspread\s+the\s+word\b",
    r"\bmust[-\s](?:buy|have|try|visit|go|watch|read)\b",
    r"\ba\s+must\b(?!\s+not)",
    r"\bworth\s+(?:a\s+)?(?:visit|try|trying|going|visiting)\b",
    r"\b(?:do|definitely|should)\s+(?:give\s+it\s+a\s+)?(?:try|visit|check\s+(?:it|them)\s+out)\b",
    r"\byou\s+(?:should|must)\s+(?:try|go|visit|get|buy|order)\b",
    r"\bgo\s+for\s+it\b",
    r"#try\b",
    r"\b(?:go|get|buy)\s+(?:for\s+)?it[,!.]?\s*(?:now|today|you\s+won't\s+regret)\b",
    r"\byou\s+(?:won't|will\s+not)\s+(?:regret|be\s+disappointed)\b",
    r"\b(?:check\s+(?:them|it)\s+out|give\s+(?:them|it)\s+a\s+try)\b",
    # German
    r"\b(?:sehr\s+)?empfehlenswert\b",
    r"\b(?:ich\s+)?empfehle\b",
    r"\bweiterempfehlen\b",
    r"\bklare\s+empfehlung\b",
    # French
    r"\brecommand(?:e|es|ons|ez|er|é|ée|és|ées|erais|erait|erions)\b",
    r"\b(?:à|a)\s+recommander\b",
    # Spanish / Portuguese
    r"\brecomiend\w*",
    r"\brecomend(?:o|ar\w*|able|ad[oa]s?)\b",
    # German "kann ... nur empfehlen" (negations are caught above first)
    r"\bempfehlen\b",
    # Japanese / Chinese
    r"(?:おすすめ|お勧め|オススメ)",
    r"推荐",
]

# A recommendation the writer RECEIVED ("a friend recommended it to me", "I was recommended
# this", "recommended by the shop"): the writer is not the one recommending, so these are cut
# out before the recommend rules run ("...to me, and I recommend it too" still recommends).
_RECEIVED = [
    r"\brecommend(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?to\s+(?:me|us|myself)\b",
    r"\brecommended\s+(?:me|us)\b",
    r"\b(?:was|were|been|being|got|get|gets|getting|came|come|comes)\s+(?:\w+\s+)?recommended\b",
    r"\brecommended\s+by\b",
    r"\b(?:friends?|someone|somebody|everyone|everybody|people|colleagues?|co-?workers?|doctors?|family|"
    r"mum|mom|dad|wife|husband|partner|sister|brother|son|daughter|staff|assistant|clerk|they|he|she)\s+"
    r"(?:\w+\s+)?recommend(?:s|ed)\b",
]

# Recommending something else instead ("I recommend Globex instead of Acme"): which brand the
# text is about is not known here, so it is no recommendation of either.
_INSTEAD = rf"\b{_VERB}\s+(?:[\w']+\s+){{0,4}}?(?:instead|rather\s+than|an?\s+(?:\w+\s+)?alternative|alternatives|something\s+else|elsewhere)\b"
_TOLD = r"\b(?:told|tell(?:ing)?)\s+(?:all\s+)?(?:my\s+|our\s+)?(?:friends|family|everyone|colleagues|coworkers)\b"
# A question: a sentence that ends in "?", or a clause that opens as one ("would you ...", "can
# anyone ...", "should you need a plumber, I recommend Acme": only the first clause asks).
_SENTENCE = re.compile(r"[^.!?\u3002\uff01\uff1f]+[.!?\u3002\uff01\uff1f]*")
_CLAUSE = re.compile(r"(?<=[,;:])\s+")
_ENDS_ASKING = re.compile(r"[?\uff1f]\s*$")
_OPENS_ASKING = re.compile(r"(?:would|could|can|should|do|does|did|will)\s+(?:i|we|you|u|anyone|anybody|someone|somebody|people|y'all)\b")
_ASKS_OTHERS = re.compile(r"\b(?:anyone|anybody|someone|somebody)\b")
_ANSWER_NO = re.compile(r"^(?:(?:absolutely|definitely|certainly|probably|hell|sadly|unfortunately)\s+)?"
                        r"(?:no|nope|nah|not|never|nein|non|n[aã]o|nunca|jamais|doubt\s+it|i\s+doubt)(?!\w)")
_ANSWER_YES = re.compile(r"^(?:yes|yeah|yep|yup|absolutely|definitely|of\s+course|sure|certainly|totally|100\s*%"
                         r"|ja|oui|s[ií]|sim|claro|bien\s+s[uû]r|auf\s+jeden\s+fall|klar|for\s+sure|hell\s+yes)(?!\w)")

# (applied to lower-cased text: no IGNORECASE, which makes these alternations a quarter slower)
_WARN_RE = re.compile("|".join(f"(?:{p})" for p in _WARN))
_RECEIVED_RE = re.compile("|".join(f"(?:{p})" for p in [*_RECEIVED, _INSTEAD]))
_RECOMMEND_RE = re.compile("|".join(f"(?:{p})" for p in _RECOMMEND))
_ENOUGH_RE = re.compile(_RECOMMEND[0])
_VERB_RE = re.compile(rf"\b{_VERB}")
_TOLD_RE = re.compile(_TOLD)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _normalise(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def _answer(question: str, reply: str) -> str | None:
    """The intent of a question about recommending it, answered by the next sentence ("Would I? Not really.")."""
    if not _VERB_RE.search(question) or _ASKS_OTHERS.search(question):
        return None
    reply = reply.lstrip(" ,.-")
    return "warn" if _ANSWER_NO.search(reply) else "recommend" if _ANSWER_YES.search(reply) else None


def _told_friends(text: str) -> bool:
    """"Told my friends" in a clause that is not negative ("... about this disaster" is no recommendation)."""
    from nlp.themes.clauses import polarity, split_clauses  # late: nlp.themes imports this module

    return any(_TOLD_RE.search(c) and polarity(c) >= 0 for c in split_clauses(text))


def referral_intent(text: str | None) -> str | None:
    """``"recommend"``, ``"warn"`` or ``None`` for a review or mention text.

    >>> referral_intent("I'd recommend them to anyone")
    'recommend'
    >>> referral_intent("Stay away, don't buy from them.")
    'warn'
    >>> referral_intent("Would you recommend them?") is None
    True
    """
    return _intent(str(text)) if text else None


@lru_cache(maxsize=64)  # the theme detector asks again about a text and its clauses; not a store-wide cache
def _intent(text: str) -> str | None:
    units: list[tuple[str, bool]] = []  # sentences and clauses, each with whether it asks
    for sentence in (s.strip() for s in _SENTENCE.findall(_normalise(text))):
        if _ENDS_ASKING.search(sentence):
            units.append((sentence, True))
        else:
            units.extend((clause, bool(_OPENS_ASKING.match(clause))) for clause in _CLAUSE.split(sentence))
    said = [unit for unit, asks in units if not asks]
    answers = [_answer(unit, units[i + 1][0]) for i, (unit, asks) in enumerate(units[:-1]) if asks]
    norm = " ".join(said)
    # "can't recommend it enough" is praise, not a negated recommendation.
    cleaned = _ENOUGH_RE.sub(" ", norm)
    if _WARN_RE.search(cleaned) or "warn" in answers:
        return "warn"
    if cleaned != norm or "recommend" in answers or _RECOMMEND_RE.search(_RECEIVED_RE.sub(" ", norm)):
        return "recommend"
    return "recommend" if _TOLD_RE.search(norm) and _told_friends(norm) else None
