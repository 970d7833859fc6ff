"""``JourneyResult``: what the theme detector reads in one text.

It is the unit the store keeps per review and detector version (the
``reviewtheme``, ``reviewstage`` and ``reviewjourney`` tables) and the CLI
writes as columns, so it stays a plain dataclass that turns into a dict.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class JourneyResult:
    """What one text speaks of: themes (name -> polarity), stages, the main stage, referral intent."""

    themes: dict[str, str] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    primary_stage: str | None = None
    referral: str = "none"

    def as_dict(self) -> dict:
        return asdict(self)
