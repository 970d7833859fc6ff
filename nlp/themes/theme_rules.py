"""Phrase rules for the default themes, applied per clause to lower-cased text.

Each rule is (regex, context): context ``"app"`` fires only in texts about an
app or ride-hailing service, ``"offline"`` only in the others, ``"venue"`` only
in those about a place (a restaurant, a hotel), ``"weak"`` only when nothing
else matched the clause, ``None`` always.
The same words mean different themes by context: "not working" is an app bug
but a broken product; "location" is GPS trouble in an app but a venue's place.
Written from the issue's definitions and the aspect files' training splits.
Which context a text is in is judged by :mod:`nlp.themes.text_contexts`; what a theme's
rules must not read, by :mod:`nlp.themes.theme_exclusions`.
"""

from __future__ import annotations

import re

from nlp.themes.cheap import QUALITY_PHRASE
from nlp.themes.text_contexts import FOOD

Rule = tuple[str, str | None]

THEME_RULES: dict[str, list[Rule]] = {
    "product_quality": [
        (r"not (?:as|what was) (?:advertised|described|pictured|shown)", None),
        (QUALITY_PHRASE, None),  # "feels cheap", "cheap plastic": quality, not a price
        (FOOD, "offline"),
        (r"quality|well[- ]made|cheaply made|poorly made|durable|sturdy|flimsy|fell apart|falling apart|"
         r"broke|broken|breaks|cracked|snapped|ripped|torn|defect(?:ive)?|faulty|leak(?:s|ed|ing)?|"
         r"fits?|fitted|fitting|too (?:small|big|large|tight|short|long|thick|thin|heavy|sweet)|runs? (?:small|large|big)|"
         r"sizes?|comfortable|comfy|uncomfortable|material|fabric|plastic|stitching|smells?|"
         r"works? (?:great|well|perfectly|fine|as)|worked|does(?:n't| not) (?:work|fit|hold|zip|stick)|"
         r"(?:stopped|quit) working|died|dead|accurate|inaccurate|battery|batteries|instructions|"
         r"looks? (?:great|good|nice|cheap)|great product|good product|nice product|the product|this product|item|"
         r"cheap(?:ly)? (?:made|material|plastic|quality|feel|looking)|laptop|computer|notebook|machine|screen|"
         r"keyboard|mouse|touch ?pad|trackpad|speakers?|performance|processor|memory|\bram\b|hard drive|\bssd\b|"
         r"windows|\bmac\b|\bos\b|software|boots?|charger|ports?|wi-?fi|runs? (?:fast|slow|great|well|hot)", "offline"),
        (r"answers?|responses?|accurate|helpful|useful|intelligen(?:t|ce)|\bai\b|gpt|game[- ]changer|"
         r"rides?|trips?|cars?|cabs?|autos?|comfortable|smooth|"
         r"(?:great|good|best|nice|amazing|awesome|excellent|worst|bad|terrible|horrible|useless|pathetic|love) "
         r"(?:app|application|service|services|experience)|"
         r"(?:app|service|services|experience) (?:is|was) (?:great|good|amazing|awesome|excellent|bad|terrible|horrible|useless)|"
         r"works? (?:great|well|perfectly|fine)|helps? me|productivity", "app"),
        (r"experience (?:was|is) (?:great|good|amazing|bad|terrible)|(?:great|amazing|bad|terrible) experience|"
         r"excellent|perfect|wonderful|fantastic|disappoint(?:ed|ing|ment)|"
         r"(?:love|loved|like|liked|hate|hated) (?:it|this|these|them)", "weak"),
    ],
    "price_value": [
        (r"pric(?:e|es|ed|ey|y|ing)|overpriced|expensive|costl(?:y|ier)|\bcost(?:s|ed)?\b|afford(?:able)?|"
         r"value for money|(?:good|great|poor|no) value|worth (?:the|every|it)|not worth|budget|pocket|"
         r"bucks|\brs\.? ?\d+|[₹$£€] ?\d+|\d+ ?(?:dollars|rupees|rs|euros?|quid|eur|gbp)\b|\d+ ?[£€]|pay[- ]to[- ]win|p2w|"
         r"fares?|rates?|\bdeal\b|discounts?|coupons?|charge (?:you|us|me) more|waste of money|wastage of money|"
         r"bargain|reasonabl[ey]|gouging|rip(?:ped)?[- ]off|surge|cheap(?:er|est)?(?! (?:made|material|plastic|quality|feel|looking))|"
         r"for free|completely free|free of cost|(?:subscription|membership) (?:fee|price|cost)|\bfees?\b|"
         r"charge (?:higher|more|too much)|high charge|very high", None),
    ],
    "delivery": [
        (r"arriv(?:ed|al|es)|(?:was|were|is|are) missing", "offline"),
        (r"(?:order|food|meal|pizza)\s+(?:\w+\s+)?(?:arrived|came|showed up)", "app"),  # a restaurant's food "came" to the table
        (r"deliver(?:y|ed|ies|ing)?|shipp(?:ing|ed)|shipment|\bship(?:s)?\b|packag(?:e|ing|ed)|"
         r"\bpacked\b|well packed|parcel|courier|tracking|"
         r"wrong (?:item|size|colou?r|one|product|order)|not what i ordered|received (?:the )?(?:wrong|incorrect|a different)|"
         r"incorrect (?:item|order|\w+ head)|missing (?:parts?|pieces?|items?)|never (?:receive|received|got|arrived)|"
         r"did(?:n't| not) (?:receive|arrive|get (?:it|the|my))|not received|haven't received|"
         r"instead of (?:a|an|the)\b|came (?:damaged|broken|late|early|quickly)|received (?:it )?(?:quickly|fast|on time|late)|"
         r"(?:got|had|made|messed up) (?:my|our|the) (?:\w+ )?order wrong|order (?:was|is|came) (?:wrong|incomplete|missing)|"
         r"(?:half|part|some|most) (?:of )?(?:my|our|the) order|missing from (?:my|our|the) order", None),
    ],
    "service_staff": [
        (r"staff|waiters?|waitress(?:es)?|servers?|manager|host(?:ess)?|bartender|chef|employees?|crew|"
         r"hospitality|courteous|polite|impolite|attentive|rude|rudely|friendly (?:staff|people)|very friendly|"
         r"treat(?:ed)? us|served (?:us|by)|(?:thanks|thank you|kudos)(?: to)? (?:mr\.? )?[a-z]+|"
         r"took care|courtesy|professional(?:ism)?|greeted|\bservice\b(?<!cell service)(?<!cellular service)(?<!phone service)"
         r"(?<!mobile service)(?<!internet service)(?<!wifi service)(?<!wi-fi service)(?<!broadband service)(?<!cable service)"
         r"(?<!tv service)(?<!network service)(?<!data service)(?<!4g service)(?<!5g service)(?<!lte service)", "offline"),
        (r"(?:front desk|housekeeping|concierge|doctors?|nurses?|trainer|instructors?|mechanic|salesm[ae]n)(?: \w+)? "
         r"(?:was|were|is|are)\b", "venue"),
        (r"customer (?:service|support|care)|support (?:team|staff|is|was|agents?)|"
         r"(?:support|agents?) (?:(?:never|not|still|just|\w+n't) )*(?:repl(?:y|ies|ied)|answer(?:s|ed)?|respond(?:s|ed)?)|(?:tech|contact(?:ing)?|no) support|"
         r"helpline|hotline|on hold|call(?:ed)? (?:them|customer|support)|chat ?bot+s?|\bbots?\b|complaint|"
         r"seller|vendor|company (?:corrected|sent|replaced|responded)|responsive seller|customer service|"
         r"warranty|repair(?:ed|s)?|tech support|geek squad|technicians?|sent it (?:back|in)", None),
        (r"(?:nice|kind|good|great|polite|rude|sweet|lovely|helpful|friendly) (?:gentleman|person|guy|lady|man|woman|people)|"
         r"people (?:are|were) (?:nice|kind|friendly|rude|helpful|polite)", None),
        (r"drivers?|rider doesn't|captain|(?:friendly|rude|polite|nice|respectful) (?:driver|people|person)|"
         r"nice people|respectful|pleasant", "app"),
    ],
    "speed_wait": [
        (r"\bwait(?:ed|ing|s)?\b(?! (?:room|area|lounge)s?\b)|queue|took (?:a while|long|forever|ages)|long time|"
         # days or weeks taken, unless by the delivery ("delivery took 3 weeks" is the delivery's)
         r"(?=t[ao])(?<!delivery )(?<!shipping )(?<!shipment )(?<!order )(?<!package )(?<!parcel )(?:took|takes|taking) "
         r"(?:over |almost |nearly |about |around |more than )?(?:\d+|a|an|two|three|four|five|six|several|a few|few) "
         r"(?:days?|weeks?|months?)(?! off| to (?:arrive|ship|deliver|be (?:delivered|shipped)|come|get here|reach))|"
         r"slow (?:service|to serve)|(?:quick|fast|prompt|speedy) (?:service|response|delivery)|always quick|"
         r"\d+ ?(?:min(?:ute)?s?|hours?|hrs?)\b|late\b|delay(?:ed|s)?|on time|rushed|hurry|"
         r"short wait|"
         r"(?:service|food|order|staff)(?: (?:is|was|were|are)(?:n't| not)?)? (?:a little |a bit |very |too |so |really |extremely )?slow",
         None),
        (r"arriv(?:ed|al|es|e)|pick(?:ed)? (?:me )?up", "app"),  # "picked up my prescription" is no ride
    ],
    "cleanliness_ambience": [
        (r"dirty|filthy|filth|hygien(?:e|ic)|unhygienic|cockroach(?:es)?|ambien(?:ce|ace)|ambiance|atmosphere|vibes?|decor|d[ée]cor|"
         r"\bdj\b|crowd(?:ed)?|seating|roof ?top|location|located|parking|dance floor|air condition|patio|"
         r"hang ?out|live (?:music|screen|band)|sitting on top|"
         r"(?:nice|good|great|beautiful|lovely|amazing|wonderful|awesome|best|decent|cool) (?:place|pub|spot)|"
         r"place (?:is|was) (?:nice|good|great|beautiful|lovely|small|cramped)|outskirts|decorat\w*|lounge|trendy|jazz",
         "offline"),
        # words that speak of a place only in a review of a place ("easy to clean", "rattling noise" are the product)
        (r"clean(?:liness)?|\bhair\b|flies|music|noise|noisy|loud|spacious|space|cozy|cosy|view|interior|lighting|"
         r"\bac\b|pool ?(?:side|front)?|romantic|setting|theme|garden|elegant|charming|quiet|relax(?:ing|ed)?|"
         r"scene|band|cramped|tiny|disgusting|smelly|sticky (?:tables?|floors?|menus?|seats?|chairs?)|"
         r"bed ?bugs?|bugs (?:\w+ )?(?:in|on|crawling|all over) (?:the |my |our )?(?:room|beds?|sheets?|bathroom|floor|walls?|"
         r"pillows?|couch|carpet)|roach(?:es)?|mou?ldy|musty|spotless|immaculate|"
         r"(?:tables?|floors?|menus?|seats?|chairs?) (?:were|was|are|is) (?:\w+ )?sticky", "venue"),
    ],
    "app_usability": [
        (r"user[- ]?friendly|easy to (?:use|navigate|understand)|navigation|interface|\bui\b|\bux\b|"
         r"features?|functions?|functionality|option to|please (?:add|allow|make|launch|optimi[sz]e|have)|"
         r"would be (?:nice|great|better) if|dark mode|split[- ]screen|full[- ]screen|landscape|ipad|haptics|"
         r"animations?|intuitive|confusing|complicated|widget|does(?:n't| not) support|(?:difficult|hard) to find|how to add|(?:ipad|tablet|kindle|desktop) version|plugins?", None),
        (r"(?:so|super|very) easy|navigate|design|layout|options?|settings|compatib(?:le|ility)|does(?:n't| not) support|"
         r"i wish|wish (?:i|it|there)|\bads\b|advertisements|hard to (?:find|use)|simple|simplistic|"
         r"controls|sync(?:s|ing)?|notifications?|zoom|voice|display|screen size|block (?:some|sum)|"
         r"convenien(?:ce|t)|not friendly|make (?:this|the|it) (?:app )?(?:so )?friendly|version for|"
         r"slick|catch my shows|check my|edit", "app"),
    ],
    "app_reliability": [
        # not insects ("bed bugs", "bugs in the salad"), a cold "freezing" (app texts only) nor a frozen account
        (r"crash(?:es|ed|ing)?|\bbugs?\b(?<!bed bug)(?<!bed bugs)(?! (?:\w+ )?(?:in|on|crawling|all over) (?:the |my |our )?"
         r"(?:room|beds?|food|salad|plate|sheets?|bathroom|kitchen|table|floor|walls?|pillows?|couch|carpet)\b)|"
         r"bugg(?:y|ed)|bugs out|glitch(?:es|y)?|freez(?:es|ing up)|freeze up|froze(?! (?:my|our|the|his|her) (?:\w+ )?(?:account|card))|"
         r"error(?: messages?)?|errors|log(?:ged|ging)? ?(?:in|out)|logs? (?:me|us|you) out|logg(?:ed|ing) (?:me|us|you) out|login|sign(?:ed|ing)? ?(?:in|off)|verification|\botp\b|"
         r"account (?:blocked|locked|suspended|missing|disabled)|\b404\b|invalid|server (?:error|down|issue)|"
         r"lag(?:s|gy|ging)?|overheat(?:s|ing)?|thermal|buffer(?:s|ing)|after (?:the )?(?:latest |last |recent )?update|"
         r"(?:won't|wont|can't|cannot|unable to|not able to) (?:open|load|log|sign|login|access|connect|register|verify)|"
         r"keeps? (?:crashing|closing|logging|freezing)|does(?:n't| not) even work with", None),
        (r"not (?:working|loading|responding|opening)|does(?:n't| not) (?:work|load|open|respond)|"
         r"(?:won't|wont|can't|cannot|unable to|not able to) (?:work|book)|(?:stopped|stop) working|"
         r"loading|heats? up|(?:gets?|became|becomes) (?:very |so )?hot|battery|drain(?:ed|s)?|"
         r"network|connection|(?:wrong|other|different|incorrect) (?:location|address)|messe?s? up my address|gps|"
         r"responsive|(?:app|it|loading|responses?|website|answers?) (?:is |was |are |runs? )?(?:very |so |super |too |really )?"
         r"(?:fast|slow|quick|sluggish)\b|(?:faster|slower|quicker) than (?:the )?(?:web|website|browser|desktop)|"
         r"slow web|fuzzy|stops every|verify|"
         r"jumps (?:all )?over|failed|fails|not booked|does(?:n't| not) even book|refuses to|"
         r"(?:slow|sluggish) (?:app|application|website|loading)|"
         r"(?:takes?|took|taking) (?:a )?(?:long time|forever|ages|so long|too long) to (?:confirm|load|open|respond|start)|processing time|didn't work|didnt work|"
         r"isn't working|is not working|not work|automatically booking|not cancell?ing|freez(?:e|ing)", "app"),
    ],
    "billing_refunds": [
        (r"refund(?:s|ed)?|charg(?:ed|ing|es)? (?:me |us )?(?:twice|double|2 times|again|extra)|double[- ]?charg(?:ed|es|ing|e)?|"
         r"charg(?:ed|ing|es)? (?:my|our) (?:\w+ )?(?:card|account)|"
         r"overcharg(?:e|ed|ing)|extra charges?|wrong charges?|charged me|charges? (?:me|us|another|for)|"
         r"pending (?:amount|payment)|payments?|deducted|debit(?:s|ed)?|money back|(?:took|stole|taking) (?:half )?(?:of )?my money|"
         r"billing|invoice|cancellation (?:fees?|charges?)|chargeback|credit card|\bupi\b|transaction|"
         r"exchanged it|paid for|pay(?:ing)? for (?:their|cancelled)|price increase .* after|after drop ?off|"
         r"(?:says|quotes?) one fare|fee upon request|payment method|payment mode|charging (?:me|us)|"
         r"(?:kept|keep|keeps|continued?|continues) (?:on )?charging (?:for|after|even)|(?:got|been|was|were|being|get|gets) charged|"
         r"billed(?! as\b)|bills? (?:went up|goes up|increased|doubled|tripled|is wrong|was wrong|jumped|shot up)|"
         r"(?:estimated|catch[- ]up|wrong|incorrect|inflated) bills?", None),
    ],
    "trust_safety": [
        (r"scam(?:s|mers?|med)?|fraud(?:ulent|s)?|\bst(?:ole|eal(?:ing)?|olen)\b|theft|privacy|personal (?:data|information|info)|"
         r"phone number|identity|credit report|unsafe|\bsafe(?:ty)?\b|secur(?:e|ity)|harass(?:ment|ing|ed)?|teas(?:e|ing)|"
         r"blocked (?:me|my account)|blocked|banned|suspended|moderation|fake (?:reviews?|accounts?)|same person|"
         r"unethical|extort(?:ed|ion)?|criminal|go offline|hack(?:ed|er|ers)?|\bspam\b|cheat(?:ed|ing|s)?|"
         r"(?:not |don't |can't |cannot |never )trust|trust (?:them|this|it|uber|the)|trustworthy|shady|minor\b|untrustworthy|"
         r"data (?:leak|breach)|deleted conversations|"
         r"(?:froze|frozen|freezing|restricted|shut down|closed(?<!\bi closed)(?<!\bwe closed)(?<!\bi have closed)(?<!\bwe have closed)(?<!\bi've closed)"
         r"(?<!\bwe've closed)(?<!\bi had closed)(?<!\bi just closed)(?<!\bi finally closed)) (?:my|our) (?:\w+ )?accounts?|"
         r"account (?:was |got |is |has been )?(?:frozen|closed|restricted|on hold)", None),
    ],
}


def compiled() -> dict[str, list[tuple[re.Pattern[str], str | None]]]:
    """The rules as compiled, word-bounded regexes, for lower-cased text (IGNORECASE costs a quarter more time)."""
    return {
        theme: [(re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])"), ctx) for pattern, ctx in rules]
        for theme, rules in THEME_RULES.items()
    }
