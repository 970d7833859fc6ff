"""A small triage store seeded through models.crud, the app on it, and logged-in clients.

Acme has 30 detractors (more than one queue page), Globex has 2; ana sees Acme,
gus sees Globex, root is an admin. Texts include markup an attacker would try.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import pytest
from triage_pages import BASE_DAY, FORMULA_TEXT, MODEL, PASSWORD, XSS_TEXT, XSS_TITLE, login


@dataclass
class Seeded:
    url: str
    acme: int = 0
    globex: int = 0
    flags: dict[str, int] = field(default_factory=dict)  # external_id -> flag id
    reviews: dict[str, int] = field(default_factory=dict)  # external_id -> review id


def _acme_rows() -> list[dict]:
    rows = []
    for i in range(30):
        rows.append({
            "source": "appstore" if i % 3 == 0 else "schemaorg:shop.example",
            "external_id": f"a{i}",
            "url": f"https://shop.example/reviews/a{i}",
            "author": "Dana" if i in (0, 1) else f"author {i}",
            "rating": 1 + i % 3,  # 1, 2, 3
            "title": f"Problem number {i}",
            "text": f"Order {i} arrived broken and support ignored me.",
            "published_at": BASE_DAY - timedelta(days=i),
            "referral_intent": "warn" if i % 2 == 0 else None,
        })
    rows[5].update(title=XSS_TITLE, text=XSS_TEXT, url="javascript:alert(1)")
    rows[6].update(text=FORMULA_TEXT)
    rows.append({"source": "appstore", "external_id": "happy", "author": "Dana", "rating": 5,
                 "text": "Second order was perfect, thanks!", "published_at": BASE_DAY - timedelta(days=40)})
    return rows


def seed(url: str) -> Seeded:
    from models.crud import get_or_create_brand, save_scores, upsert_flags, upsert_reviews
    from models.crud.triage import create_user
    from models.db import get_engine, session_scope
    from umot.web.auth import hash_password

    out = Seeded(url=url)
    with session_scope(get_engine(url)) as s:
        acme, globex = get_or_create_brand(s, "Acme"), get_or_create_brand(s, "Globex")
        out.acme, out.globex = acme.id, globex.id
        globex_rows = [{"source": "appstore", "external_id": f"g{i}", "author": "Gil", "rating": 1,
                        "text": f"Globex secret complaint {i}", "published_at": BASE_DAY} for i in range(2)]
        for brand, rows in ((acme, _acme_rows()), (globex, globex_rows)):
            ids = upsert_reviews(s, rows, brand_id=brand.id).new_ids
            out.reviews.update({r["external_id"]: i for r, i in zip(rows, ids)})
            flagged = [(r, i) for r, i in zip(rows, ids) if r["external_id"] != "happy"]
            score_ids = save_scores(s, [
                {"review_id": i, "model_version": MODEL, "label": "neutral" if r["rating"] == 3 else "negative",
                 "stars": r["rating"] + 0.3, "p_negative": 0.8, "p_neutral": 0.15, "p_positive": 0.05,
                 "confidence": 0.8, "detractor": True, "reasons": ["rated 1★", "negative text (p_negative 0.80)"]}
                for r, i in flagged
            ])
            upsert_flags(s, [
                {"review_id": i, "score_id": sid, "brand_id": brand.id, "reasons": ["rated 1★", "negative text (p_negative 0.80)"],
                 "severity": (4 - r["rating"]) / 3} for (r, i), sid in zip(flagged, score_ids)
            ])
        from sqlmodel import select

        from models.tables import Flag
        by_review = {f.review_id: f.id for f in s.exec(select(Flag))}
        out.flags = {ext: by_review[rid] for ext, rid in out.reviews.items() if rid in by_review}
        pw = hash_password(PASSWORD)
        create_user(s, email="ana@acme.example", password_hash=pw, brand_ids=[acme.id])
        create_user(s, email="gus@globex.example", password_hash=pw, brand_ids=[globex.id])
        create_user(s, email="root@umot.example", password_hash=pw, brand_ids=[], is_admin=True)
    return out


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seeded]:
    """Migrate and seed once; each test gets its own copy of the file."""
    from models.db import get_engine, init_db

    path = tmp_path_factory.mktemp("triage") / "template.db"
    url = f"sqlite:///{path}"
    init_db(url)
    seeded = seed(url)
    get_engine(url).dispose()  # checkpoints the WAL into the file
    return path, seeded


@pytest.fixture
def seeded(seeded_template: tuple[Path, Seeded], tmp_path: Path) -> Seeded:
    src, template = seeded_template
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copy(f"{src}{suffix}", tmp_path / f"umot.db{suffix}")
    return replace(template, url=f"sqlite:///{tmp_path / 'umot.db'}")


@pytest.fixture
def app(seeded: Seeded):
    from umot.web.app import create_app

    return create_app(seeded.url, secret_key="test-secret-key")


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def ana(client):  # noqa: ANN001, ANN201
    """A client logged in as Acme's ana."""
    assert login(client, "ana@acme.example").status_code == 303
    return client


@pytest.fixture(scope="module")
def pg_seeded(pg_new_database: Callable[[], AbstractContextManager[str]]) -> Iterator[Seeded]:
    """The same seed in a PostgreSQL database of its own (dropped afterwards), or skip."""
    from models.db import init_db

    with pg_new_database() as url:
        init_db(url)
        yield seed(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_seeded(request: pytest.FixtureRequest) -> Seeded:
    """The seeded store on SQLite (fresh copy) and on PostgreSQL (shared by the module: read-mostly)."""
    return request.getfixturevalue("seeded" if request.param == "sqlite" else "pg_seeded")
