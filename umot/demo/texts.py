"""Hand-written sample review texts for the demo site (all invented, written for umot).

Each entry is ``(stars 1-5, title, text, language)``; ``{product}`` is replaced by
the product's name. Texts are grouped by the kind of thing reviewed, plus
``GENERIC`` texts that fit any product. They cover praise, complaints, mixed
feelings, referral phrases ("I told my friends to stay away", "I'd recommend
it to anyone"), emoji and a few non-English reviews, so the demo exercises the
whole pipeline. Bigger sites reuse them across many products, authors and dates.
"""

from __future__ import annotations

Text = tuple[int, str, str, str]

KITCHEN: list[Text] = [
    (5, "Boils in no time", "The {product} boils a full litre in under three minutes and it's quiet too. "
     "Looks great on the counter. I'd recommend it to anyone.", "en"),
    (5, "Best purchase this year", "Honestly the best thing I bought this year. The {product} is sturdy, easy to "
     "clean and the auto shut-off works every time. 👍", "en"),
    (4, "Solid, one small gripe", "Does exactly what it should. The cord is a bit short for my kitchen, "
     "but otherwise the {product} is a solid buy.", "en"),
    (2, "Lid feels cheap", "The lid hinge started wobbling after a month and now it doesn't close properly. "
     "For this price I expected better build quality.", "en"),
    (1, "Stopped working after 3 weeks", "The {product} died after three weeks. Customer service sent me "
     "in circles for a fortnight. I told my friends to stay away from this brand.", "en"),
    (3, "Fine but loud", "It works, but it is much louder than my old one. Not a deal breaker, "
     "just not the whisper-quiet machine the box promised.", "en"),
    (5, "Makes mornings easier", "Two slices perfectly browned every morning, no burnt edges. My partner "
     "ordered a second {product} for her office.", "en"),
    (1, "Smells like burning plastic", "Every time I use it the kitchen smells of hot plastic. "
     "Returned it. Save your money and buy something else 😤", "en"),
    (4, "Great value", "Great value for the money. The settings take a day to get used to, "
     "after that it's brilliant.", "en"),
    (2, "Leaks from the base", "Water pools under the base after every use. Support offered a replacement "
     "but the new one leaks as well.", "en"),
    (5, "Super Wasserkocher", "Der {product} ist schnell, leise und sieht richtig gut aus. "
     "Ich kann ihn nur weiterempfehlen.", "de"),
    (1, "Décevant", "Le couvercle s'est cassé au bout de deux semaines et le service client ne répond pas. "
     "Je ne le recommande pas.", "fr"),
]

OUTDOOR: list[Text] = [
    (5, "Bone dry in a storm", "Pitched the {product} on a ridge in a proper storm and stayed bone dry. "
     "Packs down small. I'd recommend it to anyone who camps in the wet.", "en"),
    (4, "Comfortable from day one", "No break-in needed, comfortable from the first hike. "
     "Grip on wet rock could be a little better.", "en"),
    (1, "Seams split on the second trip", "The seams split on my second trip and the zip jammed in the cold. "
     "Warranty claim rejected. Buyers beware.", "en"),
    (3, "Good but heavy", "Well made and warm, but noticeably heavier than the listing says. "
     "Fine for car camping, not for long treks.", "en"),
    (5, "Worth every penny", "Carried the {product} across the Highlands for ten days. Still looks new. "
     "Worth every penny 🏔️", "en"),
    (2, "Straps dig in", "The shoulder straps dig in after an hour, no matter how I adjust them. "
     "Nice pockets though.", "en"),
    (1, "Returned within a week", "Sizing is way off and the sole started peeling after a week. "
     "Returned it and told my hiking group to steer clear.", "en"),
    (4, "Great kit, slow delivery", "The gear itself is great. Delivery took almost three weeks, "
     "which nearly ruined my trip plans.", "en"),
    (5, "Perfecto para la montaña", "Muy cómodo y resistente, lo usé en los Picos de Europa sin problemas. "
     "Lo recomiendo totalmente.", "es"),
    (3, "Ganz okay", "Für den Preis in Ordnung, aber die Reißverschlüsse wirken etwas billig.", "de"),
]

