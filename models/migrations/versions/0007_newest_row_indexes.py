"""A review's newest score and current reading found from an index: (review_id, id).

The night asks, per review, for its newest score and its newest theme reading
(``ORDER BY id DESC LIMIT 1`` for one ``review_id``). With only an index on
``review_id``, PostgreSQL right after a bulk import (statistics not yet
gathered) walked the primary key backwards for every review instead: over 60 s
on 100,000 reviews where the index answers in 0.3 s. The composite index
replaces the single-column one, which it covers.

Revision ID: 0007
Revises: 0006
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_score_review_newest', 'score', ['review_id', 'id'], unique=False)
    op.drop_index('ix_score_review_id', table_name='score')
    op.create_index('ix_reviewjourney_review_newest', 'reviewjourney', ['review_id', 'id'], unique=False)
    op.drop_index('ix_reviewjourney_review_id', table_name='reviewjourney')


def downgrade() -> None:
    op.create_index('ix_reviewjourney_review_id', 'reviewjourney', ['review_id'], unique=False)
    op.drop_index('ix_reviewjourney_review_newest', table_name='reviewjourney')
    op.create_index('ix_score_review_id', 'score', ['review_id'], unique=False)
    op.drop_index('ix_score_review_newest', table_name='score')
