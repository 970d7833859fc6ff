"""Negation scope for the referral rules: which "recommend" a negation takes back.

A negation reaches the verb only across pronouns, modals and hedges in the same clause, so
"I can't really recommend it" and "no lo recomendaría" warn while "never disappointed,
recommend" still recommends.
"""

from __future__ import annotations

# A recommending verb (EN, DE, FR, ES/PT), and what may stand between a negation and it in one
# clause: pronouns, modals, hedges ("I don't think I would recommend", "nicht wirklich empfehlen",
# "no se lo recomiendo"). Anything else ends the negation ("never disappointed, recommend").
VERB = r"(?:recommend(?:s|ed|ing)?|(?:weiter)?empfehl\w*|empfiehlt|recommand\w*|recom(?:iend|end)\w*)\b"
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
NEGATED = rf"\b{_NEGATION}(?:\s+{_FILLER}){{0,4}}\s+{VERB}"

# What sends buyers TO the brand after "don't buy" or "recommend not going": "anything else", "anywhere else",
# "any other", "elsewhere", "anything less" ("don't buy anything else", "recommend never going anywhere else").
ELSEWHERE = (r"(?!(?:\s+(?!or\b|and\b|but\b|nor\b)[\w']+){0,3}?\s+(?:(?:anything|anywhere|any\s*(?:one|body|place))\s+"
             r"(?:else|less)|(?:any|the)\s+others?|other\s+\w+|elsewhere)\b)")

# Advice NOT to buy: a recommending verb that the negation follows, out of NEGATED's reach ("I recommend
# not buying", "recomiendo no comprar", "recomendo não comprar", "je recommande de ne pas acheter", "ich
# empfehle, dort nicht zu kaufen", "ich rate davon ab", "je déconseille"). Advice not to hesitate, wait, miss
# it, look further, settle, skip or leave it ("recommend not waiting", "never leaving without the cake", "de ne
# pas hésiter", "no dudar") is praise, and left to the other rules.
_PRAISE = (r"(?!(?:s'en\s+|s'|se\s+|lo\s+|la\s+|le\s+)?(?:hesitat|wait|miss|think|second|delay|look|search|settl|skip"
           r"|leav|dud|pens|perd|esper|duvid|h[ée]sit|attend|manqu|rat[eé]|pass|priv|z[öo]ger|wart|verpass|[üu]berleg"
           r"|zweifel|lange))")
# Advice against one dish or item of a meal the writer praises: "I'd recommend not ordering the fish, but everything
# else was great" neither warns nor recommends (nlp.referral_received_phrases cuts it out before the recommend rules).
_PARTIAL = (r"recommend(?:s|ed|ing)?\s+(?:not|never)\s+(?:order|get|try|eat|hav|choos|pick|tak|drink|buy)\w*"
            r"\s+(?:the|a|an|their)\s+[^,.!?;]{1,40}?,?\s+but\s+(?:[^.!?]*\s)?(?:everything|all\s+the\s+other|the\s+rest"
            r"|rest|other|otherwise|else)\b[^.!?]*?\b(?:great|good|excellent|amazing|delicious|fantastic|awesome"
            r"|perfect|lovely|wonderful|superb|brilliant|outstanding|tasty|fine|nice)\b")
PARTIAL_ADVICE = rf"\b{_PARTIAL}"
_ADVICE = [  # each after a word boundary, and starting with r, e, a or d: see ADVISED_AGAINST
    rf"recommend(?:s|ed|ing)?\s+(?:(?:you|everyone|people|others)\s+)?(?:not|never)\s+{_PRAISE}\w+ing\b{ELSEWHERE}",
    rf"recommend(?:s|ed)?\s+(?:that\s+)?(?:you|everyone|people|others)\s+(?:do\s+)?(?:not|never)\s+(?!only\b|just\b){_PRAISE}"
    rf"\w+\b{ELSEWHERE}",
    rf"recom(?:iend|end)\w*\s+(?:a\s+\w+\s+)?(?:(?:no|n[aã]o|nunca|jam[aá]is)\s+{_PRAISE}\w*[aei]r"
    rf"(?:l[oa]s?|les?|se|me|te|nos|em|mos)?\b|que\s+(?:no|n[aã]o|nunca)\s+{_PRAISE}\w)",
    rf"recommand\w*\s+(?:[\w']+\s+){{0,3}}?de\s+(?:ne\s+)?(?:pas|jamais)\s+{_PRAISE}\w",
    rf"(?:empfehl\w*|empfiehlt),?\s+(?:(?!(?:weil|da|denn|dass|obwohl|aber)\b)[\w-]+,?\s+){{0,4}}?nicht\s+(?:[\w-]+\s+){{0,3}}?"
    rf"zu\s+{_PRAISE}\w+(?:en|ern|eln)\b",
    r"ab(?:zu)?raten\b|rat(?:e|en)\s+(?:[\w-]+\s+){0,4}?ab\b(?=\s*(?:[.,!;:]|$)|\s+(?:hier|dort|bei|von|zu|und|weil))",
    r"d[ée]conseill\w*|desaconsej\w*|desaconselh\w*",
]
# One alternative, its first letter checked once: seven in the warn rules' alternation cost a tenth more time.
# Partial advice is no warning.
ADVISED_AGAINST = rf"\b(?=[reda])(?!{_PARTIAL})(?:" + "|".join(f"(?:{p})" for p in _ADVICE) + ")"