HOTEL: list[Text] = [
    (5, "Wonderful stay", "Spotless room, friendly staff and a breakfast worth getting up for. "
     "We'll be back and I've already recommended it to my sister.", "en"),
    (2, "Noisy and overpriced", "Thin walls, a bar downstairs until 2am and a price that suggests luxury. "
     "Breakfast was fine.", "en"),
    (1, "Never again", "Booked a double, got a room facing the bins. The manager shrugged. "
     "Do not book here, I warned everyone at work.", "en"),
    (4, "Great location", "Five minutes from the station and the old town. Rooms are small but clean "
     "and the bed was very comfortable.", "en"),
    (3, "Mixed feelings", "Staff were lovely, but the shower ran cold twice and the Wi-Fi kept dropping. "
     "Fine for one night.", "en"),
    (5, "Perfect weekend ❤️", "Everything was perfect: the view, the spa, the dinner. "
     "Thank you to the whole team!", "en"),
    (1, "Dirty room", "Hair in the bathroom, stains on the sheets. We asked for a new room and were told "
     "the hotel was full. Avoid.", "en"),
    (4, "Séjour agréable", "Chambre propre et calme, personnel accueillant. Le petit-déjeuner "
     "pourrait être plus varié.", "fr"),
    (2, "Enttäuschend", "Das Zimmer war laut und das Frühstück kalt. Für diesen Preis erwarte ich mehr.", "de"),
    (5, "Ottimo hotel", "Posizione perfetta, camera pulitissima e personale gentile. Torneremo sicuramente.", "it"),
]

AUDIO: list[Text] = [
    (5, "Incredible sound", "The {product} sounds incredible for the price: deep bass, clear highs "
     "and the battery lasts all week. I'd recommend it to anyone.", "en"),
    (1, "Bluetooth keeps dropping", "Connection drops every few minutes, with two different phones. "
     "Firmware update didn't help. Don't waste your money.", "en"),
    (4, "Comfortable for long flights", "Wore them on a twelve-hour flight without sore ears. "
     "Noise cancelling is good, not the best.", "en"),
    (2, "Great sound, terrible app", "Sound quality is great but the companion app crashes constantly "
     "and you need it to change the EQ.", "en"),
    (3, "Decent", "Decent speaker. Gets loud but distorts at the top of the range.", "en"),
    (5, "My kids love it 🎶", "Survived being dropped in the garden twice and still sounds great. "
     "Bought another {product} for my parents.", "en"),
    (1, "Broke within a month", "The headband cracked within a month of normal use. "
     "I told my friends to stay away.", "en"),
    (4, "Buen sonido", "Buen sonido y batería de larga duración. El estuche es algo grande.", "es"),
]

GENERIC: list[Text] = [
    (5, "Exceeded expectations", "Exceeded my expectations in every way. Fast delivery too!", "en"),
    (4, "Happy overall", "Happy with the {product} overall. Instructions could be clearer.", "en"),
    (3, "It's okay", "It's okay. Does the job, nothing special.", "en"),
    (2, "Not as described", "The colour and size are not what the photos show. Keeping it because "
     "returns are a hassle.", "en"),
    (1, "Awful customer service", "The product was faulty and it took five emails and two phone calls "
     "to get a refund. I would not recommend this company.", "en"),
    (5, "Five stars ⭐⭐⭐⭐⭐", "Five stars, no notes.", "en"),
    (1, "Arrived broken", "Arrived broken, packaging was a single thin bag. Still waiting for a reply.", "en"),
    (4, "Good buy", "Good buy. I've told a couple of friends about it already.", "en"),
    (2, "Meh", "Meh. Worked for a while, then started making a strange rattling noise.", "en"),
    (5, "Aanrader", "Werkt perfect en ziet er mooi uit. Echt een aanrader!", "nl"),
]

AUTHORS: list[str] = [
    "Dana K.", "Sam Patel", "Ana Lima", "Ben O.", "Cleo Martin", "Jo Whitfield", "Lee Chen", "Priya S.",
    "Kim Novak", "Ola Nordmann", "Marta G.", "Tom Becker", "Aisha Bello", "Luca Rossi", "Nina Berg",
    "Oscar Díaz", "Hannah Schmidt", "Yusuf A.", "Grace Liu", "Pierre Dubois", "Mia Jensen",
    "Raj Mehta", "Sofia Costa", "Jack Murphy", "Emma W.", "Noah F.", "Chloé Bernard", "Ines M.",
    "Zoë Müller", "Kenji Sato", "Fatima Z.", "Liam O'Brien",
]

#: Extra product names when a bigger site needs more products per brand.
PRODUCT_WORDS: list[str] = [
    "Classic", "Pro", "Mini", "Max", "Lite", "Plus", "Air", "One", "Studio", "Travel", "Compact", "Ultra",
]
