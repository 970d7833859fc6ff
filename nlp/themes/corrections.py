"""Triage corrections as training data: a brand's added/removed themes applied to like texts.

`umot train --from-db` exports the store's theme corrections of each brand into
``<UMOT_DATA_DIR>/theme-corrections/<slug>-<sha6>.jsonl`` (:func:`corrections_file`); the detector loaded for
that brand then applies each correction to any text whose content words
overlap the corrected text's by at least ``SIMILARITY`` (Jaccard; both read as cleaned by
:func:`nlp.text.clean_text`, emoji as their names), so a
triager's "this is not about delivery" holds for the re-posted and templated
copies of that review too. Each added theme keeps the polarity the triager gave it
(``"polarities"``); a file of the older format has one ``"polarity"`` for all of a
review's added themes, which may be right for only one, so there the detector's own
polarity of a theme it found stays.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic_file import atomic_write
from nlp.text import clean_text
from nlp.themes.brand import content_stems

SIMILARITY = 0.6
FOLDER = "theme-corrections"


def corrections_file(data_dir: Path, brand: str) -> Path:
    """Where ``umot train --from-db`` puts a brand's corrections and its detector reads them."""
    slug = re.sub(r"[^a-z0-9]+", "-", brand.lower()).strip("-") or "brand"
    digest = hashlib.sha256(brand.encode()).hexdigest()[:6]  # "A&B" and "A-B" stay apart
    return Path(data_dir) / FOLDER / f"{slug}-{digest}.jsonl"


@dataclass(frozen=True)
class Correction:
    """A corrected text; ``polarity``: each added theme's own, or one for all of them (older files)."""

    text: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    polarity: str | Mapping[str, str] = "neutral"

    def add_to(self, themes: dict[str, str]) -> None:
        """Add (or re-polarise) the added themes: a theme's own polarity wins over the detector's."""
        for name in self.added:
            if isinstance(self.polarity, str):
                themes.setdefault(name, self.polarity)
            else:
                themes[name] = self.polarity.get(name, "neutral")

    def as_row(self) -> dict[str, Any]:
        """Its line in the exported file (an older file's correction keeps its one polarity)."""
        row: dict[str, Any] = {"text": self.text, "added": list(self.added), "removed": list(self.removed)}
        if isinstance(self.polarity, str):
            row["polarity"] = self.polarity
        else:
            row["polarities"] = {name: self.polarity.get(name, "neutral") for name in self.added}
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Correction:
        """A row of either format; a non-string polarity is refused (TypeError)."""
        polarity = row["polarities"] if "polarities" in row else row.get("polarity", "neutral")
        values = polarity.values() if isinstance(polarity, dict) else [polarity]
        if not all(isinstance(v, str) for v in values):
            raise TypeError(f"polarity {polarity!r} is not a name or a {{theme: name}} table")
        return cls(row["text"], tuple(row.get("added", ())), tuple(row.get("removed", ())), polarity)


class CorrectionMemory:
    """Corrections in the order they were made; later ones win."""

    def __init__(self, corrections: list[Correction] | None = None) -> None:
        # the file holds the review as stored (emoji, HTML): compared as the detector reads texts, cleaned
        self._items = [(content_stems(clean_text(c.text)), c) for c in corrections or []]

    def __len__(self) -> int:
        return len(self._items)

    def version_suffix(self) -> str:
        if not self._items:
            return ""
        blob = json.dumps([[c.text, c.added, c.removed, *([] if isinstance(c.polarity, str) else [dict(c.polarity)])]
                           for _, c in self._items], sort_keys=True)  # a changed polarity re-reads too
        return "+corr:" + hashlib.sha256(blob.encode()).hexdigest()[:8]

    def apply(self, text: str, themes: dict[str, str]) -> dict[str, str]:
        if not self._items:
            return themes
        words = content_stems(text)
        out = dict(themes)
        for stems, fix in self._items:
            union = len(words | stems)
            if union and len(words & stems) / union >= SIMILARITY:
                for name in fix.removed:
                    out.pop(name, None)
                fix.add_to(out)
        return out

    @classmethod
    def load(cls, path: Path) -> CorrectionMemory:
        """Read an exported corrections file; a missing file means no corrections."""
        if not path.exists():
            return cls()
        items = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(Correction.from_row(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a theme correction ({exc})") from exc
        return cls(items)

    @staticmethod
    def write(path: Path, corrections: list[Correction]) -> int:
        """Replace ``path`` whole or not at all: a cut file would make the detector refuse every run."""
        with atomic_write(path) as out:
            for c in corrections:
                out.write(json.dumps(c.as_row(), ensure_ascii=False) + "\n")
        return len(corrections)
