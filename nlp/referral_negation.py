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
