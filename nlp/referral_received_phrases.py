"""Recommendations that are not the writer's own, cut out of a text before the recommend rules read it.

One the writer received ("a friend recommended it to me"), one of something else instead
("I recommend Globex instead of Acme", "... over Acme"), and advice against one dish of a
meal the writer praises (``nlp.referral_negation.PARTIAL_ADVICE``): none recommends the
brand, and none warns (:mod:`nlp.referral_recommend_phrases` holds the recommend rules).
"""

from __future__ import annotations

import re

from nlp.referral_negation import PARTIAL_ADVICE, VERB

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

# (applied to lower-cased text: no IGNORECASE, which makes these alternations a quarter slower)
RECEIVED_RE = re.compile("|".join(f"(?:{p})" for p in [*_RECEIVED, _INSTEAD, _OVER, PARTIAL_ADVICE]))
