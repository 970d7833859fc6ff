"""``umot brands unlink``: a link out of the store and out of every ``[[competitors]]`` table of umot.toml.

The file is not the only way a link gets in (``umot demo`` links its brands in
the store alone), so a sync never removes one: a link deleted from the file by
hand stays in the store until unlinked here. A name no stored brand has (a typo
in the file) is taken out of the file all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from models.competitors_config import load_links
from models.competitors_config_edits import remove_links_from_config
from models.crud.competitors import CompetitorError, known_brand, unlink_competitor
from models.identity import brand_key


@dataclass
class Unlinked:
    """What ``umot brands unlink`` did: the brand as stored (else as typed: ``stored`` False), the rivals
    gone from the store or the file, and those of them no stored brand has (taken out of the file only)."""

    brand: str
    stored: bool = True
    removed: list[str] = field(default_factory=list)
    file_only: list[str] = field(default_factory=list)


def unlink(session: Session, path: Path, brand: str, rivals: Sequence[str]) -> Unlinked:
    """Remove the links from the store and from every table of the file; the file last, so a file
    that cannot be written leaves the store's links (the caller's transaction rolls back).

    A name no stored brand has (a typo in the file, ``"Lumen Audoi"``) is taken out of the file;
    :class:`CompetitorError` for one neither stored nor listed there, before anything changes.
    """
    path = Path(path)
    listed = load_links(path)
    owner = known_brand(session, brand)
    name = owner.name if owner is not None else brand.strip()
    pairs = {(brand_key(b), brand_key(r)) for b, r in listed}
    if owner is None and brand_key(name) not in (b for b, _ in pairs):
        raise CompetitorError(f"unknown brand {name!r}: no stored brand has that name and {path} lists no rivals for it")
    stored = [known_brand(session, rival) for rival in rivals]
    for rival, found in zip(rivals, stored, strict=True):
        if found is None and (brand_key(name), brand_key(rival)) not in pairs:
            raise CompetitorError(
                f"{name} has no competitor {rival.strip()!r}: no stored brand has that name and {path} does not list it"
            )
    in_store = [owner is not None and found is not None and unlink_competitor(session, name, found.name)
                for found in stored]
    in_file = remove_links_from_config(path, name, [rival.strip() for rival in rivals])
    done = Unlinked(name, stored=owner is not None)
    for rival, found, was_stored, was_filed in zip(rivals, stored, in_store, in_file, strict=True):
        if was_stored or was_filed:
            done.removed.append(found.name if found is not None else rival.strip())
            done.file_only += [] if found is not None else [rival.strip()]
    return done
