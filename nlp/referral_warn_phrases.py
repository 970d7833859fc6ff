"""The phrases that warn others off, per language ("stay away", "finger weg", "à éviter", "别买").

Only explicit phrases are caught; anything subtler is left to the sentiment model. Kept
apart from the clause logic (``nlp.referral``) so that a new phrase is one line in one list;
negation scope is :mod:`nlp.referral_negation`'s.
"""

from __future__ import annotations

import re

from nlp.referral_negation import ADVISED_AGAINST, ELSEWHERE, NEGATED

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

# (applied to lower-cased text: no IGNORECASE, which makes these alternations a quarter slower)
WARN_RE = re.compile("|".join(f"(?:{p})" for p in _WARN))
