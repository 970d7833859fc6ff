"""Phrase rules for the journey stages other than ``use``, applied per clause (lower-cased).

``use`` is the default stage of any text about receiving or using the product;
the rules below find the other moments a text also speaks of. ``EXCLUDE`` lists
phrases that look like a stage cue but are not one ("would buy again" is a
repeat, not a purchase; "a good purchase" is a verdict on the product).
``refer`` also comes from ``nlp.referral``'s recommend/warn rules.
"""

from __future__ import annotations

import re

STAGE_RULES: dict[str, list[str]] = {
    "consider": [
        r"heard (?:about|of|so much|good things)", r"\bhype\b", r"(?:saw|seen) (?:an? |the |their |your )?(?:ad|advert|commercial)s?\b",
        r"first impression", r"word of mouth", r"reputation|reputed", r"known for|famous for",
        r"recommended (?:to me|by (?:a|my))",
        r"(?:friends?|colleagues?|someone) (?:told|suggested|recommended)",
        # a family member's word ("my sister recommended"): the verb found first, then who said it
        r" (?=told|suggested|recommended)(?:(?<=sister )|(?<=brother )|(?<=mum )|(?<=mom )|(?<=mother )|(?<=dad )|(?<=father )"
        r"|(?<=wife )|(?<=husband )|(?<=partner )|(?<=neighbor )|(?<=neighbour )|(?<=doctor )|(?<=boss )|(?<=cousin )|(?<=aunt )"
        r"|(?<=uncle )|(?<= son )|(?<=daughter )|(?<=family )|(?<=parents )|(?<=coworker )|(?<=coworkers )|(?<=co-worker )"
        r"|(?<=co-workers ))",
        # something new that turned up unannounced (not a price "went up without notice")
        r"without(?:(?<=came without)|(?<=launched without)|(?<=released without)|(?<=appeared without)|(?<=dropped without)"
        r"|(?<=arrived without)|(?<=showed up without)) (?:any )?(?:notice|announcement)",
        r"i (?:like|love) (?:this|the) (?:author|brand)",
        r"(?:one[- ]time|trial|sample) (?:use )?(?:packet|size|pack)", r"curious about", r"big fan of",
    ],
    "research": [
        r"research(?:ed|ing)?", r"read(?:ing)? (?:the |other |all the |some |many |a lot of )?reviews",
        r"reviews (?:said|say|mentioned)", r"based on (?:the |a )?reviews?", r"shopp(?:ed|ing) around",
        r"looked (?:around|for (?:a|an|the|something))", r"searched (?:for|online)",
        r"descriptions?", r"listing", r"as (?:advertised|described|pictured|shown)", r"advertis(?:ed|ement|ements|e)",
        r"(?:photos?|pictures?|images?) (?:shown|on|in|they have|online)", r"nothing like the (?:photos?|pictures?)",
        r"disclaimer", r"product page", r"\bspecs\b", r"find (?:any )?information|more information|the heading|the title says",
    ],
    "decide": [
        r"\b(?:chose|chosen|picked|opted|settled on|went with|go with)\b(?! up)", r"decided (?:on|to (?:buy|get|go|order|try|purchase))",
        r"no[- ]brainer", r"instead of (?:buying|getting|ordering)", r"should have (?:bought|gone|ordered|gotten|chosen|picked)",
        r"wish i (?:had )?(?:bought|chose|picked|ordered)", r"torn between", r"(?:most |more )?preferred",
        r"(?:will|would) (?:always )?choose", r"(?:going|planning) to (?:get|buy|upgrade|subscribe)",
        r"choose (?:my|the|a|from)|able to choose|to choose", r"(?:compared?|comparison) (?:to|with) (?:the )?(?:nearby|other|main) (?:branch|restaurants? nearby|outlet)",
        r"main branch|other branch|\bbranch\b", r"top choice|the best choice|best option",
    ],
    "buy": [
        r"\b(?:i|we|i've|we've|i have|we have|just|had|recently|first|then)\s+(?:\w+\s+)?(?:bought|purchased|ordered|booked|reserved|"
        r"downloaded|installed|subscribed|registered|paid)\b",
        r"^(?:bought|purchased|ordered|booked|downloaded|installed)\b", r"\b(?:bought|purchased|ordered) (?:this|these|it|them|two|2|one|a|an|for|from)\b",
        r"when i (?:bought|purchased|ordered|booked)", r"checkout|check[- ]in", r"booking|reservations?",
        r"book(?:ed|ing)? (?:a|the|my|an)? ?(?:cab|ride|table|room|shuttle|uber|auto|trip)",
        r"sign(?:ed|ing)? ?up|register(?:ing|ed)?|registration", r"download(?:ed|ing)?|install(?:ed|ing|ation)? (?:the|this)? ?app|easy to (?:download|install)|to install",
        r"payments?|paid for|pay(?:ing)? (?:for|by|with)|debits? money", r"add(?:ed)? to (?:my )?cart", r"first to download",
        r"phone number|verif(?:y|ication)", r"took a while to order|to order",
    ],
    "refer": [
        r"heads up", r"make sure (?:you|to|that)", r"be (?:aware|advised)", r"please be advised",
        r"if you (?:want|like|are|need|'re|re|know|don't mind|have)", r"(?:order|get|buy) (?:at least )?(?:a|one|two) sizes? (?:up|bigger|larger)",
        r"size up", r"you (?:should|must|will love|might|need to|can go)", r"don't (?:eat|expect|go)",
        r"^\s*(?:do |must |definitely |please |also )?try (?:the|their|this|it out)\b", r"best time to (?:visit|go|enter)", r"come (?:early|close)", r"one can try",
        r"for anyone", r"(?:tell|told|telling) (?:all )?(?:my )?(?:friends|family|everyone)", r"\bavoid\b", r"\bnote\s*:",
        r"(?:worth|must) (?:a )?(?:try|trying|visit|go)", r"must[- ](?:try|visit|go|have|buy)", r"go[- ]to place if",
        r"#try", r"not a (?:kids|place for)", r"suggest(?:ed)? not", r"use lyft|go to a better place", r"(?:don't|do not) buy",
        r"don't trys?", r"may not be your favou?rite", r"never order from", r"psa\b(?<!\wpsa)|fine print(?<=read the fine print)",
    ],
    "repeat": [
        r"\bagain\b", r"come back|coming back|came back(?: for\b| here\b|(?<=\bwe came back)|(?<=\bi came back)|(?<=we've came back)"
        r"|(?<=i've came back))|be back|will return|won't return|not return|return to (?:this|the)",
        r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th) (?:time|one|order|visit|pair|purchase|times)",
        r"(?:several|many|couple of|couple|few|multiple|three|two|\d+) times|carry on using|continue (?:to )?using|keep using", r"every (?:time|week|weekend|month)|every ?day|daily",
        r"always (?:order|come|go|get|use|enjoy|buy|visit|liked|loved|been)|always enjoyed|regular(?:ly)?|usually (?:visit|go|order|come|dine)",
        r"often (?:visit|go|order|come)|whenever",
        # "my go-to shop", not "had to go to the ER"
        r"go-to\b|go to\b(?:(?<=my go to)|(?<=our go to)|(?<=\ba go to)|(?<=the go to)|(?<=new go to)|(?<=usual go to))"
        r"|my (?:favou?rite|regular)", r"loyal(?:ty)?|customers? for life", r"renew(?:al|ed|s)?",
        r"cancel(?:led|ed|ling|ing)? (?:(?:my |the |their |your )?(?:subscription|membership|account|plus|uber one)"
        r"|(?:my|the|our) (?:contract|plan|policy|service|insurance))|clos(?:e|ed|ing) (?:my|our) (?:\w+ )?accounts?",
        r"uninstall(?:ed|ing)?|deleted? (?:the |this |it|my account)|so i deleted|i deleted", r"stopped (?:using|taking|buying|ordering|going)",
        r"switch(?:ed|ing)? to", r"never (?:use|using|order|buy|going|come|coming|visit|purchase)", r"another penny",
        r"rarely use", r"(?:not|never) (?:be )?purchas(?:e|ing) from", r"hooked", r"(?:been|have been) using",
        r"since \d{4}|for years|(?:\d+|two|three|few) years", r"third one|second one|another one",
        r"(?:will|would|won't|wouldn't) (?:definitely )?(?:buy|order|purchase|visit|use) (?:it |this |from them |here )?again",
        r"(?:choose|use) other apps|other apps over",
    ],
}

