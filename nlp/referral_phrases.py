"""The referral phrase rules, per language: what warns others off, recommends, or was received.

Only explicit phrases ("I'd recommend", "stay away", "finger weg", "à éviter", "别买") are
caught here; anything subtler is left to the sentiment model. Kept apart from the clause
logic so that a new phrase is one line in one list.
"""

from __future__ import annotations

import re

from nlp.referral_negation import ADVISED_AGAINST, ELSEWHERE, NEGATED, PARTIAL_ADVICE, VERB

# Phrases that warn others off. Applied to lower-cased text with plain apostrophes.
_WARN = [
    # English: negated recommendation, explicit warnings
    NEGATED,
    ADVISED_AGAINST,  # "I recommend not buying", "recomiendo no comprar", "ich rate ab" (every language)
    r"\brecommend(?:s|ed)?\s+(?:\w+\s+){0,2}to\s+(?:no\s*one|nobody)\b",
    r"\b(?:empfehl\w*|empfiehlt)(?:\s+(?:es|ihn|sie|das|euch|ihnen|ich|den\s+\w+|die\s+\w+)){0,2}\s+(?:nicht|niemandem|keinem)\b",
    r"\bnot\s+(?:be\s+)?recommend(?:ing|ed)\b",
    r"\bno(?:t)?\s+recommendation\b",
    r"\brecommend(?:s|ed|ing)?\s+(?:(?:you|everyone|people|others)\s+)?(?:against|avoiding|staying\s+away|to\s+avoid|to\s+stay\s+away)\b",
    r"\bstay\s+(?:far\s+|well\s+)?away\b",
    # "think twice" warns, not after "no need to", "didn't have to", nor "before going anywhere else"
    r"(?<!n't\s)(?<!not\s)(?<!n't\shave\sto\s)(?<!n't\sneed\sto\s)(?<!no\sneed\sto\s)(?<!never\shave\sto\s)"
    r"\bthink\s+twice\b" + ELSEWHERE,
    r"\bsteer\s+clear\b",
    # "don't buy" / "never order" / "don't fly with them" said to others; "I will never order again" is the writer's own repeat
    r"(?<!\bi\s)(?<!\bwe\s)(?<!will\s)(?<!'ll\s)(?<!would\s)(?<!'d\s)\b(?:do\s*n[o']?t|don't|never|do\s+not)\s+(?:ever\s+)?"
    r"(?:buy|order|purchase|shop\s+(?:here|there|with)|waste|bother|go\s+there|fall\s+for|fly\s+(?:with|on)"
    r"|stay\s+(?:here|there|at|with)|bank\s+with|book\s+(?:here|there|with|this|them)|rent\s+(?:from|with|here)|go\s+to\s+(?:this|these|that)"
    r"|use\s+(?:this|these|them|their)\s+(?:company|service|app|bank|airline|hotel|place|dealership|clinic|gym|provider|isp|carrier"
    r"|shop|store))\b"
    r"(?!(?:\s+[\w']+){0,4}\s+(?:again|anymore|any\s+more)\b)"
    + ELSEWHERE,  # "don't buy anything else / from any other / elsewhere" sends buyers TO the brand
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

# Phrases that recommend to others ("told my friends": TOLD_RE, below).
_RECOMMEND = [
    r"\b(?:can't|cannot|can\s+not|couldn't)\s+recommend\s+(?:[\w']+\s+){0,4}?(?:enough|highly\s+enough|more(?:\s+highly)?)\b",
    r"\brecommend(?:s|ed|ing)?\b",
    r"\bspread\s+the\s+word\b",
    r"\bmust[-\s](?:buy|have|try|visit|go|watch|read)\b",
    r"\ba\s+must\b(?!\s+not)",
    r"\bworth\s+(?:a\s+)?(?:visit|try|trying|going|visiting)\b",
    r"\b(?:do|definitely|should)\s+(?:give\s+it\s+a\s+)?(?:try|visit|check\s+(?:it|them)\s+out)\b",
    # "you should try"; "y'all need to try", "you have to check it out" (not "you have to try again / hard / another app")
    r"\b(?:you\s+(?:should|must)\s+(?:try|go|visit|get|buy|order)\b|(?:you|y'all|yall|u|everyone|everybody)(?:\s+guys)?\s+"
    r"(?:need|have|gotta|got)\s+to\s+(?:try\b(?!\s+(?:again|to|and|hard|harder|it\s+again|another|other|something|a\s+different"
    r"|different|several|multiple|\d))|check\s+(?:it|them|this|this\s+place)\s+out))",
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
# text is about is not known here, so it is no recommendation of either ("recommend not looking elsewhere" is praise).
_INSTEAD = rf"\b{VERB}\s+(?!not\b|never\b)(?:[\w']+\s+){{0,4}}?(?:instead|rather\s+than|an?\s+(?:\w+\s+)?alternative|alternatives|something\s+else|elsewhere)\b"
# "I recommend Globex over Acme" is the same, a rival named after "over". Not so "it" or "this" over anything, "the
# sizzler over the buffet" (one place's dishes), nor "over" what is no rival: a determiner or possessive ("over the
# years / the phone / its competitors / a dozen times"), everything or anything else, the rest, others, a number,
# a time, "over at", "over there", "over and over".
_NOT_RIVAL = (r"(?!\d|(?:the|a|an|its|their|my|your|our|his|her|at|there|here|and|again|time|times|so|such|every\w*|any\w*"
              r"|all|each|most|many|much|more|other|others|rest|competitors?|competition|alternatives?|generic|similar"
              r"|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundreds?|thousands?|dozens?|couple|few"
              r"|several|multiple|numerous|countless|half|years?|months?|weeks?|days?|decades?|phone|e-?mails?|texts?"
              r"|dms?|dinner|lunch)\b)")
_OVER = (rf"\b{VERB}\s+(?!(?:it|them|this|these|that|those|him|her|us|the|a|an)\b)(?:(?!to\b|for\b)[\w'&.-]+\s+){{1,3}}?"
         rf"over\s+{_NOT_RIVAL}\w")
# "Told my friends" recommends only in a clause that is not negative (checked in nlp.referral).
_TOLD = r"\b(?:told|tell(?:ing)?)\s+(?:all\s+)?(?:my\s+|our\s+)?(?:friends|family|everyone|colleagues|coworkers)\b"

# (applied to lower-cased text: no IGNORECASE, which makes these alternations a quarter slower)
WARN_RE = re.compile("|".join(f"(?:{p})" for p in _WARN))
RECEIVED_RE = re.compile("|".join(f"(?:{p})" for p in [*_RECEIVED, _INSTEAD, _OVER, PARTIAL_ADVICE]))
RECOMMEND_RE = re.compile("|".join(f"(?:{p})" for p in _RECOMMEND))
ENOUGH_RE = re.compile(_RECOMMEND[0])
TOLD_RE = re.compile(_TOLD)
