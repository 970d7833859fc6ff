"""The export's columns and what each means: one list for the writer, the README and the tests."""

from __future__ import annotations

DETRACTOR_COLUMNS: dict[str, str] = {
    "review_id": "umot's id of the review (the triage app's /reviews/<id>)",
    "date": "when the review was written (published, else first seen), ISO 8601 in the export timezone",
    "source": "where it was found, e.g. schemaorg:shop.example",
    "url": "link to the review (or the page holding it)",
    "author": "reviewer name as shown on the site",
    "rating": "the customer's own rating, normalised to 1-5 (empty = unrated)",
    "rating_as_published": "that rating as the site showed it, e.g. 8/10 or 4★ (empty = unrated)",
    "predicted_stars": "the model's expected stars, 1-5",
    "label": "the model's sentiment: negative, neutral or positive",
    "p_negative": "model probability of negative (0-1)",
    "p_neutral": "model probability of neutral (0-1)",
    "p_positive": "model probability of positive (0-1)",
    "reasons": "why it was flagged, '; '-separated, ratings as published (e.g. rated 1★; rated 2/10)",
    "referral_intent": "recommend / warn when the text tells others to buy or avoid, else empty",
    "triage_status": "new, in_progress, responded or resolved (dismissed flags are left out)",
    "severity": "flag severity, higher = act first (rows are sorted by it)",
    "title": "review title, if any",
    "text": "review text",
}

SUMMARY_COLUMNS: dict[str, str] = {
    "week": "ISO week, e.g. 2026-W47",
    "brand": "brand name",
    "reviews": "reviews dated in the week",
    "detractors": "of those, flagged as detractors (not dismissed)",
    "scored": "of those, scored by the model with a label",
    "negative_pct": "% of scored reviews labelled negative (0-100)",
    "neutral_pct": "% labelled neutral",
    "positive_pct": "% labelled positive",
    "avg_rating": "mean customer rating (1-5) of rated reviews",
    "nps": "NPS-style score, -100 to 100 (star mapping below)",
    "nps_basis": "reviews with stars (own rating or predicted) behind the NPS",
    "detractor_rate": "% of the week's reviews that are detractors",
    "reply_rate": "% of the week's detractors the brand answered at the source (empty: no detractors)",
    "median_reply_hours": "median hours from review to the brand's reply, over answered detractors with a dated reply",
    "reviews_change": "reviews minus last week's",
    "detractors_change": "detractors minus last week's",
    "negative_pct_change": "negative_pct minus last week's, in points",
    "positive_pct_change": "positive_pct minus last week's, in points",
    "avg_rating_change": "avg_rating minus last week's",
    "nps_change": "nps minus last week's, in points",
    "reply_rate_change": "reply_rate minus last week's, in points",
}