EXCLUDE: dict[str, list[str]] = {
    "buy": [r"(?:buy|order|purchase|purchasing|book)\w* (?:it |this |these |from them |here )?again",
            r"(?:good|great|wise|happy with (?:my|the|this)|satisfied with) (?:my |the |this )?purchase",
            r"(?:don't|do not|never|not) (?:ever )?(?:buy|order|purchase)", r"had to buy", r"should have"],
    "research": [r"(?:write|writing|wrote) (?:a |this |any )?reviews?", r"dont write reviews|don't write reviews"],
    "decide": [r"decided i", r"pick(?:ed)? (?:me )?up"],
    # asking whether others have the same trouble is no advice to them ("Is the app down for anyone else?")
    "refer": [r"(?:down|working|happening|crashing|loading|broken|slow|an issue|a problem) for anyone else"],
    # a count of failed attempts is not coming back ("payment failed three times", "called them 5 times", "emailed 4 times")
    "repeat": [r"try again", r"(?:fail(?:ed|s)?|declined|rejected|crash(?:ed|es)|charged|\b(?:call(?:ed|ing)?|e-?mail(?:ed|ing)?|"
               r"phoned|rang|ring|chas(?:e|ed)|contact(?:ed|ing)?|messag(?:e|ed)|text(?:ed)?|ask(?:ed)?|explain(?:ed)?)|"
               r"tried to \w+(?: \w+)?)"
               r"(?: \w+){0,2} (?:several|many|couple of|couple|few|multiple|three|two|\d+) times"],
}


def compiled() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """(stage -> regex, stage -> exclusion regex), for lower-cased text."""
    rules = {s: re.compile("|".join(f"(?:{p})" for p in ps)) for s, ps in STAGE_RULES.items()}
    exclude = {s: re.compile("|".join(f"(?:{p})" for p in ps)) for s, ps in EXCLUDE.items()}
    return rules, exclude
